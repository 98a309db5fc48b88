//! Quote fidelity: text an article puts inside quotation marks, long enough to be a quotation and
//! close enough to an official sentence to be drawn from it, that does not reproduce the official
//! wording word for word (case and diacritics aside).

use std::sync::LazyLock;

use crosscheck_parse::{tokenize, Document, Sentence};
use regex::Regex;

use super::ChecksConfig;
use crate::model::{ArticleAlignment, Finding, Location, OfficialText, Relation, Severity};

static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: a mistake in it is a bug caught by every test.
    Regex::new(r#"“([^”]+)”|"([^"]+)"|«([^»]+)»|„([^“”]+)[“”]"#)
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// Longest common subsequence of two key lists: its length and the index range of `b` it covers,
/// widened by the words of `a` left unmatched before its first and after its last match (so a
/// changed last word shows its official counterpart).
fn lcs(a: &[String], b: &[&str]) -> (usize, usize, usize) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return (0, 0, 0);
    }
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut first, mut last) = (None, (0, 0));
    while i < n && j < m {
        if a[i] == b[j] {
            first.get_or_insert((i, j));
            last = (i, j);
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let (ai, bj) = first.unwrap_or((0, 0));
    let start = bj.saturating_sub(ai);
    let end = (last.1 + (n - 1).saturating_sub(last.0)).min(m.saturating_sub(1));
    (t[0][0] as usize, start, end.max(start))
}

fn contains_run(hay: &[&str], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w.iter().zip(needle).all(|(h, n)| *h == n))
}

/// The quotation findings of one aligned article.
pub(crate) fn check(
    official: &Document,
    text: &OfficialText,
    doc: &Document,
    alignment: &ArticleAlignment,
    cfg: &ChecksConfig,
) -> Vec<Finding> {
    // The official sentences with their ids and token keys, listed at the first quotation (most
    // articles have none).
    let listed = std::cell::OnceCell::new();
    let list = || {
        listed.get_or_init(|| {
            let official_sentences: Vec<(&str, &Sentence)> = official
                .sections
                .iter()
                .zip(&text.sections)
                .flat_map(|(s, t)| s.sentences.iter().zip(&t.sentences).map(|(x, c)| (c.id.as_str(), x)))
                .collect();
            let keyed: Vec<Vec<&str>> = official_sentences
                .iter()
                .map(|(_, s)| s.tokens.iter().map(|t| t.key.as_str()).collect())
                .collect();
            (official_sentences, keyed)
        })
    };
    let mut out = Vec::new();
    for ps in &alignment.sentences {
        if ps.relation == Relation::NotContent {
            continue;
        }
        let Some(sentence) =
            doc.sentences().map(|(_, s)| s).find(|s| s.text == ps.text && s.lines == ps.lines)
        else {
            continue;
        };
        for c in QUOTED.captures_iter(&sentence.text) {
            let Some(inner) = c.iter().skip(1).flatten().next() else { continue };
            let quote: Vec<String> =
                tokenize(inner.as_str()).into_iter().map(|t| t.key.into_string()).collect();
            if quote.len() < cfg.min_quote_words {
                continue;
            }
            let (official_sentences, keyed) = list();
            // Sources first: on a tie the sentence the aligner chose wins.
            let mut order: Vec<usize> = ps
                .sources
                .iter()
                .filter_map(|src| official_sentences.iter().position(|(id, _)| *id == src.sentence))
                .collect();
            let rest: Vec<usize> = (0..official_sentences.len()).filter(|i| !order.contains(i)).collect();
            order.extend(rest);
            let mut best: Option<(usize, usize, usize, usize)> = None;
            for i in order {
                let (n, a, b) = lcs(&quote, &keyed[i]);
                if best.is_none_or(|(bn, ..)| n > bn) {
                    best = Some((n, i, a, b));
                }
            }
            let Some((n, i, a, b)) = best else { continue };
            if (n as f64) < cfg.quote_source_share * quote.len() as f64 || contains_run(&keyed[i], &quote) {
                continue;
            }
            let src = official_sentences[i].1;
            let (Some(ta), Some(tb)) = (src.tokens.get(a), src.tokens.get(b)) else { continue };
            if n == 0 || ta.span[0] > tb.span[1] {
                continue;
            }
            let wording = &src.text[ta.span[0]..tb.span[1]];
            let here = Location { path: doc.path.clone(), line: sentence.line_at(inner.start()) };
            let there = Location { path: official.path.clone(), line: src.line_at(ta.span[0]) };
            let message = format!(
                "The quotation “{}” ({}:{}) differs from the official wording “{}” ({}:{}).",
                inner.as_str(),
                here.path,
                here.line,
                wording,
                there.path,
                there.line
            );
            out.push(Finding {
                kind: "quote_mismatch".to_string(),
                severity: Severity::Warning,
                message,
                variants: vec![inner.as_str().to_string(), wording.to_string()],
                locations: vec![here, there],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_quotation_has_no_common_wording() {
        assert_eq!(lcs(&[], &["hai"]), (0, 0, 0));
        assert_eq!(lcs(&["hai".to_string()], &[]), (0, 0, 0));
    }
    use crate::{Aligner, Relation};
    use crosscheck_parse::{Kind, Parser};

    fn quote_findings(press: &str) -> Vec<Finding> {
        let official = Parser::builder()
            .kind(Kind::Official)
            .build()
            .parse_str("o.txt", "Mở đầu.\n\n1. Hai bên nhất trí tăng cường hợp tác trong lĩnh vực y tế và giáo dục.\n\n2. Hai bên sẽ gặp lại.\n")
            .unwrap();
        let aligner = Aligner::builder().build(&official).unwrap();
        let doc = Parser::builder().kind(Kind::Press).build().parse_str("p.txt", press).unwrap();
        let mut alignment = aligner.align(&doc);
        for s in &mut alignment.sentences {
            s.relation = Relation::Paraphrase;
        }
        check(&official, aligner.official(), &doc, &alignment, &ChecksConfig::default())
    }

    #[test]
    fn a_quotation_is_checked_against_its_closest_official_wording() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Hai bên cam kết “tăng cường hợp tác trong lĩnh vực y tế” lâu dài.", None),
            ("Hai bên cam kết “TĂNG CƯỜNG HỢP TÁC TRONG LĨNH VỰC Y TẾ” lâu dài.", None),
            (
                "Hai bên cam kết “tăng cường hợp tác trong lĩnh vực quốc phòng” lâu dài.",
                Some("tăng cường hợp tác trong lĩnh vực y tế"),
            ),
            ("Ông nói “rất tốt” về chuyến thăm.", None),
            ("Ông nói “thời tiết hôm nay đẹp và mát mẻ” về chuyến thăm.", None),
        ];
        for (press, want) in cases {
            let found = quote_findings(press);
            let wording = found.first().map(|f| f.variants[1].as_str());
            assert_eq!(wording, *want, "{press}: {found:#?}");
        }
    }
}
