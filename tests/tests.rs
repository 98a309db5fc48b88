//! CLI integration tests: run the `crosscheck` binary as a user would.

mod compare;
mod parse;
mod terms;
mod util;
