//! The embedded data, decoded on a second core from the first moment of `main`.
//!
//! Decoding is the longest single step before the dashboard's first frame, and nothing before
//! it needs the data: parsing the command line, reading the config file and setting up the
//! terminal take about as long on the first core. What to do with the catalog (build the
//! app, or hand it to a command) is decided once the command line is known, and runs on the
//! same second thread.

use std::sync::mpsc::{self, Receiver, Sender};

use super::{Catalog, LoadError};

type Job = Box<dyn FnOnce(Result<Catalog, LoadError>) + Send>;

/// The embedded catalog being decoded on its own thread.
pub struct Prefetch {
    job: Sender<Job>,
}

impl Prefetch {
    /// Start decoding now.
    pub fn start() -> Prefetch {
        let (job, jobs) = mpsc::channel::<Job>();
        std::thread::spawn(move || {
            let catalog = Catalog::embedded();
            // No job: the process did not need the data after all.
            if let Ok(job) = jobs.recv() {
                job(catalog);
            }
        });
        Prefetch { job }
    }

    /// Run `f` on the decoded catalog, on the decoding thread; its result arrives on the
    /// receiver as soon as it is ready (without waiting for the thread to end). The
    /// receiver reports an error only if `f` panicked.
    pub fn then<T, F>(self, f: F) -> Receiver<T>
    where
        T: Send + 'static,
        F: FnOnce(Result<Catalog, LoadError>) -> T + Send + 'static,
    {
        let (tx, rx) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |catalog| {
            let _ = tx.send(f(catalog));
        });
        // The thread is gone only if decoding panicked; decoding again here gives that
        // panic (or the answer) on this thread.
        if let Err(mpsc::SendError(job)) = self.job.send(job) {
            job(Catalog::embedded());
        }
        rx
    }
}

/// Run `f` on the embedded catalog: on the decoding thread if there is one, else here (and
/// its result is then waiting on the receiver).
pub fn with_embedded<T, F>(prefetch: Option<Prefetch>, f: F) -> Receiver<T>
where
    T: Send + 'static,
    F: FnOnce(Result<Catalog, LoadError>) -> T + Send + 'static,
{
    match prefetch {
        Some(p) => p.then(f),
        None => {
            let (tx, rx) = mpsc::sync_channel(1);
            let _ = tx.send(f(Catalog::embedded()));
            rx
        }
    }
}

/// The embedded catalog, from the decoding thread if there is one.
pub fn embedded(prefetch: Option<Prefetch>) -> Result<Catalog, LoadError> {
    with_embedded(prefetch, |catalog| catalog)
        .recv()
        .unwrap_or_else(|_| Catalog::embedded())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefetched_catalog_is_the_embedded_one() {
        let ours = embedded(Some(Prefetch::start())).unwrap();
        let theirs = Catalog::embedded().unwrap();
        assert_eq!(ours.data, theirs.data);
        assert_eq!(ours.origin, theirs.origin);
    }

    #[test]
    fn the_job_runs_on_the_decoding_thread() {
        let here = std::thread::current().id();
        let rx = Prefetch::start().then(move |catalog| {
            (
                std::thread::current().id() != here,
                catalog.map(|c| c.data.factories.len()),
            )
        });
        let (elsewhere, factories) = rx.recv().unwrap();
        assert!(elsewhere);
        assert_eq!(
            factories.unwrap(),
            Catalog::embedded().unwrap().data.factories.len()
        );
    }

    #[test]
    fn a_panicking_job_is_an_error_on_the_receiver() {
        let rx = Prefetch::start().then(|_| -> u8 { panic!("in the job") });
        assert!(rx.recv().is_err());
    }
}
