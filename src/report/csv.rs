//! The CSV report for spreadsheets: one row per press sentence, RFC 4180 quoting.
//!
//! Columns: `article`, `sentence`, `lines`, `role`, `relation`, `score`, `source_points`
//! (`1 4`), `sources` (official sentence ids with their lines, `p1.s2:5-7 p2.s1:9-10`), `text`.

use anyhow::Context;
use crosscheck_align::Alignment;

use super::{line_range, relation_name, role_name};

/// The header row.
const HEADER: [&str; 9] =
    ["article", "sentence", "lines", "role", "relation", "score", "source_points", "sources", "text"];

/// Renders every article's sentences as CSV.
pub fn render(a: &Alignment) -> anyhow::Result<String> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(HEADER).context("writing CSV")?;
    for article in &a.articles {
        for s in &article.sentences {
            let mut points: Vec<String> = Vec::new();
            for src in &s.sources {
                let p = src.point.to_string();
                if !points.contains(&p) {
                    points.push(p);
                }
            }
            let sources: Vec<String> =
                s.sources.iter().map(|src| format!("{}:{}", src.sentence, line_range(src.lines))).collect();
            w.write_record([
                article.path.as_str(),
                s.id.as_str(),
                &line_range(s.lines),
                &role_name(s.role),
                relation_name(s.relation),
                &format!("{:.3}", s.score),
                &points.join(" "),
                &sources.join(" "),
                s.text.as_str(),
            ])
            .context("writing CSV")?;
        }
    }
    let bytes = w.into_inner().context("writing CSV")?;
    String::from_utf8(bytes).context("CSV is not UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn the_fixture_report_matches_its_snapshot() {
        insta::assert_snapshot!(render(&fixture::alignment()).unwrap());
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_press_sentence_that_reads_back() {
        let a = fixture::alignment();
        let text = render(&a).unwrap();
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), HEADER);
        let rows: Vec<::csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), a.articles[0].sentences.len());
        let script = &rows[3];
        assert_eq!(&script[8], a.articles[0].sentences[3].text, "quotes and commas survive");
        assert_eq!(&rows[2][6], "1 2");
        assert_eq!(&rows[2][7], "p1.s2:5-7 p2.s1:9-10");
    }
}
