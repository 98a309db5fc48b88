//! CLI integration tests: run the `crosscheck` binary as a user would.

mod bad_input;
mod batch;
mod compare;
mod corpus;
mod heldout;
mod parse;
mod report;
mod terms;
mod util;
