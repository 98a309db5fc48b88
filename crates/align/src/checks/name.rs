//! Name variants: the same person or body written with different spacing, hyphenation or
//! diacritics (`Anna Maria Berg` / `Anna-Maria Berg`), within a document and across documents.
//!
//! Names are runs of capitalised words (no name lists). Every run and every part of one is keyed
//! with case, diacritics, hyphens and spaces removed; a key written two ways, one of them with at
//! least two words or a hyphen, is a variant group. Spellings that differ in case only are left to
//! the capitalisation check. Keys one edit apart (`Anna-Maria Berg` / `Anna-Marja Berg`) are joined
//! when they are long enough and the parts of both start with the same letters: a likely
//! misspelling. A group whose every place lies inside a larger reported group
//! (`Maria Berg` inside `Anna Maria Berg`) is not reported again.

use crosscheck_parse::{fold, Sentence};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::acronym::is_acronym;
use super::word::{name_key, push_name_key, Word};
use super::{
    add_term, describe_forms, distribute, finding, ChecksConfig, Corpus, Findings, Occ, Spans, TermEntry,
};
use crate::model::Severity;

/// Runs of capitalised words (acronyms excluded) joined by spaces only, in a sentence's words (as
/// slices of `ws`: a run's words are consecutive).
pub(crate) fn runs<'w>(text: &str, ws: &'w [Word], cfg: &ChecksConfig) -> Vec<&'w [Word]> {
    let mut out: Vec<&[Word]> = Vec::new();
    // Where the run being read starts, if one is.
    let mut start: Option<usize> = None;
    for (k, &w) in ws.iter().enumerate() {
        let name_word = w.is_capitalised(text) && !is_acronym(w.text(text), cfg.max_acronym_len);
        if !name_word || !w.joined {
            if let Some(a) = start.take() {
                out.push(&ws[a..k]);
            }
        }
        if name_word && start.is_none() {
            start = Some(k);
        }
    }
    if let Some(a) = start {
        out.push(&ws[a..]);
    }
    out
}

/// The name-like places of one document, grouped by key; for the official text (read once), also
/// what comparing its keys for misspellings needs ([`DocNames::prepare`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct DocNames {
    /// Key, then the places written with it (with their number of words), in order.
    groups: Vec<(String, Vec<(usize, Occ)>)>,
    slot: FxHashMap<String, usize>,
    /// `None` until [`DocNames::prepare`].
    prepared: Option<Prepared>,
}

/// The misspelling comparison of one document's groups with each other, made once.
#[derive(Debug, Clone)]
struct Prepared {
    /// For each group, its key with one character deleted, for every character (empty when the
    /// key is too short to compare).
    deletions: Vec<Vec<String>>,
    /// For each group, the initials it is compared by, when it is compared at all (on this
    /// document's places alone).
    eligible: Vec<Option<Vec<char>>>,
    /// The eligible groups by key and by each of the key's deletions.
    buckets: FxHashMap<String, Vec<usize>>,
    /// Pairs of groups spelt one edit apart ([`close`]).
    edges: Vec<(usize, usize)>,
}

impl DocNames {
    /// Adds a place of `words` words whose [`name_key`] is `key`.
    fn add(&mut self, words: usize, key: &str, occ: Occ) {
        let slot = match self.slot.get(key) {
            Some(&slot) => slot,
            None => {
                let slot = self.groups.len();
                self.slot.insert(key.to_string(), slot);
                self.groups.push((key.to_string(), Vec::new()));
                slot
            }
        };
        self.groups[slot].1.push((words, occ));
    }

    /// Compares the document's groups with each other for misspellings, for a document checked
    /// many times (the comparisons with other documents' groups are made at each check).
    pub(crate) fn prepare(&mut self, cfg: &ChecksConfig) {
        let long_enough = |key: &str| key.chars().count() >= cfg.min_misspelt_name_len;
        let deletions: Vec<Vec<String>> = self
            .groups
            .iter()
            .map(|(key, _)| if long_enough(key) { deletions(key) } else { Vec::new() })
            .collect();
        let groups: Vec<Group> = self
            .groups
            .iter()
            .map(|(key, occs)| (key.as_str(), occs.iter().map(|(n, o)| (*n, o)).collect()))
            .collect();
        let eligible: Vec<Option<Vec<char>>> = groups.iter().map(|g| eligibility(g, cfg)).collect();
        let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, (key, _)) in groups.iter().enumerate() {
            if eligible[i].is_some() {
                for text in spellings(key, &deletions[i]) {
                    buckets.entry(text.to_string()).or_default().push(i);
                }
            }
        }
        let edges = bucket_pairs(&buckets).filter(|&(i, j)| close(&groups, &eligible, i, j, cfg)).collect();
        self.prepared = Some(Prepared { deletions, eligible, buckets, edges });
    }
}

/// The key with one character deleted, for every character.
fn deletions(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    (0..chars.len())
        .map(|skip| chars.iter().enumerate().filter(|&(j, _)| j != skip).map(|(_, c)| c).collect())
        .collect()
}

/// Reads the name-like places of sentence `i` of document `d` (its words are `ws`).
pub(crate) fn read(d: usize, i: usize, s: &Sentence, ws: &[Word], cfg: &ChecksConfig, out: &mut DocNames) {
    // The key of words `a..b` is the key of `a..b - 1` and of what follows it up to the end of word
    // `b - 1` ([`name_key`] reads each character on its own): each piece is folded once.
    let mut key = String::new();
    for run in runs(&s.text, ws, cfg) {
        for a in 0..run.len() {
            key.clear();
            let mut from = run[a].start();
            for b in a + 1..=run.len().min(a + cfg.max_name_words) {
                let end = run[b - 1].end();
                push_name_key(&s.text[from..end], &mut key);
                from = end;
                out.add(b - a, &key, Occ::at(d, i, s, run[a].start(), end));
            }
        }
    }
}

fn multi_part(form: &str) -> bool {
    form.contains(char::is_whitespace) || form.contains(['-', '\'', '’'])
}

/// A group of places written with one key: the key and its places (each with its number of
/// words).
type Group<'a> = (&'a str, Places<'a>);

/// The places of a group: inline up to two (most groups; the official text's are gathered again
/// for every article checked against it).
type Places<'a> = SmallVec<[(usize, &'a Occ); 2]>;

/// Whether a group is compared with others for misspellings (its key long enough, one of its
/// spellings in several parts), and then the initials of its first spelling.
fn eligibility(group: &Group, cfg: &ChecksConfig) -> Option<Vec<char>> {
    let (key, occs) = group;
    // The key's length first: most keys are too short, and it is cheaper than reading every place.
    let eligible =
        key.chars().count() >= cfg.min_misspelt_name_len && occs.iter().any(|(_, o)| multi_part(&o.form));
    eligible.then(|| initials(&occs[0].1.form))
}

/// A key and its one-character deletions: the buckets a group goes in (two keys one edit apart
/// share one).
fn spellings<'s>(key: &'s str, deletions: &'s [String]) -> impl Iterator<Item = &'s str> {
    std::iter::once(key).chain(deletions.iter().map(String::as_str))
}

/// Every pair of groups that share a bucket, in the buckets' order.
fn bucket_pairs<K>(buckets: &FxHashMap<K, Vec<usize>>) -> impl Iterator<Item = (usize, usize)> + '_ {
    buckets.values().filter(|ids| ids.len() >= 2).flat_map(|ids| {
        ids.iter().enumerate().flat_map(move |(x, &i)| ids[x + 1..].iter().map(move |&j| (i, j)))
    })
}

/// True when eligible groups `i` and `j` (with keys one edit apart or sharing a deletion) are
/// likely one name misspelt: the same initials, keys at most `max_name_edits` apart, and the
/// parts that differ long enough.
fn close(groups: &[Group], eligible: &[Option<Vec<char>>], i: usize, j: usize, cfg: &ChecksConfig) -> bool {
    i != j
        && eligible[i] == eligible[j]
        && strsim::levenshtein(groups[i].0, groups[j].0) <= cfg.max_name_edits
        && long_parts_differ(&groups[i].1[0].1.form, &groups[j].1[0].1.form, cfg.min_misspelt_part_len)
}

/// Every name-like place of the corpus, grouped by key, in order of first appearance (the groups
/// of the first document first, in its order); and how many of them the first document has.
fn groups<'a>(corpus: &Corpus<'a>) -> (Vec<Group<'a>>, usize) {
    let mut out: Vec<Group<'a>> = Vec::new();
    let mut slot: FxHashMap<&'a str, usize> = FxHashMap::default();
    let first = corpus.facts.first().map_or(0, |f| f.names.groups.len());
    for (d, facts) in corpus.facts.iter().enumerate() {
        for (key, occs) in &facts.names.groups {
            let at = if d == 0 {
                // The first document's keys are distinct, and no group exists yet for any.
                out.push((key.as_str(), Places::new()));
                out.len() - 1
            } else {
                match facts_slot(corpus, key).or_else(|| slot.get(key.as_str()).copied()) {
                    Some(k) => k,
                    None => {
                        slot.insert(key.as_str(), out.len());
                        out.push((key.as_str(), Places::new()));
                        out.len() - 1
                    }
                }
            };
            out[at].1.extend(occs.iter().map(|(n, o)| (*n, o)));
        }
    }
    (out, first)
}

/// The group of the first document with this key, if it has one.
fn facts_slot(corpus: &Corpus, key: &str) -> Option<usize> {
    corpus.facts.first().and_then(|f| f.names.slot.get(key).copied())
}

/// First letters of the parts of a name (split at spaces and hyphens), folded.
fn initials(form: &str) -> Vec<char> {
    form.split(|c: char| c.is_whitespace() || c == '-').filter_map(|p| fold(p).chars().next()).collect()
}

/// True when the parts in which two spellings differ are all at least `min` letters long in both:
/// `Anna-Maria` / `Anna-Marja` is a slip, `Văn An` / `Văn Anh` and `Trung` / `Trang` are likely two
/// names.
fn long_parts_differ(a: &str, b: &str, min: usize) -> bool {
    let parts = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-').filter(|p| !p.is_empty()).map(fold).collect()
    };
    let (pa, pb) = (parts(a), parts(b));
    pa.len() == pb.len()
        && pa
            .iter()
            .zip(&pb)
            .filter(|(x, y)| x != y)
            .all(|(x, y)| x.chars().count().min(y.chars().count()) >= min)
}

/// Joins groups whose keys are one edit apart (`leejaemyung` / `leejaemyng`) when both are long
/// enough and their parts start with the same letters: a likely misspelling of one name. The
/// groups joined are listed with the more frequent first (then by key), and the first names the
/// joined group. The first `first` groups are the first document's; when it was prepared
/// ([`DocNames::prepare`]), their comparisons with each other are taken from there.
fn merge_misspellings<'a>(
    mut groups: Vec<Group<'a>>,
    first: usize,
    prepared: Option<&Prepared>,
    cfg: &ChecksConfig,
) -> Vec<Group<'a>> {
    // A group of the first document with places elsewhere too may be compared differently.
    let touched: Vec<bool> =
        groups.iter().enumerate().map(|(i, g)| i >= first || g.1.iter().any(|(_, o)| o.doc != 0)).collect();
    let known = |i: usize| prepared.filter(|_| i < first);
    let eligible: Vec<Option<Vec<char>>> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| match known(i) {
            Some(p) if !touched[i] => p.eligible[i].clone(),
            _ => eligibility(g, cfg),
        })
        .collect();
    // Groups to compare here: all of them, or those the preparation did not compare.
    let fresh: Vec<usize> = (0..groups.len())
        .filter(|&i| eligible[i].is_some() && known(i).is_none_or(|p| p.eligible[i].is_none()))
        .collect();
    let deletions: Vec<Vec<String>> = fresh
        .iter()
        .map(|&i| match known(i) {
            Some(p) => p.deletions[i].clone(),
            None => deletions(groups[i].0),
        })
        .collect();
    let mut buckets: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (&i, dels) in fresh.iter().zip(&deletions) {
        for text in spellings(groups[i].0, dels) {
            buckets.entry(text).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut join = |i: usize, j: usize| {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        parent[ri.max(rj)] = ri.min(rj);
    };
    if let Some(p) = prepared {
        p.edges.iter().for_each(|&(i, j)| join(i, j));
    }
    // Fresh groups against each other, and against the prepared document's eligible groups.
    for (i, j) in bucket_pairs(&buckets) {
        if close(&groups, &eligible, i, j, cfg) {
            join(i, j);
        }
    }
    if let Some(p) = prepared {
        for (&i, dels) in fresh.iter().zip(&deletions) {
            for text in spellings(groups[i].0, dels) {
                for &j in p.buckets.get(text).map(Vec::as_slice).unwrap_or_default() {
                    if eligible[j].is_some() && close(&groups, &eligible, i, j, cfg) {
                        join(i, j);
                    }
                }
            }
        }
    }
    // Each joined group: its members, the more frequent first, then by key.
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..groups.len() {
        let r = root(&mut parent, i);
        if r != i || members.contains_key(&r) {
            members.entry(r).or_insert_with(|| vec![r]).push(i);
        }
    }
    let order = |a: &Group, b: &Group| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0));
    let mut merged: Vec<Group> = Vec::with_capacity(groups.len());
    for i in 0..groups.len() {
        if root(&mut parent, i) != i {
            continue;
        }
        match members.get_mut(&i) {
            None => merged.push((groups[i].0, std::mem::take(&mut groups[i].1))),
            Some(ids) => {
                ids.sort_by(|&a, &b| order(&groups[a], &groups[b]));
                let name = groups[ids[0]].0;
                let occs = ids.iter().flat_map(|&k| std::mem::take(&mut groups[k].1)).collect();
                merged.push((name, occs));
            }
        }
    }
    merged
}

/// Adds the name-variant findings.
pub(crate) fn check(corpus: &Corpus, cfg: &ChecksConfig, out: &mut Findings) {
    let (groups, first) = groups(corpus);
    let prepared = corpus.facts.first().and_then(|f| f.names.prepared.as_ref());
    let mut candidates: Vec<(usize, String, Vec<Occ>)> = merge_misspellings(groups, first, prepared, cfg)
        .into_iter()
        .filter_map(|(key, occs)| {
            // Most groups are one spelling: settle that before copying anything.
            let first = &occs.first()?.1.form;
            if occs.iter().all(|(_, o)| o.form == *first) {
                return None;
            }
            let words = occs.iter().map(|(n, _)| *n).max().unwrap_or(0);
            let occs: Vec<Occ> = occs.into_iter().map(|(_, o)| o.clone()).collect();
            let forms = super::variants(&occs);
            let mut lowered: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
            lowered.sort_unstable();
            lowered.dedup();
            (forms.iter().any(|f| multi_part(f)) && lowered.len() >= 2)
                .then(|| (words, key.to_string(), occs))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    // A group that only adds context to a more widespread smaller one (`Minister Anna Maria Berg` around
    // `Anna Maria Berg`) is not the name.
    let spans: Vec<Spans> = candidates.iter().map(|(_, _, occs)| Spans::of(occs)).collect();
    let extension = |g: &(usize, String, Vec<Occ>)| {
        candidates.iter().zip(&spans).any(|(h, h_spans)| {
            h.0 < g.0
                && h.2.len() > g.2.len()
                && g.1.contains(h.1.as_str())
                && g.2.iter().all(|o| h_spans.inside(o))
        })
    };
    let keep: Vec<bool> = candidates.iter().map(|g| !extension(g)).collect();
    let mut reported = Spans::default();
    for ((_, _, occs), keep) in candidates.into_iter().zip(keep) {
        if !keep || occs.iter().all(|o| reported.overlaps(o)) {
            continue;
        }
        occs.iter().for_each(|o| reported.add(o));
        distribute(corpus, occs, out, &|occs| {
            let mut keys: Vec<String> = occs.iter().map(|o| name_key(&o.form)).collect();
            keys.sort_unstable();
            keys.dedup();
            let spelling = if keys.len() > 1 { " Some differ by a letter: check the spelling." } else { "" };
            let message = format!(
                "One name is written {} ways: {}.{spelling}",
                super::variants(occs).len(),
                describe_forms(corpus, occs)
            );
            Some(finding(corpus, "name_variant", Severity::Warning, message, occs))
        });
    }
}

/// The multi-word names of a one-document corpus.
pub(crate) fn terms(corpus: &Corpus, cfg: &ChecksConfig) -> Vec<TermEntry> {
    let mut out = Vec::new();
    for ((_, s), ws) in corpus.sentences(0).zip(&corpus.facts[0].words) {
        for run in runs(&s.text, ws, cfg) {
            let (a, b) = (run[0].start(), run[run.len() - 1].end());
            if multi_part(&s.text[a..b]) {
                add_term(&mut out, &s.text[a..b], String::new(), s.line_at(a));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_dropped_from_a_long_part_is_a_slip_and_a_short_part_is_another_name() {
        let cases = [
            ("Lee Jae-myung", "Lee Jae-myng", 4, true),
            ("Nguyễn Văn An", "Nguyễn Văn Anh", 4, false),
            ("Nguyễn Thành Trung", "Nguyễn Thành Trang", 5, true),
            ("Nguyễn Thành Trung", "Nguyễn Thành Trang", 6, false),
            ("Lee Jae Myung", "Lee Jae-myung", 4, true),
        ];
        for (a, b, min, want) in cases {
            assert_eq!(long_parts_differ(a, b, min), want, "{a} / {b}");
        }
    }
}
