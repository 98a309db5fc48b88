//! Command-line arguments. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, as `--help` shows them.
const EXIT_CODES: &str = "Exit codes:
  0  success
  1  a --fail-on condition was met (the report is still written)
  2  usage or input error (bad arguments, unreadable or invalid files)";

/// Compare press articles with the official text they report on: where each press sentence comes
/// from, which points each article covers or leaves out, and where names, numbers and dates differ.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None, after_help = EXIT_CODES)]
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
    #[command(after_help = EXIT_CODES)]
    Compare(CompareArgs),
    /// List the acronyms (with their long forms), names, amounts, dates and years read from each
    /// file, then the naming inconsistencies found within and across the files: one name given two
    /// acronyms (EUFTA / FTAEU), one acronym standing for two things, a name spelled two ways,
    /// capitalisation that differs, spellings a glossary rejects.
    Terms(TermsArgs),
    /// Measure the aligner against a human gold annotation (a JSON file naming an official text
    /// and a press article, with the true sources, relations and point coverage): coverage
    /// accuracy, source attribution precision/recall/F1, unsupported precision/recall, relation
    /// accuracy.
    Eval(EvalArgs),
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
    /// The file to read: a text file (UTF-8, UTF-16 or old Vietnamese Windows-1258), Markdown
    /// (`.md`) or a saved web page (`.html`, `.htm`).
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

#[derive(Debug, Args)]
pub struct TermsArgs {
    /// The files to read. The first one read as an official text (numbered points, no dateline)
    /// is the reference the others are checked against.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Read every file as this kind instead of deciding from its text.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Accepted aliases and canonical spellings, from a TOML file (`[[alias]] forms = [..]`,
    /// `[[canonical]] form = ".." variants = [..]`).
    #[arg(long, value_name = "FILE.toml")]
    pub glossary: Option<PathBuf>,
    /// Thresholds from a TOML file (the `[checks]` table of the configuration).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TermsFormat::Text)]
    pub format: TermsFormat,
}

/// Output formats of `terms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermsFormat {
    /// A readable listing for the terminal.
    Text,
    /// The terms and findings as JSON.
    Json,
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For the terminal: coverage of each point, findings, then each sentence with its sources and
    /// a word diff ([-only in the official text-] {+only in the article+}).
    Text,
    /// The same as Markdown, for a wiki page, an issue or a code review.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// The full alignment as JSON (schema in docs/alignment.schema.json).
    Json,
    /// One page that opens in any browser without a network: the official text and the article
    /// side by side; click a sentence to see its sources and word diff.
    Html,
    /// One row per press sentence, for spreadsheets.
    Csv,
}

impl From<Format> for crate::report::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => crate::report::Format::Text,
            Format::Markdown => crate::report::Format::Markdown,
            Format::Json => crate::report::Format::Json,
            Format::Html => crate::report::Format::Html,
            Format::Csv => crate::report::Format::Csv,
        }
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The official text.
    pub official: PathBuf,
    /// One or more press articles about it: files (`.txt`, `.md` Markdown, `.html`/`.htm` saved web
    /// pages), directories (every article file inside, sorted by path) or glob patterns
    /// (`'coverage/*.html'`).
    #[arg(required_unless_present = "stdin_jsonl")]
    pub press: Vec<PathBuf>,
    /// Read the articles from standard input, one JSON record per line (`{"id": …, "text": …}` or
    /// `{"id": …, "path": …}`, optional `"format": "markdown"|"html"`), and write one JSON line per
    /// article to standard output, carrying the record's id, in input order, as each is done. A
    /// record that cannot be read gets `{"id": …, "error": …}`. Each line has the article's own
    /// findings; findings across articles need the whole corpus and are not made. Not with a report
    /// format, `-o`, `--fail-on` or `--summary`.
    #[arg(long, conflicts_with_all = ["press", "format", "output", "fail_on", "summary"])]
    pub stdin_jsonl: bool,
    /// Show the corpus summary (coverage matrix, most omitted points, findings across articles)
    /// even for a single article; it is shown whenever more than one article is compared.
    #[arg(long)]
    pub summary: bool,
    /// Stop with exit code 2 when an article cannot be read, instead of reporting it and going on
    /// with the others.
    #[arg(long)]
    pub strict: bool,
    /// Number of worker threads (default: one per CPU). The output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Report format [default: text, or what the extension of -o names: .txt/.text,
    /// .md/.markdown, .json, .html/.htm, .csv; -o with any other extension needs --format].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to this file instead of the terminal. It is written whole or not at all,
    /// and never over one of the input files.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 1 when the results show this (repeatable): `omitted` (an article leaves out
    /// a point), `unsupported` (a sentence the official text does not support), `finding` (any
    /// finding) or `finding=SEVERITY` (a finding of at least info, warning or error). The report
    /// is written all the same.
    #[arg(long = "fail-on", value_name = "CONDITION")]
    pub fail_on: Vec<crate::report::Gate>,
    /// Thresholds and weights from a TOML file (see `Config` in crates/align).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Accepted aliases (not reported) and canonical spellings (reported against), from a TOML
    /// file: `[[alias]] forms = ["Anna Maria Berg", "Anna-Maria Berg"]`,
    /// `[[canonical]] form = "EUFTA" variants = ["FTAEU"]`.
    #[arg(long, value_name = "FILE.toml")]
    pub glossary: Option<PathBuf>,
    /// Read every input, the official text and the articles, in this encoding (see `crosscheck parse
    /// --help`). Without it each file is recognised on its own.
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold annotation (JSON; its `official` and `press` paths are relative to it).
    pub gold: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every disagreement with the gold.
    #[arg(long, short)]
    pub verbose: bool,
    /// Thresholds and weights from a TOML file.
    #[arg(long)]
    pub config: Option<PathBuf>,
}
