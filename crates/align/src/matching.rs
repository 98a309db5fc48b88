//! Finding the sources of one press sentence and naming the relation.
//!
//! The score is asymmetric containment: how much of the press sentence's weighted content the
//! source explains (unigrams and bigrams, weighted by IDF), because summaries reuse and compress the
//! official wording. Sources are chosen greedily: the best single sentence, then each further
//! sentence that explains enough of what is still unexplained.

use smallvec::SmallVec;

use crate::config::Config;
use crate::index::{Index, OfficialEntry, Terms};
use crate::model::Relation;

/// Machine words of a [`Bits`]: two inline (128 tokens, nearly every sentence), more on the heap.
/// Each candidate source of each press sentence gets two of these: a heap allocation apiece was a
/// tenth of the matching.
type BitWords = SmallVec<[u64; 2]>;

/// A fixed number of bits (one per token or bigram of a press sentence).
#[derive(Debug, Clone)]
struct Bits {
    words: BitWords,
    len: usize,
}

/// The positions of the set bits of `words`, in increasing order.
fn ones(words: impl Iterator<Item = u64>) -> impl Iterator<Item = usize> {
    words.enumerate().flat_map(|(k, mut w)| {
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let b = w.trailing_zeros() as usize;
                w &= w - 1;
                k * 64 + b
            })
        })
    })
}

/// The set bits of `a | b`.
fn or_ones<'b>(a: &'b Bits, b: &'b Bits) -> impl Iterator<Item = usize> + 'b {
    ones(a.words.iter().zip(&b.words).map(|(x, y)| x | y))
}

impl Bits {
    /// One bit per id of `ids`, set when `has(id)`; with the sum of `weights` (one per id) at the
    /// set bits, added in order from `-0.0` as [`Iterator::sum`] adds them.
    fn of_ids_summed(ids: &[u32], has: impl Fn(u32) -> bool, weights: &[f64]) -> (Bits, f64) {
        debug_assert_eq!(ids.len(), weights.len());
        let mut sum = -0.0;
        let words: BitWords = ids
            .chunks(64)
            .zip(weights.chunks(64))
            .map(|(chunk, weights)| {
                // The bits first, without a branch on each (which ids are there is not
                // predictable), then the weights at the set bits in order.
                let mut word = 0u64;
                for (b, &id) in chunk.iter().enumerate() {
                    word |= u64::from(has(id)) << b;
                }
                for b in ones(std::iter::once(word)) {
                    sum += weights[b];
                }
                word
            })
            .collect();
        (Bits { words, len: ids.len() }, sum)
    }

    fn get(&self, i: usize) -> bool {
        i < self.len && (self.words[i / 64] >> (i % 64)) & 1 == 1
    }

    fn or(&self, other: &Bits) -> Bits {
        Bits { words: self.words.iter().zip(&other.words).map(|(a, b)| a | b).collect(), len: self.len }
    }
}

/// The weights a press sentence is scored by, summed once.
struct Weights<'p> {
    /// Weight of each token.
    uni: &'p [f64],
    /// Their sum.
    total: f64,
    /// Weight of each bigram ([`Terms::bigram_weight`]).
    bi: Vec<f64>,
    /// Their sum.
    bi_total: f64,
    /// Share of the unigram score in the mix.
    unigram_share: f64,
}

impl<'p> Weights<'p> {
    fn of(p: &'p Terms, unigram_share: f64) -> Weights<'p> {
        let bi: Vec<f64> = (0..p.len().saturating_sub(1)).map(|i| p.bigram_weight(i)).collect();
        Weights {
            uni: &p.weights,
            total: p.weights.iter().sum(),
            bi_total: bi.iter().sum(),
            bi,
            unigram_share,
        }
    }

    /// The unigram and bigram containment (the sums of the weights at the set bits) mixed by
    /// `unigram_share`.
    fn mix(&self, uni: impl Iterator<Item = usize>, bi: impl Iterator<Item = usize>) -> f64 {
        self.mix_sums(uni.map(|i| self.uni[i]).sum(), || bi.map(|i| self.bi[i]).sum())
    }

    /// [`Weights::mix`] of the sums of the unigram and the bigram weights at the set bits (the
    /// second read only when it counts).
    fn mix_sums(&self, uni: f64, bi: impl FnOnce() -> f64) -> f64 {
        if self.total <= 0.0 {
            return 0.0;
        }
        let uni = uni / self.total;
        if self.bi.is_empty() || self.bi_total <= 0.0 {
            return uni;
        }
        let bi = bi() / self.bi_total;
        self.unigram_share * uni + (1.0 - self.unigram_share) * bi
    }
}

/// Which tokens and bigrams of a press sentence some set of sources explains.
#[derive(Debug, Clone)]
struct Explained {
    uni: Bits,
    bi: Bits,
}

impl Explained {
    /// Which tokens and bigrams of `p` the official sentence `o` holds, and their
    /// [`Explained::score`], summed while the bits are set.
    fn scored(p: &Terms, o: &OfficialEntry, w: &Weights) -> (Explained, f64) {
        let (uni, uni_sum) = Bits::of_ids_summed(&p.terms, |t| o.has_term(t), w.uni);
        let (bi, bi_sum) = Bits::of_ids_summed(&p.bigram_ids, |id| o.has_bigram(id), &w.bi);
        (Explained { uni, bi }, w.mix_sums(uni_sum, || bi_sum))
    }

    fn union(&self, other: &Explained) -> Explained {
        Explained { uni: self.uni.or(&other.uni), bi: self.bi.or(&other.bi) }
    }

    /// [`Explained::score`] of the union of `self` and `other`, without building it. It rounds as
    /// the greedy choice of sources always has: the bigram part is `(1 - share) × got / total`, not
    /// `(1 - share) × (got / total)`; a gain exactly at `min_gain` depends on the last bit.
    fn union_score(&self, other: &Explained, w: &Weights) -> f64 {
        if w.total <= 0.0 {
            return 0.0;
        }
        let uni = or_ones(&self.uni, &other.uni).fold(0.0, |a, i| a + w.uni[i]) / w.total;
        if w.bi.is_empty() || w.bi_total <= 0.0 {
            return uni;
        }
        let got = or_ones(&self.bi, &other.bi).fold(0.0, |a, i| a + w.bi[i]);
        w.unigram_share * uni + (1.0 - w.unigram_share) * got / w.bi_total
    }

    /// Weighted share of the sentence explained: unigram and bigram containment mixed by
    /// `unigram_share`.
    fn score(&self, w: &Weights) -> f64 {
        w.mix(ones(self.uni.words.iter().copied()), ones(self.bi.words.iter().copied()))
    }
}

/// How far below `min_gain` a source's own score may be for it still to be weighed as a further
/// source (see [`match_sentence`]).
const GAIN_MARGIN: f64 = 1e-9;

/// The outcome for one press sentence.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    /// Official sentence indices with their single-source scores, best first.
    pub(crate) sources: Vec<(usize, f64)>,
    /// Share of the sentence its sources explain together.
    pub(crate) score: f64,
    /// The relation.
    pub(crate) relation: Relation,
}

/// Number of the press sentence's tokens that appear, in order, in the official sentence (the
/// length of the longest common subsequence of terms). Beyond `max_words` words in the press
/// sentence nothing is counted as copied (the comparison is quadratic).
fn copied_words(p: &Terms, o: &OfficialEntry, max_words: usize) -> usize {
    if p.len() == 0 || p.len() > max_words {
        return 0;
    }
    // The length is the same either way round: the official sentence's pattern when it was made,
    // else the press sentence's.
    match &o.pattern {
        Some(pattern) => crate::diff::lcs_len_with(&p.terms, pattern),
        None => crate::diff::lcs_len_with(&o.terms.terms, &crate::diff::Pattern::new(&p.terms)),
    }
}

/// True when the press sentence `p`, with the one source `o`, copies nearly all its words from it
/// in order (`verbatim_min_copied` of them) and from a stretch of it that it mostly copies
/// (`verbatim_min_span_copied`, from its first copied word to its last): a part of `o` copied, not
/// words picked from all over it.
fn is_verbatim(p: &Terms, o: &OfficialEntry, config: &Config) -> bool {
    let common = copied_words(p, o, config.max_diff_words);
    if p.len() == 0 || (common as f64 / p.len() as f64) < config.verbatim_min_copied {
        return false;
    }
    // The stretch is at most the whole sentence: copying that much of it settles it.
    let min_span = config.verbatim_min_span_copied;
    common as f64 / o.terms.len() as f64 >= min_span
        || match crate::diff::lcs_window(&p.terms, &o.terms.terms, o.pattern.as_ref()) {
            Some((start, end, len)) => len as f64 / (end - start) as f64 >= min_span,
            None => false,
        }
}

/// The official sentences most like the press sentence `p` by the matching score, best first, at
/// most `limit`: every official sentence is scored (the all-pairs scan the index avoids).
pub(crate) fn scan(index: &Index, p: &Terms, limit: usize, config: &Config) -> Vec<usize> {
    let weights = Weights::of(p, config.unigram_share);
    let mut scored: Vec<(usize, f64)> = (0..index.sentences.len())
        .map(|c| (c, Explained::scored(p, &index.sentences[c], &weights).1))
        .filter(|&(_, s)| s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(limit);
    scored.into_iter().map(|(c, _)| c).collect()
}

/// Aligns one press sentence to the official text.
///
/// 1. The best single source, then further sources that each explain a large share of what is
///    still unexplained (`min_gain`).
/// 2. Gap filling: a run of words no chosen source explains (inside one clause) gets its own
///    source when one explains it well (`gap_support`) and either belongs to a point already
///    drawn on or is in the point the run is about (its topic words, `topic_min_*`). Summaries
///    list topics from several points in one sentence (`labour, health, education`), each too short
///    to matter for the whole sentence, and this is how they are traced.
/// 3. Below `support_threshold` the sentence is unsupported; two or more sources make it
///    condensed; one source it copies in order (`verbatim_min_copied`), from a stretch of it
///    that it mostly copies (`verbatim_min_span_copied`), makes it verbatim, else paraphrase. A
///    sentence with fewer than `min_explained_words` words explained has no source.
pub(crate) fn match_sentence(index: &Index, p: &Terms, config: &Config) -> Match {
    let candidates =
        if config.exhaustive { index.all_sentences() } else { index.candidates(p, config.candidates) };
    let weights = Weights::of(p, config.unigram_share);
    let singles: Vec<(usize, Explained, f64)> = candidates
        .into_iter()
        .map(|c| {
            let (e, s) = Explained::scored(p, &index.sentences[c], &weights);
            (c, e, s)
        })
        .collect();
    let Some(best) = singles.iter().max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0))) else {
        return Match { sources: vec![], score: 0.0, relation: Relation::Unsupported };
    };
    let mut chosen: Vec<(usize, f64)> = vec![(best.0, best.2)];
    let mut explained = best.1.clone();
    let mut score = best.2;
    // A source adds at most what it explains alone: one that explains less than `min_gain` alone
    // can neither join nor be the best further source when another can (the margin is far above
    // the rounding of the sums).
    let contenders: Vec<&(usize, Explained, f64)> =
        singles.iter().filter(|(_, _, single)| single + GAIN_MARGIN >= config.min_gain).collect();
    while chosen.len() < config.max_sources {
        let mut pick: Option<(usize, f64, &Explained, f64)> = None;
        for (c, e, single) in contenders.iter().copied() {
            if chosen.iter().any(|x| x.0 == *c) {
                continue;
            }
            let s = explained.union_score(e, &weights);
            if pick.as_ref().is_none_or(|x| s > x.3) {
                pick = Some((*c, *single, e, s));
            }
        }
        match pick {
            Some((c, single, e, s)) if s - score >= config.min_gain => {
                chosen.push((c, single));
                explained = explained.union(e);
                score = s;
            }
            _ => break,
        }
    }
    let total = weights.total;
    let known = index.vocabulary_len() as crate::index::Term;
    // Gap filling is for sentences; a text of thousands of words with no sentence break gets none.
    let gaps = if p.len() <= config.max_diff_words { gaps(p, &explained, known) } else { Vec::new() };
    for (a, b) in gaps {
        if chosen.len() >= config.max_sources {
            break;
        }
        let weight: f64 = p.weights[a..b].iter().sum();
        if total <= 0.0 || weight / total < config.min_gap_share {
            continue;
        }
        let mut pick: Option<(usize, f64, f64)> = None;
        for c in index.candidates_in(p, a, b, config.candidates) {
            let share = range_share(p, &index.sentences[c], a, b, config.unigram_share);
            let density = index.point_density(c, p, a, b);
            let better = pick
                .as_ref()
                .is_none_or(|&(_, s, d)| share > s + 1e-9 || ((share - s).abs() <= 1e-9 && density > d));
            if better {
                pick = Some((c, share, density));
            }
        }
        if let Some((c, share, _)) = pick {
            // A further sentence of a point already drawn on is coherent; a new point must be
            // what the gap is about.
            let same_point = chosen.iter().any(|x| index.sentences[x.0].point == index.sentences[c].point);
            let topical =
                same_point || index.topic_share(c, p, a, b, config.topic_min_uses) >= config.topic_min_share;
            if share >= config.gap_support && topical && !chosen.iter().any(|x| x.0 == c) {
                let (e, single) = Explained::scored(p, &index.sentences[c], &weights);
                explained = explained.union(&e);
                chosen.push((c, single));
            }
        }
    }
    score = explained.score(&weights);
    if score < config.support_threshold {
        return Match { sources: vec![], score, relation: Relation::Unsupported };
    }
    // Too few words in common to say where it comes from: nothing is explained.
    let words_explained: u32 = explained.uni.words.iter().map(|w| w.count_ones()).sum();
    if (words_explained as usize) < config.min_explained_words {
        return Match { sources: vec![], score: 0.0, relation: Relation::Unsupported };
    }
    let mut sources = chosen;
    sources.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let relation = if sources.len() >= 2 {
        Relation::Condensed
    } else if is_verbatim(p, &index.sentences[sources[0].0], config) {
        Relation::Verbatim
    } else {
        Relation::Paraphrase
    };
    Match { sources, score, relation }
}

/// Weighted share of tokens `a..b` that `o` explains (unigrams and the bigrams inside the
/// range).
fn range_share(p: &Terms, o: &OfficialEntry, a: usize, b: usize, unigram_share: f64) -> f64 {
    let total: f64 = p.weights[a..b].iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    let uni: f64 = (a..b).filter(|&i| o.has_term(p.terms[i])).map(|i| p.weights[i]).sum::<f64>() / total;
    let pairs = a..b.saturating_sub(1);
    let bi_total: f64 = pairs.clone().map(|i| p.bigram_weight(i)).sum();
    if bi_total <= 0.0 {
        return uni;
    }
    let bi: f64 =
        pairs.filter(|&i| o.has_bigram(p.bigram_ids[i])).map(|i| p.bigram_weight(i)).sum::<f64>() / bi_total;
    unigram_share * uni + (1.0 - unigram_share) * bi
}

/// Runs of tokens that are known to the official text, not function words, and not explained yet,
/// split at clause boundaries and at unknown words.
fn gaps(p: &Terms, explained: &Explained, known: crate::index::Term) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(a, b) in &p.clauses {
        let mut start = None;
        for i in a..=b {
            // A word counts as explained here only inside an explained word pair: a lone shared
            // word (`giao` of `giao lưu` for `ngoại giao`) says little about where a phrase is from.
            let paired = i < b && ((i > 0 && explained.bi.get(i - 1)) || explained.bi.get(i));
            let open = i < b && !paired && p.terms[i] < known && !p.stop[i];
            match (open, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let mut end = i;
                    while end > s && p.stop[end - 1] {
                        end -= 1;
                    }
                    if end > s {
                        out.push((s, end));
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}
