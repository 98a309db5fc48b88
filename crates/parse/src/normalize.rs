//! Text normalisation: NFC, line endings, invisible characters and spaces, with a map back to the
//! bytes of the input, and the case- and diacritic-folded comparison key.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::token::{lookup, table, Table};

/// Text after normalisation, with enough bookkeeping to map any character boundary back to a byte
/// offset in the original input.
///
/// Normalisation never adds or removes a line break, so line numbers in the normalised text are line
/// numbers in the input.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    pub(crate) text: String,
    /// Runs of the text, in order: identity runs copy the input byte for byte; other runs are a
    /// replaced cluster (composed, folded to a space, or dropped).
    runs: Vec<Run>,
    input_len: usize,
}

/// One run of the text. Offsets are `u32` to halve the map of text with many composed characters
/// (an NFD file has a run per accented letter); [`MAX_INPUT_BYTES`] keeps them in range.
#[derive(Debug, Clone, Copy)]
struct Run {
    norm: u32,
    orig: u32,
    norm_len: u32,
    orig_len: u32,
    identity: bool,
}

impl Run {
    /// A run; offsets beyond `u32` are cut, which [`MAX_INPUT_BYTES`] rules out for parsed text.
    fn new(norm: usize, orig: usize, norm_len: usize, orig_len: usize, identity: bool) -> Run {
        let cut = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Run { norm: cut(norm), orig: cut(orig), norm_len: cut(norm_len), orig_len: cut(orig_len), identity }
    }

    fn norm(&self) -> usize {
        self.norm as usize
    }

    fn orig(&self) -> usize {
        self.orig as usize
    }

    fn norm_end(&self) -> usize {
        self.norm as usize + self.norm_len as usize
    }

    fn orig_end(&self) -> usize {
        self.orig as usize + self.orig_len as usize
    }
}

/// Largest input whose offsets the map keeps exactly (normalisation may lengthen text a little, so
/// half of what `u32` holds).
pub(crate) const MAX_INPUT_BYTES: usize = (u32::MAX / 2) as usize;

/// Characters that carry no text and are removed (zero-width spaces and joiners, BOM, soft hyphen).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// What a single input character becomes, when it is not copied as it is.
fn replacement(c: char) -> Option<&'static str> {
    match c {
        '\n' => None,
        '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => Some("\n"),
        c if is_invisible(c) => Some(""),
        '\t' | '\u{0B}' | '\u{0C}' => Some(" "),
        c if c.is_control() => Some(" "),
        ' ' => None,
        c if c.is_whitespace() => Some(" "),
        _ => None,
    }
}

/// The byte length of the character at byte `i` of `s` when normalisation copies it as it is
/// whatever comes before it (plain ASCII, or a character of the [`PLAIN`] table); 0 for any other
/// character.
#[inline]
fn plain_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return usize::from(b == b'\n' || b == b' ' || (0x21..0x7f).contains(&b));
    }
    let Some(c) = s[i..].chars().next() else { return 0 };
    if lookup(&PLAIN, c) == Some(true) {
        c.len_utf8()
    } else {
        0
    }
}

/// The characters below [`crate::token::TABLE_END`] (Latin with Vietnamese, Greek, Cyrillic, the
/// Indic scripts and more) that normalisation copies as they are, alone and after any other
/// character ([`is_plain`]; ASCII is settled before the table).
static PLAIN: Table = LazyLock::new(|| table(is_plain));

/// True when `c` alone is in NFC, is not replaced, and does not compose with a character before it.
fn is_plain(c: char) -> bool {
    replacement(c).is_none() && !continues_cluster(c) && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// True for characters that attach to the one before them under composition: combining marks, the
/// Hangul vowel and final-consonant jamo, and the other characters NFC may compose with the one
/// before them (its quick check says "maybe": the vowel signs of Bengali, Oriya, Kannada… that
/// have no combining class, U+09BE after U+09C7 is U+09CB).
fn continues_cluster(c: char) -> bool {
    canonical_combining_class(c) != 0
        || ('\u{1160}'..='\u{11FF}').contains(&c)
        || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe
}

impl Normalized {
    /// Normalises `input`: NFC, CRLF/CR and other line separators to `\n`, tabs, NBSP and other
    /// spaces to ` `, zero-width characters removed.
    pub(crate) fn new(input: &str) -> Normalized {
        let mut text = String::with_capacity(input.len());
        let mut runs: Vec<Run> = Vec::new();
        let push = |runs: &mut Vec<Run>, run: Run| {
            if let Some(last) = runs.last_mut() {
                if last.identity && run.identity && last.orig_end() == run.orig() {
                    last.norm_len = last.norm_len.saturating_add(run.norm_len);
                    last.orig_len = last.orig_len.saturating_add(run.orig_len);
                    return;
                }
            }
            runs.push(run);
        };
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < input.len() {
            // Fast path: characters that need nothing (plain ASCII, and composed letters such as
            // Vietnamese ones), each not followed by a mark that would compose with it.
            let mut len = plain_len(input, i);
            if len > 0 {
                let start = i;
                while len > 0 {
                    // A combining mark after the character composes with it: leave the character
                    // to the slow path.
                    let next = i + len;
                    let next_len = if next < bytes.len() { plain_len(input, next) } else { 0 };
                    let next_combines = next_len == 0
                        && next < bytes.len()
                        && !bytes[next].is_ascii()
                        && input[next..].chars().next().is_some_and(continues_cluster);
                    if next_combines {
                        break;
                    }
                    i = next;
                    len = next_len;
                }
                if i > start {
                    push(&mut runs, Run::new(text.len(), start, i - start, i - start, true));
                    text.push_str(&input[start..i]);
                    continue;
                }
            }
            // One cluster: a character and the marks that attach to it.
            let start = i;
            let mut chars = input[i..].char_indices();
            let (_, first) = chars.next().expect("i is inside the string");
            let mut end = start + first.len_utf8();
            if first == '\r' && bytes.get(end) == Some(&b'\n') {
                end += 1;
                push(&mut runs, Run::new(text.len(), start, 1, 2, false));
                text.push('\n');
                i = end;
                continue;
            }
            if let Some(rep) = replacement(first) {
                push(&mut runs, Run::new(text.len(), start, rep.len(), end - start, false));
                text.push_str(rep);
                i = end;
                continue;
            }
            for (off, c) in chars {
                if !continues_cluster(c) {
                    break;
                }
                end = start + off + c.len_utf8();
            }
            let cluster = &input[start..end];
            if is_nfc_quick(cluster.chars()) == IsNormalized::Yes {
                push(&mut runs, Run::new(text.len(), start, cluster.len(), cluster.len(), true));
                text.push_str(cluster);
            } else {
                let composed: String = cluster.nfc().collect();
                let identity = composed == cluster;
                push(&mut runs, Run::new(text.len(), start, composed.len(), cluster.len(), identity));
                text.push_str(&composed);
            }
            i = end;
        }
        runs.shrink_to_fit();
        Normalized { text, runs, input_len: input.len() }
    }

    /// The run that holds normalised byte `n` (runs of no length hold nothing).
    fn run_at(&self, n: usize) -> Option<&Run> {
        let idx = self.runs.partition_point(|r| r.norm_end() <= n);
        self.runs.get(idx)
    }

    /// `n`, or the end of the replaced cluster it falls strictly inside (a composed character, marks
    /// put in canonical order, a CRLF), so that a piece of the text cut there maps to whole input
    /// characters.
    pub(crate) fn cluster_boundary(&self, n: usize) -> usize {
        match self.run_at(n) {
            Some(r) if !r.identity && r.norm() < n => r.norm_end(),
            _ => n,
        }
    }

    /// Input byte offset where the character starting at normalised byte `n` starts.
    pub(crate) fn orig_start(&self, n: usize) -> usize {
        match self.run_at(n) {
            Some(r) if r.identity => r.orig() + (n - r.norm()),
            Some(r) => r.orig(),
            None => self.input_len,
        }
    }

    /// Input byte offset where the character ending at normalised byte `e` (exclusive) ends.
    pub(crate) fn orig_end(&self, e: usize) -> usize {
        if e == 0 {
            return self.runs.first().map_or(0, |r| r.orig());
        }
        match self.run_at(e - 1) {
            Some(r) if r.identity => r.orig() + (e - r.norm()),
            Some(r) => r.orig_end(),
            None => self.input_len,
        }
    }
}

/// Folds whitespace runs to one space and trims both ends.
pub fn fold_whitespace(s: &str) -> String {
    fold_whitespace_cow(s).into_owned()
}

/// [`fold_whitespace`], borrowing `s` when it has nothing to fold (which also tells the caller so).
pub(crate) fn fold_whitespace_cow(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// True when `s` has no white space to fold: words one space apart, none at either end (most
/// sentences). Read from the bytes: only four lead bytes start a white-space character outside
/// ASCII.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut after_space = false;
    for (i, &x) in b.iter().enumerate() {
        let space = match x {
            b' ' if after_space => return false,
            b' ' => true,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => return false,
            // U+0085, U+00A0; U+1680; U+2000–U+200A, U+2028, U+2029, U+202F, U+205F; U+3000.
            0xC2 if matches!(at(i + 1), 0x85 | 0xA0) => return false,
            0xE1 if at(i + 1) == 0x9A && at(i + 2) == 0x80 => return false,
            0xE2 if at(i + 1) == 0x80 && matches!(at(i + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => {
                return false
            }
            0xE2 if at(i + 1) == 0x81 && at(i + 2) == 0x9F => return false,
            0xE3 if at(i + 1) == 0x80 && at(i + 2) == 0x80 => return false,
            _ => false,
        };
        after_space = space;
    }
    true
}

/// The display form of a piece of input text: NFC, invisible characters removed, whitespace folded.
/// A sentence's text is `display(&input[span])`.
pub fn display(s: &str) -> String {
    fold_whitespace(&Normalized::new(s).text)
}

/// The comparison key of a piece of text: lower case, diacritics removed (`đ` becomes `d`), so
/// `Hàn Quốc`, `HÀN QUỐC` and `han quoc` compare equal. Whitespace and punctuation are kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out` (lets hot loops reuse one buffer).
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    s.chars().for_each(|c| fold_one(c, out));
}

/// Appends the folded form of `c` ([`fold`] folds each character on its own).
#[inline]
pub(crate) fn fold_one(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match FOLD_TABLE.get(c as usize) {
        Some(&f) if f != '\0' => out.push(f),
        _ => fold_char(c, out),
    }
}

/// The folded form of each character below [`FOLD_TABLE_END`] that folds to exactly one character
/// (`'\0'` for the others, which take the slow path). Latin, Vietnamese, Greek and Cyrillic letters
/// are all below it, so folding needs no decomposition on the hot path.
static FOLD_TABLE: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0..FOLD_TABLE_END)
        .map(|u| {
            char::from_u32(u).map_or('\0', |c| {
                let mut folded = String::new();
                fold_char(c, &mut folded);
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (Some(f), None) => f,
                    _ => '\0',
                }
            })
        })
        .collect()
});

/// Code points the table covers.
const FOLD_TABLE_END: u32 = 0x2000;

/// Folds one character: decomposes it, drops the marks, lower-cases the rest.
fn fold_char(c: char, out: &mut String) {
    for d in std::iter::once(c).nfd() {
        if canonical_combining_class(d) != 0 {
            continue;
        }
        match d {
            'đ' | 'Đ' => out.push('d'),
            'ð' | 'Ð' => out.push('d'),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            d if d.is_ascii() => out.push(d.to_ascii_lowercase()),
            d => out.extend(d.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_composes_and_maps_back_to_its_bytes() {
        let nfc = "Hàn Quốc";
        let nfd: String = nfc.nfd().collect();
        let n = Normalized::new(&nfd);
        assert_eq!(n.text, nfc);
        assert_eq!(n.orig_start(0), 0);
        assert_eq!(n.orig_end(n.text.len()), nfd.len());
        let q = n.text.find('Q').unwrap();
        assert_eq!(&nfd[n.orig_start(q)..], &nfd[nfd.find('Q').unwrap()..]);
    }

    #[test]
    fn characters_copied_by_the_fast_path_are_what_nfc_gives_after_any_letter() {
        for c in (0x80..crate::token::TABLE_END as u32).filter_map(char::from_u32).filter(|&c| is_plain(c)) {
            for before in ["a", "ê", "\u{1100}", "\u{AC00}", "\u{0915}"] {
                let input = format!("{before}{c}x");
                let nfc: String = input.nfc().collect();
                assert_eq!(Normalized::new(&input).text, nfc, "U+{:04X} after {before}", c as u32);
                assert_eq!(nfc, input, "U+{:04X} after {before}", c as u32);
            }
        }
    }

    #[test]
    fn a_composed_letter_followed_by_a_mark_still_composes() {
        // `ê` then a combining acute accent is `ế`.
        let n = Normalized::new("Qu\u{00EA}\u{0301}c");
        assert_eq!(n.text, "Qu\u{1EBF}c");
        assert_eq!(n.orig_end(n.text.len()), "Qu\u{00EA}\u{0301}c".len());
    }

    #[test]
    fn folding_white_space_agrees_with_splitting_on_every_white_space_character() {
        let spaces = (0..0x11_0000).filter_map(char::from_u32).filter(|c| c.is_whitespace());
        for c in spaces.chain(['\u{200B}', '\u{FEFF}', '\u{00E0}', '\u{1EBF}', '\u{3001}']) {
            for input in
                [format!("{c}Hà{c}{c}Nội {c}a{c}"), format!("Hà Nội{c}a"), format!("Hà {c}"), c.to_string()]
            {
                let want = input.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(fold_whitespace(&input), want, "U+{:04X} in {input:?}", c as u32);
            }
        }
    }

    #[test]
    fn vowel_signs_without_a_combining_class_compose_with_the_letter_before_them() {
        for (input, nfc) in [
            ("\u{0995}\u{09C7}\u{09BE}", "\u{0995}\u{09CB}"),
            ("\u{0B15}\u{0B47}\u{0B3E}", "\u{0B15}\u{0B4B}"),
            ("\u{0C95}\u{0CBF}\u{0CD5}", "\u{0C95}\u{0CC0}"),
        ] {
            let n = Normalized::new(input);
            assert_eq!(n.text, nfc, "{input:?}");
            assert_eq!(n.text, input.nfc().collect::<String>());
            assert_eq!(n.orig_end(n.text.len()), input.len());
        }
    }

    #[test]
    fn crlf_becomes_lf_and_spans_cover_both_bytes() {
        let n = Normalized::new("ab\r\ncd");
        assert_eq!(n.text, "ab\ncd");
        assert_eq!(n.orig_start(3), 4);
        assert_eq!(n.orig_end(3), 4);
    }

    #[test]
    fn invisible_characters_are_removed_and_spaces_folded() {
        let n = Normalized::new("a\u{200B}b\u{00A0}c\td");
        assert_eq!(n.text, "ab c d");
        assert_eq!(n.orig_end(n.text.len()), "a\u{200B}b\u{00A0}c\td".len());
    }

    #[test]
    fn the_fold_table_agrees_with_decomposition_for_every_character() {
        for u in 0x80..FOLD_TABLE_END {
            let Some(c) = char::from_u32(u) else { continue };
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_into(&c.to_string(), &mut fast);
            fold_char(c, &mut slow);
            assert_eq!(fast, slow, "U+{u:04X}");
        }
    }

    #[test]
    fn fold_removes_case_and_diacritics() {
        assert_eq!(fold("Đại Hàn DÂN QUỐC"), "dai han dan quoc");
        assert_eq!(fold("Lee Jae-myung"), "lee jae-myung");
    }
}
