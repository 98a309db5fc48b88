//! CLI integration tests: run the `crosscheck` binary as a user would.

mod parse;
mod report;
mod util;
