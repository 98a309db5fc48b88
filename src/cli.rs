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
    /// Compare one or more press articles with the official text: for each press sentence, its
    /// sources (point, sentence, lines) and how it was made (verbatim, paraphrase, condensed from
    /// several sentences, or unsupported); for each point, whether each article covers it, covers
    /// part of it (and what it drops) or leaves it out.
    Compare(CompareArgs),
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

/// Text encodings a file can be read in.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 (the default; a byte-order mark is fine).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// UTF-16, little-endian (Windows "Unicode" text files).
    #[value(name = "utf-16le", alias = "utf16le")]
    Utf16le,
    /// UTF-16, big-endian.
    #[value(name = "utf-16be", alias = "utf16be")]
    Utf16be,
    /// Windows-1258, the old Vietnamese Windows encoding.
    #[value(name = "windows-1258", alias = "cp1258")]
    Windows1258,
}

impl From<EncodingArg> for crosscheck_parse::Encoding {
    fn from(e: EncodingArg) -> Self {
        match e {
            EncodingArg::Utf8 => crosscheck_parse::Encoding::Utf8,
            EncodingArg::Utf16le => crosscheck_parse::Encoding::Utf16Le,
            EncodingArg::Utf16be => crosscheck_parse::Encoding::Utf16Be,
            EncodingArg::Windows1258 => crosscheck_parse::Encoding::Windows1258,
        }
    }
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The file to read (a text file: UTF-8, UTF-16 or old Vietnamese Windows-1258).
    pub file: PathBuf,
    /// Read the file as this kind instead of deciding from its text.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Print the document model as JSON (sections, sentences, lines, byte spans, roles).
    #[arg(long)]
    pub json: bool,
    /// Read the file in this encoding. Without it, UTF-8 and UTF-16 (with a byte-order mark) are
    /// recognised, and a file that is not UTF-8 but reads as old Vietnamese Windows text is read as
    /// Windows-1258 with a warning.
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable summary for the terminal.
    Text,
    /// The full alignment as JSON (schema in docs/alignment.schema.json).
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The official text.
    pub official: PathBuf,
    /// One or more press articles about it.
    #[arg(required = true)]
    pub press: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Thresholds and weights from a TOML file (see `Config` in crates/align).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Read every input in this encoding (see `crosscheck parse --help`).
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
}
