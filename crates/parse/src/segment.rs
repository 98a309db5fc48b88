//! Sentence segmentation for languages written with spaces (Vietnamese, English, German, French…).
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by
//! white space and a character that can open a sentence (a capital, a digit, an opening quote).
//! It does not end inside brackets, after a known abbreviation (`Mr.`, `TS.`), after an initial or
//! an initialism (`J.`, `U.S.`), at an ellipsis, or inside a number (`13/8/2025`, `1.000`, `2.5`).

/// Abbreviations that end with a full stop but do not end a sentence (compared in lower case,
/// without the final stop). Titles, months, and common Latin, Vietnamese, German and French forms.
const ABBREVIATIONS: &[&str] = &[
    // English
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "hon", "pres", "vs", "v", "no", "nos", "art", "fig", "vol", "pp", "ca",
    "approx", "dept", "est", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al", "op", "a.m", "p.m",
    // Vietnamese
    "ts", "ths", "pgs", "gs", "tp", "bs", "nxb", "tt", "q", "p", "tx", // German, French
    "nr", "bzw", "z.b", "ggf", "vgl", "hr", "fr", "mme", "mlle", "m", "str", "s",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '‹' | '„')
}

fn can_open_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || is_opening_quote(c)
}

/// Longest word, in bytes, that can be an abbreviation or an initialism. Scanning back further
/// from every full stop would make a long run of dotted text (`a.a.a.…`) quadratic.
const MAX_ABBREVIATION_BYTES: usize = 64;

/// The word just before byte `dot` of `text` (letters, digits and inner dots), or `None` when it is
/// longer than any abbreviation or initialism.
fn word_before(text: &str, dot: usize) -> Option<&str> {
    let head = &text[..dot];
    let mut start = dot;
    for (i, c) in head.char_indices().rev() {
        if !(c.is_alphanumeric() || c == '.' || c == '-') {
            break;
        }
        if dot - i > MAX_ABBREVIATION_BYTES {
            return None;
        }
        start = i;
    }
    Some(&head[start..])
}

/// True when the full stop at byte `dot` belongs to the word before it and does not end a sentence.
fn stop_is_part_of_word(text: &str, dot: usize) -> bool {
    let Some(word) = word_before(text, dot) else { return false };
    if word.is_empty() {
        return false;
    }
    if is_abbreviation(word) {
        return true;
    }
    // A unit such as `km/h` or `m/s` ends in one letter but is not an initial.
    if text[..dot - word.len()].ends_with('/') {
        return false;
    }
    // An initial (`J.`) or an initialism (`U.S.`, `e.g.`): every dot-separated part is one letter.
    let parts: Vec<&str> = word.split('.').collect();
    parts.iter().all(|p| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    })
}

/// Splits `text[range]` into sentence byte ranges, trimmed of white space, in order.
pub(crate) fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut sentence_start = start;
    let mut depth: usize = 0;
    // Every character that matters here is ASCII, and no byte of a longer character is: the scan
    // goes from one of them to the next over the bytes.
    let bytes = text.as_bytes();
    let mut pos = start;
    while let Some(k) = bytes[pos..end]
        .iter()
        .position(|&b| matches!(b, b'(' | b'[' | b'{' | b')' | b']' | b'}' | b'.' | b'!' | b'?'))
    {
        let at = pos + k;
        let c = char::from(bytes[at]);
        pos = at + 1;
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {
                if depth > 0 {
                    continue;
                }
                // An ellipsis written as dots is never a boundary.
                if c == '.' && (text[..at].ends_with('.') || text[at + 1..end].starts_with('.')) {
                    continue;
                }
                if c == '.' && stop_is_part_of_word(text, at) {
                    continue;
                }
                // Take the rest of the punctuation run and closing quotes or brackets.
                let mut boundary = at + 1;
                for n in text[boundary..end].chars() {
                    if !(matches!(n, '.' | '!' | '?') || is_closing(n)) {
                        break;
                    }
                    boundary += n.len_utf8();
                }
                pos = boundary;
                let rest = &text[boundary..end];
                let trimmed = rest.trim_start();
                if trimmed.len() == rest.len() || trimmed.is_empty() {
                    continue;
                }
                if trimmed.chars().next().is_some_and(can_open_sentence) {
                    push_trimmed(text, sentence_start, boundary, &mut out);
                    sentence_start = boundary;
                }
            }
        }
    }
    push_trimmed(text, sentence_start, end, &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0, s.len()).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn splitting_is_right_for_hard_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("Hai bên nhất trí. Phía Hàn Quốc cảm ơn.", &["Hai bên nhất trí.", "Phía Hàn Quốc cảm ơn."]),
            (
                "từ ngày 10 đến ngày 13/8/2025. Trong thời gian",
                &["từ ngày 10 đến ngày 13/8/2025.", "Trong thời gian"],
            ),
            ("trị giá 1.000 tỷ đồng và 2.5 triệu USD.", &["trị giá 1.000 tỷ đồng và 2.5 triệu USD."]),
            ("tại TP.HCM ngày mai.", &["tại TP.HCM ngày mai."]),
            (
                "Mr. Smith met Dr. Jones in the U.S. capital.",
                &["Mr. Smith met Dr. Jones in the U.S. capital."],
            ),
            ("J. K. Rowling wrote it. Then she left.", &["J. K. Rowling wrote it.", "Then she left."]),
            ("cấp cao Hàn Quốc… Sau đây là Tuyên bố chung", &["cấp cao Hàn Quốc… Sau đây là Tuyên bố chung"]),
            ("điện gió, điện mặt trời...) và nâng cao", &["điện gió, điện mặt trời...) và nâng cao"]),
            (
                "Hiệp định (Ký tại Seoul. Có hiệu lực.) nhé. Xong.",
                &["Hiệp định (Ký tại Seoul. Có hiệu lực.) nhé.", "Xong."],
            ),
            ("He said \"We agree.\" Then he left.", &["He said \"We agree.\"", "Then he left."]),
            ("Is it? Yes! Done.", &["Is it?", "Yes!", "Done."]),
            ("năm 2030. 150 tỷ USD là mục tiêu.", &["năm 2030.", "150 tỷ USD là mục tiêu."]),
            ("the U.S. and others agreed.", &["the U.S. and others agreed."]),
            // Longer than any abbreviation: the stop ends the sentence.
            (
                "see a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g. Next.",
                &["see a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.", "Next."],
            ),
            (
                "The limit is 20 km/h. In parks it is 10 km/h.",
                &["The limit is 20 km/h.", "In parks it is 10 km/h."],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(&split(input), expected, "input: {input}");
        }
    }
}
