//! Point coverage: how much of each official point an article carries, and the salient items of
//! the point (acronyms, amounts, dates, rare phrases) it leaves out.

use crosscheck_parse::Document;

use crate::config::Config;
use crate::index::{bit, Index, Term, Terms};
use crate::model::{CoverageStatus, PointCoverage};
use crate::FxHashSet;

/// Something a reader would miss if an article dropped it: an acronym, an amount or date, or a
/// phrase of rare words.
#[derive(Debug, Clone)]
pub(crate) struct SalientItem {
    /// As written in the official text.
    pub(crate) text: String,
    /// The terms that must all occur in an article for it to carry the item.
    pub(crate) terms: Vec<Term>,
}

/// One official point with what coverage needs of it.
#[derive(Debug, Clone)]
pub(crate) struct PointInfo {
    pub(crate) point: u32,
    /// Its sentences, as indices into the index's sentences.
    pub(crate) sentences: Vec<usize>,
    /// Salient items, in document order.
    pub(crate) items: Vec<SalientItem>,
}

/// Words that scale a number (folded), in the languages the tokeniser sees most.
const SCALE_WORDS: &[&str] = &[
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "mn",
    "m",
    "k",
    "nghin",
    "ngan",
    "trieu",
    "ty",
    "milliard",
    "milliards",
    "milliarde",
    "milliarden",
    "millionen",
    "mrd",
    "mio",
    "mille",
];

fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 2 && upper == letters
}

/// Salient items of every point.
pub(crate) fn points(official: &Document, index: &Index, config: &Config) -> Vec<PointInfo> {
    let mut out: Vec<PointInfo> = Vec::new();
    let mut next = 0usize;
    for section in &official.sections {
        let point = section.number.unwrap_or(0);
        let mut info = PointInfo { point, sentences: Vec::new(), items: Vec::new() };
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for s in &section.sentences {
            let entry = &index.sentences[next];
            info.sentences.push(next);
            next += 1;
            let terms = &entry.terms;
            let mut push = |from: usize, to: usize, info: &mut PointInfo| {
                let text = s.text[s.tokens[from].span[0]..s.tokens[to].span[1]].to_string();
                if seen.insert(crosscheck_parse::fold(&text)) {
                    info.items.push(SalientItem { text, terms: terms.terms[from..=to].to_vec() });
                }
            };
            let mut i = 0;
            while i < s.tokens.len() {
                let text = s.token_text(i);
                if is_acronym(text) {
                    push(i, i, &mut info);
                    i += 1;
                    continue;
                }
                if s.tokens[i].is_number() {
                    // A number with its unit (`2 tỷ USD`, `2 billion dollars`, `10 năm`): the next
                    // word, and the one after it when the first is a scale word or the second a
                    // currency code.
                    let word = |k: usize| {
                        k < s.tokens.len()
                            && !s.tokens[k].is_number()
                            && !terms.stop[k]
                            && s.text[s.tokens[k - 1].span[1]..s.tokens[k].span[0]].trim().is_empty()
                    };
                    let mut end = i;
                    if word(i + 1) {
                        end = i + 1;
                        let scale = SCALE_WORDS.contains(&s.tokens[i + 1].key.as_str());
                        if word(i + 2) && (scale || is_acronym(s.token_text(i + 2))) {
                            end = i + 2;
                        }
                    }
                    let value: f64 = text.replace([',', '.'], "").parse().unwrap_or(0.0);
                    if end > i || value >= config.salient_min_number {
                        push(i, end, &mut info);
                    }
                    i = end + 1;
                    continue;
                }
                // A run of rare words inside one clause that starts and ends at a word boundary
                // (punctuation, a function word, the sentence's ends), so it is a whole phrase and
                // not the tail of a compound (`kia bắt giữ` of `nước kia bắt giữ`).
                let rare = |k: usize| {
                    !terms.stop[k]
                        && !s.tokens[k].is_number()
                        && index.df[terms.terms[k] as usize] as usize <= config.salient_max_df
                };
                let punctuated = |k: usize| {
                    // Punctuation between token k-1 and token k.
                    s.text[s.tokens[k - 1].span[1]..s.tokens[k].span[0]].chars().any(|c| !c.is_whitespace())
                };
                let opens = |k: usize| k == 0 || punctuated(k) || terms.stop[k - 1];
                let closes = |k: usize| k + 1 == s.tokens.len() || punctuated(k + 1) || terms.stop[k + 1];
                if rare(i) {
                    let mut end = i;
                    while end + 1 < s.tokens.len()
                        && end + 1 - i < config.salient_max_phrase
                        && rare(end + 1)
                        && !punctuated(end + 1)
                    {
                        end += 1;
                    }
                    if end > i && opens(i) && closes(end) {
                        push(i, end, &mut info);
                    }
                    i = end + 1;
                    continue;
                }
                i += 1;
            }
        }
        out.push(info);
    }
    out
}

/// Coverage of every point by one article.
///
/// `cited` lists, for each content sentence of the article, its terms and the official sentences
/// it draws on. `article_terms` has a bit set for every official term the article's content uses.
pub(crate) fn coverage(
    index: &Index,
    points: &[PointInfo],
    cited: &[(&Terms, Vec<usize>)],
    article_terms: &[u64],
    config: &Config,
) -> Vec<PointCoverage> {
    // For each official sentence, which of its tokens the article carries in the sentences that
    // cite it.
    // All in one list: official sentence `j`'s tokens from `starts[j]`.
    let mut starts = Vec::with_capacity(index.sentences.len());
    let mut len = 0;
    for e in &index.sentences {
        starts.push(len);
        len += e.terms.len();
    }
    let mut carried = vec![false; len];
    let of = |j: usize| starts[j]..starts[j] + index.sentences[j].terms.len();
    let mut cited_any = vec![false; index.sentences.len()];
    // The terms of the press sentence at hand, one bit per term id (set, read, then cleared).
    let ids = cited.iter().flat_map(|(p, _)| p.terms.iter()).max().map_or(0, |&t| t as usize + 1);
    let mut in_p = vec![0u64; ids.div_ceil(64)];
    for (p, sources) in cited {
        p.terms.iter().for_each(|&t| in_p[t as usize / 64] |= 1 << (t % 64));
        for &j in sources {
            cited_any[j] = true;
            for (k, &t) in index.sentences[j].terms.terms.iter().enumerate() {
                if bit(&in_p, t as usize) {
                    carried[starts[j] + k] = true;
                }
            }
        }
        p.terms.iter().for_each(|&t| in_p[t as usize / 64] &= !(1 << (t % 64)));
    }
    points
        .iter()
        .map(|info| {
            let mut mass = 0.0;
            let mut got = 0.0;
            let (mut cited_words, mut words) = (0usize, 0usize);
            for &j in &info.sentences {
                let terms = &index.sentences[j].terms;
                let total = index.sentences[j].weight_total;
                let share = if total > 0.0 {
                    terms.weights.iter().zip(&carried[of(j)]).filter(|(_, &c)| c).map(|(w, _)| w).sum::<f64>()
                        / total
                } else {
                    0.0
                };
                mass += total;
                got += total * (share / config.sentence_carried_at).min(1.0);
                words += terms.len();
                if cited_any[j] {
                    cited_words += terms.len();
                }
            }
            let score = if mass > 0.0 { got / mass } else { 0.0 };
            let cited = if words > 0 { cited_words as f64 / words as f64 } else { 0.0 };
            let any = info.sentences.iter().any(|&j| cited_any[j]);
            let status = if any && score >= config.covered_min && cited >= config.covered_min_cited {
                CoverageStatus::Covered
            } else if any && score >= config.partial_min {
                CoverageStatus::Partial
            } else {
                CoverageStatus::Omitted
            };
            let missing = info
                .items
                .iter()
                .filter(|item| !item.terms.iter().all(|&t| bit(article_terms, t as usize)))
                .take(config.max_missing)
                .map(|item| item.text.clone())
                .collect();
            PointCoverage { point: info.point, status, score: round(score), missing }
        })
        .collect()
}

/// Rounds a score to three decimals for stable, readable output.
pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
