//! `crosscheck compare`: align press articles with the official text and report.

use anyhow::{bail, Context};
use crosscheck_align::{Aligner, Alignment, Config};
use crosscheck_parse::{Kind, Parser};

use crate::cli::CompareArgs;
use crate::corpus::CorpusSummary;
use crate::parse_cmd::read_document;
use crate::{batch, input, report, stream};

/// Reads the configuration file, or the defaults.
pub fn load_config(path: Option<&std::path::Path>) -> anyhow::Result<Config> {
    let Some(path) = path else { return Ok(Config::default()) };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read the file"))?;
    Ok(Config::from_toml(&name, &text)?)
}

/// Builds the aligner for the official text named in `args`.
pub fn aligner(args: &CompareArgs) -> anyhow::Result<Aligner> {
    let config = load_config(args.config.as_deref())?;
    let encoding = args.encoding.map(Into::into);
    let official = read_document(
        &args.official,
        &Parser::builder().kind(Kind::Official).encoding_opt(encoding).build(),
    )?;
    let glossary = crate::terms_cmd::load_glossary(args.glossary.as_deref())?;
    Ok(Aligner::builder().config(config).glossary(glossary).build(&official)?)
}

/// The result of comparing a set of article files.
#[derive(Debug)]
pub struct Compared {
    /// The alignment of every article that could be read, in input order.
    pub alignment: Alignment,
    /// How many articles could not be read and were left out (each reported on stderr).
    pub skipped: usize,
    /// The article files the arguments named, after expanding directories and patterns.
    pub files: Vec<std::path::PathBuf>,
}

/// Expands the article arguments (files, directories, patterns), then reads and aligns every
/// article in parallel on the current rayon pool. An unreadable article is reported on stderr and
/// left out, unless it is the only one or `--strict` is given (then it is an error).
pub fn compare_files(args: &CompareArgs) -> anyhow::Result<Compared> {
    let aligner = aligner(args)?;
    let files = input::expand(&args.press)?;
    let mut outcome = batch::align_files(&aligner, &files, args.encoding.map(Into::into));
    if files.len() == 1 {
        if let Some(skipped) = outcome.skipped.pop() {
            return Err(skipped.error);
        }
    }
    for s in &outcome.skipped {
        eprintln!("crosscheck: skipped {}: {:#}", s.path, s.error);
    }
    let skipped = outcome.skipped.len();
    if skipped > 0 && args.strict {
        bail!("{skipped} of {} articles could not be read (--strict)", files.len());
    }
    if outcome.articles.is_empty() {
        bail!("none of the {} articles could be read", files.len());
    }
    // The consistency checks compare the articles with each other, so they need every document.
    let findings = aligner.check(&outcome.documents, &mut outcome.articles);
    drop(outcome.documents);
    let mut alignment = aligner.alignment(outcome.articles);
    alignment.findings = findings;
    Ok(Compared { alignment, skipped, files })
}

pub fn run(args: &CompareArgs) -> anyhow::Result<report::Verdict> {
    batch::with_threads(args.threads, || run_on_pool(args))?
}

fn run_on_pool(args: &CompareArgs) -> anyhow::Result<report::Verdict> {
    if args.stdin_jsonl {
        let aligner = aligner(args)?;
        let stdin = std::io::BufReader::new(std::io::stdin());
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let stats = stream::run(&aligner, stdin, &mut out, args.strict, args.encoding.map(Into::into))?;
        if stats.skipped > 0 {
            eprintln!("crosscheck: {} of {} records skipped", stats.skipped, stats.skipped + stats.aligned);
        }
        return Ok(report::Verdict::Pass);
    }
    // Before the work: a report that could not be written as asked is not worth waiting for.
    let format = report_format(args)?;
    let Compared { alignment, skipped, files } = compare_files(args)?;
    let summary =
        (alignment.articles.len() > 1 || args.summary).then(|| CorpusSummary::new(&alignment, skipped));
    report::emit(&alignment, &report_options(args, format, files, summary))
}

/// The report format: `--format`, else what the extension of `-o` names, else text. An `-o` file
/// whose extension names no report format (`r.pdf`) is an error unless `--format` is given: the
/// file would not be what its name says.
fn report_format(args: &CompareArgs) -> anyhow::Result<report::Format> {
    if let Some(format) = args.format {
        return Ok(format.into());
    }
    let Some(path) = args.output.as_deref() else {
        return Ok(report::Format::Text);
    };
    match path.extension().map(|e| e.to_string_lossy()).filter(|e| !e.is_empty()) {
        // `report` and `report.` name no format: text.
        None => Ok(report::Format::Text),
        Some(ext) => report::Format::from_extension(path).ok_or_else(|| {
            anyhow::anyhow!(
                "-o {}: .{ext} is not a report format (.txt, .text, .md, .markdown, .json, .html, .htm, \
                 .csv); give --format to write one of those under this name",
                path.display()
            )
        }),
    }
}

/// The report settings the arguments ask for.
fn report_options(
    args: &CompareArgs,
    format: report::Format,
    files: Vec<std::path::PathBuf>,
    summary: Option<CorpusSummary>,
) -> report::Options {
    let inputs = std::iter::once(&args.official)
        .chain(&files)
        .chain(&args.config)
        .chain(&args.glossary)
        .cloned()
        .collect();
    report::Options { format, output: args.output.clone(), fail_on: args.fail_on.clone(), inputs, summary }
}
