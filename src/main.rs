//! `crosscheck`: what did the press keep, change, add or leave out of an official text?

mod allocator;
mod batch;
mod cli;
mod compare_cmd;
mod corpus;
mod eval_cmd;
mod input;
mod json;
mod output;
mod parse_cmd;
mod report;
#[cfg(test)]
mod seed;
mod stream;
mod terms_cmd;

use std::process::ExitCode;

/// mimalloc: the engine makes many small allocations (words, tokens, places), and the system
/// allocator spent a sixth of a compare run in them.
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

use clap::Parser as _;

/// Exit code: success.
const EXIT_OK: u8 = 0;
/// Exit code: a `--fail-on` condition was met (the report was still written).
const EXIT_GATE_FAILED: u8 = 1;
/// Exit code: a usage or input error (bad arguments, unreadable or invalid files).
const EXIT_INPUT: u8 = 2;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(EXIT_OK),
        Err(err) => {
            eprintln!("crosscheck: error: {err:#}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn run(args: cli::Cli) -> anyhow::Result<u8> {
    match args.command {
        cli::Command::Parse(a) => parse_cmd::run(&a)?,
        cli::Command::Compare(a) => {
            if let report::Verdict::GateFailed(met) = compare_cmd::run(&a)? {
                for reason in met {
                    eprintln!("crosscheck: gate failed: {reason}");
                }
                return Ok(EXIT_GATE_FAILED);
            }
        }
        cli::Command::Terms(a) => terms_cmd::run(&a)?,
        cli::Command::Eval(a) => eval_cmd::run(&a)?,
    }
    Ok(EXIT_OK)
}

/// True when the error is stdout closing early (`crosscheck … | head`), which is not a failure.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
