//! Finding the sources of one press sentence and naming the relation.
//!
//! The score is asymmetric containment: how much of the press sentence's weighted content the
//! source explains (unigrams and bigrams, weighted by IDF), because summaries reuse and compress the
//! official wording. Sources are chosen greedily: the best single sentence, then each further
//! sentence that explains enough of what is still unexplained.

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::config::Config;
use crate::index::{Index, OfficialEntry, Terms};
use crate::model::Relation;

/// Which tokens and bigrams of a press sentence some set of sources explains.
#[derive(Debug, Clone)]
struct Explained {
    uni: Vec<bool>,
    bi: Vec<bool>,
}

impl Explained {
    fn by(p: &Terms, o: &OfficialEntry) -> Explained {
        Explained {
            uni: p.terms.iter().map(|&t| o.has_term(t)).collect(),
            bi: (0..p.len().saturating_sub(1)).map(|i| o.has_bigram(p.bigram(i))).collect(),
        }
    }

    fn union(&self, other: &Explained) -> Explained {
        Explained {
            uni: self.uni.iter().zip(&other.uni).map(|(a, b)| *a || *b).collect(),
            bi: self.bi.iter().zip(&other.bi).map(|(a, b)| *a || *b).collect(),
        }
    }

    /// Weighted share of the sentence explained: unigram and bigram containment mixed by
    /// `unigram_share`.
    fn score(&self, p: &Terms, unigram_share: f64) -> f64 {
        let total: f64 = p.weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let uni: f64 =
            p.weights.iter().zip(&self.uni).filter(|(_, &e)| e).map(|(w, _)| w).sum::<f64>() / total;
        if self.bi.is_empty() {
            return uni;
        }
        let bi_total: f64 = (0..self.bi.len()).map(|i| p.bigram_weight(i)).sum();
        if bi_total <= 0.0 {
            return uni;
        }
        let bi: f64 =
            (0..self.bi.len()).filter(|&i| self.bi[i]).map(|i| p.bigram_weight(i)).sum::<f64>() / bi_total;
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
fn copied_share(p: &Terms, o: &OfficialEntry) -> f64 {
    if p.len() == 0 {
        return 0.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, &o.terms.terms, &p.terms);
    let equal: usize =
        ops.iter().filter(|op| op.tag() == DiffTag::Equal).map(|op| op.new_range().len()).sum();
    equal as f64 / p.len() as f64
}

/// Aligns one press sentence to the official text.
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
    let Some(best) =
        singles.iter().enumerate().max_by(|a, b| a.1 .2.total_cmp(&b.1 .2).then(b.1 .0.cmp(&a.1 .0)))
    else {
        return Match { sources: vec![], score: 0.0, relation: Relation::Unsupported };
    };
    let mut chosen = vec![best.0];
    let mut explained = best.1 .1.clone();
    let mut score = best.1 .2;
    while chosen.len() < config.max_sources {
        let mut pick: Option<(usize, Explained, f64)> = None;
        for (k, (_, e, _)) in singles.iter().enumerate() {
            if chosen.contains(&k) {
                continue;
            }
            let union = explained.union(e);
            let s = union.score(p, config.unigram_share);
            if pick.as_ref().is_none_or(|(_, _, best)| s > *best) {
                pick = Some((k, union, s));
            }
        }
        match pick {
            Some((k, union, s)) if s - score >= config.min_gain => {
                chosen.push(k);
                explained = union;
                score = s;
            }
            _ => break,
        }
    }
    if std::env::var_os("CROSSCHECK_DEBUG").is_some() {
        let mut top: Vec<(usize, f64)> = singles.iter().map(|x| (x.0, x.2)).collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top: Vec<String> =
            top.iter().take(4).map(|(j, s)| format!("{}={:.2}", index.sentences[*j].id, s)).collect();
        let picks: Vec<String> = chosen.iter().map(|&k| index.sentences[singles[k].0].id.clone()).collect();
        eprintln!("DEBUG score {:.2} picks {:?} top {:?}", score, picks, top);
    }
    if score < config.support_threshold {
        return Match { sources: vec![], score, relation: Relation::Unsupported };
    }
    let mut sources: Vec<(usize, f64)> = chosen.iter().map(|&k| (singles[k].0, singles[k].2)).collect();
    sources.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let relation = if sources.len() >= 2 {
        Relation::Condensed
    } else if copied_share(p, &index.sentences[sources[0].0]) >= config.verbatim_min_copied {
        Relation::Verbatim
    } else {
        Relation::Paraphrase
    };
    Match { sources, score, relation }
}
