//! Fuzzes the parser: any bytes, read with the kind and encoding picked by the first byte, must give
//! a document or an error, never a panic, and every sentence's span and lines must be valid.
#![no_main]

use crosscheck_parse::{Encoding, Kind, Parser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let kind = match selector % 3 {
        0 => None,
        1 => Some(Kind::Official),
        _ => Some(Kind::Press),
    };
    let encoding = match (selector / 3) % 5 {
        0 => None,
        1 => Some(Encoding::Utf8),
        2 => Some(Encoding::Utf16Le),
        3 => Some(Encoding::Utf16Be),
        _ => Some(Encoding::Windows1258),
    };
    let parser = Parser::builder().kind_opt(kind).encoding_opt(encoding).build();
    let Ok(doc) = parser.parse("fuzz.txt", bytes) else { return };
    let line_count = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut previous_end = 0;
    for (_, sentence) in doc.sentences() {
        let [start, end] = sentence.span;
        assert!(previous_end <= start && start < end && end <= bytes.len(), "span {start}..{end}");
        previous_end = end;
        let [first, last] = sentence.lines;
        assert!(1 <= first && first <= last, "lines {first}-{last}");
        // Read as UTF-8 (no warning and nothing else forced): spans slice the bytes as text.
        if doc.warnings.is_empty() && matches!(encoding, None | Some(Encoding::Utf8)) {
            let text = std::str::from_utf8(bytes).expect("no warning means UTF-8");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            assert_eq!(crosscheck_parse::display(&text[start..end]), sentence.text);
            // Line separators other than `\n` (CR, U+2028…) also count as lines.
            assert!(last <= line_count + text.matches(['\r', '\u{2028}', '\u{2029}', '\u{85}']).count());
        }
    }
    serde_json::to_string(&doc).expect("a document serialises");
});
