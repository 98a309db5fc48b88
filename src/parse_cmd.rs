//! `crosscheck parse`: print how a file is read.

use std::io::Write;

use anyhow::Context;
use crosscheck_parse::{Document, Format, Parser};

use crate::cli::ParseArgs;

/// Reads and parses one file, with errors that name it; prints the parser's warnings (for example
/// that the file was read as Windows-1258) on stderr.
pub fn read_document(path: &std::path::Path, parser: &Parser) -> anyhow::Result<Document> {
    let name = path.display().to_string();
    if path.is_dir() {
        anyhow::bail!("{name}: is a directory; give the path of a text file");
    }
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read the file"))?;
    let doc = parser.parse(&name, &bytes)?;
    for warning in &doc.warnings {
        eprintln!("crosscheck: warning: {warning}");
    }
    Ok(doc)
}

pub fn run(args: &ParseArgs) -> anyhow::Result<()> {
    // Showing the structure needs no tokens: skipping them keeps huge files in little memory.
    let parser = Parser::builder()
        .kind_opt(args.kind.map(Into::into))
        .format(Format::from_path(&args.file))
        .encoding_opt(args.encoding.map(Into::into))
        .structure_only(true)
        .build();
    let doc = read_document(&args.file, &parser)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(());
    }
    let kind = serde_json::to_value(doc.kind)?;
    let structure = serde_json::to_value(doc.structure)?;
    writeln!(
        out,
        "{}: {} ({}), {} sections, {} sentences",
        doc.path,
        kind.as_str().unwrap_or_default(),
        structure.as_str().unwrap_or_default().replace('_', " "),
        doc.sections.len(),
        doc.sentences().count()
    )?;
    for note in &doc.notes {
        writeln!(out, "note: {note}")?;
    }
    for section in &doc.sections {
        let kind = serde_json::to_value(section.kind)?;
        let label = match section.number {
            Some(n) => format!("{} {n}", kind.as_str().unwrap_or_default()),
            None => kind.as_str().unwrap_or_default().to_string(),
        };
        writeln!(out, "\n[{label}] lines {}-{}", section.lines[0], section.lines[1])?;
        for s in &section.sentences {
            let role = serde_json::to_value(s.role)?;
            let role = role.as_str().unwrap_or_default();
            let tag = if role == "body" { String::new() } else { format!(" ({role})") };
            writeln!(out, "  {:>4}-{:<4}{tag} {}", s.lines[0], s.lines[1], s.text)?;
        }
    }
    out.flush()?;
    Ok(())
}
