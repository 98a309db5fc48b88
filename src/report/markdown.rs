//! The Markdown report: the text report's content (coverage table, findings, sentences with
//! sources and word diffs) as Markdown for a code review, an issue or a wiki page. Official-only
//! words are `<del>`, article-only words `<ins>` (HTML tags, as `~~` and `**` do not close next to
//! punctuation inside a word). Every piece of document text is escaped, so an article cannot inject
//! markup.

use std::fmt::Write as _;

use crosscheck_align::{Alignment, ArticleAlignment, DiffTag, Finding, Relation};

use super::{
    cite, coverage_summary, display_diff, file_name, line_range, point_gist, relation_name, relation_summary,
    role_name, severity_name, split_space, status_name, Layout,
};

/// Renders the whole Markdown report.
pub fn render(a: &Alignment, layout: &Layout) -> String {
    let mut out = String::new();
    let points = a.official.sections.len();
    let sentences: usize = a.official.sections.iter().map(|s| s.sentences.len()).sum();
    let _ = writeln!(out, "# crosscheck report\n");
    let _ = writeln!(
        out,
        "- **Official text:** {} ({points} points, {sentences} sentences)",
        escape(&a.official.path)
    );
    for article in &a.articles {
        let _ =
            writeln!(out, "- **Article:** {} ({} sentences)", escape(&article.path), article.sentences.len());
    }
    let single = a.articles.len() == 1;
    if !single && !a.findings.is_empty() {
        let _ = writeln!(out, "\n## Findings in the official text and across articles\n");
        findings(&mut out, a.findings.iter());
    }
    for article in &a.articles {
        let _ = writeln!(out, "\n## {}\n", escape(file_name(&article.path)));
        let _ = writeln!(out, "**Coverage:** {}  ", coverage_summary(article));
        let _ = writeln!(out, "{}", relation_summary(article));
        coverage_table(&mut out, a, article, layout);
        let shared = if single { a.findings.as_slice() } else { &[] };
        let all: Vec<&Finding> = shared.iter().chain(&article.findings).collect();
        let _ = writeln!(out, "\n### Findings ({})\n", all.len());
        if all.is_empty() {
            let _ = writeln!(out, "None.");
        }
        findings(&mut out, all.into_iter());
        let _ = writeln!(out, "\n### Sentences\n");
        press_sentences(&mut out, a, article, layout);
    }
    out
}

fn coverage_table(out: &mut String, a: &Alignment, article: &ArticleAlignment, layout: &Layout) {
    let _ = writeln!(out, "\n### Coverage\n");
    let _ = writeln!(out, "| Point | Gist | Status | Score | Missing |");
    let _ = writeln!(out, "|------:|------|--------|------:|---------|");
    for c in &article.coverage {
        let gist = point_gist(a, c.point, layout.gist_words);
        let missing: Vec<String> = c.missing.iter().map(|m| escape(m)).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {} |",
            c.point,
            escape(&gist),
            status_name(c.status),
            c.score,
            missing.join(", ")
        );
    }
}

fn findings<'a>(out: &mut String, list: impl Iterator<Item = &'a Finding>) {
    for f in list {
        let variants: Vec<String> = f.variants.iter().map(|v| escape(v)).collect();
        let at: Vec<String> =
            f.locations.iter().map(|l| format!("{}:{}", escape(file_name(&l.path)), l.line)).collect();
        let _ = writeln!(
            out,
            "- **{}** {}: {} — {} ({})",
            severity_name(f.severity),
            escape(&f.kind),
            variants.join(" / "),
            escape(&f.message),
            at.join(", ")
        );
    }
}

fn press_sentences(out: &mut String, a: &Alignment, article: &ArticleAlignment, layout: &Layout) {
    for s in &article.sentences {
        let mut head = format!(
            "- **{}** · line {} · {} · *{}*",
            s.id,
            line_range(s.lines),
            role_name(s.role),
            relation_name(s.relation)
        );
        if s.relation != Relation::NotContent {
            let _ = write!(head, " {:.2}", s.score);
        }
        let sources: Vec<String> = s
            .sources
            .iter()
            .map(|src| format!("{} ({})", src.sentence, escape(&cite(&a.official.path, src))))
            .collect();
        if !sources.is_empty() {
            let _ = write!(head, " · from {}", sources.join(", "));
        }
        let _ = writeln!(out, "{head}  ");
        let body = if s.diff.is_empty() || s.relation == Relation::NotContent {
            escape(&s.text)
        } else {
            diff(&display_diff(&s.diff, layout))
        };
        let _ = writeln!(out, "  {body}");
    }
}

/// A word diff: `<del>official only</del>`, `<ins>article only</ins>`, tags hugging the words.
fn diff(runs: &[(DiffTag, String)]) -> String {
    let mut out = String::new();
    for (tag, text) in runs {
        let (lead, core, trail) = split_space(text);
        let (open, close) = match tag {
            DiffTag::Equal => ("", ""),
            DiffTag::Delete => ("<del>", "</del>"),
            DiffTag::Insert => ("<ins>", "</ins>"),
        };
        out.push_str(lead);
        if !core.is_empty() {
            let _ = write!(out, "{open}{}{close}", escape(core));
        }
        out.push_str(trail);
    }
    out
}

/// Document text made inert: Markdown punctuation and HTML's `<`, `>`, `&` are backslash-escaped,
/// line breaks become spaces, so text stays text in any CommonMark renderer and in table cells.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '|' | '~'
            | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn the_fixture_report_matches_its_snapshot() {
        insta::assert_snapshot!(render(&fixture::alignment(), &Layout::default()));
    }

    #[test]
    fn markup_in_document_text_is_escaped() {
        let report = render(&fixture::alignment(), &Layout::default());
        assert!(report.contains(r#"Critics say \<script\>alert\("x"\)\</script\> \& the cost"#), "{report}");
        assert!(!report.contains("<script>"));
        assert!(!report.contains("</script>"));
    }

    #[test]
    fn a_pipe_in_a_gist_does_not_split_the_table_cell() {
        let report = render(&fixture::alignment(), &Layout::default());
        assert!(
            report.contains(r"| 3 | A joint school \| for river engineers will open in… | omitted |"),
            "{report}"
        );
    }

    #[test]
    fn diffs_tag_official_only_words_as_deleted_and_article_only_words_as_inserted() {
        assert_eq!(
            diff(&[
                (DiffTag::Equal, "the ".into()),
                (DiffTag::Delete, "old bridge ".into()),
                (DiffTag::Insert, "new_bridge".into()),
            ]),
            r"the <del>old bridge</del> <ins>new\_bridge</ins>"
        );
    }
}
