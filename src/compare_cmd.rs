//! `crosscheck compare`: align press articles with the official text and report.

use std::io::Write;

use anyhow::{bail, Context};
use crosscheck_align::{Aligner, Alignment, Config};
use crosscheck_parse::{Kind, Parser};
use serde::Serialize;

use crate::cli::{CompareArgs, Format};
use crate::corpus::CorpusSummary;
use crate::parse_cmd::read_document;
use crate::{batch, input, stream};

/// Reads the configuration file, or the defaults.
pub fn load_config(path: Option<&std::path::Path>) -> anyhow::Result<Config> {
    let Some(path) = path else { return Ok(Config::default()) };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
    Ok(Config::from_toml(&name, &text)?)
}

/// Builds the aligner for the official text named in `args`.
pub fn aligner(args: &CompareArgs) -> anyhow::Result<Aligner> {
    let config = load_config(args.config.as_deref())?;
    let official = read_document(&args.official, &Parser::builder().kind(Kind::Official).build())?;
    Ok(Aligner::builder().config(config).build(&official)?)
}

/// The result of comparing a set of article files.
#[derive(Debug)]
pub struct Compared {
    /// The alignment of every article that could be read, in input order.
    pub alignment: Alignment,
    /// How many articles could not be read and were left out (each reported on stderr).
    pub skipped: usize,
}

/// Expands the article arguments (files, directories, patterns), then reads and aligns every
/// article in parallel on the current rayon pool. An unreadable article is reported on stderr and
/// left out, unless it is the only one or `--strict` is given (then it is an error).
pub fn compare_files(args: &CompareArgs) -> anyhow::Result<Compared> {
    let aligner = aligner(args)?;
    let paths = input::expand(&args.press)?;
    let mut outcome = batch::align_files(&aligner, &paths);
    if paths.len() == 1 {
        if let Some(skipped) = outcome.skipped.pop() {
            return Err(skipped.error);
        }
    }
    for s in &outcome.skipped {
        eprintln!("crosscheck: skipped {}: {:#}", s.path, s.error);
    }
    let skipped = outcome.skipped.len();
    if skipped > 0 && args.strict {
        bail!("{skipped} of {} articles could not be read (--strict)", paths.len());
    }
    if outcome.articles.is_empty() {
        bail!("none of the {} articles could be read", paths.len());
    }
    Ok(Compared { alignment: aligner.alignment(outcome.articles), skipped })
}

/// The JSON output: the alignment, plus the corpus summary when one is shown.
#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten)]
    alignment: &'a Alignment,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a CorpusSummary>,
}

pub fn run(args: &CompareArgs) -> anyhow::Result<()> {
    batch::with_threads(args.threads, || run_on_pool(args))?
}

fn run_on_pool(args: &CompareArgs) -> anyhow::Result<()> {
    if args.stdin_jsonl {
        let aligner = aligner(args)?;
        let stdin = std::io::BufReader::new(std::io::stdin());
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let stats = stream::run(&aligner, stdin, &mut out, args.strict)?;
        if stats.skipped > 0 {
            eprintln!("crosscheck: {} of {} records skipped", stats.skipped, stats.skipped + stats.aligned);
        }
        return Ok(());
    }
    let Compared { alignment, skipped } = compare_files(args)?;
    let summary =
        (alignment.articles.len() > 1 || args.summary).then(|| CorpusSummary::new(&alignment, skipped));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &JsonReport { alignment: &alignment, summary: summary.as_ref() },
            )?;
            writeln!(out)?;
        }
        Format::Text => {
            for article in &alignment.articles {
                writeln!(out, "{}", article.path)?;
                for c in &article.coverage {
                    writeln!(out, "  point {:>3}  {:?}  {:.2}", c.point, c.status, c.score)?;
                }
                for s in &article.sentences {
                    let src: Vec<String> = s
                        .sources
                        .iter()
                        .map(|x| format!("{}:{}-{}", x.sentence, x.lines[0], x.lines[1]))
                        .collect();
                    writeln!(
                        out,
                        "  {:>4} {:?} {:.2} [{}] {}",
                        s.lines[0],
                        s.relation,
                        s.score,
                        src.join(", "),
                        s.text
                    )?;
                }
            }
            if let Some(summary) = &summary {
                writeln!(out, "\n{summary}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
