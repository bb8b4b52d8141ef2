use super::{Ctx, Failure, args::TimelineArgs};
pub fn run(_ctx: &Ctx, _a: &TimelineArgs, _out: &mut dyn std::io::Write) -> Result<u8, Failure> {
    Err(Failure::runtime("timeline: not built yet"))
}
