//! Capitalisation variants of one multi-word proper name (`Đối tác chiến lược toàn diện` /
//! `Đối tác Chiến lược Toàn diện`): style, so `info`, one finding per group, capped.
//!
//! Phrases are read from every sentence: from a capitalised word that does not open the sentence,
//! over capitalised words and single lower-case words between them, plus one lower-case word after
//! the last capitalised one when a lower-case word comes before it (Vietnamese title case
//! capitalises the first syllable of each word: `Toàn diện`),
//! with at least two capitalised words (one capital is too often a common noun opening a name,
//! `Chương trình Hành động` beside `chương trình`). A
//! phrase is looked up, word for word and ignoring case, everywhere in the corpus; places that open
//! a sentence are skipped (their capital says nothing). A group whose places all lie inside a
//! shorter reported group's places is not reported again.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crosscheck_parse::Sentence;

use super::word::Word;
use super::{describe_forms, distribute, finding, ChecksConfig, Corpus, Findings, Occ, Spans};
use crate::model::{Finding, Severity};

/// A hash of a word in lower case, for finding the places a phrase may be written: equal words in
/// any case hash alike, without allocating. Characters are lowered one by one, so a final sigma
/// (which [`str::to_lowercase`] writes `ς`) is hashed as `σ`; the places found are then compared
/// with `to_lowercase`.
pub(crate) fn lower_hash(chars: impl Iterator<Item = char>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in chars {
        lowered(c, |l| h.write_u32(l as u32));
    }
    h.finish()
}

/// Calls `f` with each character of [`lower_slow`]`(c)`, from [`LOWER`] when it has it.
#[inline]
fn lowered(c: char, mut f: impl FnMut(char)) {
    if c.is_ascii() {
        return f(c.to_ascii_lowercase());
    }
    match LOWER.get(c as usize) {
        Some(&l) if l != '\0' => f(l),
        _ => lower_slow(c).for_each(f),
    }
}

/// True when `word.to_lowercase()` is `lower`, compared character by character as [`lower_hash`]
/// lowers them (no string is built). A word with a sigma is lowered whole: `to_lowercase` writes a
/// capital sigma by its place in the word, and the table writes `ς` as `σ`.
fn lowercases_to(word: &str, lower: &str) -> bool {
    if word.contains(['Σ', 'ς']) {
        return word.to_lowercase() == lower;
    }
    let mut rest = lower.chars();
    for c in word.chars() {
        let mut same = true;
        lowered(c, |l| same &= rest.next() == Some(l));
        if !same {
            return false;
        }
    }
    rest.next().is_none()
}

/// What [`lower_hash`] hashes for `c`: its lower case, a final sigma as `σ`.
fn lower_slow(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|l| if l == 'ς' { 'σ' } else { l })
}

/// Characters below this one that lower-case to one character are lowered from [`LOWER`].
const LOWER_TABLE_END: u32 = 0x3000;

/// [`lower_slow`] of each character below [`LOWER_TABLE_END`] when it is one character; `'\0'`
/// otherwise (those take the slow path).
static LOWER: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    (0..LOWER_TABLE_END)
        .map(|u| {
            char::from_u32(u).map_or('\0', |c| {
                let mut lower = lower_slow(c);
                match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => '\0',
                }
            })
        })
        .collect()
});

/// Phrases of one sentence (its words `ws`), as lower-cased word lists.
pub(crate) fn phrases(text: &str, ws: &[Word]) -> Vec<Vec<String>> {
    let cap = |k: usize| ws[k].is_capitalised(text);
    let joined = |k: usize| k < ws.len() && ws[k].joined;
    let mut out = Vec::new();
    let mut k = 1;
    while k < ws.len() {
        if !cap(k) || (ws[k].joined && cap(k - 1)) {
            k += 1;
            continue;
        }
        let mut end = k;
        loop {
            if joined(end + 1) && cap(end + 1) {
                end += 1;
            } else if joined(end + 1) && joined(end + 2) && cap(end + 2) {
                end += 2;
            } else {
                break;
            }
        }
        let capitals = (k..=end).filter(|&j| cap(j)).count();
        // Vietnamese title case (`Toàn diện`): a last capital after a lower-case word takes the
        // word after it; a name ending in capitalised words (`Triều Tiên`, `Strategic
        // Partnership`) ends there.
        if end > k && !cap(end - 1) && joined(end + 1) {
            end += 1;
        }
        if capitals >= 2 {
            out.push(ws[k..=end].iter().map(|w| w.text(text).to_lowercase()).collect());
        }
        k = end + 1;
    }
    out
}

/// Where the phrase `key` (its words' [`lower_hash`]es `hashed`) is written with a capital at word
/// `k` of a sentence (its `text`, words `ws` and their hashes `hashes`): its byte range there.
pub(crate) fn written_at(
    key: &[String],
    hashed: &[u64],
    text: &str,
    ws: &[Word],
    hashes: &[u64],
    k: usize,
) -> Option<(usize, usize)> {
    let matches = k + key.len() <= ws.len()
        && (0..key.len()).all(|j| (j == 0 || ws[k + j].joined) && hashes[k + j] == hashed[j])
        && key.iter().enumerate().all(|(j, w)| lowercases_to(ws[k + j].text(text), w));
    if !matches {
        return None;
    }
    let (start, end) = (ws[k].start(), ws[k + key.len() - 1].end());
    // A spelling without a capital is a common phrase, not a spelling of the name.
    text[start..end].chars().any(char::is_uppercase).then_some((start, end))
}

/// The hashes of words `k` and `k + 1` of `hashes`, which must have them: where a phrase (of two
/// words or more) may start.
fn start(hashes: &[u64], k: usize) -> (u64, u64) {
    (hashes[k], hashes[k + 1])
}

/// The lower-case hashes of a phrase's words.
pub(crate) fn phrase_hashes(key: &[String]) -> Vec<u64> {
    key.iter().map(|w| lower_hash(w.chars())).collect()
}

/// The phrases of two sorted lists without repeats, sorted, each once, with the index of each in
/// `a` when it is there.
fn merge<'a>(a: &'a [Vec<String>], b: &'a [Vec<String>]) -> Vec<(&'a [String], Option<usize>)> {
    use std::cmp::Ordering;
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let (next, take_a, take_b) = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => match x.cmp(y) {
                Ordering::Less => (x, true, false),
                Ordering::Equal => (x, true, true),
                Ordering::Greater => (y, false, true),
            },
            (Some(x), None) => (x, true, false),
            (None, Some(y)) => (y, false, true),
            (None, None) => return out,
        };
        out.push((next.as_slice(), take_a.then_some(i)));
        i += usize::from(take_a);
        j += usize::from(take_b);
    }
}

/// A place as (document, sentence, start, end).
type Place = (usize, usize, usize, usize);

/// Adds the capitalisation findings (uncapped; [`cap`] limits them).
pub(crate) fn check(corpus: &Corpus, _cfg: &ChecksConfig, out: &mut Findings) {
    // Each phrase once (a batch repeats most of them in every article), then in order.
    // With, for each, its index among the first document's phrases when that document was
    // prepared (the official text): its hashes and places were found then.
    let first_prepared = corpus.facts.first().is_some_and(|f| !f.phrase_hashes.is_empty());
    let (keys, prepared): (Vec<&[String]>, Vec<Option<usize>>) = match corpus.facts.as_slice() {
        // Two documents (an article and the official text): their sorted lists merged.
        [a, b] => merge(&a.phrases, &b.phrases)
            .into_iter()
            .map(|(key, at)| (key, at.filter(|_| first_prepared)))
            .unzip(),
        facts => {
            let distinct: rustc_hash::FxHashSet<&[String]> =
                facts.iter().flat_map(|f| f.phrases.iter().map(Vec::as_slice)).collect();
            let mut keys: Vec<&[String]> = distinct.into_iter().collect();
            keys.sort_unstable();
            let prepared = keys.iter().map(|k| facts.first().and_then(|f| f.prepared_phrase(k))).collect();
            (keys, prepared)
        }
    };
    let hashed: Vec<Cow<[u64]>> = keys
        .iter()
        .zip(&prepared)
        .map(|(k, at)| match at {
            Some(at) => Cow::Borrowed(corpus.facts[0].phrase_hashes[*at].as_slice()),
            None => Cow::Owned(phrase_hashes(k)),
        })
        .collect();
    // The phrases by their first two words (a phrase has at least two), which few phrases share.
    let mut by_start: FxHashMap<(u64, u64), Vec<usize>> = FxHashMap::default();
    for (id, key) in hashed.iter().enumerate() {
        by_start.entry(start(key, 0)).or_default().push(id);
    }
    // Places as (document, sentence, start, end): most phrases are written one way only, and only
    // the groups written two ways become `Occ`s with their forms copied.
    let mut found: Vec<Vec<Place>> = vec![Vec::new(); keys.len()];
    let sentences: Vec<Vec<&Sentence>> =
        (0..corpus.docs.len()).map(|d| corpus.sentences(d).map(|(_, s)| s).collect()).collect();
    // Each document's places, (phrase, place) in the order they are found; documents in parallel.
    let places_in = |d: usize| -> Vec<(usize, Place)> {
        let facts = corpus.facts[d];
        let mut out = Vec::new();
        // The phrase `id` at word `k` of sentence `i`: its place when it is written there with a
        // capital.
        let place = |id: usize, i: usize, k: usize| {
            let (s, ws, hashes) = (sentences[d][i], &facts.words[i], &facts.lower_hashes[i]);
            written_at(keys[id], &hashed[id], &s.text, ws, hashes, k)
                .map(|(start, end)| (id, (d, i, start, end)))
        };
        match &facts.word_places {
            // A document checked many times (the official text) has its words indexed.
            Some(places) => {
                for (id, key) in hashed.iter().enumerate() {
                    // Its own phrases were looked up once.
                    let own = if d == 0 { prepared[id] } else { facts.prepared_phrase(keys[id]) };
                    if let Some(found) = own.map(|at| &facts.phrase_places[at]) {
                        out.extend(found.iter().map(|&(i, start, end)| (id, (d, i, start, end))));
                        continue;
                    }
                    for &(i, k) in places.get(&key[0]).map(Vec::as_slice).unwrap_or_default() {
                        out.extend(place(id, i as usize, k as usize));
                    }
                }
            }
            // Otherwise one pass over it finds every phrase's places.
            None => {
                for (i, hashes) in facts.lower_hashes.iter().enumerate() {
                    // The first word of a sentence is skipped: its capital says nothing.
                    for k in 1..hashes.len().saturating_sub(1) {
                        for &id in by_start.get(&start(hashes, k)).map(Vec::as_slice).unwrap_or_default() {
                            out.extend(place(id, i, k));
                        }
                    }
                }
            }
        }
        out
    };
    let per_doc: Vec<Vec<(usize, Place)>> = (0..corpus.docs.len()).into_par_iter().map(places_in).collect();
    for (id, place) in per_doc.into_iter().flatten() {
        found[id].push(place);
    }
    let form = |&(d, i, start, end): &Place| &sentences[d][i].text[start..end];
    let mut groups: Vec<(usize, Vec<Occ>)> = keys
        .iter()
        .zip(found)
        .filter(|(_, places)| places.iter().any(|p| form(p) != form(&places[0])))
        .map(|(key, places)| {
            let occs = places.iter().map(|&(d, i, a, b)| Occ::at(d, i, sentences[d][i], a, b)).collect();
            (key.len(), occs)
        })
        .collect();
    groups.sort_by_key(|(n, _)| *n);
    let mut reported = Spans::default();
    for (_, occs) in groups {
        if occs.iter().all(|o| reported.overlaps(o)) {
            continue;
        }
        occs.iter().for_each(|o| reported.add(o));
        distribute(corpus, occs, out, &|occs| {
            let message = format!("Capitalised differently: {}.", describe_forms(corpus, occs));
            Some(finding(corpus, "capitalisation_variant", Severity::Info, message, occs))
        });
    }
}

/// Keeps the `max` findings with the most places; the last kept one says how many were left out.
pub(crate) fn cap(mut list: Vec<Finding>, max: usize) -> Vec<Finding> {
    list.sort_by_key(|f| std::cmp::Reverse(f.locations.len()));
    let dropped = list.len().saturating_sub(max);
    list.truncate(max);
    if dropped > 0 {
        if let Some(last) = list.last_mut() {
            last.message.push_str(&format!(" ({dropped} more capitalisation variants not listed.)"));
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_two_sorted_phrase_lists_gives_each_phrase_once_in_order_with_its_place_in_the_first() {
        let list = |ps: &[&str]| -> Vec<Vec<String>> {
            ps.iter().map(|p| p.split(' ').map(str::to_string).collect()).collect()
        };
        let a = list(&["a b", "c d", "x y"]);
        let b = list(&["a a", "c d", "z"]);
        let merged: Vec<(String, Option<usize>)> =
            merge(&a, &b).iter().map(|(p, at)| (p.join(" "), *at)).collect();
        let expected = [("a a", None), ("a b", Some(0)), ("c d", Some(1)), ("x y", Some(2)), ("z", None)];
        assert_eq!(merged, expected.map(|(p, at)| (p.to_string(), at)));
    }

    #[test]
    fn the_lower_case_table_hashes_every_character_as_lowering_it_does() {
        use std::hash::Hasher;
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let mut slow = rustc_hash::FxHasher::default();
            lower_slow(c).for_each(|l| slow.write_u32(l as u32));
            assert_eq!(lower_hash(std::iter::once(c)), slow.finish(), "U+{:04X}", c as u32);
        }
        assert_eq!(lower_hash("HÀN QUỐC".chars()), lower_hash("hàn quốc".chars()));
        assert_eq!(lower_hash("ΟΔΟΣ".chars()), lower_hash("οδος".chars()));
    }

    #[test]
    fn every_character_lowercases_to_what_to_lowercase_gives_and_to_nothing_else() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let word = format!("A{c}b");
            let lower = word.to_lowercase();
            assert!(lowercases_to(&word, &lower), "U+{:04X}", c as u32);
            assert!(!lowercases_to(&word, &format!("{lower}x")), "U+{:04X}", c as u32);
            assert!(!lowercases_to(&word, &lower[..lower.len() - 1]), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_word_with_a_sigma_lowercases_as_a_whole() {
        assert!(lowercases_to("ΟΔΟΣ", "οδος"));
        assert!(!lowercases_to("ΟΔΟΣ", "οδοσ"));
        assert!(lowercases_to("ΣΑΣ", "σας"));
        assert!(lowercases_to("Hàn", "hàn"));
        assert!(!lowercases_to("Hàn", "han"));
    }
}
