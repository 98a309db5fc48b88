//! The HTML report: one self-contained page (inline CSS and JS, no network) with the official text
//! on the left, each point shaded by coverage, and the article on the right, each sentence coloured
//! by relation. Clicking a press sentence highlights its sources and shows its word diff; a strip
//! shows the coverage of every point; findings link to their locations; relations and statuses can
//! be filtered; several articles get a selector.
//!
//! The page is a minijinja template with HTML autoescaping: document text is always rendered as
//! text. A `#selftest` fragment makes the page click a press sentence itself, so a headless browser
//! can check the interaction from the DOM it dumps.

use anyhow::Context;
use crosscheck_align::{
    Alignment, ArticleAlignment, DiffTag, Finding, Location, PressSentence, Relation, Severity,
};
use minijinja::Environment;
use serde::Serialize;

use super::{
    cite, coverage_summary, file_name, gist, grouped_diff, line_range, point_label, relation_name,
    relation_summary, role_name, status_name, Layout, RELATIONS, STATUSES,
};

const PAGE: &str = include_str!("templates/report.html");
const STYLE: &str = include_str!("templates/report.css");
const SCRIPT: &str = include_str!("templates/report.js");

#[derive(Serialize)]
struct Page {
    title: String,
    version: &'static str,
    official_path: String,
    relations: Vec<&'static str>,
    statuses: Vec<&'static str>,
    points: Vec<PointView>,
    articles: Vec<ArticleView>,
    shared_findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct PointView {
    dom_id: String,
    point: u32,
    label: String,
    lines: String,
    gist: String,
    /// Coverage by the first article, rendered before any script runs.
    first: Option<CoverageView>,
    /// Coverage by every article (JSON), for the article selector.
    coverage: String,
    sentences: Vec<OfficialSentenceView>,
}

#[derive(Serialize, Clone)]
struct CoverageView {
    status: &'static str,
    score: String,
    missing: String,
}

#[derive(Serialize)]
struct OfficialSentenceView {
    dom_id: String,
    id: String,
    lines: String,
    text: String,
}

#[derive(Serialize)]
struct ArticleView {
    index: usize,
    path: String,
    name: String,
    coverage_summary: String,
    relation_summary: String,
    paragraphs: Vec<ParagraphView>,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct ParagraphView {
    role: String,
    line: usize,
    sentences: Vec<SentenceView>,
}

#[derive(Serialize)]
struct SentenceView {
    dom_id: String,
    id: String,
    text: String,
    lines: String,
    role: String,
    relation: &'static str,
    score: String,
    /// DOM ids of the source sentences, space-separated.
    sources: String,
    source_refs: Vec<SourceView>,
    diff: Vec<DiffView>,
}

#[derive(Serialize)]
struct SourceView {
    dom_id: String,
    id: String,
    cite: String,
    score: String,
}

#[derive(Serialize)]
struct DiffView {
    op: &'static str,
    text: String,
}

#[derive(Serialize)]
struct FindingView {
    severity: &'static str,
    kind: String,
    message: String,
    variants: String,
    locations: Vec<LocationView>,
}

#[derive(Serialize)]
struct LocationView {
    label: String,
    /// DOM id of the sentence at this place, or empty when none was found.
    target: String,
    /// The article to show first, or -1 for the official text.
    article: i64,
}

/// Renders the page.
pub fn render(a: &Alignment, layout: &Layout) -> anyhow::Result<String> {
    let mut env = Environment::new();
    // Autoescaping follows the template name: `.html` escapes every value for HTML.
    env.add_template("report.html", PAGE).context("loading the HTML template")?;
    env.add_template("report.css", STYLE).context("loading the HTML template")?;
    env.add_template("report.js", SCRIPT).context("loading the HTML template")?;
    let page = page(a, layout)?;
    let html =
        env.get_template("report.html").and_then(|t| t.render(&page)).context("rendering the HTML report")?;
    Ok(html)
}

fn page(a: &Alignment, layout: &Layout) -> anyhow::Result<Page> {
    let points = a
        .official
        .sections
        .iter()
        .map(|section| {
            let per_article: Vec<Option<CoverageView>> = a
                .articles
                .iter()
                .map(|article| {
                    article.coverage.iter().find(|c| c.point == section.point).map(|c| CoverageView {
                        status: status_name(c.status),
                        score: format!("{:.2}", c.score),
                        missing: c.missing.join(", "),
                    })
                })
                .collect();
            Ok(PointView {
                dom_id: format!("pt-{}", section.point),
                point: section.point,
                label: capitalise(&point_label(section.point)),
                lines: line_range(section.lines),
                gist: gist(section, layout.gist_words),
                first: per_article.first().cloned().flatten(),
                coverage: serde_json::to_string(&per_article)?,
                sentences: section
                    .sentences
                    .iter()
                    .map(|s| OfficialSentenceView {
                        dom_id: official_dom_id(&s.id),
                        id: s.id.clone(),
                        lines: line_range(s.lines),
                        text: s.text.clone(),
                    })
                    .collect(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let articles =
        a.articles.iter().enumerate().map(|(i, article)| article_view(a, i, article, layout)).collect();
    Ok(Page {
        title: match a.articles.as_slice() {
            [one] => format!("crosscheck: {} against {}", file_name(&one.path), file_name(&a.official.path)),
            many => format!("crosscheck: {} articles against {}", many.len(), file_name(&a.official.path)),
        },
        version: env!("CARGO_PKG_VERSION"),
        official_path: a.official.path.clone(),
        relations: RELATIONS.iter().map(|r| relation_name(*r)).collect(),
        statuses: STATUSES.iter().map(|s| status_name(*s)).collect(),
        points,
        articles,
        shared_findings: a.findings.iter().map(|f| finding_view(a, f)).collect(),
    })
}

fn article_view(a: &Alignment, index: usize, article: &ArticleAlignment, layout: &Layout) -> ArticleView {
    let mut paragraphs: Vec<ParagraphView> = Vec::new();
    let mut last_line = None;
    for s in &article.sentences {
        // A sentence that starts on the line where the previous one ended, or right after it,
        // continues the paragraph; a blank line (or a role change) starts a new one.
        let continues = last_line.is_some_and(|l: usize| s.lines[0] <= l + 1)
            && paragraphs.last().is_some_and(|p| p.role == role_name(s.role));
        if !continues {
            paragraphs.push(ParagraphView {
                role: role_name(s.role),
                line: s.lines[0],
                sentences: Vec::new(),
            });
        }
        last_line = Some(s.lines[1]);
        if let Some(p) = paragraphs.last_mut() {
            p.sentences.push(sentence_view(a, index, s, layout));
        }
    }
    ArticleView {
        index,
        path: article.path.clone(),
        name: file_name(&article.path).to_string(),
        coverage_summary: coverage_summary(article),
        relation_summary: relation_summary(article),
        paragraphs,
        findings: article.findings.iter().map(|f| finding_view(a, f)).collect(),
    }
}

fn sentence_view(a: &Alignment, article: usize, s: &PressSentence, layout: &Layout) -> SentenceView {
    let source_refs: Vec<SourceView> = s
        .sources
        .iter()
        .map(|src| SourceView {
            dom_id: official_dom_id(&src.sentence),
            id: src.sentence.clone(),
            cite: cite(&a.official.path, src),
            score: format!("{:.2}", src.score),
        })
        .collect();
    SentenceView {
        dom_id: press_dom_id(article, &s.id),
        id: s.id.clone(),
        text: s.text.clone(),
        lines: line_range(s.lines),
        role: role_name(s.role),
        relation: relation_name(s.relation),
        score: if s.relation == Relation::NotContent { String::new() } else { format!("{:.2}", s.score) },
        sources: source_refs.iter().map(|r| r.dom_id.as_str()).collect::<Vec<_>>().join(" "),
        source_refs,
        diff: grouped_diff(&s.diff, layout.min_equal_words)
            .iter()
            .map(|d| DiffView {
                op: match d.op {
                    DiffTag::Equal => "equal",
                    DiffTag::Insert => "insert",
                    DiffTag::Delete => "delete",
                },
                text: d.text.clone(),
            })
            .collect(),
    }
}

fn finding_view(a: &Alignment, f: &Finding) -> FindingView {
    FindingView {
        severity: match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        },
        kind: f.kind.clone(),
        message: f.message.clone(),
        variants: f.variants.join(" / "),
        locations: f.locations.iter().map(|l| location_view(a, f, l)).collect(),
    }
}

/// Finds the sentence a finding's location points at: in the official text, or in the article
/// with that path. Of several sentences on the line, the one containing a variant wins.
fn location_view(a: &Alignment, f: &Finding, l: &Location) -> LocationView {
    let label = format!("{}:{}", file_name(&l.path), l.line);
    let on_line = |lines: [usize; 2]| lines[0] <= l.line && l.line <= lines[1];
    let mentions = |text: &str| f.variants.iter().any(|v| text.contains(v.as_str()));
    let pick = |candidates: Vec<(&str, &str)>| {
        candidates
            .iter()
            .find(|(_, text)| mentions(text))
            .or(candidates.first())
            .map(|(id, _)| id.to_string())
    };
    if l.path == a.official.path {
        let candidates: Vec<(&str, &str)> = a
            .official
            .sections
            .iter()
            .flat_map(|s| &s.sentences)
            .filter(|s| on_line(s.lines))
            .map(|s| (s.id.as_str(), s.text.as_str()))
            .collect();
        let target = pick(candidates).map(|id| official_dom_id(&id)).unwrap_or_default();
        return LocationView { label, target, article: -1 };
    }
    for (i, article) in a.articles.iter().enumerate() {
        if article.path != l.path {
            continue;
        }
        let candidates: Vec<(&str, &str)> = article
            .sentences
            .iter()
            .filter(|s| on_line(s.lines))
            .map(|s| (s.id.as_str(), s.text.as_str()))
            .collect();
        let target = pick(candidates).map(|id| press_dom_id(i, &id)).unwrap_or_default();
        return LocationView { label, target, article: i64::try_from(i).unwrap_or(-1) };
    }
    LocationView { label, target: String::new(), article: -1 }
}

fn official_dom_id(sentence: &str) -> String {
    format!("o-{sentence}")
}

fn press_dom_id(article: usize, sentence: &str) -> String {
    format!("a{article}-{sentence}")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    fn html() -> String {
        render(&fixture::alignment(), &Layout::default()).unwrap()
    }

    #[test]
    fn an_article_containing_a_script_tag_renders_it_as_text() {
        let page = html();
        assert!(!page.contains("<script>alert"), "raw script tag in the page");
        assert!(page
            .contains("Critics say &lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt; &amp; the cost"));
    }

    #[test]
    fn the_page_needs_no_network() {
        let page = html();
        for needle in ["http://", "https://", "src=", "<link", "@import", "url("] {
            assert!(!page.contains(needle), "page refers outside itself: {needle}");
        }
    }

    #[test]
    fn every_point_and_every_press_sentence_is_on_the_page() {
        let a = fixture::alignment();
        let page = html();
        for s in &a.official.sections {
            assert!(page.contains(&format!("id=\"pt-{}\"", s.point)), "point {}", s.point);
            for o in &s.sentences {
                assert!(page.contains(&format!("id=\"o-{}\"", o.id)), "{}", o.id);
            }
        }
        for p in &a.articles[0].sentences {
            assert!(page.contains(&format!("id=\"a0-{}\"", p.id)), "{}", p.id);
        }
    }

    #[test]
    fn a_press_sentence_names_the_dom_ids_of_its_sources() {
        let page = html();
        assert!(page.contains(r#"data-sources="o-p1.s2 o-p2.s1""#), "{page}");
    }

    #[test]
    fn finding_locations_link_to_the_sentence_mentioning_the_variant() {
        let a = fixture::alignment();
        let f = &a.articles[0].findings[0];
        let official = location_view(&a, f, &f.locations[0]);
        assert_eq!((official.target.as_str(), official.article), ("o-p1.s2", -1));
        let press = location_view(&a, f, &f.locations[1]);
        assert_eq!((press.target.as_str(), press.article), ("a0-s3", 0), "s2 is on line 3 too but lacks RF");
    }

    #[test]
    fn several_articles_get_a_selector() {
        let mut a = fixture::alignment();
        assert!(!html().contains("<select"));
        let mut second = a.articles[0].clone();
        second.path = "data/second.txt".into();
        a.articles.push(second);
        let page = render(&a, &Layout::default()).unwrap();
        assert!(page.contains("<select"));
        assert!(page.contains("id=\"a1-s3\""));
    }
}
