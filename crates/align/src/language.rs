//! Which language a document is in, as far as matching needs to know: its function words, and
//! whether words may be matched by their first letters (a light, language-neutral stemming that
//! Vietnamese syllables must not get).

use std::sync::LazyLock;

use crosscheck_parse::Document;
use serde::{Deserialize, Serialize};

use crate::FxHashSet;

/// The language used for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Decide from the official text.
    Auto,
    /// Vietnamese: syllables are matched whole, Vietnamese function words count for little.
    Vietnamese,
    /// English: English function words count for little; words match on their first letters.
    English,
    /// Any other language written with spaces: no function-word list; words match on their first
    /// letters; term weights alone tell common words from rare ones.
    Other,
}

/// Vietnamese function words (lower case, with diacritics).
const VI_STOPWORDS: &[&str] = &[
    "và", "của", "các", "những", "là", "có", "được", "trong", "với", "cho", "để", "này", "đã", "sẽ", "về",
    "từ", "theo", "tại", "như", "cũng", "một", "thì", "mà", "đó", "khi", "đến", "ra", "vào", "lại", "nhau",
    "hơn", "rằng", "bị", "do", "nên", "nếu", "nhưng", "hay", "hoặc", "vì", "sự", "việc", "cùng", "đang",
    "vẫn", "rất", "qua", "trên", "dưới", "giữa", "sau", "trước", "nhằm", "bằng", "thông", "đối", "mỗi",
];

/// English function words.
const EN_STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "which", "who", "whom", "will", "would", "shall", "should", "can", "could", "may",
    "might", "also", "into", "over", "such", "their", "they", "them", "there", "than", "then", "both",
    "each", "other", "not", "no", "so", "if", "while", "about", "between", "through", "during", "after",
    "before", "under", "up", "out", "all", "any", "more", "most", "he", "she", "his", "her", "we", "our",
];

static VI_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| VI_STOPWORDS.iter().copied().collect());
static EN_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| EN_STOPWORDS.iter().copied().collect());

/// Share of words with diacritics from which a text is Vietnamese (it marks almost every
/// syllable; French or German mark one word in ten or fewer).
const VIETNAMESE_MARKED_SHARE: f64 = 0.3;
/// Share of English function words from which a text is English.
const ENGLISH_FUNCTION_WORD_SHARE: f64 = 0.15;

impl Language {
    /// True when `word` (as written) is a function word of this language.
    pub(crate) fn is_stopword(self, word: &str) -> bool {
        let set = match self {
            Language::Vietnamese => &*VI_SET,
            Language::English => &*EN_SET,
            Language::Auto | Language::Other => return false,
        };
        if word.chars().any(char::is_uppercase) {
            set.contains(word.to_lowercase().as_str())
        } else {
            set.contains(word)
        }
    }

    /// The function words of this language (none for `Auto` and `Other`).
    pub(crate) fn stopwords(self) -> &'static [&'static str] {
        match self {
            Language::Vietnamese => VI_STOPWORDS,
            Language::English => EN_STOPWORDS,
            Language::Auto | Language::Other => &[],
        }
    }

    /// True when words may be matched on their first letters (not for Vietnamese syllables).
    pub(crate) fn stems(self) -> bool {
        !matches!(self, Language::Vietnamese)
    }

    /// Decides the language of a document from its words: Vietnamese when a large share of its
    /// words carry diacritics (Vietnamese marks almost every syllable; French or German far fewer),
    /// English when English function words are frequent, otherwise `Other`.
    pub fn detect(doc: &Document) -> Language {
        let mut words = 0usize;
        let mut marked = 0usize;
        let mut english = 0usize;
        for (_, s) in doc.sentences() {
            for (i, t) in s.tokens.iter().enumerate() {
                if t.is_number() {
                    continue;
                }
                words += 1;
                let text = s.token_text(i);
                if !text.is_ascii() && t.key.is_ascii() {
                    marked += 1;
                }
                if EN_STOPWORDS.contains(&t.key.as_str()) && text.is_ascii() {
                    english += 1;
                }
            }
        }
        if words == 0 {
            return Language::Other;
        }
        let share = |n: usize| n as f64 / words as f64;
        if share(marked) >= VIETNAMESE_MARKED_SHARE {
            Language::Vietnamese
        } else if share(english) >= ENGLISH_FUNCTION_WORD_SHARE {
            Language::English
        } else {
            Language::Other
        }
    }
}
