//! Reports: an [`Alignment`] rendered for people (terminal text, Markdown, a self-contained HTML
//! page) and for tools (JSON, CSV), written to stdout or to a file, and the `--fail-on` gate that
//! turns what the report shows into an exit code.
//!
//! Everything here reads only the alignment (the JSON contract): the official text's sections and
//! sentences are in it, so a report never needs the parsed documents.

mod csv;
mod gate;
mod html;
mod markdown;
mod text;

#[cfg(test)]
mod fixture;

use std::io::Write;
use std::path::PathBuf;

use crosscheck_align::{Alignment, CoverageStatus, DiffOp, DiffTag, OfficialSection, Relation, Source};
use crosscheck_parse::Role;

pub use gate::Gate;

/// Output formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Coverage table, findings and sentences with word diffs, for a terminal.
    Text,
    /// The same content as Markdown.
    Markdown,
    /// The alignment contract as JSON.
    Json,
    /// One self-contained HTML page.
    Html,
    /// One row per press sentence.
    Csv,
}

impl Format {
    /// The format a file name asks for by its extension, if any (`report.html` → HTML).
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Sizes that shape the human-readable reports. Defaults suit a 100-column terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Line width of the text report, in terminal columns.
    pub width: usize,
    /// Words of a point's first sentence kept in its one-line gist.
    pub gist_words: usize,
    /// Width of the gist column of the text coverage table.
    pub gist_columns: usize,
    /// A run of words only in the official text longer than this is shown shortened in text and
    /// Markdown diffs (the HTML report shows it whole).
    pub max_deleted_words: usize,
    /// A passage kept from the official text shorter than this many words, between two changes,
    /// is shown as part of the change, so a rewritten sentence reads as one replacement rather
    /// than word-by-word swaps.
    pub min_equal_words: usize,
    /// Whether the text report uses ANSI colours.
    pub colour: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: 100,
            gist_words: 10,
            gist_columns: 40,
            max_deleted_words: 12,
            min_equal_words: 2,
            colour: false,
        }
    }
}

/// What to render, where to write it, and which results fail the run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The report format.
    pub format: Format,
    /// The file to write; stdout when `None`.
    pub output: Option<PathBuf>,
    /// Conditions that make the run fail (exit code 1).
    pub fail_on: Vec<Gate>,
    /// The files the report was made from, which `output` must never overwrite.
    pub inputs: Vec<PathBuf>,
    /// The corpus summary to add to the report (several articles, or `--summary`).
    pub summary: Option<crate::corpus::CorpusSummary>,
}

/// Whether the results passed the `--fail-on` gates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No gate was met.
    Pass,
    /// These gates were met, each described in a sentence.
    GateFailed(Vec<String>),
}

/// Renders the report, writes it to stdout or `-o FILE`, and checks the gates. A JSON report is
/// written as it is serialised (on stdout, an error part-way would leave part of it written; the
/// serialiser fails only on a failed write); the other formats are rendered first.
pub fn emit(alignment: &Alignment, opts: &Options) -> anyhow::Result<Verdict> {
    let stdout = std::io::stdout();
    let colour =
        opts.output.is_none() && anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
    let layout = Layout { colour, ..Layout::default() };
    let rendered = match (&opts.summary, opts.format) {
        (_, Format::Json) => None,
        (Some(summary), format) => Some(crate::corpus::render_with(alignment, summary, format, &layout)?),
        (None, format) => Some(render(alignment, format, &layout)?),
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match &rendered {
            Some(report) => Ok(out.write_all(report.as_bytes())?),
            None => crate::corpus::write_json(alignment, opts.summary.as_ref(), out),
        }
    };
    match &opts.output {
        Some(path) => crate::output::write_report(path, &opts.inputs, write)?,
        None => {
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    let met = gate::check(alignment, &opts.fail_on);
    Ok(if met.is_empty() { Verdict::Pass } else { Verdict::GateFailed(met) })
}

/// Renders the report as a string in `format`.
pub fn render(alignment: &Alignment, format: Format, layout: &Layout) -> anyhow::Result<String> {
    match format {
        Format::Text => Ok(text::render(alignment, layout)),
        Format::Markdown => Ok(markdown::render(alignment, layout)),
        Format::Json => {
            let mut bytes = Vec::new();
            crate::corpus::write_json(alignment, None, &mut bytes)?;
            Ok(String::from_utf8(bytes)?)
        }
        Format::Csv => csv::render(alignment),
        Format::Html => html::render(alignment, layout),
    }
}

/// A one-line gist of a point: the first words of its first sentence.
/// [`gist`] of official point `point`, or nothing when the alignment has no such point.
pub(crate) fn point_gist(a: &Alignment, point: u32, words: usize) -> String {
    a.official.sections.iter().find(|s| s.point == point).map(|s| gist(s, words)).unwrap_or_default()
}

pub(crate) fn gist(section: &OfficialSection, words: usize) -> String {
    let Some(first) = section.sentences.first() else { return String::new() };
    let all: Vec<&str> = first.text.split_whitespace().collect();
    if all.len() <= words {
        return all.join(" ");
    }
    let mut kept = all[..words].join(" ");
    kept.push('…');
    kept
}

/// The contract's name of a severity.
pub(crate) fn severity_name(s: crosscheck_align::Severity) -> &'static str {
    match s {
        crosscheck_align::Severity::Error => "error",
        crosscheck_align::Severity::Warning => "warning",
        crosscheck_align::Severity::Info => "info",
    }
}

/// The contract's name of a relation (`not-content`).
pub(crate) fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Verbatim => "verbatim",
        Relation::Paraphrase => "paraphrase",
        Relation::Condensed => "condensed",
        Relation::Unsupported => "unsupported",
        Relation::NotContent => "not-content",
    }
}

/// Every relation, in report order.
pub(crate) const RELATIONS: [Relation; 5] = [
    Relation::Verbatim,
    Relation::Paraphrase,
    Relation::Condensed,
    Relation::Unsupported,
    Relation::NotContent,
];

/// The contract's name of a coverage status.
pub(crate) fn status_name(s: CoverageStatus) -> &'static str {
    match s {
        CoverageStatus::Covered => "covered",
        CoverageStatus::Partial => "partial",
        CoverageStatus::Omitted => "omitted",
    }
}

/// Every coverage status, in report order.
pub(crate) const STATUSES: [CoverageStatus; 3] =
    [CoverageStatus::Covered, CoverageStatus::Partial, CoverageStatus::Omitted];

/// The contract's name of a role (`headline`, `caption`, …).
pub(crate) fn role_name(role: Role) -> String {
    serde_json::to_value(role).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The last component of a path, for compact citations (`official.txt:47-52`).
pub(crate) fn file_name(path: &str) -> &str {
    std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path)
}

/// `47` or `47-52`.
pub(crate) fn line_range(lines: [usize; 2]) -> String {
    if lines[0] == lines[1] {
        lines[0].to_string()
    } else {
        format!("{}-{}", lines[0], lines[1])
    }
}

/// `official.txt:47-52`: where a source sentence is.
pub(crate) fn cite(official_path: &str, source: &Source) -> String {
    format!("{}:{}", file_name(official_path), line_range(source.lines))
}

/// `point 4`, or `preamble` for point 0.
pub(crate) fn point_label(point: u32) -> String {
    if point == 0 {
        "preamble".to_string()
    } else {
        format!("point {point}")
    }
}

/// `12 covered, 6 partial, 7 omitted of 25 points`.
pub(crate) fn coverage_summary(article: &crosscheck_align::ArticleAlignment) -> String {
    let parts: Vec<String> = STATUSES
        .iter()
        .map(|s| {
            let n = article.coverage.iter().filter(|c| c.status == *s).count();
            format!("{n} {}", status_name(*s))
        })
        .collect();
    format!("{} of {} points", parts.join(", "), article.coverage.len())
}

/// `5 verbatim, 20 paraphrase, …` counting only the relations that occur.
pub(crate) fn relation_summary(article: &crosscheck_align::ArticleAlignment) -> String {
    let parts: Vec<String> = RELATIONS
        .iter()
        .filter_map(|r| {
            let n = article.sentences.iter().filter(|s| s.relation == *r).count();
            (n > 0).then(|| format!("{n} {}", relation_name(*r)))
        })
        .collect();
    format!("{} sentences: {}", article.sentences.len(), parts.join(", "))
}

/// A word diff regrouped for reading: between two kept passages, everything the article changed is
/// shown as one official-only run followed by one article-only run, instead of alternating word by
/// word. A kept passage of fewer than `min_equal_words` words between two changes joins the change
/// (on both sides). Each side's text is unchanged: the official-only and kept runs still spell the
/// official sentence, the article-only and kept runs the press sentence.
pub(crate) fn grouped_diff(ops: &[DiffOp], min_equal_words: usize) -> Vec<DiffOp> {
    let mut out = Vec::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush = |out: &mut Vec<DiffOp>, deleted: &mut String, inserted: &mut String| {
        for (op, text) in [(DiffTag::Delete, deleted), (DiffTag::Insert, inserted)] {
            if !text.is_empty() {
                out.push(DiffOp { op, text: std::mem::take(text) });
            }
        }
    };
    for (i, op) in ops.iter().enumerate() {
        match op.op {
            DiffTag::Delete => deleted.push_str(&op.text),
            DiffTag::Insert => inserted.push_str(&op.text),
            DiffTag::Equal => {
                // Only inside a replacement: a kept word between two deletions stays kept.
                let next = ops.get(i + 1).map(|next| next.op);
                let inside = !(deleted.is_empty() && inserted.is_empty())
                    && next.is_some_and(|n| n != DiffTag::Equal)
                    && (!inserted.is_empty() || next == Some(DiffTag::Insert));
                if inside && op.text.split_whitespace().count() < min_equal_words {
                    deleted.push_str(&op.text);
                    inserted.push_str(&op.text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    out.push(op.clone());
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// A word diff as runs to display: grouped (see [`grouped_diff`]), with long runs of official-only
/// words shortened to their first and last words around `…` so a paraphrase of a long sentence
/// stays readable.
pub(crate) fn display_diff(ops: &[DiffOp], layout: &Layout) -> Vec<(DiffTag, String)> {
    let max_deleted_words = layout.max_deleted_words;
    grouped_diff(ops, layout.min_equal_words)
        .iter()
        .map(|op| {
            let words: Vec<&str> = op.text.split_whitespace().collect();
            if op.op != DiffTag::Delete || words.len() <= max_deleted_words || max_deleted_words < 2 {
                return (op.op, op.text.clone());
            }
            let half = max_deleted_words / 2;
            let lead = if op.text.starts_with(char::is_whitespace) { " " } else { "" };
            let trail = if op.text.ends_with(char::is_whitespace) { " " } else { "" };
            let short = format!(
                "{lead}{} … {}{trail}",
                words[..half].join(" "),
                words[words.len() - half..].join(" ")
            );
            (op.op, short)
        })
        .collect()
}

/// Splits a run into leading whitespace, core and trailing whitespace, so markers can hug the
/// words (`[-river-]`) while the spaces stay outside.
pub(crate) fn split_space(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    if core.is_empty() {
        return (s, "", "");
    }
    let start = s.len() - s.trim_start().len();
    let end = start + core.len();
    (&s[..start], core, &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gist_keeps_the_first_words_of_the_first_sentence() {
        let a = fixture::alignment();
        let section = &a.official.sections[1];
        assert_eq!(gist(section, 4), "The parties agreed to…");
        assert_eq!(gist(section, 100), section.sentences[0].text);
    }

    #[test]
    fn an_output_extension_names_its_format() {
        let t = |p: &str| Format::from_extension(std::path::Path::new(p));
        assert_eq!(t("r.html"), Some(Format::Html));
        assert_eq!(t("r.MD"), Some(Format::Markdown));
        assert_eq!(t("r.csv"), Some(Format::Csv));
        assert_eq!(t("r.json"), Some(Format::Json));
        assert_eq!(t("r.txt"), Some(Format::Text));
        assert_eq!(t("r.pdf"), None);
        assert_eq!(t("report"), None);
    }

    #[test]
    fn a_long_run_of_official_only_words_is_shortened_around_an_ellipsis() {
        let ops = vec![
            DiffOp { op: DiffTag::Equal, text: "a b ".into() },
            DiffOp { op: DiffTag::Delete, text: "one two three four five six seven ".into() },
            DiffOp { op: DiffTag::Insert, text: "one two three four five six seven".into() },
        ];
        let runs = display_diff(&ops, &Layout { max_deleted_words: 4, ..Layout::default() });
        assert_eq!(runs[0].1, "a b ");
        assert_eq!(runs[1].1, "one two … six seven ");
        assert_eq!(runs[2].1, "one two three four five six seven", "inserted words are never cut");
    }

    #[test]
    fn alternating_word_swaps_are_grouped_into_one_replacement_that_spells_both_sides() {
        let op = |op, text: &str| DiffOp { op, text: text.into() };
        use DiffTag::{Delete as D, Equal as E, Insert as I};
        let ops = vec![
            op(E, "the two "),
            op(D, "sides "),
            op(I, "countries "),
            op(E, "will "),
            op(D, "deepen "),
            op(I, "boost "),
            op(E, "their trade ties"),
        ];
        let grouped = grouped_diff(&ops, 2);
        assert_eq!(
            grouped,
            vec![
                op(E, "the two "),
                op(D, "sides will deepen "),
                op(I, "countries will boost "),
                op(E, "their trade ties"),
            ]
        );
        let side = |ops: &[DiffOp], skip: DiffTag| {
            ops.iter().filter(|o| o.op != skip).map(|o| o.text.as_str()).collect::<String>()
        };
        assert_eq!(side(&grouped, I), side(&ops, I), "official side unchanged");
        assert_eq!(side(&grouped, D), side(&ops, D), "article side unchanged");
        assert_eq!(grouped_diff(&ops, 1), ops, "with 1, no kept word joins a change");
        let deletions = vec![op(D, "a "), op(E, "b "), op(D, "c "), op(E, "d")];
        assert_eq!(grouped_diff(&deletions, 2), deletions, "a kept word between deletions stays kept");
    }

    #[test]
    fn split_space_keeps_spaces_outside_the_words() {
        assert_eq!(split_space(" over the river "), (" ", "over the river", " "));
        assert_eq!(split_space("RF"), ("", "RF", ""));
        assert_eq!(split_space("  "), ("  ", "", ""));
    }

    #[test]
    fn line_ranges_collapse_a_single_line() {
        assert_eq!(line_range([3, 3]), "3");
        assert_eq!(line_range([47, 52]), "47-52");
    }
}
