//! The terminal report: per article a coverage table (point, gist, status, score, what is
//! missing), the findings, then every press sentence with its relation, cited source lines and an
//! inline word diff (`[-official only-]`, `{+article only+}`). Lines fit `Layout::width` columns;
//! ANSI colours only when `Layout::colour` is set.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use crosscheck_align::{Alignment, ArticleAlignment, CoverageStatus, DiffTag, Finding, Relation, Severity};
use unicode_width::UnicodeWidthStr;

use super::{
    cite, coverage_summary, display_diff, file_name, line_range, point_gist, relation_name, relation_summary,
    role_name, severity_name, split_space, status_name, Layout,
};

/// Width of the point column of the coverage table.
const POINT_COLUMNS: usize = 5;
/// Width of the status column.
const STATUS_COLUMNS: usize = 8;
/// Width of the score column.
const SCORE_COLUMNS: usize = 5;
/// Width of the labels of the report's first lines (`official`, `article`).
const LABEL_COLUMNS: usize = 10;
/// Narrowest missing-items column of the coverage table.
const MIN_MISSING_COLUMNS: usize = 16;
/// Spaces between table columns.
const GAP: &str = "  ";
/// Widths of a sentence header's columns: id (`s12`), lines (`lines 47-52`), role
/// (`attribution`), relation (`not-content`).
const ID_COLUMNS: usize = 4;
const LINES_COLUMNS: usize = 11;
const ROLE_COLUMNS: usize = 11;
const RELATION_COLUMNS: usize = 11;
/// Indent of a sentence's text and diff under its header line.
const BODY_INDENT: usize = 6;
/// Indent of a finding's message under its header line (`  warning  `).
const FINDING_INDENT: usize = 11;
/// Width of a finding's severity column, between the two-space indent and the message column.
const SEVERITY_COLUMNS: usize = FINDING_INDENT - 3;

/// Applies styles only when colour is on.
struct Painter {
    colour: bool,
}

impl Painter {
    fn paint(&self, s: &str, style: Style) -> String {
        if self.colour && !s.is_empty() {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    }
}

fn fg(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(c.into()))
}

fn heading_style() -> Style {
    Style::new().bold()
}

fn dim() -> Style {
    Style::new().dimmed()
}

fn relation_style(r: Relation) -> Style {
    match r {
        Relation::Verbatim => fg(AnsiColor::Green),
        Relation::Paraphrase => fg(AnsiColor::Cyan),
        Relation::Condensed => fg(AnsiColor::Blue),
        Relation::Unsupported => fg(AnsiColor::Red).bold(),
        Relation::NotContent => dim(),
    }
}

fn status_style(s: CoverageStatus) -> Style {
    match s {
        CoverageStatus::Covered => fg(AnsiColor::Green),
        CoverageStatus::Partial => fg(AnsiColor::Yellow),
        CoverageStatus::Omitted => fg(AnsiColor::Red),
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => fg(AnsiColor::Red).bold(),
        Severity::Warning => fg(AnsiColor::Yellow),
        Severity::Info => dim(),
    }
}

/// Renders the whole text report.
pub fn render(a: &Alignment, layout: &Layout) -> String {
    let p = Painter { colour: layout.colour };
    let mut out = String::new();
    let points = a.official.sections.len();
    let sentences: usize = a.official.sections.iter().map(|s| s.sentences.len()).sum();
    let _ = writeln!(out, "{}", p.paint("crosscheck report", heading_style()));
    let official = format!("{} ({points} points, {sentences} sentences)", a.official.path);
    labelled_line(&mut out, &p, "official", &official, layout.width);
    for article in &a.articles {
        let line = format!("{} ({} sentences)", article.path, article.sentences.len());
        labelled_line(&mut out, &p, "article", &line, layout.width);
    }
    let single = a.articles.len() == 1;
    if !single && !a.findings.is_empty() {
        out.push('\n');
        rule(&mut out, &p, "Findings in the official text and across articles", layout.width);
        findings(&mut out, &p, a.findings.iter(), layout.width);
    }
    for article in &a.articles {
        out.push('\n');
        rule(&mut out, &p, file_name(&article.path), layout.width);
        plain_line(&mut out, &p, &format!("Coverage: {}", coverage_summary(article)), 2, layout.width);
        plain_line(&mut out, &p, &relation_summary(article), 2, layout.width);
        out.push('\n');
        coverage_table(&mut out, &p, a, article, layout);
        let shared = if single { a.findings.as_slice() } else { &[] };
        let all: Vec<&Finding> = shared.iter().chain(&article.findings).collect();
        out.push('\n');
        let _ = writeln!(out, "{}", p.paint(&format!("Findings ({})", all.len()), heading_style()));
        if all.is_empty() {
            let _ = writeln!(out, "  none");
        }
        findings(&mut out, &p, all.into_iter(), layout.width);
        out.push('\n');
        let _ = writeln!(out, "{}", p.paint("Sentences", heading_style()));
        press_sentences(&mut out, &p, a, article, layout);
    }
    out
}

/// Unstyled text wrapped to `width`, continuation lines indented by `indent`.
fn plain_line(out: &mut String, p: &Painter, text: &str, indent: usize, width: usize) {
    out.push_str(&wrap(&units(vec![vec![(text.to_string(), Style::new())]]), 0, indent, width, p));
}

/// `label     text`, the text wrapped under itself.
fn labelled_line(out: &mut String, p: &Painter, label: &str, text: &str, width: usize) {
    let mut all = vec![vec![(pad(label, LABEL_COLUMNS - 1), dim())]];
    all.extend(units(vec![vec![(text.to_string(), Style::new())]]));
    out.push_str(&wrap(&all, 0, LABEL_COLUMNS, width, p));
}

/// `━━ title ━━━…` across the width.
fn rule(out: &mut String, p: &Painter, title: &str, width: usize) {
    let head = format!("━━ {title} ");
    let fill = width.saturating_sub(head.width());
    let _ = writeln!(out, "{}", p.paint(&format!("{head}{}", "━".repeat(fill)), heading_style()));
}

fn coverage_table(out: &mut String, p: &Painter, a: &Alignment, article: &ArticleAlignment, layout: &Layout) {
    let fixed = POINT_COLUMNS + STATUS_COLUMNS + SCORE_COLUMNS + 4 * GAP.len();
    // On a narrow terminal the gist gives way first, down to what leaves room for the missing items.
    let gist_columns = layout.gist_columns.min(layout.width.saturating_sub(fixed + MIN_MISSING_COLUMNS));
    let missing_columns = layout.width.saturating_sub(fixed + gist_columns);
    let header = format!(
        "{:>POINT_COLUMNS$}{GAP}{:<STATUS_COLUMNS$}{GAP}{:>SCORE_COLUMNS$}{GAP}{}{GAP}missing",
        "point",
        "status",
        "score",
        pad("gist", gist_columns),
    );
    let _ = writeln!(out, "{}", p.paint(&header, dim()));
    for c in &article.coverage {
        let gist = point_gist(a, c.point, layout.gist_words);
        let status = p.paint(&pad(status_name(c.status), STATUS_COLUMNS), status_style(c.status));
        let line = format!(
            "{:>POINT_COLUMNS$}{GAP}{status}{GAP}{:>SCORE_COLUMNS$.2}{GAP}{}{GAP}{}",
            c.point,
            c.score,
            pad(&truncate(&gist, gist_columns), gist_columns),
            fit_list(&c.missing, missing_columns),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn findings<'a>(out: &mut String, p: &Painter, list: impl Iterator<Item = &'a Finding>, width: usize) {
    for f in list {
        let sev = p.paint(&pad(severity_name(f.severity), SEVERITY_COLUMNS), severity_style(f.severity));
        let head = truncate(
            &format!("{}  {}", f.kind, f.variants.join(" / ")),
            width.saturating_sub(FINDING_INDENT),
        );
        let _ = writeln!(out, "  {sev} {head}");
        let message = vec![vec![(f.message.clone(), Style::new())]];
        let _ = write!(out, "{}", wrap(&units(message), FINDING_INDENT, FINDING_INDENT, width, p));
        let at: Vec<String> =
            f.locations.iter().map(|l| format!("{}:{}", file_name(&l.path), l.line)).collect();
        if !at.is_empty() {
            let text = vec![vec![(format!("at {}", at.join(", ")), dim())]];
            let _ = write!(out, "{}", wrap(&units(text), FINDING_INDENT, FINDING_INDENT, width, p));
        }
    }
}

fn press_sentences(
    out: &mut String,
    p: &Painter,
    a: &Alignment,
    article: &ArticleAlignment,
    layout: &Layout,
) {
    for s in &article.sentences {
        let lines = if s.lines[0] == s.lines[1] {
            format!("line {}", s.lines[0])
        } else {
            format!("lines {}", line_range(s.lines))
        };
        // Header fields are padded into columns; each is one unit so the padding survives.
        let mut head: Vec<Unit> = vec![
            vec![(pad(&s.id, ID_COLUMNS), heading_style())],
            vec![(pad(&lines, LINES_COLUMNS), dim())],
            vec![(pad(&role_name(s.role), ROLE_COLUMNS), dim())],
            vec![(pad(relation_name(s.relation), RELATION_COLUMNS), relation_style(s.relation))],
        ];
        if s.relation != Relation::NotContent {
            head.push(vec![(format!("{:.2}", s.score), Style::new())]);
        }
        for (i, src) in s.sources.iter().enumerate() {
            let lead = if i == 0 { "← " } else { "" };
            let tail = if i + 1 < s.sources.len() { "," } else { "" };
            // One unit per source, so a sentence id is never cut from its lines.
            head.push(vec![
                (format!("{lead}{}", src.sentence), Style::new()),
                (format!(" {}{tail}", cite(&a.official.path, src)), dim()),
            ]);
        }
        let _ = write!(out, "{}", wrap(&head, 2, BODY_INDENT, layout.width, p));
        let body = if s.diff.is_empty() || s.relation == Relation::NotContent {
            let style = if s.relation == Relation::NotContent { dim() } else { Style::new() };
            units(vec![vec![(s.text.clone(), style)]])
        } else {
            diff_units(&display_diff(&s.diff, layout))
        };
        let _ = write!(out, "{}", wrap(&body, BODY_INDENT, BODY_INDENT, layout.width, p));
    }
}

/// A diff as styled fragments: official-only words as `[-…-]` (red), article-only words as
/// `{+…+}` (green); the markers stay so the diff reads without colour.
fn diff_units(runs: &[(DiffTag, String)]) -> Vec<Unit> {
    let mut fragments = Vec::new();
    for (tag, text) in runs {
        let (lead, core, trail) = split_space(text);
        let (open, close, style) = match tag {
            DiffTag::Equal => ("", "", Style::new()),
            DiffTag::Delete => ("[-", "-]", fg(AnsiColor::Red)),
            DiffTag::Insert => ("{+", "+}", fg(AnsiColor::Green)),
        };
        fragments.push((lead.to_string(), Style::new()));
        if !core.is_empty() {
            fragments.push((format!("{open}{core}{close}"), style));
        }
        fragments.push((trail.to_string(), Style::new()));
    }
    units(vec![fragments])
}

/// A word to lay out: fragments that touch (no space between them), each with its style.
type Unit = Vec<(String, Style)>;

/// Splits groups of styled text into units at whitespace; each outer group also starts a unit.
fn units(groups: Vec<Vec<(String, Style)>>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for group in groups {
        let mut current: Unit = Vec::new();
        for (text, style) in group {
            let mut rest = text.as_str();
            while !rest.is_empty() {
                if rest.starts_with(char::is_whitespace) {
                    if !current.is_empty() {
                        out.push(std::mem::take(&mut current));
                    }
                    rest = rest.trim_start();
                    continue;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                current.push((rest[..end].to_string(), style));
                rest = &rest[end..];
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// Lays units out in lines of at most `width` columns (a unit wider than a line gets a line of
/// its own), the first line indented by `first`, the others by `rest`.
fn wrap(units: &[Unit], first: usize, rest: usize, width: usize, p: &Painter) -> String {
    let mut out = String::new();
    let mut col = 0;
    for unit in units {
        let w: usize = unit.iter().map(|(t, _)| t.width()).sum();
        if col == 0 {
            let indent = if out.is_empty() { first } else { rest };
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if col + 1 + w > width {
            out.push('\n');
            out.push_str(&" ".repeat(rest));
            col = rest;
        } else {
            out.push(' ');
            col += 1;
        }
        for (t, style) in unit {
            out.push_str(&p.paint(t, *style));
        }
        col += w;
    }
    out.push('\n');
    out
}

/// `s` padded with spaces to `width` display columns.
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

/// `s` cut to at most `width` display columns, ending in `…` when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// As many items as fit in `width` columns, joined by `, `, then `+N` for the rest.
fn fit_list(items: &[String], width: usize) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let sep = if out.is_empty() { "" } else { ", " };
        let more = items.len() - i - 1;
        let tail = if more > 0 { format!(", +{more}") } else { String::new() };
        if out.width() + sep.len() + item.width() + tail.width() > width {
            let left = items.len() - i;
            if out.is_empty() {
                return truncate(&format!("{item}{tail}"), width);
            }
            let _ = write!(out, ", +{left}");
            return out;
        }
        out.push_str(sep);
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    fn plain() -> Layout {
        Layout::default()
    }

    #[test]
    fn the_fixture_report_matches_its_snapshot() {
        insta::assert_snapshot!(render(&fixture::alignment(), &plain()));
    }

    #[test]
    fn no_line_is_wider_than_the_layout() {
        let report = render(&fixture::alignment(), &Layout { width: 60, ..plain() });
        for line in report.lines() {
            assert!(line.width() <= 60, "{} columns: {line}", line.width());
        }
    }

    #[test]
    fn colour_is_used_only_when_asked_for() {
        let a = fixture::alignment();
        assert!(!render(&a, &plain()).contains('\x1b'));
        assert!(render(&a, &Layout { colour: true, ..plain() }).contains('\x1b'));
    }

    #[test]
    fn diffs_mark_official_only_and_article_only_words() {
        let report = render(&fixture::alignment(), &Layout { width: 1000, ..plain() });
        let replaced = "[-The parties agreed to build a new bridge over the river-] {+Ministers agree on a bridge+} by 2030";
        assert!(report.contains(replaced), "{report}");
        assert!(report.contains("The bridge [-will be financed-]{+, paid for+} by the"), "{report}");
    }

    #[test]
    fn sources_are_cited_with_their_file_and_lines() {
        let report = render(&fixture::alignment(), &plain());
        assert!(report.contains("← p1.s2 official.txt:5-7, p2.s1 official.txt:9-10"), "{report}");
    }

    #[test]
    fn several_articles_share_one_list_of_official_findings_before_their_own_sections() {
        let mut a = fixture::alignment();
        let mut second = a.articles[0].clone();
        second.path = "data/second.txt".into();
        second.findings.clear();
        a.articles.push(second);
        let report = render(&a, &plain());
        let shared =
            report.find("Findings in the official text and across articles").expect("shared findings");
        let first = report.find("━━ article.txt").expect("first article");
        let second = report.find("━━ second.txt").expect("second article");
        assert!(shared < first && first < second, "{report}");
        assert_eq!(report.matches("acronym_conflict").count(), 1, "shared finding listed once");
        assert_eq!(report.matches("quantity_mismatch").count(), 1, "article finding under its article");
    }

    #[test]
    fn a_list_that_does_not_fit_ends_with_how_many_were_left_out() {
        let items: Vec<String> = ["alpha", "beta", "gamma", "delta"].map(String::from).into();
        let t = |w| fit_list(&items, w);
        assert_eq!(t(100), "alpha, beta, gamma, delta");
        assert_eq!(t(20), "alpha, beta, +2");
        assert_eq!(t(6), "alpha…");
    }

    #[test]
    fn truncation_counts_display_columns() {
        assert_eq!(truncate("Hai bên nhất trí", 8), "Hai bên…");
        assert_eq!(truncate("short", 8), "short");
    }
}
