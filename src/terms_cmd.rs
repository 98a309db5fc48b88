//! `crosscheck terms`: what the consistency checks read from each file, and what they find.

use std::io::Write;

use anyhow::Context;
use crosscheck_align::{check_documents, terms, Finding, Glossary, TermEntry, Terms};
use crosscheck_parse::{Kind, Parser};
use serde::Serialize;

use crate::cli::{TermsArgs, TermsFormat};
use crate::compare_cmd::load_config;
use crate::parse_cmd::read_document;

/// Reads a glossary file, with errors that name it.
pub fn load_glossary(path: Option<&std::path::Path>) -> anyhow::Result<Option<Glossary>> {
    let Some(path) = path else { return Ok(None) };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
    Ok(Some(Glossary::from_toml(&name, &text)?))
}

/// The whole output of `terms`.
#[derive(Debug, Serialize)]
pub struct TermsReport {
    /// What was read from each file, in input order.
    pub files: Vec<Terms>,
    /// Naming findings within and across the files.
    pub findings: Vec<Finding>,
}

/// Reads the files and runs the naming checks.
pub fn report(args: &TermsArgs) -> anyhow::Result<TermsReport> {
    let config = load_config(args.config.as_deref())?;
    let glossary = load_glossary(args.glossary.as_deref())?;
    let parser = Parser::builder().kind_opt(args.kind.map(Into::into)).build();
    let docs = args.files.iter().map(|p| read_document(p, &parser)).collect::<anyhow::Result<Vec<_>>>()?;
    let official = docs.iter().position(|d| d.kind == Kind::Official);
    let files = docs.iter().map(|d| terms(d, &config.checks)).collect();
    let findings = check_documents(&docs, official, glossary.as_ref(), &config.checks);
    Ok(TermsReport { files, findings })
}

fn write_entries(out: &mut impl Write, title: &str, entries: &[TermEntry]) -> std::io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(out, "  {title}:")?;
    for e in entries {
        let lines: Vec<String> = e.lines.iter().map(usize::to_string).collect();
        let detail = if e.detail.is_empty() { String::new() } else { format!(" = {}", e.detail) };
        writeln!(out, "    {}{detail}  [lines {}]", e.text, lines.join(", "))?;
    }
    Ok(())
}

pub fn run(args: &TermsArgs) -> anyhow::Result<()> {
    let report = report(args)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.format == TermsFormat::Json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
        return Ok(());
    }
    for file in &report.files {
        writeln!(out, "{}", file.path)?;
        write_entries(&mut out, "acronyms", &file.acronyms)?;
        write_entries(&mut out, "names", &file.names)?;
        write_entries(&mut out, "quantities", &file.quantities)?;
    }
    writeln!(out, "\nfindings: {}", report.findings.len())?;
    for f in &report.findings {
        let severity = serde_json::to_value(f.severity)?;
        writeln!(out, "  {} {}: {}", severity.as_str().unwrap_or_default(), f.kind, f.message)?;
    }
    Ok(())
}
