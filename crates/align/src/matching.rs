//! Finding the sources of one press sentence and naming the relation.
//!
//! The score is asymmetric containment: how much of the press sentence's weighted content the
//! source explains (unigrams and bigrams, weighted by IDF), because summaries reuse and compress the
//! official wording. Sources are chosen greedily: the best single sentence, then each further
//! sentence that explains enough of what is still unexplained.

use crate::config::Config;
use crate::index::{Index, OfficialEntry, Terms};
use crate::model::Relation;

/// A fixed number of bits (one per token or bigram of a press sentence).
#[derive(Debug, Clone)]
struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// `len` bits, bit `i` set when `f(i)`.
    fn from_fn(len: usize, f: impl Fn(usize) -> bool) -> Bits {
        let mut words = vec![0u64; len.div_ceil(64)];
        (0..len).filter(|&i| f(i)).for_each(|i| words[i / 64] |= 1 << (i % 64));
        Bits { words, len }
    }

    fn get(&self, i: usize) -> bool {
        i < self.len && (self.words[i / 64] >> (i % 64)) & 1 == 1
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn or(&self, other: &Bits) -> Bits {
        Bits { words: self.words.iter().zip(&other.words).map(|(a, b)| a | b).collect(), len: self.len }
    }
}

/// Which tokens and bigrams of a press sentence some set of sources explains.
#[derive(Debug, Clone)]
struct Explained {
    uni: Bits,
    bi: Bits,
}

impl Explained {
    fn by(p: &Terms, o: &OfficialEntry) -> Explained {
        Explained {
            uni: Bits::from_fn(p.len(), |i| o.has_term(p.terms[i])),
            bi: Bits::from_fn(p.bigram_ids.len(), |i| o.has_bigram(p.bigram_ids[i])),
        }
    }

    fn union(&self, other: &Explained) -> Explained {
        Explained { uni: self.uni.or(&other.uni), bi: self.bi.or(&other.bi) }
    }

    /// [`Explained::score`] of the union of `self` and `other`, without building it.
    fn union_score(&self, other: &Explained, p: &Terms, unigram_share: f64) -> f64 {
        let (mut total, mut got) = (0.0, 0.0);
        for (i, w) in p.weights.iter().enumerate() {
            total += w;
            if self.uni.get(i) || other.uni.get(i) {
                got += w;
            }
        }
        if total <= 0.0 {
            return 0.0;
        }
        let uni = got / total;
        if self.bi.is_empty() {
            return uni;
        }
        let (mut bi_total, mut bi_got) = (0.0, 0.0);
        for i in 0..self.bi.len() {
            let w = p.bigram_weight(i);
            bi_total += w;
            if self.bi.get(i) || other.bi.get(i) {
                bi_got += w;
            }
        }
        if bi_total <= 0.0 {
            return uni;
        }
        unigram_share * uni + (1.0 - unigram_share) * bi_got / bi_total
    }

    /// Weighted share of the sentence explained: unigram and bigram containment mixed by
    /// `unigram_share`.
    fn score(&self, p: &Terms, unigram_share: f64) -> f64 {
        let total: f64 = p.weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let uni: f64 =
            p.weights.iter().enumerate().filter(|&(i, _)| self.uni.get(i)).map(|(_, w)| w).sum::<f64>()
                / total;
        if self.bi.is_empty() {
            return uni;
        }
        let bi_total: f64 = (0..self.bi.len()).map(|i| p.bigram_weight(i)).sum();
        if bi_total <= 0.0 {
            return uni;
        }
        let bi: f64 = (0..self.bi.len()).filter(|&i| self.bi.get(i)).map(|i| p.bigram_weight(i)).sum::<f64>()
            / bi_total;
        unigram_share * uni + (1.0 - unigram_share) * bi
    }
}

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

/// Share of the press sentence's tokens that appear, in order, in the official sentence (the
/// longest common subsequence of terms).
/// Beyond `max_words` words in the press sentence nothing is counted as copied (the comparison is
/// quadratic).
fn copied_share(p: &Terms, o: &OfficialEntry, max_words: usize) -> f64 {
    if p.len() == 0 || p.len() > max_words {
        return 0.0;
    }
    crate::diff::lcs_len(&o.terms.terms, &p.terms) as f64 / p.len() as f64
}

/// The official sentences most like the press sentence `p` by the matching score, best first, at
/// most `limit`: every official sentence is scored (the all-pairs scan the index avoids).
pub(crate) fn scan(index: &Index, p: &Terms, limit: usize, config: &Config) -> Vec<usize> {
    let mut scored: Vec<(usize, f64)> = (0..index.sentences.len())
        .map(|c| (c, Explained::by(p, &index.sentences[c]).score(p, config.unigram_share)))
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
///    condensed; one source it copies in order (`verbatim_min_copied`) makes it verbatim, else
///    paraphrase.
pub(crate) fn match_sentence(index: &Index, p: &Terms, config: &Config) -> Match {
    let candidates =
        if config.exhaustive { index.all_sentences() } else { index.candidates(p, config.candidates) };
    let singles: Vec<(usize, Explained, f64)> = candidates
        .into_iter()
        .map(|c| {
            let e = Explained::by(p, &index.sentences[c]);
            let s = e.score(p, config.unigram_share);
            (c, e, s)
        })
        .collect();
    let Some(best) = singles.iter().max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0))) else {
        return Match { sources: vec![], score: 0.0, relation: Relation::Unsupported };
    };
    let mut chosen: Vec<(usize, f64)> = vec![(best.0, best.2)];
    let mut explained = best.1.clone();
    let mut score = best.2;
    while chosen.len() < config.max_sources {
        let mut pick: Option<(usize, f64, &Explained, f64)> = None;
        for (c, e, single) in &singles {
            if chosen.iter().any(|x| x.0 == *c) {
                continue;
            }
            let s = explained.union_score(e, p, config.unigram_share);
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
    let total: f64 = p.weights.iter().sum();
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
                let e = Explained::by(p, &index.sentences[c]);
                let single = e.score(p, config.unigram_share);
                explained = explained.union(&e);
                chosen.push((c, single));
            }
        }
    }
    score = explained.score(p, config.unigram_share);
    if score < config.support_threshold {
        return Match { sources: vec![], score, relation: Relation::Unsupported };
    }
    let mut sources = chosen;
    sources.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let relation = if sources.len() >= 2 {
        Relation::Condensed
    } else if copied_share(p, &index.sentences[sources[0].0], config.max_diff_words)
        >= config.verbatim_min_copied
    {
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
