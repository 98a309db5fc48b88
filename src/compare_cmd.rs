//! `crosscheck compare`: align press articles with the official text and report.

use anyhow::Context;
use crosscheck_align::{Aligner, Alignment, Config};
use crosscheck_parse::{Kind, Parser};
use rayon::prelude::*;

use crate::cli::CompareArgs;
use crate::parse_cmd::read_document;
use crate::report;

/// Reads the configuration file, or the defaults.
pub fn load_config(path: Option<&std::path::Path>) -> anyhow::Result<Config> {
    let Some(path) = path else { return Ok(Config::default()) };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read the file"))?;
    Ok(Config::from_toml(&name, &text)?)
}

/// Parses the inputs and aligns every article.
pub fn compare(args: &CompareArgs) -> anyhow::Result<Alignment> {
    let config = load_config(args.config.as_deref())?;
    let encoding = args.encoding.map(Into::into);
    let official = read_document(
        &args.official,
        &Parser::builder().kind(Kind::Official).encoding_opt(encoding).build(),
    )?;
    let glossary = crate::terms_cmd::load_glossary(args.glossary.as_deref())?;
    let aligner = Aligner::builder().config(config).glossary(glossary).build(&official)?;
    let press_parser = Parser::builder().kind(Kind::Press).encoding_opt(encoding).build();
    let docs =
        args.press.par_iter().map(|p| read_document(p, &press_parser)).collect::<anyhow::Result<Vec<_>>>()?;
    let mut articles: Vec<_> = docs.par_iter().map(|doc| aligner.align(doc)).collect();
    let findings = aligner.check(&docs, &mut articles);
    let mut alignment = aligner.alignment(articles);
    alignment.findings = findings;
    Ok(alignment)
}

pub fn run(args: &CompareArgs) -> anyhow::Result<report::Verdict> {
    let alignment = compare(args)?;
    report::emit(&alignment, &report_options(args))
}

/// The report settings the arguments ask for.
fn report_options(args: &CompareArgs) -> report::Options {
    let format = args
        .format
        .map(Into::into)
        .or_else(|| args.output.as_deref().and_then(report::Format::from_extension))
        .unwrap_or(report::Format::Text);
    let inputs = std::iter::once(&args.official).chain(&args.press).chain(&args.config).cloned().collect();
    report::Options { format, output: args.output.clone(), fail_on: args.fail_on.clone(), inputs }
}
