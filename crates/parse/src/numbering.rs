//! Numbered points of an official text: `1.Hai`, `3. Hai`, `1)`, `(1)`, `Điều 1`, `Article 1`,
//! `II.`.
//!
//! A marker only starts a point when it opens a line, carries the next number in sequence (the first
//! must be 1), and the line before it is blank or ends a sentence. That keeps a year or an amount at
//! the start of a hard-wrapped line (`2027.`, `13/8/2025.`) inside its point.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::canonical_combining_class;

/// A point marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The point's number (Roman numerals converted).
    pub(crate) number: u32,
    /// Byte length of the marker and the spaces after it, from the start of the line's text.
    pub(crate) len: usize,
    /// How the number is written. The points of one document share a style, so a `(2)` inside
    /// `Article 1` is a paragraph of that article, not point 2.
    pub(crate) style: Style,
}

/// The way a marker writes its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Style {
    /// A keyword before the number (`Article 1`, `Điều 2`), keyword in lower case.
    Word(String),
    /// `1.`
    Dot,
    /// `1)`
    Parenthesis,
    /// `(1)`
    Bracketed,
    /// `IV.`, `IV)`
    Roman,
}

static ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(\d{1,3})[.)]|\((\d{1,3})\))").expect("valid regex"));
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Điều|ĐIỀU|Article|ARTICLE|Art\.|Section|SECTION|Artikel|Mục|MỤC|Phần|PHẦN|Chương|CHƯƠNG|Chapter|CHAPTER|Point|Punkt)[ \t]+(\d{1,3}|[IVXLC]{1,7})(?:[ \t]*[.:)\-–—][ \t]*|[ \t]+|$)")
        .expect("valid regex")
});
static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXLC]{1,7})[.)][ \t]+").expect("valid regex"));

fn roman(s: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// The marker at the start of `line` (leading white space already removed), if it looks like one.
/// A marker whose last character carries a combining mark (`1.́`) is not one.
pub(crate) fn marker(line: &str) -> Option<Marker> {
    let m = marker_shape(line)?;
    let marked = line[m.len..].chars().next().is_some_and(|c| canonical_combining_class(c) != 0);
    (!marked).then_some(m)
}

/// True when `line` opens with a character a marker can open with (a digit, `(`, a Roman numeral,
/// or the first letter of a [`WORD`] keyword): most lines do not, and are settled without the
/// patterns.
fn may_open_marker(line: &str) -> bool {
    line.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '(' | 'I' | 'V' | 'X' | 'L' | 'C' | 'Đ' | 'A' | 'S' | 'M' | 'P')
    })
}

fn marker_shape(line: &str) -> Option<Marker> {
    if !may_open_marker(line) {
        return None;
    }
    if let Some(c) = WORD.captures(line) {
        let raw = c.get(2)?.as_str();
        let number = raw.parse().ok().or_else(|| roman(raw))?;
        let style = Style::Word(c.get(1)?.as_str().to_lowercase());
        return Some(Marker { number, len: c.get(0)?.end(), style });
    }
    if let Some(c) = ARABIC.captures(line) {
        let raw = c.get(1).or_else(|| c.get(2))?;
        let rest = &line[c.get(0)?.end()..];
        // `1.000`, `2.5`, `13/8`, `5%` are numbers, not markers.
        if rest
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | '.' | ',' | ':' | ')' | '-' | '%'))
        {
            return None;
        }
        let len = line.len() - rest.trim_start().len();
        let style = if c.get(2).is_some() {
            Style::Bracketed
        } else if line[..c.get(0)?.end()].ends_with(')') {
            Style::Parenthesis
        } else {
            Style::Dot
        };
        return Some(Marker { number: raw.as_str().parse().ok()?, len, style });
    }
    if let Some(c) = ROMAN.captures(line) {
        return Some(Marker {
            number: roman(c.get(1)?.as_str())?,
            len: c.get(0)?.end(),
            style: Style::Roman,
        });
    }
    None
}

/// True when a line ending like this closes a sentence or a heading, so a marker may follow it.
pub(crate) fn ends_unit(prev_line: &str) -> bool {
    let t = prev_line.trim_end();
    t.is_empty() || t.ends_with(['.', ':', ';', '!', '?', '…', ')', '"', '”', '»'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_the_markers_match_opens_with_a_marker_character() {
        let texts = [
            include_str!("../../../data/vn-kr-2025/official.txt"),
            include_str!("../../../data/heldout/en-joint-statement/official.txt"),
            include_str!("../../../data/heldout/vi-communique/official.txt"),
            "Điều 1. A\nĐIỀU II: B\nArticle 3 C\nArt. 4 D\nSection 5\nArtikel 6\nMục 7\nPhần 8\nChương 9\n\
             Chapter 10\nPoint 11\nPunkt 12\n1. a\n2) b\n(3) c\nIV. d\nXL) e\nCHƯƠNG 1\nMỤC 2\nPHẦN 3",
        ];
        let mut matched = 0;
        for line in texts.iter().flat_map(|t| t.lines()).map(str::trim_start) {
            if [&*WORD, &*ARABIC, &*ROMAN].iter().any(|re| re.is_match(line)) {
                matched += 1;
                assert!(may_open_marker(line), "{line:?}");
            }
        }
        assert!(matched >= 40, "only {matched} marker lines in the samples");
    }

    #[test]
    fn markers_are_recognised_in_every_style() {
        let cases: &[(&str, Option<(u32, &str)>)] = &[
            ("1.Hai bên", Some((1, "Hai bên"))),
            ("3. Hai bên", Some((3, "Hai bên"))),
            ("12) The parties", Some((12, "The parties"))),
            ("(4) The parties", Some((4, "The parties"))),
            ("Điều 2. Phạm vi", Some((2, "Phạm vi"))),
            ("Article 7 The parties", Some((7, "The parties"))),
            ("Article 1 – Scope", Some((1, "Scope"))),
            ("IV. Cooperation", Some((4, "Cooperation"))),
            ("13/8/2025.", None),
            ("1.000 tỷ đồng", None),
            ("2.5 triệu", None),
            ("2022 và Bản ghi nhớ", None),
            ("150 tỷ USD", None),
        ];
        for (line, expected) in cases {
            let got = marker(line).map(|m| (m.number, &line[m.len..]));
            assert_eq!(got, *expected, "line: {line}");
        }
    }

    #[test]
    fn a_year_alone_on_a_wrapped_line_is_a_marker_candidate_only_by_shape() {
        // `2027.` has a marker's shape; the sequence rule in the document builder rejects it.
        assert_eq!(marker("2027.").map(|m| m.number), None);
    }
}
