//! Property tests: whatever the input, the parser returns a document or an error (never panics),
//! and every sentence it returns can be cited: spans in order, not overlapping, inside the input and
//! on character boundaries, slicing back to the sentence's text, and lines inside the file.

use crosscheck_parse::{display, Document, Encoding, Kind, Parser};
use proptest::prelude::*;

/// Lines of the input as the parser counts them: `\n`, `\r\n`, a lone `\r` and the Unicode line
/// separators each end a line.
fn line_count(input: &str) -> usize {
    let lone_breaks =
        input.matches(['\r', '\u{2028}', '\u{2029}', '\u{85}']).count() - input.matches("\r\n").count();
    input.matches('\n').count() + lone_breaks + 1
}

fn check(input: &str, doc: &Document) -> Result<(), TestCaseError> {
    let lines = line_count(input);
    let mut previous_end = 0;
    for section in &doc.sections {
        prop_assert!(section.lines[0] <= section.lines[1]);
        for s in &section.sentences {
            let [a, b] = s.span;
            prop_assert!(
                previous_end <= a && a < b && b <= input.len(),
                "span {}..{} after {}",
                a,
                b,
                previous_end
            );
            prop_assert!(input.is_char_boundary(a) && input.is_char_boundary(b));
            prop_assert_eq!(display(&input[a..b]), s.text.clone());
            prop_assert!(!s.text.is_empty());
            let [first, last] = s.lines;
            prop_assert!(
                1 <= first && first <= last && last <= lines,
                "lines {}-{} of {}",
                first,
                last,
                lines
            );
            prop_assert!(section.lines[0] <= first && last <= section.lines[1]);
            previous_end = b;
        }
    }
    serde_json::to_string(doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(())
}

fn parse_every_way(input: &str) -> Result<(), TestCaseError> {
    for kind in [None, Some(Kind::Official), Some(Kind::Press)] {
        let parser = Parser::builder().kind_opt(kind).build();
        if let Ok(doc) = parser.parse("input.txt", input.as_bytes()) {
            check(input, &doc)?;
        }
    }
    Ok(())
}

/// Pieces that exercise the parser's decisions: point markers, dates, amounts, captions, bylines,
/// abbreviations, dots, brackets, combining marks, invisible characters and every kind of break.
const PIECES: &[&str] = &[
    "1.",
    "2. ",
    "3)",
    "(4)",
    "Điều 5",
    "Article 6",
    "IV.",
    "XII) ",
    "2027.",
    "13/8/2025",
    "1.000",
    "2.5",
    " date 2025-08-11 ",
    "HÀ NỘI (TTXVN) - ",
    "Ảnh: TTXVN",
    "(Photo: Reuters)",
    "By Jane Doe",
    "Như Tâm",
    "Theo TTXVN",
    ", theo VOV.",
    "Mr.",
    "U.S.",
    "J. K.",
    "TP.HCM",
    "...",
    "…",
    ".",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "“",
    "”",
    "\u{0301}",
    "\u{0323}",
    "e\u{0302}\u{0301}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00A0}",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\u{2028}",
    " ",
    "  ",
    "Hai bên nhất trí",
    "hợp tác",
    "The parties",
    "agreed",
    "Việt Nam",
    "a",
    "Z",
    "1",
    "99)",
    "\u{1161}",
    "ᄀ",
    "😀",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

/// Documents made of lines, most of them opening with a marker, to stress point detection.
fn numbered_document() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(&["", "1. ", "2. ", "3. ", "(1) ", "2) ", "Điều 3. ", "II. ", "2030. "][..]),
        document(),
    )
        .prop_map(|(marker, body)| format!("{marker}{body}"));
    (prop::collection::vec(line, 0..12), prop::sample::select(&["\n", "\r\n", "\n\n", "\r"][..]))
        .prop_map(|(lines, sep)| lines.join(sep))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_or_errs_with_valid_spans(input in any::<String>()) {
        parse_every_way(&input)?;
    }

    #[test]
    fn any_printable_text_parses_or_errs_with_valid_spans(input in "[ -~\\n\\r\\tàáảãạăâđêôơưÀĐ\u{0300}-\u{0303}\u{00A0}\u{200B}]{0,300}") {
        parse_every_way(&input)?;
    }

    #[test]
    fn adversarial_documents_parse_or_err_with_valid_spans(input in document()) {
        parse_every_way(&input)?;
    }

    #[test]
    fn adversarial_numbered_documents_parse_or_err_with_valid_spans(input in numbered_document()) {
        parse_every_way(&input)?;
    }

    #[test]
    fn any_bytes_parse_or_err_without_panicking_in_any_encoding(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        kind in prop::sample::select(&[None, Some(Kind::Official), Some(Kind::Press)][..]),
        encoding in prop::sample::select(
            &[None, Some(Encoding::Utf8), Some(Encoding::Utf16Le), Some(Encoding::Utf16Be), Some(Encoding::Windows1258)][..],
        ),
    ) {
        let parser = Parser::builder().kind_opt(kind).encoding_opt(encoding).build();
        if let Ok(doc) = parser.parse("input.bin", &bytes) {
            let mut previous_end = 0;
            for (_, s) in doc.sentences() {
                prop_assert!(previous_end <= s.span[0] && s.span[0] < s.span[1] && s.span[1] <= bytes.len());
                previous_end = s.span[1];
            }
            prop_assert!(serde_json::to_string(&doc).is_ok());
        }
    }
}
