//! Small hand-made documents, each isolating one decision of the parser: numbering styles, lines
//! that look like markers but are not, official texts without numbered points, English sentence
//! segmentation, and forcing the kind.

use crosscheck_parse::{Document, Kind, Parser, Role, SectionKind, Structure};

fn parse(text: &str) -> Document {
    Parser::new().parse("t.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn numbers(doc: &Document) -> Vec<Option<u32>> {
    doc.sections.iter().map(|s| s.number).collect()
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.sentences().map(|(_, s)| s.text.as_str()).collect()
}

#[test]
fn points_are_found_in_every_numbering_style() {
    let styles: &[(&str, [&str; 3])] = &[
        ("1.", ["1.", "2.", "3."]),
        ("1.Hai (no space)", ["1.", "2.", "3."]),
        ("1)", ["1)", "2)", "3)"]),
        ("(1)", ["(1)", "(2)", "(3)"]),
        ("Điều 1", ["Điều 1.", "Điều 2.", "Điều 3."]),
        ("Article 1", ["Article 1", "Article 2", "Article 3"]),
        ("Roman", ["I.", "II.", "III."]),
    ];
    for (style, markers) in styles {
        let sep = if style.contains("no space") { "" } else { " " };
        let text = format!(
            "The parties met in Hanoi.\n\n{}{sep}First point of the text.\n\n{}{sep}Second point.\nIt has two sentences.\n\n{}{sep}Third point.\n",
            markers[0], markers[1], markers[2]
        );
        let doc = parse(&text);
        assert_eq!(doc.structure, Structure::NumberedPoints, "{style}");
        assert_eq!(numbers(&doc), [Some(0), Some(1), Some(2), Some(3)], "{style}");
        assert_eq!(
            texts(&doc),
            [
                "The parties met in Hanoi.",
                "First point of the text.",
                "Second point.",
                "It has two sentences.",
                "Third point."
            ],
            "{style}"
        );
        assert_eq!(doc.sections[2].lines, [5, 6], "{style}");
    }
}

#[test]
fn a_year_an_amount_or_a_number_at_the_start_of_a_wrapped_line_does_not_start_a_point() {
    let cases: &[(&str, &str)] = &[
        ("year", "1. Hai bên đặt mục tiêu hoàn thành dự án trước năm\n2030. Hai bên cũng nhất trí.\n\n2. Hai bên ký kết.\n"),
        ("date", "1. Hai bên gặp nhau vào ngày\n13/8/2025. Hai bên cũng nhất trí.\n\n2. Hai bên ký kết.\n"),
        ("amount", "1. Hai bên nâng kim ngạch lên\n2.5 tỷ USD và hợp tác.\n\n2. Hai bên ký kết.\n"),
        ("thousands", "1. Hai bên dành\n1.000 tỷ đồng cho dự án.\n\n2. Hai bên ký kết.\n"),
        ("mid-sentence number", "1. The parties will cut tariffs on item\n2. and related goods over time.\n\n2. The parties signed.\n"),
        ("out of sequence", "1. The parties met.\n3. This is not point three.\n\n2. The parties signed.\n"),
    ];
    for (label, text) in cases {
        let doc = parse(text);
        assert_eq!(numbers(&doc), [Some(1), Some(2)], "{label}");
        assert_eq!(doc.sections[0].lines[1], 2, "{label}: point 1 keeps its wrapped line");
        assert!(
            doc.sections[1].sentences[0].text.contains("signed")
                || doc.sections[1].sentences[0].text.contains("ký kết")
        );
    }
}

#[test]
fn an_official_text_without_numbered_points_has_paragraph_sections_and_says_so() {
    let text = "Joint communiqué\n\nThe two ministers met in Hanoi on Monday. They agreed to meet again.\n\n\
                They will set up a working group on trade.\n\nNote: this translation is unofficial.\n";
    let doc = parse(text);
    assert_eq!((doc.kind, doc.structure), (Kind::Official, Structure::Paragraphs));
    assert_eq!(numbers(&doc), [Some(1), Some(2), Some(3), Some(4)]);
    assert!(doc.sections.iter().all(|s| s.kind == SectionKind::Paragraph));
    assert_eq!(doc.sections[1].sentences.len(), 2);
    assert_eq!(doc.sections[3].sentences[0].text, "Note: this translation is unofficial.");
    assert!(doc.notes.iter().any(|n| n.contains("no numbered points")), "{:?}", doc.notes);
}

#[test]
fn a_single_numbered_line_is_not_a_list_of_points() {
    let doc = parse("The parties met.\n\n1. They agreed.\n");
    assert_eq!(doc.structure, Structure::Paragraphs);
}

#[test]
fn english_sentences_do_not_split_at_titles_initialisms_or_initials() {
    let cases: &[(&str, &[&str])] = &[
        ("Mr. Smith met Mrs. Lee. They talked.", &["Mr. Smith met Mrs. Lee.", "They talked."]),
        (
            "The U.S. and the E.U. agreed. Talks end today.",
            &["The U.S. and the E.U. agreed.", "Talks end today."],
        ),
        ("Officials in the U.S. Congress said no.", &["Officials in the U.S. Congress said no."]),
        (
            "J. R. R. Tolkien wrote it. Dr. Jones read it.",
            &["J. R. R. Tolkien wrote it.", "Dr. Jones read it."],
        ),
        ("Trade rose 2.5% to $1.000 bn. Exports grew.", &["Trade rose 2.5% to $1.000 bn.", "Exports grew."]),
        (
            "He paused... Then he spoke. \"We agree.\" Done.",
            &["He paused... Then he spoke.", "\"We agree.\"", "Done."],
        ),
        (
            "The talks (held in Seoul. Again.) ended. Next.",
            &["The talks (held in Seoul. Again.) ended.", "Next."],
        ),
    ];
    for (input, expected) in cases {
        let doc = Parser::builder().kind(Kind::Official).build().parse("t.txt", input.as_bytes()).unwrap();
        assert_eq!(texts(&doc), *expected, "{input}");
    }
}

#[test]
fn forcing_the_kind_overrides_what_the_text_suggests() {
    let numbered = "Preamble.\n\n1. First point.\n\n2. Second point.\n";
    assert_eq!(parse(numbered).kind, Kind::Official);
    let as_press = Parser::builder().kind(Kind::Press).build().parse("t.txt", numbered.as_bytes()).unwrap();
    assert_eq!((as_press.kind, as_press.structure), (Kind::Press, Structure::Article));
    assert!(as_press.sections.iter().all(|s| s.number.is_none()));

    let article = " date 2025-08-11 Leaders meet in Seoul.\n\nThe leaders met.\n\nLeaders at the talks. Photo: Reuters\n";
    assert_eq!(parse(article).kind, Kind::Press);
    let as_official =
        Parser::builder().kind(Kind::Official).build().parse("t.txt", article.as_bytes()).unwrap();
    assert_eq!(as_official.kind, Kind::Official);
    assert!(as_official.sentences().all(|(_, s)| s.role == Role::Body));
}

#[test]
fn a_marker_carrying_a_combining_mark_is_not_cut_from_its_mark() {
    // Found by the property test: the `.` of `1.` composed with the marks after it.
    let input = "2. \r1.\u{301}\u{323}\n\n2. ";
    for kind in [Kind::Official, Kind::Press] {
        let doc = Parser::builder().kind(kind).build().parse("t.txt", input.as_bytes()).unwrap();
        for (_, s) in doc.sentences() {
            assert_eq!(crosscheck_parse::display(&input[s.span[0]..s.span[1]]), s.text);
        }
    }
}

#[test]
fn empty_and_blank_inputs_are_errors_naming_the_file() {
    for input in ["", "   \n\t\r\n", "\u{200B}\u{FEFF}\n"] {
        let err = Parser::new().parse("blank.txt", input.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), crosscheck_parse::ErrorKind::Empty, "{input:?}");
        assert!(err.to_string().starts_with("blank.txt: "), "{err}");
    }
}

#[test]
fn a_utf8_byte_order_mark_is_dropped_and_spans_stay_file_offsets() {
    let input = "\u{FEFF}Preamble.\n\n1. First.\n\n2. Second.\n";
    let doc = parse(input);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let spans: Vec<[usize; 2]> = doc.sentences().map(|(_, s)| s.span).collect();
    assert_eq!(spans, [[3, 12], [17, 23], [28, 35]]);
    assert_eq!(texts(&doc), ["Preamble.", "First.", "Second."]);
}
