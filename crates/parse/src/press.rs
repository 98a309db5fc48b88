//! The parts of a press article that are not its content: dateline, photo captions, byline and
//! attributions, recognised from their shape in Vietnamese, English, French and German.

use std::sync::LazyLock;

use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid built-in regex")
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// A date at the very start of an article, with or without a `date`/`ngày` label:
/// ` date 2025-08-11`, `11/8/2025 -`, `August 11, 2025`, `Thứ Hai, 11/8/2025`.
static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?:(?:date|dated|ngày|datum|le)\s*:?\s*)?(?:(?:thứ\s+\w+|chủ\s+nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*)?(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}(?:\s*,?\s*\d{{1,2}}:\d{{2}}(?:\s*\(?GMT[+-]\d+\)?)?)?|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:{MONTHS})\.?\s+\d{{4}})(?:\s*[-–—|:]\s*|\s+|$)"
    ))
});

/// A wire-service dateline opening a paragraph: `HÀ NỘI (TTXVN) -`, `SEOUL, Aug 11 (Reuters) -`,
/// or with the place in title case, `Cần Thơ (TTXVN) -` (one to four capitalised words).
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}|(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s){0,3}[\p{Lu}][\p{L}\p{M}'’.-]*)(?:,[^()\n]{1,40})?\s*\([^()\n]{2,40}\)\s*[-–—:]\s*",
    )
});

/// A photo caption: a short paragraph ending (or starting) with a credit.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:^|[\s.(\[])(?:ảnh|photo|photos|image|picture|foto|bild|video|nguồn ảnh|photo credit|crédit photo)\s*:\s*[^.:\n]{1,80}[.)\]]?\s*$|^\s*[(\[]?(?:ảnh|photo|image|foto|bild)\s*:)",
    )
});

/// A sentence that is only an attribution: `(Theo TTXVN)`, `Source: Reuters`, `Nguồn: VOV, TTXVN`.
/// After a comma only more source names may follow, so a sentence that opens with an attribution
/// and goes on with a claim (`Theo ông Hòa, số tiền này…`) stays content.
static ATTRIBUTION_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*[(\[]?\s*(?i:theo|nguồn|source|sources|according to|selon|quelle|laut)\s*:?\s+[^.!?,]{1,80}(?:,\s*(?:[\p{Lu}\d][\p{L}\p{M}\d.&'’/-]*\s*){1,4})*[)\]]?\.?\s*$",
    )
});

/// An attribution inside a sentence: `…, theo TTXVN.`, `…, according to Reuters.`, `Theo VOV, …`.
static ATTRIBUTION_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:[,;]\s*(?:theo|according to|selon|laut|citing)\s+((?:[\p{Lu}\d][\p{L}\p{M}\d.&'’-]*\s*){1,4})[.!?]?\s*$|^(?:Theo|According to|Selon|Laut)\s+((?:[\p{Lu}\d][\p{L}\p{M}\d.&'’-]*\s*){1,4}),)",
    )
});

/// A byline: `By Jane Doe`, `Bài: Như Tâm`, or a final short line that is only a name.
static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:By|BY|Bởi|Bài|Bài và ảnh|Tác giả|Von|Par|Texte)\s*:?\s+[\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}\p{M}.'’-]+){0,5}\s*$",
    )
});

/// A wire-service credit line: `Reporting by Jane Doe; Editing by John Roe`.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\(?(?:Additional reporting|Reporting|Writing|Editing|Compiled) by\s+\p{Lu}[^\n.!?]{0,160}\)?\s*$",
    )
});

/// Byte length of a dateline at the start of `text`, if there is one.
pub(crate) fn leading_date(text: &str) -> Option<usize> {
    LEADING_DATE.find(text).map(|m| m.end()).filter(|&n| n > 0)
}

/// Byte length of a wire-service dateline at the start of `text`, if there is one.
pub(crate) fn wire_dateline(text: &str) -> Option<usize> {
    WIRE_DATELINE.find(text).map(|m| m.end())
}

/// True when a paragraph (whitespace folded) is a photo caption.
pub(crate) fn is_caption(paragraph: &str) -> bool {
    paragraph.chars().count() <= 400 && CAPTION.is_match(paragraph)
}

/// True when a sentence is nothing but an attribution.
pub(crate) fn is_attribution(sentence: &str) -> bool {
    ATTRIBUTION_ONLY.is_match(sentence)
}

/// True when `sentence` has a word [`ATTRIBUTION_INLINE`] needs, opening it or anywhere: most
/// sentences have none and are settled without the pattern.
fn may_hold_inline_attribution(sentence: &str) -> bool {
    ["Theo", "According to", "Selon", "Laut"].iter().any(|w| sentence.starts_with(w))
        || ["theo", "according to", "selon", "laut", "citing"].iter().any(|w| sentence.contains(w))
}

/// The source named by an attribution inside a sentence (`TTXVN` in `…, theo TTXVN.`).
pub(crate) fn inline_attribution(sentence: &str) -> Option<String> {
    if !may_hold_inline_attribution(sentence) {
        return None;
    }
    let caps = ATTRIBUTION_INLINE.captures(sentence)?;
    let name = caps.get(1).or_else(|| caps.get(2))?.as_str();
    Some(name.trim().trim_end_matches(['.', ',']).to_string())
}

/// True when `paragraph` (whitespace folded) reads as a byline. `last` says whether it is the
/// article's last paragraph, where a bare name (`Như Tâm`) counts.
pub(crate) fn is_byline(paragraph: &str, last: bool) -> bool {
    if BYLINE_LABEL.is_match(paragraph) || CREDIT_LINE.is_match(paragraph) {
        return true;
    }
    if !last {
        return false;
    }
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && paragraph.chars().count() <= 60
        && !paragraph.ends_with(['.', '!', '?', ':', ';', ','])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_without_the_attribution_words_has_no_inline_attribution() {
        let texts = [
            include_str!("../../../data/vn-kr-2025/official.txt"),
            include_str!("../../../data/vn-kr-2025/press-1.txt"),
            include_str!("../../../data/heldout/en-joint-statement/press.txt"),
            "Thủ tướng nói, theo TTXVN. Theo VOV, hai bên đã ký. Trade rose, according to Reuters. \
             Le commerce, selon AFP. Der Handel, laut DPA. Sales fell, citing Bloomberg. Theo ông Hòa, tiền.",
        ];
        let mut matched = 0;
        for sentence in texts.iter().flat_map(|t| t.split(['.', '\n'])).map(str::trim) {
            if ATTRIBUTION_INLINE.is_match(sentence) {
                matched += 1;
                assert!(may_hold_inline_attribution(sentence), "{sentence:?}");
            }
        }
        assert!(matched >= 6, "only {matched} attributions in the samples");
    }

    #[test]
    fn datelines_are_found_in_several_styles() {
        for text in [
            " date 2025-08-11 Lãnh đạo",
            "11/8/2025 - Hai bên",
            "August 11, 2025 — Leaders",
            "Thứ Hai, 11/8/2025, 14:30 (GMT+7) Hai bên",
        ] {
            assert!(leading_date(text).is_some(), "{text}");
        }
        assert!(leading_date("Hai bên nhất trí").is_none());
        assert_eq!(wire_dateline("HÀ NỘI (TTXVN) - Hai bên"), Some("HÀ NỘI (TTXVN) - ".len()));
        assert_eq!(
            wire_dateline("SEOUL, Aug 11 (Reuters) - Leaders"),
            Some("SEOUL, Aug 11 (Reuters) - ".len())
        );
        assert_eq!(wire_dateline("Cần Thơ (TTXVN) - Ngày 14/11"), Some("Cần Thơ (TTXVN) - ".len()));
        assert_eq!(wire_dateline("Hai bên nhất trí (theo TTXVN) - tiếp tục"), None);
    }

    #[test]
    fn captions_end_with_a_photo_credit() {
        assert!(is_caption("Tổng Bí thư Tô Lâm hội đàm với Tổng thống. Ảnh: TTXVN"));
        assert!(is_caption("Leaders at the ceremony (Photo: Reuters)"));
        assert!(!is_caption("Hai bên nhất trí tăng cường hợp tác."));
    }

    #[test]
    fn attributions_are_recognised_alone_and_inline() {
        assert!(is_attribution("(Theo TTXVN)"));
        assert!(is_attribution("Source: Reuters"));
        assert!(is_attribution("Nguồn: VOV, TTXVN"));
        assert!(!is_attribution("Theo ông Hòa, số tiền này sẽ được phân bổ trước Tết Nguyên đán."));
        assert!(!is_attribution("According to the ministry, the money will be paid in January."));
        assert!(!is_attribution("Theo đó, hai bên nhất trí tăng cường hợp tác."));
        assert_eq!(
            inline_attribution("Hàn Quốc coi Việt Nam là đối tác, theo TTXVN.").as_deref(),
            Some("TTXVN")
        );
        assert_eq!(inline_attribution("theo hướng cân bằng, bền vững."), None);
    }

    #[test]
    fn a_final_short_name_is_a_byline() {
        assert!(is_byline("Như Tâm", true));
        assert!(is_byline("By Jane Doe", false));
        assert!(is_byline("Reporting by Karin Holm in Halvik; Editing by Peter Dunn", true));
        assert!(!is_byline("Reporting by the agency showed that trade grew.", true));
        assert!(!is_byline("Như Tâm", false));
        assert!(!is_byline("Hai bên nhất trí.", true));
    }
}
