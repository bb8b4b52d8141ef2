//! `completions SHELL` and `man`: the shell completion scripts and the manual page, both
//! generated from the clap definition in [`super::args`], so they never drift from it.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, EXIT_OK, Failure};

/// Write the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<u8, Failure> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    // clap_complete panics if its writer fails; render into memory so that a closed pipe is
    // an ordinary write error here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut script);
    out.write_all(&script)?;
    Ok(EXIT_OK)
}

/// Write the roff manual page: `aifactories man > aifactories.1`, or `aifactories man | man -l -`.
pub fn man(out: &mut dyn Write) -> Result<u8, Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.write_all(&page)?;
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let mut out = Vec::new();
            assert_eq!(completions(shell, &mut out), Ok(EXIT_OK));
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains("timeline"), "{shell}: {text}");
        }
    }

    #[test]
    fn the_man_page_is_roff() {
        let mut out = Vec::new();
        assert_eq!(man(&mut out), Ok(EXIT_OK));
        let page = String::from_utf8(out).unwrap();
        assert!(page.contains("\n.TH aifactories 1 "), "{page}");
        assert!(page.contains("completions"), "{page}");
    }
}
