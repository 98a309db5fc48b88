//! `crosscheck compare`: align press articles with the official text and report.

use std::io::Write;

use anyhow::Context;
use crosscheck_align::{Aligner, Alignment, Config};
use crosscheck_parse::{Kind, Parser};
use rayon::prelude::*;

use crate::cli::{CompareArgs, Format};
use crate::parse_cmd::read_document;

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
    let aligner = Aligner::builder().config(config).build(&official)?;
    let press_parser = Parser::builder().kind(Kind::Press).encoding_opt(encoding).build();
    let articles = args
        .press
        .par_iter()
        .map(|p| read_document(p, &press_parser).map(|doc| aligner.align(&doc)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(aligner.alignment(articles))
}

pub fn run(args: &CompareArgs) -> anyhow::Result<()> {
    let alignment = compare(args)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &alignment)?;
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
        }
    }
    Ok(())
}
