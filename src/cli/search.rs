use super::{Ctx, Failure, args::SearchArgs};
pub fn run(_ctx: &Ctx, _a: &SearchArgs, _out: &mut dyn std::io::Write) -> Result<u8, Failure> {
    Err(Failure::runtime("search: not built yet"))
}
