//! Words as the naming checks see them: letters and digits, with inner hyphens and apostrophes kept
//! (`Anna-Maria` is one word), each with its place in the sentence text.

use crosscheck_parse::{is_word_char, Sentence};

/// One word of a sentence (12 bytes: documents hold millions of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte range in the sentence text (texts are far below 4 GB: the parser refuses larger).
    start: u32,
    end: u32,
    /// True when only whitespace separates it from the word before (no punctuation, no dash).
    pub joined: bool,
}

impl Word {
    /// Where the word starts in the sentence text.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// Where the word ends in the sentence text.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The word as written.
    pub fn text(self, s: &str) -> &str {
        &s[self.start()..self.end()]
    }

    /// True when the word starts with an upper-case letter.
    #[inline]
    pub fn is_capitalised(self, s: &str) -> bool {
        self.text(s).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits `text` into words.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(text.len() / 4 + 1);
    let mut chars = text.char_indices().peekable();
    let mut last_end = 0;
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                chars.next();
                continue;
            }
            if matches!(c, '-' | '\'' | '’') {
                let next = text[i + c.len_utf8()..].chars().next();
                if next.is_some_and(is_word_char) {
                    chars.next();
                    continue;
                }
            }
            break;
        }
        let gap = &text[last_end..start];
        let joined = !out.is_empty() && !gap.is_empty() && gap.chars().all(char::is_whitespace);
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        out.push(Word { start: offset(start), end: offset(end), joined });
        last_end = end;
    }
    out
}

/// [`words`] of a sentence's text, put together from its tokens when it has them (its match data
/// may have been dropped): tokens are the runs of word characters, numbers with their `.`, `,`, `/`
/// and `:` inside, so a word is a token split at those, or such runs joined by one inner hyphen or
/// apostrophe.
pub(crate) fn sentence_words(s: &Sentence) -> Vec<Word> {
    if s.tokens.is_empty() {
        return words(&s.text);
    }
    let text = s.text.as_str();
    let mut out: Vec<Word> = Vec::with_capacity(s.tokens.len());
    let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut run = |start: usize, end: usize| {
        let last_end = out.last().map_or(0, |w| w.end());
        let gap = &text[last_end..start];
        // `-`, `'` or `’` (in UTF-8) alone between two runs joins them.
        let inner = matches!(gap.as_bytes(), [b'-'] | [b'\''] | [0xE2, 0x80, 0x99]);
        match out.last_mut() {
            Some(last) if inner => last.end = offset(end),
            _ => {
                // Most gaps are one space.
                let spaces = gap == " " || (!gap.is_empty() && gap.chars().all(char::is_whitespace));
                let joined = !out.is_empty() && spaces;
                out.push(Word { start: offset(start), end: offset(end), joined });
            }
        }
    };
    for t in &s.tokens {
        let [a, b] = t.span;
        let token = &text[a..b];
        // Only a number keeps those inside its token: one that starts with a letter has none.
        if token.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            || !token.bytes().any(|x| matches!(x, b'.' | b',' | b'/' | b':'))
        {
            run(a, b);
            continue;
        }
        let mut from = a;
        for piece in token.split(['.', ',', '/', ':']) {
            run(from, from + piece.len());
            from += piece.len() + 1;
        }
    }
    out
}

/// The key that groups spellings of one name: case, diacritics, hyphens, spaces and punctuation
/// removed (`Anna-Maria Berg` and `Anna Maria Berg` are both `annamariaberg`).
pub(crate) fn name_key(s: &str) -> String {
    let mut key = crosscheck_parse::fold(s);
    key.retain(char::is_alphanumeric);
    key
}

/// Appends [`name_key`]`(s)` to `key`: the key of a text is the keys of its pieces put together,
/// since folding and dropping punctuation read each character on its own.
pub(crate) fn push_name_key(s: &str, key: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
            continue;
        }
        let at = key.len();
        crosscheck_parse::fold_into(c.encode_utf8(&mut [0; 4]), key);
        if !key[at..].chars().all(char::is_alphanumeric) {
            let kept: String = key[at..].chars().filter(|c| c.is_alphanumeric()).collect();
            key.truncate(at);
            key.push_str(&kept);
        }
    }
}

/// The key of a long form: case and diacritics folded, hyphens and dashes as spaces, other
/// punctuation dropped, spaces folded.
pub(crate) fn phrase_key(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    crosscheck_parse::fold_into(s, &mut folded);
    // The runs of letters and digits, one space between them.
    let mut key = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && !key.is_empty() {
            key.push(' ');
        }
        gap = false;
        key.push(c);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_hyphens_join_and_dashes_break() {
        let s = "Lee Jae-myung, Mekong- Hàn Quốc - ASEAN";
        let w: Vec<(&str, bool)> = words(s).into_iter().map(|w| (w.text(s), w.joined)).collect();
        assert_eq!(
            w,
            [
                ("Lee", false),
                ("Jae-myung", true),
                ("Mekong", false),
                ("Hàn", false),
                ("Quốc", true),
                ("ASEAN", false)
            ]
        );
    }

    fn parsed(text: &str) -> Result<crosscheck_parse::Document, crosscheck_parse::Error> {
        crosscheck_parse::Parser::builder()
            .kind(crosscheck_parse::Kind::Press)
            .build()
            .parse_str("t.txt", text)
    }

    fn assert_sentence_words_are_the_words_of_the_text(doc: &crosscheck_parse::Document) {
        for (_, s) in doc.sentences() {
            assert_eq!(sentence_words(s), words(&s.text), "{:?}", s.text);
        }
    }

    #[test]
    fn the_words_put_together_from_tokens_are_the_words_of_the_text() {
        let texts = [
            include_str!("../../../../data/vn-kr-2025/official.txt"),
            include_str!("../../../../data/vn-kr-2025/press-1.txt"),
            include_str!("../../../../data/heldout/en-joint-statement/official.txt"),
            include_str!("../../../../data/heldout/vi-communique/official.txt"),
        ];
        for text in texts {
            assert_sentence_words_are_the_words_of_the_text(&parsed(text).unwrap());
        }
    }

    proptest::proptest! {
        #[test]
        fn the_words_of_any_sentence_put_together_from_tokens_are_the_words_of_its_text(
            text in "[Aaé\u{301}1 '’.,/:;½-]{1,40}",
        ) {
            // A text of white space only is refused by the parser.
            if let Ok(doc) = parsed(&text) {
                assert_sentence_words_are_the_words_of_the_text(&doc);
            }
        }
    }

    #[test]
    fn a_phrase_key_keeps_runs_of_letters_and_digits_one_space_apart() {
        assert_eq!(phrase_key("  «Mekong–Lan Thương»,  ASEAN+3 (2025) "), "mekong lan thuong asean 3 2025");
        assert_eq!(phrase_key("—"), "");
    }

    #[test]
    fn a_name_key_put_together_from_pieces_is_the_key_of_the_whole() {
        let texts = [
            include_str!("../../../../data/vn-kr-2025/official.txt"),
            include_str!("../../../../data/vn-kr-2025/press-1.txt"),
            "Đại Hàn Dân Quốc · Straße ΟΔΟΣ Ǆemal İstanbul e\u{301}\u{323} Ｆｕｌｌ ﬁ ǅ Jae-myung’s ½ ²",
        ];
        for text in texts {
            // Cut at every word end, as the name places are.
            let ws = words(text);
            let ends: Vec<usize> = ws.iter().map(|w| w.end as usize).collect();
            for start in [0, ws[ws.len() / 3].start as usize] {
                let mut key = String::new();
                let mut from = start;
                for &end in ends.iter().filter(|&&e| e > start).take(40) {
                    push_name_key(&text[from..end], &mut key);
                    from = end;
                    assert_eq!(key, name_key(&text[start..end]), "{:?}", &text[start..end]);
                }
            }
        }
    }

    #[test]
    fn keys_fold_case_diacritics_hyphens_and_spaces() {
        assert_eq!(name_key("Lee Jae-myung"), name_key("Lee Jae Myung"));
        assert_eq!(
            phrase_key("Hiệp định Thương mại Tự do Việt Nam – Hàn Quốc"),
            "hiep dinh thuong mai tu do viet nam han quoc"
        );
    }
}
