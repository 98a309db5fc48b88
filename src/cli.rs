//! Command-line arguments. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare press articles with the official text they report on: where each press sentence comes
/// from, which points each article covers or leaves out, and where names, numbers and dates differ.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how a file is read: its sections (preamble and numbered points, or dateline, headline,
    /// paragraphs, captions, byline) and its sentences with their line numbers.
    Parse(ParseArgs),
}

/// Whether a file is the official text or a press article.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// The reference text (statement, law, report).
    Official,
    /// An article written about it.
    Press,
}

impl From<KindArg> for crosscheck_parse::Kind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Official => crosscheck_parse::Kind::Official,
            KindArg::Press => crosscheck_parse::Kind::Press,
        }
    }
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The file to read (UTF-8 text).
    pub file: PathBuf,
    /// Read the file as this kind instead of deciding from its text.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Print the document model as JSON (sections, sentences, lines, byte spans, roles).
    #[arg(long)]
    pub json: bool,
}
