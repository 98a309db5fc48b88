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

use super::acronym::is_acronym;
use super::word::{name_key, Word};
use super::{
    add_term, describe_forms, distribute, finding, ChecksConfig, Corpus, Findings, Occ, Spans, TermEntry,
};
use crate::model::Severity;

/// Runs of capitalised words (acronyms excluded) joined by spaces only, in a sentence's words.
pub(crate) fn runs(text: &str, ws: &[Word], cfg: &ChecksConfig) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<Word>> = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    for &w in ws {
        let name_word = w.is_capitalised(text) && !is_acronym(w.text(text), cfg.max_acronym_len);
        if (!name_word || !w.joined) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if name_word {
            current.push(w);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The name-like places of one document, grouped by key; for the official text (read once), also
/// the one-letter deletions of the keys long enough to be compared for misspellings.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocNames {
    /// Key, then the places written with it (with their number of words), in order.
    groups: Vec<(String, Vec<(usize, Occ)>)>,
    slot: FxHashMap<String, usize>,
    /// For each group, its key with one character deleted, for every character (empty when the
    /// key is too short to compare); `None` until [`DocNames::prepare_deletions`].
    deletions: Option<Vec<Vec<String>>>,
}

impl DocNames {
    fn add(&mut self, words: usize, occ: Occ) {
        let key = name_key(&occ.form);
        let next = self.groups.len();
        let slot = *self.slot.entry(key.clone()).or_insert(next);
        if slot == next {
            self.groups.push((key, Vec::new()));
        }
        self.groups[slot].1.push((words, occ));
    }

    /// Computes the deletions of every key long enough, for a document checked many times.
    pub(crate) fn prepare_deletions(&mut self, cfg: &ChecksConfig) {
        let long_enough = |key: &str| key.chars().count() >= cfg.min_misspelt_name_len;
        self.deletions = Some(
            self.groups
                .iter()
                .map(|(key, _)| if long_enough(key) { deletions(key) } else { Vec::new() })
                .collect(),
        );
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
    for run in runs(&s.text, ws, cfg) {
        for a in 0..run.len() {
            for b in a + 1..=run.len().min(a + cfg.max_name_words) {
                out.add(b - a, Occ::at(d, i, s, run[a].start(), run[b - 1].end()));
            }
        }
    }
}

fn multi_part(form: &str) -> bool {
    form.contains(char::is_whitespace) || form.contains(['-', '\'', '’'])
}

/// A group of places written with one key: the key, its places (each with its number of words)
/// and its one-letter deletions when they were prepared.
type Group<'a> = (&'a str, Vec<(usize, &'a Occ)>, Option<&'a [String]>);

/// Every name-like place of the corpus, grouped by key, in order of first appearance.
fn groups<'a>(corpus: &Corpus<'a>) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    let mut slot: FxHashMap<&'a str, usize> = FxHashMap::default();
    for facts in &corpus.facts {
        let names = &facts.names;
        for (g, (key, occs)) in names.groups.iter().enumerate() {
            let next = out.len();
            let at = *slot.entry(key.as_str()).or_insert(next);
            if at == next {
                let prepared = names.deletions.as_ref().map(|d| d[g].as_slice());
                out.push((key.as_str(), Vec::new(), prepared));
            }
            out[at].1.extend(occs.iter().map(|(n, o)| (*n, o)));
        }
    }
    out
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
/// enough and their parts start with the same letters: a likely misspelling of one name.
fn merge_misspellings<'a>(
    mut groups: Vec<Group<'a>>,
    cfg: &ChecksConfig,
) -> Vec<(&'a str, Vec<(usize, &'a Occ)>)> {
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    let eligible: Vec<Option<Vec<char>>> = groups
        .iter()
        .map(|(key, occs, _)| {
            let multi = occs.iter().any(|(_, o)| multi_part(&o.form));
            (multi && key.chars().count() >= cfg.min_misspelt_name_len).then(|| initials(&occs[0].1.form))
        })
        .collect();
    // Two keys one edit apart share the key itself or a one-character deletion.
    let computed: Vec<Vec<String>> = groups
        .iter()
        .zip(&eligible)
        .map(|((key, _, prepared), e)| match (e, prepared) {
            (Some(_), None) => deletions(key),
            _ => Vec::new(),
        })
        .collect();
    let mut buckets: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, (key, _, prepared)) in groups.iter().enumerate() {
        if eligible[i].is_none() {
            continue;
        }
        buckets.entry(key).or_default().push(i);
        for deleted in prepared.unwrap_or(&computed[i]) {
            buckets.entry(deleted.as_str()).or_default().push(i);
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
    for ids in buckets.values().filter(|ids| ids.len() >= 2) {
        for (x, &i) in ids.iter().enumerate() {
            for &j in &ids[x + 1..] {
                let close = i != j
                    && eligible[i] == eligible[j]
                    && strsim::levenshtein(groups[i].0, groups[j].0) <= cfg.max_name_edits
                    && long_parts_differ(
                        &groups[i].1[0].1.form,
                        &groups[j].1[0].1.form,
                        cfg.min_misspelt_part_len,
                    );
                if close {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    // The more frequent group (earlier in the order) names the merged one.
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut merged: Vec<(&str, Vec<(usize, &Occ)>)> = Vec::new();
    let mut slot: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..groups.len() {
        let r = root(&mut parent, i);
        let occs = std::mem::take(&mut groups[i].1);
        match slot.get(&r) {
            Some(&k) => merged[k].1.extend(occs),
            None => {
                slot.insert(r, merged.len());
                merged.push((groups[r].0, occs));
            }
        }
    }
    merged
}

/// Adds the name-variant findings.
pub(crate) fn check(corpus: &Corpus, cfg: &ChecksConfig, out: &mut Findings) {
    let mut candidates: Vec<(usize, String, Vec<Occ>)> = merge_misspellings(groups(corpus), cfg)
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
