//! The prepared official text: a vocabulary of term ids, term weights (IDF learned from the
//! official sentences), an inverted index from terms to the sentences that hold them, and each
//! official sentence's terms and bigrams ready for scoring.

use crosscheck_parse::{Document, Sentence};

use crate::config::Config;
use crate::language::Language;
use crate::FxHashMap;

/// A term id. Terms the official text does not contain get ids at or above [`Vocabulary::len`],
/// unique within one sentence, so they never match.
pub(crate) type Term = u32;

/// One sentence's tokens as terms with weights, ready for scoring.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms {
    /// Term of each token, in order.
    pub(crate) terms: Vec<Term>,
    /// Weight of each token.
    pub(crate) weights: Vec<f64>,
    /// Whether each token is a function word.
    pub(crate) stop: Vec<bool>,
    /// Whether each token is part of a name (capitalised, not opening the sentence, not an
    /// acronym).
    pub(crate) name: Vec<bool>,
    /// Tokens that are not content (an attribution clause).
    pub(crate) excluded: Vec<usize>,
    /// Clauses: token ranges between commas, semicolons, colons, brackets and dashes.
    pub(crate) clauses: Vec<(usize, usize)>,
    /// For a press sentence, the official id of each bigram (`NO_BIGRAM` when the official text
    /// does not have it); empty for an official sentence.
    pub(crate) bigram_ids: Vec<u32>,
}

/// The bigram id of a word pair the official text does not have.
pub(crate) const NO_BIGRAM: u32 = u32::MAX;

impl Terms {
    /// Bigram of tokens `i` and `i + 1`.
    pub(crate) fn bigram(&self, i: usize) -> u64 {
        (u64::from(self.terms[i]) << 32) | u64::from(self.terms[i + 1])
    }

    /// Weight of bigram `i`: the mean of its two tokens' weights.
    pub(crate) fn bigram_weight(&self, i: usize) -> f64 {
        (self.weights[i] + self.weights[i + 1]) / 2.0
    }

    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }
}

/// An official sentence, prepared.
#[derive(Debug, Clone)]
pub(crate) struct OfficialEntry {
    /// The point (0 for the preamble) it belongs to.
    pub(crate) point: u32,
    /// Its id (`p4.s2`).
    pub(crate) id: String,
    /// Its lines.
    pub(crate) lines: [usize; 2],
    /// Its text as displayed.
    pub(crate) text: String,
    /// Its terms.
    pub(crate) terms: Terms,
    /// Distinct terms, sorted, for membership tests.
    pub(crate) term_set: Vec<Term>,
    /// Distinct bigrams, sorted.
    pub(crate) bigram_set: Vec<u64>,
    /// One bit per vocabulary term: set for the terms it holds.
    term_bits: Vec<u64>,
    /// Its terms as the second sequence of a longest common subsequence; `None` past
    /// [`PATTERN_MAX_WORDS`] or `max_diff_words` terms.
    pub(crate) pattern: Option<crate::diff::Pattern>,
    /// The id ([`Index::word_id`]) of each of its words as split at whitespace, for word diffs.
    pub(crate) word_ids: Vec<u32>,
    /// The byte range in `text` of each of those words.
    word_spans: Vec<[u32; 2]>,
    /// The [`crate::diff::Pattern`] of `word_ids` reversed, for word diffs; `None` past
    /// [`PATTERN_MAX_WORDS`] or `max_diff_words` words (made at each diff then, if one is made).
    pub(crate) word_pattern: Option<crate::diff::Pattern>,
    /// One bit per official bigram id: set for the bigrams it holds.
    bigram_bits: Vec<u64>,
    /// The sum of its terms' weights.
    pub(crate) weight_total: f64,
}

/// Longest official sentence (in words) whose LCS bit patterns are made with the index: a pattern
/// takes a machine word per 64 words for each distinct word, so a sentence of this length costs up
/// to about 10 KB; longer ones, rare in official texts, have theirs made at each comparison.
const PATTERN_MAX_WORDS: usize = 128;

/// True when bit `i` of `bits` is set (bits past the end are clear).
///
/// Read without a branch on the bit or on the bound (a word past the end reads as zero through a
/// mask): the scoring asks this of every token of a press sentence for every candidate, and
/// whether a token is there cannot be predicted.
#[inline]
pub(crate) fn bit(bits: &[u64], i: usize) -> bool {
    let Some(last) = bits.len().checked_sub(1) else {
        return false;
    };
    let k = i / 64;
    let inside = u64::from(k <= last).wrapping_neg();
    ((bits[k.min(last)] & inside) >> (i % 64)) & 1 == 1
}

/// A bit set of `len` bits with the bits of `ids` set.
pub(crate) fn bit_set(ids: impl Iterator<Item = usize>, len: usize) -> Vec<u64> {
    let mut bits = vec![0u64; len.div_ceil(64)];
    ids.for_each(|i| bits[i / 64] |= 1 << (i % 64));
    bits
}

impl OfficialEntry {
    pub(crate) fn has_term(&self, t: Term) -> bool {
        bit(&self.term_bits, t as usize)
    }

    /// Its words as split at whitespace (read when the index was made).
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.word_spans.iter().map(|&[a, b]| &self.text[a as usize..b as usize])
    }

    /// True when it holds the bigram with official id `id` ([`Terms::bigram_ids`]).
    pub(crate) fn has_bigram(&self, id: u32) -> bool {
        (id != NO_BIGRAM) & bit(&self.bigram_bits, id as usize)
    }
}

/// Maps comparison keys to term ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    ids: FxHashMap<String, Term>,
}

impl Vocabulary {
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The prepared official text.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    pub(crate) language: Language,
    vocab: Vocabulary,
    /// Document frequency of each term (in how many official sentences it occurs).
    pub(crate) df: Vec<u32>,
    /// Weight of each term.
    idf: Vec<f64>,
    /// Weight of a term the official text does not contain.
    unknown_idf: f64,
    stopword_weight: f64,
    name_weight: f64,
    stem_prefix: usize,
    /// For each term, the official sentences that hold it.
    postings: Vec<Vec<u32>>,
    /// For each term, whether a function word has its key (only then can a word with that term be
    /// one: the test of the word itself is made only for those).
    maybe_stop: Vec<bool>,
    /// How often each point uses each term.
    point_tf: FxHashMap<(u32, Term), u32>,
    /// How often the whole text uses each term.
    tf: Vec<u32>,
    /// How often each point uses each word pair.
    point_bigram_tf: FxHashMap<(u32, u64), u32>,
    /// How often the whole text uses each word pair.
    bigram_tf: FxHashMap<u64, u32>,
    /// An id for each word pair of the official text.
    bigram_ids: FxHashMap<u64, u32>,
    /// An id for each word of the official text as split at whitespace (for word diffs).
    word_ids: FxHashMap<String, u32>,
    /// The official sentences, in document order.
    pub(crate) sentences: Vec<OfficialEntry>,
}

/// BM25's inverse document frequency (never negative): rare terms weigh a lot, terms in nearly
/// every sentence next to nothing.
fn idf(n: usize, df: usize) -> f64 {
    let (n, df) = (n as f64, df as f64);
    ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
}

impl Index {
    /// The key a token is matched by: its folded form, cut to its first letters in languages where
    /// that stands in for stemming (`cooperation`, `cooperate` → `coope`).
    fn match_key<'k>(&self, key: &'k str) -> &'k str {
        match_key(key, self.language, self.stem_prefix)
    }

    pub(crate) fn build(official: &Document, config: &Config) -> Index {
        let language = match config.language {
            Language::Auto => Language::detect(official),
            l => l,
        };
        let stem_prefix = config.stem_prefix;
        let mut vocab = Vocabulary::default();
        let mut word_ids: FxHashMap<String, u32> = FxHashMap::default();
        let pattern_max = PATTERN_MAX_WORDS.min(config.max_diff_words);
        let mut sentences = Vec::new();
        for section in &official.sections {
            let point = section.number.unwrap_or(0);
            for (k, s) in section.sentences.iter().enumerate() {
                let mut terms = Vec::with_capacity(s.tokens.len());
                let mut stop = Vec::with_capacity(s.tokens.len());
                for (i, t) in s.tokens.iter().enumerate() {
                    let key = match_key(&t.key, language, stem_prefix);
                    let next = vocab.ids.len() as Term;
                    let id = *vocab.ids.entry(key.to_string()).or_insert(next);
                    terms.push(id);
                    stop.push(language.is_stopword(s.token_text(i)));
                }
                let mut term_set = terms.clone();
                term_set.sort_unstable();
                term_set.dedup();
                let terms = Terms { name: vec![false; terms.len()], terms, stop, ..Terms::default() };
                let mut bigram_set: Vec<u64> =
                    (0..terms.len().saturating_sub(1)).map(|i| terms.bigram(i)).collect();
                let (ids, word_spans): (Vec<u32>, Vec<[u32; 2]>) = s
                    .text
                    .split_whitespace()
                    .map(|w| {
                        let next = word_ids.len() as u32;
                        let at = w.as_ptr() as usize - s.text.as_ptr() as usize;
                        let span = [at, at + w.len()].map(|x| u32::try_from(x).unwrap_or(u32::MAX));
                        (*word_ids.entry(w.to_string()).or_insert(next), span)
                    })
                    .unzip();
                let reversed: Vec<u32> = ids.iter().rev().copied().collect();
                bigram_set.sort_unstable();
                bigram_set.dedup();
                sentences.push(OfficialEntry {
                    point,
                    id: format!("p{point}.s{}", k + 1),
                    lines: s.lines,
                    text: s.text.clone(),
                    pattern: (terms.len() <= pattern_max).then(|| crate::diff::Pattern::new(&terms.terms)),
                    word_ids: ids,
                    word_spans,
                    word_pattern: (reversed.len() <= pattern_max)
                        .then(|| crate::diff::Pattern::new(&reversed)),
                    terms,
                    term_set,
                    bigram_set,
                    term_bits: Vec::new(),
                    bigram_bits: Vec::new(),
                    weight_total: 0.0,
                });
            }
        }
        let n = sentences.len();
        let mut df = vec![0u32; vocab.len()];
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        let mut point_tf: FxHashMap<(u32, Term), u32> = FxHashMap::default();
        let mut tf = vec![0u32; vocab.len()];
        let mut point_bigram_tf: FxHashMap<(u32, u64), u32> = FxHashMap::default();
        let mut bigram_tf: FxHashMap<u64, u32> = FxHashMap::default();
        for (idx, entry) in sentences.iter().enumerate() {
            for &t in &entry.terms.terms {
                *point_tf.entry((entry.point, t)).or_insert(0) += 1;
                tf[t as usize] += 1;
            }
            for k in 0..entry.terms.len().saturating_sub(1) {
                let g = entry.terms.bigram(k);
                *point_bigram_tf.entry((entry.point, g)).or_insert(0) += 1;
                *bigram_tf.entry(g).or_insert(0) += 1;
            }
            for &t in &entry.term_set {
                df[t as usize] += 1;
                postings[t as usize].push(idx as u32);
            }
        }
        let mut bigram_ids: FxHashMap<u64, u32> = FxHashMap::default();
        for entry in &sentences {
            for &g in &entry.bigram_set {
                let next = bigram_ids.len() as u32;
                bigram_ids.entry(g).or_insert(next);
            }
        }
        for entry in &mut sentences {
            entry.term_bits = bit_set(entry.term_set.iter().map(|&t| t as usize), vocab.len());
            entry.bigram_bits =
                bit_set(entry.bigram_set.iter().map(|g| bigram_ids[g] as usize), bigram_ids.len());
        }
        let idf: Vec<f64> = df.iter().map(|&d| idf(n, d as usize)).collect();
        let mut maybe_stop = vec![false; vocab.len()];
        for word in language.stopwords() {
            let folded = crosscheck_parse::fold(word);
            if let Some(&id) = vocab.ids.get(match_key(&folded, language, stem_prefix)) {
                maybe_stop[id as usize] = true;
            }
        }
        let mut index = Index {
            language,
            vocab,
            df,
            idf,
            unknown_idf: idf_unknown(n),
            stopword_weight: config.stopword_weight,
            name_weight: config.name_weight,
            stem_prefix,
            postings,
            maybe_stop,
            point_tf,
            tf,
            point_bigram_tf,
            bigram_tf,
            bigram_ids,
            word_ids,
            sentences,
        };
        for i in 0..index.sentences.len() {
            let weights = {
                let t = &index.sentences[i].terms;
                t.terms.iter().zip(&t.stop).map(|(&id, &stop)| index.weight(id, stop)).collect()
            };
            index.sentences[i].terms.weights = weights;
            index.sentences[i].weight_total = index.sentences[i].terms.weights.iter().sum();
        }
        index
    }

    /// Weight of a token with term `id`.
    pub(crate) fn weight(&self, id: Term, stop: bool) -> f64 {
        let base = self.idf.get(id as usize).copied().unwrap_or(self.unknown_idf);
        if stop {
            base * self.stopword_weight
        } else {
            base
        }
    }

    /// The id of a word of the official text (split at whitespace, compared exactly), if it has it.
    pub(crate) fn word_id(&self, word: &str) -> Option<u32> {
        self.word_ids.get(word).copied()
    }

    /// Number of terms in the vocabulary.
    pub(crate) fn vocabulary_len(&self) -> usize {
        self.vocab.len()
    }

    /// Term id of a folded key, if the official text has it.
    pub(crate) fn term(&self, key: &str) -> Option<Term> {
        self.vocab.ids.get(self.match_key(key)).copied()
    }

    /// A press sentence's tokens as terms, without weights yet. Words the official text does not
    /// have get ids from `unknown`, shared across one article, that match no official sentence.
    pub(crate) fn terms_of(&self, s: &Sentence, unknown: &mut FxHashMap<String, Term>) -> Terms {
        let mut out = Terms::default();
        let n = s.tokens.len();
        out.terms.reserve_exact(n);
        out.stop.reserve_exact(n);
        out.name.reserve_exact(n);
        for (i, t) in s.tokens.iter().enumerate() {
            let id = self.term(&t.key).unwrap_or_else(|| {
                let key = self.match_key(&t.key);
                // Looked up before it is copied: most unknown words come back.
                match unknown.get(key) {
                    Some(&id) => id,
                    None => {
                        let next = (self.vocab.len() + unknown.len()) as Term;
                        unknown.insert(key.to_string(), next);
                        next
                    }
                }
            });
            // A function word's key is a term of the official text, or a word it does not have.
            let maybe_stop = self.maybe_stop.get(id as usize).copied().unwrap_or(true);
            let stop = maybe_stop && self.language.is_stopword(s.token_text(i));
            out.terms.push(id);
            out.stop.push(stop);
            out.name.push(i > 0 && is_name_word(s.token_text(i)));
        }
        out.bigram_ids = (0..out.terms.len().saturating_sub(1))
            .map(|i| self.bigram_ids.get(&out.bigram(i)).copied().unwrap_or(NO_BIGRAM))
            .collect();
        out.clauses = clauses(s);
        // An attribution clause (`…, theo TTXVN.`) names the outlet's source, not content.
        if let Some(name) = &s.attribution {
            let edge = [out.clauses.first().copied(), out.clauses.last().copied()];
            for (a, b) in edge.into_iter().flatten() {
                let text = &s.text[s.tokens[a].span[0]..s.tokens[b - 1].span[1]];
                if b - a <= ATTRIBUTION_MAX_WORDS && text.contains(name.as_str()) {
                    out.stop[a..b].iter_mut().for_each(|x| *x = true);
                    out.excluded.extend(a..b);
                }
            }
        }
        out
    }

    /// Weighted share of the words of `p[a..b]` that are topic words of the point of official
    /// sentence `j`: words (or, for a run of two or more, word pairs) the point uses at least
    /// `min_uses` times and that have at least half of all their uses in that point.
    pub(crate) fn topic_share(&self, j: usize, p: &Terms, a: usize, b: usize, min_uses: u32) -> f64 {
        let point = self.sentences[j].point;
        let topical = |here: u32, all: u32| here >= min_uses && 2 * here >= all;
        let mut total = 0.0;
        let mut hits = 0.0;
        if b - a >= 2 {
            for k in a..b - 1 {
                let g = p.bigram(k);
                let w = p.bigram_weight(k);
                total += w;
                let here = self.point_bigram_tf.get(&(point, g)).copied().unwrap_or(0);
                let all = self.bigram_tf.get(&g).copied().unwrap_or(0);
                if topical(here, all) {
                    hits += w;
                }
            }
        } else {
            for k in a..b {
                let t = p.terms[k];
                total += p.weights[k];
                let here = self.point_tf.get(&(point, t)).copied().unwrap_or(0);
                let all = self.tf.get(t as usize).copied().unwrap_or(0);
                if topical(here, all) {
                    hits += p.weights[k];
                }
            }
        }
        if total > 0.0 {
            hits / total
        } else {
            0.0
        }
    }

    /// How much the point of official sentence `j` is about the words of `p[a..b]`: the words'
    /// weights times the log of how often the point uses them.
    pub(crate) fn point_density(&self, j: usize, p: &Terms, a: usize, b: usize) -> f64 {
        let point = self.sentences[j].point;
        let mut seen: Vec<Term> = Vec::new();
        let mut total = 0.0;
        for k in a..b {
            let t = p.terms[k];
            if p.stop[k] || seen.contains(&t) {
                continue;
            }
            seen.push(t);
            if let Some(&n) = self.point_tf.get(&(point, t)) {
                total += p.weights[k] * (1.0 + f64::from(n)).ln();
            }
        }
        total
    }

    /// Sets the weights of an article's sentences from term frequencies over the documents at hand:
    /// the official sentences and the article's own content sentences. Words an article repeats in
    /// sentence after sentence (its subject's names, its own framing) weigh less, as do words common
    /// in the official text.
    pub(crate) fn weigh(&self, article: &mut [Terms]) {
        // For each term, the sentences that have it, and the last one counted (sentences count
        // once however often they repeat a word).
        // Indexed by term: ids are dense, the official vocabulary's first, then the article's own.
        let ids = article.iter().flat_map(|t| t.terms.iter()).max().map_or(0, |&m| m as usize + 1);
        let mut df: Vec<(u32, usize)> = vec![(0, usize::MAX); ids];
        for (k, terms) in article.iter().enumerate() {
            for &t in &terms.terms {
                let (n, last) = &mut df[t as usize];
                if *last != k {
                    *last = k;
                    *n += 1;
                }
            }
        }
        let n = self.sentences.len() + article.len();
        // Document frequencies are at most `n`: each idf is computed once (a logarithm per word
        // otherwise).
        let mut idfs = vec![f64::NAN; n + 1];
        for terms in article.iter_mut() {
            let excluded = std::mem::take(&mut terms.excluded);
            terms.weights = terms
                .terms
                .iter()
                .zip(terms.stop.iter().zip(&terms.name))
                .map(|(t, (&stop, &name))| {
                    let official = self.df.get(*t as usize).copied().unwrap_or(0);
                    let d = (official + df[*t as usize].0) as usize;
                    let w = match idfs.get_mut(d) {
                        Some(w) if w.is_nan() => {
                            *w = idf(n, d);
                            *w
                        }
                        Some(w) => *w,
                        None => idf(n, d),
                    };
                    match (stop, name) {
                        (true, _) => w * self.stopword_weight,
                        (false, true) => w * self.name_weight,
                        (false, false) => w,
                    }
                })
                .collect();
            for &k in &excluded {
                terms.weights[k] = 0.0;
            }
            terms.excluded = excluded;
        }
    }

    /// The official sentences sharing the most weighted terms with `terms`, best first, at most
    /// `limit` (ties broken by document order).
    pub(crate) fn candidates(&self, terms: &Terms, limit: usize) -> Vec<usize> {
        self.candidates_in(terms, 0, terms.len(), limit)
    }

    /// [`Index::candidates`] for the tokens `a..b` only.
    pub(crate) fn candidates_in(&self, terms: &Terms, a: usize, b: usize, limit: usize) -> Vec<usize> {
        let mut score = vec![0.0f64; self.sentences.len()];
        // Terms already counted, one bit per vocabulary term.
        let mut seen = vec![0u64; self.vocab.len().div_ceil(64)];
        for (i, &t) in terms.terms.iter().enumerate().take(b).skip(a) {
            let t_ = t as usize;
            if terms.stop[i] || t_ >= self.vocab.len() || bit(&seen, t_) {
                continue;
            }
            seen[t_ / 64] |= 1 << (t_ % 64);
            let w = self.idf[t as usize];
            for &s in &self.postings[t as usize] {
                score[s as usize] += w;
            }
        }
        top_by_score(&score, limit)
    }

    /// Every official sentence (the exhaustive alternative to [`Index::candidates`]).
    pub(crate) fn all_sentences(&self) -> Vec<usize> {
        (0..self.sentences.len()).collect()
    }
}

/// The indices of the `limit` highest positive scores, highest first, ties in index order: the
/// best few kept in order while the scores are read once (a handful of candidates out of every
/// official sentence sharing a word; selecting among all of them cost more than finding them).
fn top_by_score(score: &[f64], limit: usize) -> Vec<usize> {
    if limit == 0 {
        return Vec::new();
    }
    // Scores are read in index order, so a score goes before a kept one only when it is higher: on
    // a tie the kept one has the lower index.
    let mut top: Vec<(usize, f64)> = Vec::with_capacity(limit + 1);
    for (i, &v) in score.iter().enumerate().filter(|&(_, &v)| v > 0.0) {
        if top.len() == limit && top.last().is_some_and(|last| v <= last.1) {
            continue;
        }
        let at = top.partition_point(|y| y.1 >= v);
        top.insert(at, (i, v));
        top.truncate(limit);
    }
    top.into_iter().map(|(i, _)| i).collect()
}

/// Weight of a term no official sentence holds.
fn idf_unknown(n: usize) -> f64 {
    idf(n, 0)
}

/// See [`Index::match_key`].
pub(crate) fn match_key(key: &str, language: Language, prefix: usize) -> &str {
    if !language.stems() || prefix == 0 || !key.chars().all(char::is_alphabetic) {
        return key;
    }
    match key.char_indices().nth(prefix) {
        Some((cut, _)) => &key[..cut],
        None => key,
    }
}

/// True for a capitalised word that is not an acronym (`Hàn`, `Lee`; not `EDCF`).
fn is_name_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Most words in a clause that is only an attribution (`theo TTXVN`, `according to Reuters`).
const ATTRIBUTION_MAX_WORDS: usize = 6;

/// Token ranges of the clauses of a sentence: split where the text between two tokens holds a
/// comma, semicolon, colon, bracket or a dash standing alone.
fn clauses(s: &Sentence) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..s.tokens.len() {
        let gap = &s.text[s.tokens[i - 1].span[1]..s.tokens[i].span[0]];
        // Dashes are left alone: they join names (`Việt Nam - Hàn Quốc`) as often as clauses.
        // The marks are ASCII: a byte equal to one is that character.
        if gap.bytes().any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'[' | b']')) {
            out.push((start, i));
            start = i;
        }
    }
    if start < s.tokens.len() {
        out.push((start, s.tokens.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_best_scores_kept_while_reading_are_the_best_of_a_full_sort(
            score in proptest::collection::vec(proptest::sample::select(vec![0.0, 0.5, 1.0, 1.5, 2.0, 3.25]), 0..60),
            limit in 0usize..15,
        ) {
            let mut sorted: Vec<(usize, f64)> = score.iter().copied().enumerate().filter(|&(_, v)| v > 0.0).collect();
            sorted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let expected: Vec<usize> = sorted.into_iter().take(limit).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(top_by_score(&score, limit), expected);
        }

        #[test]
        fn a_bit_reads_as_set_exactly_where_the_set_put_one(
            ids in proptest::collection::btree_set(0usize..200, 0..40),
            len in 0usize..200,
            probe in proptest::prop_oneof![0usize..260, proptest::strategy::Just(u32::MAX as usize)],
        ) {
            let ids: Vec<usize> = ids.into_iter().filter(|&i| i < len).collect();
            let bits = bit_set(ids.iter().copied(), len);
            proptest::prop_assert_eq!(bit(&bits, probe), ids.contains(&probe));
        }
    }
}
