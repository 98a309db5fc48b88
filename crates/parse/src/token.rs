//! Tokens for matching: words (Vietnamese syllables) with their comparison keys.

use compact_str::CompactString;
use serde::Serialize;
use unicode_normalization::char::canonical_combining_class;

use crate::normalize::fold_one;

/// One word of a sentence (for Vietnamese, one syllable), with its place in the sentence text and
/// its comparison key.
///
/// Numbers keep their inner separators (`13/8/2025`, `1.000`, `2,5` are one token each); hyphens and
/// apostrophes between letters split words (`Anna-Maria` is `anna` and `maria`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte range of the token in its sentence's `text`.
    pub span: [usize; 2],
    /// Lower-case, diacritic-free form used for matching (short keys are kept inline).
    // Inline up to 24 bytes on 64-bit targets: a document has a token per word, and a heap block
    // each was a quarter of the allocations of a run.
    pub key: CompactString,
}

impl Token {
    /// True when the token is a number (starts with a digit).
    pub fn is_number(&self) -> bool {
        self.key.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// True for a character that belongs to a word: a letter, a digit, or a combining mark.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    lookup(&WORD_CHARS, c).unwrap_or_else(|| is_word_char_slow(c))
}

/// True for a letter or a digit: [`char::is_alphanumeric`], answered from a table for the common
/// scripts.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    lookup(&ALPHANUMERIC, c).unwrap_or_else(|| c.is_alphanumeric())
}

/// The characters below this one (Latin, Greek, Cyrillic, the Indic scripts, Hangul Jamo, Latin
/// Extended Additional, punctuation) are answered from tables; Unicode's own lookup is slow for
/// them, and they are most of the text this tool reads.
pub(crate) const TABLE_END: usize = 0x3000;

/// One bit per character below [`TABLE_END`].
pub(crate) type Table = std::sync::LazyLock<Box<[u64; TABLE_END / 64]>>;

/// Word characters ([`is_word_char_slow`]).
static WORD_CHARS: Table = std::sync::LazyLock::new(|| table(is_word_char_slow));
/// Letters and digits.
static ALPHANUMERIC: Table = std::sync::LazyLock::new(|| table(char::is_alphanumeric));

pub(crate) fn table(test: fn(char) -> bool) -> Box<[u64; TABLE_END / 64]> {
    let mut bits = Box::new([0u64; TABLE_END / 64]);
    for (n, c) in (0..TABLE_END as u32).filter_map(|n| char::from_u32(n).map(|c| (n as usize, c))) {
        if test(c) {
            bits[n / 64] |= 1 << (n % 64);
        }
    }
    bits
}

/// The table's answer for `c`, or `None` past its end.
#[inline]
pub(crate) fn lookup(table: &Table, c: char) -> Option<bool> {
    let n = c as usize;
    (n < TABLE_END).then(|| table[n / 64] & (1 << (n % 64)) != 0)
}

fn is_word_char_slow(c: char) -> bool {
    c.is_alphanumeric() || canonical_combining_class(c) != 0
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Words average more than four bytes with their separators: room enough, trimmed at the end.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    // The key of the token being read, folded character by character as the token is read (folding
    // is per character), then copied at its length.
    let mut key = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        key.clear();
        fold_one(c, &mut key);
        let numeric = c.is_numeric();
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                fold_one(c, &mut key);
                chars.next();
                continue;
            }
            // Separators inside a number: 13/8/2025, 1.000, 2,5, 10:30.
            if numeric && matches!(c, '.' | ',' | '/' | ':') {
                let next = text[i + c.len_utf8()..].chars().next();
                if next.is_some_and(|n| n.is_ascii_digit()) {
                    fold_one(c, &mut key);
                    chars.next();
                    continue;
                }
            }
            break;
        }
        tokens.push(Token { span: [start, end], key: CompactString::from(key.as_str()) });
    }
    // Documents hold millions of tokens: no spare capacity.
    tokens.shrink_to_fit();
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.key.into_string()).collect()
    }

    #[test]
    fn numbers_keep_their_inner_separators() {
        assert_eq!(keys("ngày 13/8/2025, 1.000 tỷ, 2.5%"), ["ngay", "13/8/2025", "1.000", "ty", "2.5"]);
    }

    #[test]
    fn hyphenated_names_split_into_syllables() {
        assert_eq!(keys("Lee Jae-myung"), ["lee", "jae", "myung"]);
    }

    #[test]
    fn a_number_ending_a_sentence_does_not_keep_the_full_stop() {
        assert_eq!(keys("năm 2030."), ["nam", "2030"]);
    }

    #[test]
    fn a_key_is_the_folded_text_of_its_token() {
        let texts = [
            include_str!("../../../data/vn-kr-2025/official.txt"),
            include_str!("../../../data/vn-kr-2025/press-1.txt"),
            "ΟΔΟΣ Straße Ǆemal İstanbul e\u{301}\u{323} 13/8/2025, 1.000 Ｆｕｌｌ ﬁ ǅ ꝺ",
        ];
        for text in texts {
            for t in tokenize(text) {
                assert_eq!(
                    t.key,
                    crate::fold(&text[t.span[0]..t.span[1]]),
                    "{:?}",
                    &text[t.span[0]..t.span[1]]
                );
            }
        }
    }

    #[test]
    fn the_character_tables_agree_with_unicode_for_every_character() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_word_char_slow(c), "U+{:04X}", c as u32);
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }
}
