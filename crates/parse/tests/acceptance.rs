//! Acceptance tests of the parser on the seed documents (`data/vn-kr-2025/`): the official text's
//! points, the press article's furniture against the human gold annotation, and the same parse
//! for copies of both files that differ only in ways normalisation removes.

use std::path::PathBuf;

use crosscheck_parse::{display, fold_whitespace, Document, Kind, Parser, Role, SectionKind, Structure};
use unicode_normalization::UnicodeNormalization;

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/vn-kr-2025").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn parse(name: &str, text: &str) -> Document {
    Parser::new().parse(name, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

/// 1-based number of the first line of `text` that starts with `prefix`.
fn line_starting_with(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line {prefix}"))
}

fn assert_spans_slice_back(doc: &Document, input: &str) {
    for (_, s) in doc.sentences() {
        let [a, b] = s.span;
        assert_eq!(display(&input[a..b]), s.text, "span {a}..{b} of {}", doc.path);
    }
}

#[test]
fn official_text_is_a_preamble_and_exactly_24_points_in_order() {
    let doc = parse("official.txt", &seed("official.txt"));
    assert_eq!((doc.kind, doc.structure), (Kind::Official, Structure::NumberedPoints));
    let numbers: Vec<Option<u32>> = doc.sections.iter().map(|s| s.number).collect();
    let expected: Vec<Option<u32>> = (0..=24).map(Some).collect();
    assert_eq!(numbers, expected);
    assert_eq!(doc.sections[0].kind, SectionKind::Preamble);
    assert!(doc.sections[1..].iter().all(|s| s.kind == SectionKind::Point && !s.sentences.is_empty()));
}

#[test]
fn no_official_point_swallows_the_next_and_none_keeps_its_marker() {
    let text = seed("official.txt");
    let doc = parse("official.txt", &text);
    for k in 1..=24u32 {
        let section = &doc.sections[k as usize];
        let starts = line_starting_with(&text, &format!("{k}."));
        assert_eq!(section.lines[0], starts, "point {k} starts on its marker line");
        if k < 24 {
            let next = line_starting_with(&text, &format!("{}.", k + 1));
            assert!(
                section.lines[1] < next,
                "point {k} (lines {:?}) runs into point {}",
                section.lines,
                k + 1
            );
        }
        let first = &section.sentences[0].text;
        assert!(!first.starts_with(&format!("{k}.")), "point {k} keeps its marker: {first}");
        assert!(first.starts_with("Hai bên") || first.starts_with("Phía"), "point {k} opens with: {first}");
    }
    // The preamble ends before point 1.
    assert!(doc.sections[0].lines[1] < line_starting_with(&text, "1."));
}

#[test]
fn official_point_17_holds_its_trailing_unnumbered_paragraph() {
    let doc = parse("official.txt", &seed("official.txt"));
    let p17 = &doc.sections[17];
    assert_eq!(p17.number, Some(17));
    assert_eq!(p17.lines[1], 268);
    let paragraph: Vec<_> = p17.sentences.iter().filter(|s| s.lines[0] >= 257).collect();
    assert!(paragraph[0].text.starts_with("Ngoài ra, hai bên hoan nghênh mở rộng giao lưu nhân dân"));
    assert_eq!(paragraph[0].lines[0], 257);
    assert!(paragraph.last().unwrap().text.ends_with("cùng quan tâm."));
    assert_eq!(doc.sections[18].lines[0], 270);
}

#[test]
fn every_official_sentence_span_slices_back_to_its_text() {
    let text = seed("official.txt");
    let doc = parse("official.txt", &text);
    assert!(doc.sentences().count() > 24);
    assert_spans_slice_back(&doc, &text);
}

/// Gold units of press-1.txt with a given role, whitespace folded.
fn gold_units(roles: &[&str]) -> Vec<(String, String)> {
    let gold: serde_json::Value = serde_json::from_str(&seed("gold.json")).expect("gold.json is JSON");
    gold["press_units"]
        .as_array()
        .expect("press_units is a list")
        .iter()
        .filter(|u| roles.contains(&u["role"].as_str().unwrap_or_default()))
        .map(|u| {
            (fold_whitespace(u["text"].as_str().unwrap_or_default()), u["role"].as_str().unwrap().to_string())
        })
        .collect()
}

fn texts_with_role(doc: &Document, role: Role) -> Vec<String> {
    doc.sentences().filter(|(_, s)| s.role == role).map(|(_, s)| fold_whitespace(&s.text)).collect()
}

#[test]
fn press_dateline_captions_and_byline_are_found_and_marked_as_in_the_gold() {
    let text = seed("press-1.txt");
    let doc = parse("press-1.txt", &text);
    assert_eq!((doc.kind, doc.structure), (Kind::Press, Structure::Article));
    let gold = |role| gold_units(&[role]).into_iter().map(|(t, _)| t).collect::<Vec<_>>();
    assert_eq!(texts_with_role(&doc, Role::Dateline), gold("dateline"));
    assert_eq!(texts_with_role(&doc, Role::Caption), gold("caption"));
    assert_eq!(gold("caption").len(), 4);
    assert_eq!(texts_with_role(&doc, Role::Byline), gold("byline"));
    assert!(doc.sentences().filter(|(_, s)| !s.role.is_content()).all(|(_, s)| s.role != Role::Body));
    assert_spans_slice_back(&doc, &text);
}

#[test]
fn at_least_95_percent_of_gold_press_content_units_are_exactly_one_sentence() {
    let doc = parse("press-1.txt", &seed("press-1.txt"));
    let sentences: Vec<(String, Role)> =
        doc.sentences().map(|(_, s)| (fold_whitespace(&s.text), s.role)).collect();
    let units = gold_units(&["body", "headline"]);
    assert_eq!(units.len(), 31);
    let mut missed = Vec::new();
    for (unit, role) in &units {
        match sentences.iter().find(|(t, _)| t == unit) {
            Some((_, got)) => {
                let want = if role == "headline" { Role::Headline } else { Role::Body };
                // A body unit that only credits its source may be marked as an attribution.
                assert!(*got == want || (want == Role::Body && *got == Role::Attribution), "{unit}: {got:?}");
            }
            None => missed.push(unit.as_str()),
        }
    }
    let share = (units.len() - missed.len()) as f64 / units.len() as f64;
    assert!(share >= 0.95, "{:.1}% one sentence; missed: {missed:#?}", share * 100.0);
}

/// One sentence as compared between copies: section number and kind, lines, role, text.
type SentenceShape = (Option<u32>, SectionKind, [usize; 2], Role, String);

/// What must not change between a file and a copy of it that normalisation makes equal.
fn shape(doc: &Document) -> Vec<SentenceShape> {
    doc.sentences().map(|(sec, s)| (sec.number, sec.kind, s.lines, s.role, s.text.clone())).collect()
}

/// Copies of `text` that differ from it only in what normalisation removes.
fn noisy_copies(text: &str) -> Vec<(&'static str, String)> {
    let nfd: String = text.nfd().collect();
    let crlf = text.replace('\n', "\r\n");
    // Zero-width characters after every fifth character, inside words and markers alike.
    let zero_width: String = text
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let extra = match i % 15 {
                4 => Some('\u{200B}'),
                9 => Some('\u{2060}'),
                14 => Some('\u{FEFF}'),
                _ => None,
            };
            std::iter::once(c).chain(extra)
        })
        .collect();
    let mut spaces = 0;
    let nbsp_tabs: String = text
        .chars()
        .map(|c| {
            if c != ' ' {
                return c;
            }
            spaces += 1;
            match spaces % 3 {
                0 => '\u{00A0}',
                1 => '\t',
                _ => ' ',
            }
        })
        .collect();
    let all: String = nbsp_tabs.replace('\n', "\r\n").nfd().collect::<String>().replace(' ', " \u{200B}");
    vec![("NFD", nfd), ("CRLF", crlf), ("zero-width", zero_width), ("NBSP and tabs", nbsp_tabs), ("all", all)]
}

#[test]
fn nfd_crlf_zero_width_nbsp_and_tab_copies_of_the_seed_files_parse_the_same() {
    for name in ["official.txt", "press-1.txt"] {
        let clean = seed(name);
        let expected = shape(&parse(name, &clean));
        for (label, copy) in noisy_copies(&clean) {
            assert_ne!(copy, clean, "{label} copy differs from the file");
            let doc = parse(name, &copy);
            let got = shape(&doc);
            assert_eq!(got.len(), expected.len(), "{name}, {label} copy: sentence count");
            for (g, e) in got.iter().zip(&expected) {
                assert_eq!(g, e, "{name}, {label} copy");
            }
            assert_spans_slice_back(&doc, &copy);
        }
    }
}

#[test]
fn the_seed_files_parse_the_same_from_utf16_with_a_bom() {
    for name in ["official.txt", "press-1.txt"] {
        let clean = seed(name);
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(clean.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let doc = Parser::new().parse(name, &bytes).unwrap();
        assert_eq!(shape(&doc), shape(&parse(name, &clean)));
        assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
        // Spans are offsets into the UTF-16 file: two bytes per unit after the BOM.
        let utf8_doc = parse(name, &clean);
        for ((_, s16), (_, s8)) in doc.sentences().zip(utf8_doc.sentences()) {
            let at = |b: usize| 2 + 2 * clean[..b].encode_utf16().count();
            assert_eq!(s16.span, s8.span.map(at), "{}", s8.text);
        }
    }
}

#[test]
fn text_given_as_a_string_parses_as_its_utf8_bytes_do() {
    for name in ["official.txt", "press-1.txt"] {
        let text = seed(name);
        let doc = Parser::builder().kind(Kind::Press).build().parse_text(name, &text).unwrap();
        let from_bytes = Parser::builder().kind(Kind::Press).build().parse(name, text.as_bytes()).unwrap();
        assert_eq!(serde_json::to_string(&doc).unwrap(), serde_json::to_string(&from_bytes).unwrap());
    }
}

#[test]
fn a_nul_in_text_given_as_a_string_is_binary_data_at_its_line_and_byte() {
    let err = Parser::new().parse_text("record 3", "Dòng một.\nHai\0ba.").unwrap_err().to_string();
    assert!(err.contains("record 3") && err.contains("binary data"), "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn a_structure_only_parse_has_the_same_sentences_without_tokens() {
    for name in ["official.txt", "press-1.txt"] {
        let text = seed(name);
        let full = parse(name, &text);
        let lean = Parser::builder().structure_only(true).build().parse(name, text.as_bytes()).unwrap();
        assert_eq!(shape(&lean), shape(&full));
        let spans = |d: &Document| d.sentences().map(|(_, s)| s.span).collect::<Vec<_>>();
        assert_eq!(spans(&lean), spans(&full));
        assert!(lean.sentences().all(|(_, s)| s.tokens.is_empty()));
        assert!(full.sentences().all(|(_, s)| !s.tokens.is_empty()));
    }
}

/// Every text file under `data/` (the seed and the held-out pairs).
fn data_texts() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_data_file_parses_the_same_from_noisy_copies_and_its_spans_slice_back() {
    let files = data_texts();
    assert!(files.len() >= 2, "{files:?}");
    for path in files {
        let name = path.display().to_string();
        let clean = std::fs::read_to_string(&path).unwrap();
        let doc = parse(&name, &clean);
        assert_spans_slice_back(&doc, &clean);
        let expected = shape(&doc);
        for (label, copy) in noisy_copies(&clean) {
            let noisy = parse(&name, &copy);
            assert!(shape(&noisy) == expected, "{name}: the {label} copy parses differently");
            assert_spans_slice_back(&noisy, &copy);
        }
    }
}
