//! The corpus summary: what many articles together did with the official text. An articles × points
//! coverage matrix, how many articles cover each point, the most omitted points, the findings grouped
//! across articles (which articles wrote which variant), and one line per article. Serialisable (it
//! is part of the JSON output) with a plain-text rendering; other formats render the same struct.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use anyhow::Context;
use crosscheck_align::{Alignment, ArticleAlignment, CoverageStatus, Finding, Relation};
use rayon::prelude::*;
use serde::Serialize;

use crate::report::{self, Format, Layout};

/// How many of the most omitted points the summary lists.
pub const MOST_OMITTED: usize = 5;

/// The summary of a batch run.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusSummary {
    /// Articles compared.
    pub articles: usize,
    /// Articles that could not be read and were left out (reported on stderr).
    pub skipped: usize,
    /// The official points, in order (the columns of the matrix).
    pub points: Vec<u32>,
    /// One row per article, in input order.
    pub rows: Vec<ArticleRow>,
    /// For each point, in order, how many articles cover it, partly cover it, leave it out.
    pub point_totals: Vec<PointTotal>,
    /// The points most articles leave out (at most [`MOST_OMITTED`], never a point no article omits),
    /// most omitted first, then by point.
    pub most_omitted: Vec<PointTotal>,
    /// Findings grouped across articles by kind and variants, in order of kind then variants.
    pub findings: Vec<FindingGroup>,
}

/// One article's line of the summary and its row of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    /// The article's path (or record id).
    pub path: String,
    /// Its coverage of each point, in the order of [`CorpusSummary::points`].
    pub coverage: Vec<CoverageStatus>,
    /// Points covered.
    pub covered: usize,
    /// Points partly covered.
    pub partial: usize,
    /// Share of the points the article carries, in percent: covered points count fully, partly
    /// covered ones half.
    pub coverage_percent: f64,
    /// Content sentences (body and headline).
    pub sentences: usize,
    /// Content sentences the official text does not support.
    pub unsupported: usize,
    /// Findings that involve the article.
    pub findings: usize,
}

/// How the articles cover one point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointTotal {
    /// The official point.
    pub point: u32,
    /// Articles that cover it.
    pub covered: usize,
    /// Articles that partly cover it.
    pub partial: usize,
    /// Articles that leave it out.
    pub omitted: usize,
}

/// One finding as it recurs across articles.
#[derive(Debug, Clone, Serialize)]
pub struct FindingGroup {
    /// The kind of check (`acronym_conflict`, `quantity_mismatch`, …).
    pub kind: String,
    /// The message of the first occurrence.
    pub message: String,
    /// How many articles the finding involves.
    pub articles: usize,
    /// Each variant and who wrote it.
    pub variants: Vec<VariantUse>,
}

/// Who wrote one variant of a finding.
#[derive(Debug, Clone, Serialize)]
pub struct VariantUse {
    /// The form as written.
    pub variant: String,
    /// Whether the official text uses it.
    pub official: bool,
    /// The articles that use it, in input order.
    pub articles: Vec<String>,
}

fn is_content(s: &crosscheck_align::PressSentence) -> bool {
    s.role.is_content()
}

fn row(article: &ArticleAlignment) -> ArticleRow {
    let coverage: Vec<CoverageStatus> = article.coverage.iter().map(|c| c.status).collect();
    let covered = coverage.iter().filter(|&&s| s == CoverageStatus::Covered).count();
    let partial = coverage.iter().filter(|&&s| s == CoverageStatus::Partial).count();
    let coverage_percent = if coverage.is_empty() {
        0.0
    } else {
        100.0 * (covered as f64 + partial as f64 / 2.0) / coverage.len() as f64
    };
    ArticleRow {
        path: article.path.clone(),
        coverage,
        covered,
        partial,
        coverage_percent,
        sentences: article.sentences.iter().filter(|s| is_content(s)).count(),
        unsupported: article
            .sentences
            .iter()
            .filter(|s| is_content(s) && s.relation == Relation::Unsupported)
            .count(),
        findings: article.findings.len(),
    }
}

/// Groups findings by kind and variant set; for each variant, the articles whose text contains it.
fn group_findings(alignment: &Alignment) -> Vec<FindingGroup> {
    let official_text: Vec<&str> =
        alignment.official.sections.iter().flat_map(|s| &s.sentences).map(|s| s.text.as_str()).collect();
    let writes = |article: &ArticleAlignment, variant: &str| {
        article.sentences.iter().any(|s| s.text.contains(variant))
    };
    let index: BTreeMap<&str, usize> =
        alignment.articles.iter().enumerate().map(|(i, a)| (a.path.as_str(), i)).collect();
    // key: (kind, sorted variants) → (message, involved article indices)
    let mut groups: BTreeMap<(String, Vec<String>), (String, Vec<usize>)> = BTreeMap::new();
    let mut add = |finding: &Finding, article: Option<usize>| {
        let mut variants = finding.variants.clone();
        variants.sort();
        variants.dedup();
        let entry = groups
            .entry((finding.kind.clone(), variants))
            .or_insert_with(|| (finding.message.clone(), Vec::new()));
        entry.1.extend(article);
        entry.1.extend(finding.locations.iter().filter_map(|l| index.get(l.path.as_str()).copied()));
    };
    for (i, article) in alignment.articles.iter().enumerate() {
        for f in &article.findings {
            add(f, Some(i));
        }
    }
    for f in &alignment.findings {
        add(f, None);
    }
    groups
        .into_iter()
        .map(|((kind, variants), (message, mut involved))| {
            involved.sort_unstable();
            involved.dedup();
            let variants = variants
                .into_iter()
                .map(|variant| VariantUse {
                    official: official_text.iter().any(|t| t.contains(variant.as_str())),
                    articles: involved
                        .iter()
                        .map(|&i| &alignment.articles[i])
                        .filter(|a| writes(a, &variant))
                        .map(|a| a.path.clone())
                        .collect(),
                    variant,
                })
                .collect();
            FindingGroup { kind, message, articles: involved.len(), variants }
        })
        .collect()
}

impl CorpusSummary {
    /// Summarises an alignment of many articles; `skipped` counts the articles left out.
    pub fn new(alignment: &Alignment, skipped: usize) -> CorpusSummary {
        let points: Vec<u32> = alignment.official.sections.iter().map(|s| s.point).collect();
        let rows: Vec<ArticleRow> = alignment.articles.iter().map(row).collect();
        let mut point_totals: Vec<PointTotal> =
            points.iter().map(|&point| PointTotal { point, covered: 0, partial: 0, omitted: 0 }).collect();
        for article in &alignment.articles {
            for c in &article.coverage {
                let Some(t) = point_totals.iter_mut().find(|t| t.point == c.point) else { continue };
                match c.status {
                    CoverageStatus::Covered => t.covered += 1,
                    CoverageStatus::Partial => t.partial += 1,
                    CoverageStatus::Omitted => t.omitted += 1,
                }
            }
        }
        let mut most_omitted: Vec<PointTotal> =
            point_totals.iter().filter(|t| t.omitted > 0).cloned().collect();
        most_omitted.sort_by(|a, b| b.omitted.cmp(&a.omitted).then(a.point.cmp(&b.point)));
        most_omitted.truncate(MOST_OMITTED);
        CorpusSummary {
            articles: alignment.articles.len(),
            skipped,
            points,
            rows,
            point_totals,
            most_omitted,
            findings: group_findings(alignment),
        }
    }
}

fn mark(status: CoverageStatus) -> char {
    match status {
        CoverageStatus::Covered => '#',
        CoverageStatus::Partial => '+',
        CoverageStatus::Omitted => '.',
    }
}

impl fmt::Display for CorpusSummary {
    /// The plain-text rendering: a header, the matrix, the point totals, the most omitted points,
    /// the grouped findings and the article lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let skipped =
            if self.skipped > 0 { format!(", {} skipped (unreadable)", self.skipped) } else { String::new() };
        writeln!(f, "Corpus: {} articles compared{skipped}, {} points", self.articles, self.points.len())?;
        let width = self.rows.iter().map(|r| r.path.chars().count()).max().unwrap_or(0).max(8);
        writeln!(f, "\nCoverage matrix (# covered, + partial, . omitted)")?;
        let mut tens = String::new();
        let mut ones = String::new();
        for p in &self.points {
            let _ = write!(
                tens,
                "{}",
                if p % 10 == 0 { char::from_digit(p / 10 % 10, 10).unwrap_or(' ') } else { ' ' }
            );
            let _ = write!(ones, "{}", char::from_digit(p % 10, 10).unwrap_or(' '));
        }
        writeln!(f, "  {:width$}  {tens}", "")?;
        writeln!(f, "  {:width$}  {ones}", "point")?;
        for r in &self.rows {
            let cells: String = r.coverage.iter().map(|&s| mark(s)).collect();
            writeln!(f, "  {:width$}  {cells}", r.path)?;
        }
        writeln!(f, "\nPoints: covered / partly covered / left out, of {} articles", self.articles)?;
        for t in &self.point_totals {
            writeln!(f, "  point {:>3}  {:>5} {:>5} {:>5}", t.point, t.covered, t.partial, t.omitted)?;
        }
        if !self.most_omitted.is_empty() {
            let list: Vec<String> = self
                .most_omitted
                .iter()
                .map(|t| format!("point {} ({} articles)", t.point, t.omitted))
                .collect();
            writeln!(f, "\nMost omitted: {}", list.join(", "))?;
        }
        if !self.findings.is_empty() {
            writeln!(f, "\nFindings across articles")?;
            for g in &self.findings {
                writeln!(f, "  {} in {} articles: {}", g.kind, g.articles, g.message)?;
                for v in &g.variants {
                    let official = if v.official { " (official text)" } else { "" };
                    let who =
                        if v.articles.is_empty() { "no article".to_string() } else { v.articles.join(", ") };
                    writeln!(f, "    {}{official}: {who}", v.variant)?;
                }
            }
        }
        writeln!(f, "\nArticles")?;
        for r in &self.rows {
            writeln!(
                f,
                "  {:width$}  coverage {:>5.1}%  unsupported {}/{}  findings {}",
                r.path, r.coverage_percent, r.unsupported, r.sentences, r.findings
            )?;
        }
        Ok(())
    }
}

/// Articles whose JSON is made together on the worker threads before it is written, in order: at
/// most twice this many articles' JSON is held in memory at once (the chunk being written and the
/// one being made; about 43 KB an article for a generated one).
const JSON_CHUNK: usize = 256;

/// Writes the JSON report (pretty-printed, with a final newline) to `out` as it is serialised: the
/// alignment, with `summary` added when there is one. A corpus's report can be hundreds of
/// megabytes; it is never held whole in memory. The articles are serialised on the worker threads,
/// a chunk at a time, and written in input order: the bytes are those of
/// `serde_json::to_writer_pretty` on the alignment (with `summary` as its last field), whatever the
/// thread count.
pub fn write_json(
    alignment: &Alignment,
    summary: Option<&CorpusSummary>,
    out: impl std::io::Write,
) -> anyhow::Result<()> {
    write_json_in_chunks(alignment, summary, out, JSON_CHUNK)
}

/// [`write_json`], serialising `chunk_len` articles at a time.
fn write_json_in_chunks(
    alignment: &Alignment,
    summary: Option<&CorpusSummary>,
    mut out: impl std::io::Write,
    chunk_len: usize,
) -> anyhow::Result<()> {
    // Every field, so that a field added to the contract cannot be left out here.
    let Alignment { schema_version, official, articles, findings } = alignment;
    out.write_all(b"{\n  \"schema_version\": ")?;
    out.write_all(&pretty(schema_version, INDENT)?)?;
    out.write_all(b",\n  \"official\": ")?;
    out.write_all(&pretty(official, INDENT)?)?;
    out.write_all(b",\n  \"articles\": [")?;
    // Each chunk is serialised on the pool while the one before it is written on this thread.
    let mut ready: Vec<Vec<u8>> = Vec::new();
    let mut first = true;
    for chunk in articles.chunks(chunk_len).map(Some).chain([None]) {
        let mut next: Option<anyhow::Result<Vec<Vec<u8>>>> = None;
        let mut written = Ok(());
        rayon::in_place_scope(|scope| {
            if let Some(chunk) = chunk {
                let next = &mut next;
                scope.spawn(move |_| {
                    *next = Some(chunk.par_iter().map(|a| pretty(a, ARTICLE_INDENT)).collect())
                });
            }
            written = ready.iter().try_for_each(|part| {
                out.write_all(if std::mem::take(&mut first) { b"\n" } else { b",\n" })?;
                out.write_all(ARTICLE_INDENT)?;
                out.write_all(part)
            });
        });
        written?;
        ready = next.transpose()?.unwrap_or_default();
    }
    out.write_all(if articles.is_empty() { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"findings\": ")?;
    out.write_all(&pretty(findings, INDENT)?)?;
    if let Some(summary) = summary {
        out.write_all(b",\n  \"summary\": ")?;
        out.write_all(&pretty(summary, INDENT)?)?;
    }
    out.write_all(b"\n}\n")?;
    Ok(())
}

/// The indentation of the report's fields (and of what a field's value spans after its first line).
const INDENT: &[u8] = b"  ";
/// The indentation of an article in the report's `articles`.
const ARTICLE_INDENT: &[u8] = b"    ";

/// `value` pretty-printed as `serde_json::to_writer_pretty` writes it `indent` deep: each line after
/// the first starts with `indent` (a JSON string holds no raw line break: every `\n` written is
/// between tokens).
fn pretty<T: Serialize + ?Sized>(value: &T, indent: &[u8]) -> anyhow::Result<Vec<u8>> {
    let flat = serde_json::to_vec_pretty(value).context("serialising the alignment")?;
    let breaks = flat.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(flat.len() + breaks * indent.len());
    for (i, line) in flat.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent);
        }
        out.extend_from_slice(line);
    }
    Ok(out)
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The report in `format` with the corpus summary added: JSON gets a `summary` object next to the
/// alignment; text gets the plain rendering after the report; Markdown and HTML get the plain
/// rendering as a preformatted section (until they have their own rendering); CSV, one row per
/// press sentence, has no place for it and is unchanged.
pub fn render_with(
    alignment: &Alignment,
    summary: &CorpusSummary,
    format: Format,
    layout: &Layout,
) -> anyhow::Result<String> {
    Ok(match format {
        Format::Json => {
            let mut bytes = Vec::new();
            write_json(alignment, Some(summary), &mut bytes)?;
            String::from_utf8(bytes)?
        }
        Format::Text => format!("{}\n{summary}", report::render(alignment, format, layout)?),
        Format::Markdown => {
            format!(
                "{}\n## Corpus summary\n\n```text\n{summary}```\n",
                report::render(alignment, format, layout)?
            )
        }
        Format::Html => {
            let page = report::render(alignment, format, layout)?;
            let section = format!(
                "<section class=\"corpus-summary\"><h2>Corpus summary</h2><pre>{}</pre></section>\n",
                escape_html(&summary.to_string())
            );
            match page.rfind("</body>") {
                Some(at) => format!("{}{section}{}", &page[..at], &page[at..]),
                None => page + &section,
            }
        }
        Format::Csv => report::render(alignment, format, layout)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_align::{
        Location, OfficialSection, OfficialSentence, OfficialText, PointCoverage, PressSentence, Severity,
        SCHEMA_VERSION,
    };
    use crosscheck_parse::Role;

    fn sentence(text: &str, relation: Relation) -> PressSentence {
        PressSentence {
            id: "s1".into(),
            text: text.into(),
            lines: [1, 1],
            role: Role::Body,
            relation,
            score: 0.0,
            sources: vec![],
            diff: vec![],
        }
    }

    fn article(
        path: &str,
        statuses: &[CoverageStatus],
        text: &str,
        findings: Vec<Finding>,
    ) -> ArticleAlignment {
        ArticleAlignment {
            path: path.into(),
            sentences: vec![sentence(text, Relation::Paraphrase), sentence("Extra.", Relation::Unsupported)],
            coverage: statuses
                .iter()
                .enumerate()
                .map(|(i, &status)| PointCoverage {
                    point: i as u32 + 1,
                    status,
                    score: 0.0,
                    missing: vec![],
                })
                .collect(),
            findings,
        }
    }

    fn acronym(path: &str) -> Finding {
        Finding {
            kind: "acronym_conflict".into(),
            severity: Severity::Warning,
            message: "two acronyms for one name".into(),
            variants: vec!["XYZ".into(), "YXZ".into()],
            locations: vec![Location { path: path.into(), line: 1 }],
        }
    }

    #[test]
    fn the_summary_counts_points_ranks_omissions_and_says_who_wrote_which_variant() {
        use CoverageStatus::*;
        let alignment = Alignment {
            schema_version: SCHEMA_VERSION,
            official: OfficialText {
                path: "official.txt".into(),
                sections: (1..=3)
                    .map(|p| OfficialSection {
                        point: p,
                        lines: [p as usize, p as usize],
                        sentences: vec![OfficialSentence {
                            id: format!("p{p}.s1"),
                            text: if p == 1 { "The XYZ pact.".into() } else { "Other.".into() },
                            lines: [1, 1],
                        }],
                    })
                    .collect(),
            },
            articles: vec![
                article("a.txt", &[Covered, Omitted, Omitted], "The YXZ pact.", vec![acronym("a.txt")]),
                article("b.txt", &[Partial, Covered, Omitted], "The XYZ pact.", vec![]),
                article("c.txt", &[Covered, Omitted, Partial], "The YXZ deal.", vec![acronym("c.txt")]),
            ],
            findings: vec![],
        };
        let s = CorpusSummary::new(&alignment, 1);
        assert_eq!((s.articles, s.skipped, s.points.clone()), (3, 1, vec![1, 2, 3]));
        assert_eq!(
            s.point_totals,
            [
                PointTotal { point: 1, covered: 2, partial: 1, omitted: 0 },
                PointTotal { point: 2, covered: 1, partial: 0, omitted: 2 },
                PointTotal { point: 3, covered: 0, partial: 1, omitted: 2 },
            ]
        );
        assert_eq!(s.most_omitted.iter().map(|t| t.point).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(s.rows[1].coverage_percent, 50.0);
        assert_eq!((s.rows[0].unsupported, s.rows[0].sentences, s.rows[0].findings), (1, 2, 1));
        assert_eq!(s.findings.len(), 1);
        let g = &s.findings[0];
        assert_eq!(g.articles, 2);
        let uses: Vec<(&str, bool, Vec<String>)> =
            g.variants.iter().map(|v| (v.variant.as_str(), v.official, v.articles.clone())).collect();
        assert_eq!(
            uses,
            [("XYZ", true, vec![]), ("YXZ", false, vec!["a.txt".to_string(), "c.txt".to_string()])]
        );
        let text = s.to_string();
        assert!(text.contains("Corpus: 3 articles compared, 1 skipped (unreadable), 3 points"), "{text}");
        assert!(text.contains("  b.txt     +#."), "{text}");
        assert!(text.contains("YXZ: a.txt, c.txt"), "{text}");
    }

    /// The seed press article aligned and checked, then copied under `copies` paths, with the corpus
    /// summary.
    fn seed_corpus(copies: usize) -> (Alignment, CorpusSummary) {
        let seed = crate::seed::seed();
        let article = &seed.article;
        let articles = (0..copies)
            .map(|i| ArticleAlignment { path: format!("press-{i}.txt"), ..article.clone() })
            .collect();
        let alignment = Alignment { findings: seed.shared.clone(), ..seed.aligner.alignment(articles) };
        let summary = CorpusSummary::new(&alignment, 0);
        (alignment, summary)
    }

    /// What `serde_json` writes for the report: the alignment's fields, then the summary's.
    fn serde_report(alignment: &Alignment, summary: Option<&CorpusSummary>) -> Vec<u8> {
        #[derive(Serialize)]
        struct WithSummary<'a> {
            #[serde(flatten)]
            alignment: &'a Alignment,
            summary: &'a CorpusSummary,
        }
        let mut out = match summary {
            Some(summary) => serde_json::to_vec_pretty(&WithSummary { alignment, summary }).unwrap(),
            None => serde_json::to_vec_pretty(alignment).unwrap(),
        };
        out.push(b'\n');
        out
    }

    #[test]
    fn the_json_report_of_a_corpus_is_what_serde_json_writes_in_one_piece() {
        let (alignment, summary) = seed_corpus(7);
        let mut ours = Vec::new();
        write_json_in_chunks(&alignment, Some(&summary), &mut ours, 3).unwrap();
        assert!(ours == serde_report(&alignment, Some(&summary)), "the two reports differ");
    }

    #[test]
    fn the_json_report_of_one_article_without_a_summary_is_what_serde_json_writes() {
        let (alignment, _) = seed_corpus(1);
        let mut ours = Vec::new();
        write_json(&alignment, None, &mut ours).unwrap();
        assert!(ours == serde_report(&alignment, None), "the two reports differ");
    }

    #[test]
    fn the_json_report_is_the_same_on_one_thread_and_on_four() {
        let (alignment, summary) = seed_corpus(7);
        let write = |threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut out = Vec::new();
            pool.install(|| write_json_in_chunks(&alignment, Some(&summary), &mut out, 3)).unwrap();
            out
        };
        assert!(write(1) == write(4), "the reports differ");
    }
}
