//! CLI integration tests: run the `crosscheck` binary as a user would.

mod batch;
mod parse;
mod util;
