//! What the naming checks read from one document, read once: the words of every sentence, the
//! acronym definitions and uses, the name-like runs and the capitalised phrases. The official
//! text's facts are read when the aligner is built, so checking an article reads only the article.

use crosscheck_parse::Document;
use rustc_hash::FxHashMap;

use super::word::{sentence_words, Word};
use super::{acronym, capitalisation, name, ChecksConfig};

/// Where words are in a document: by their lower-case hashes, (sentence, word) places.
pub(crate) type WordPlaces = FxHashMap<u64, Vec<(u32, u32)>>;

/// The facts of one document, for the document with index `doc` in a [`super::Corpus`].
#[derive(Debug, Clone, Default)]
pub(crate) struct DocFacts {
    /// The words of each sentence, in document order.
    pub words: Vec<Vec<Word>>,
    /// A hash of each word in lower case ([`capitalisation::lower_hash`]), by sentence.
    pub lower_hashes: Vec<Vec<u64>>,
    /// For a document checked many times ([`DocFacts::prepare`]): where each lower-case word
    /// hash is, as (sentence, word), first words of sentences aside (by single words, not pairs:
    /// an index of pairs would hold nearly one entry per word of a long official text).
    pub word_places: Option<WordPlaces>,
    /// For a document checked many times: where each of its own capitalised phrases (`phrases[k]`
    /// for entry `k`) is written with a capital, as (sentence, start, end), in order (see
    /// [`capitalisation::written_at`]). Empty until [`DocFacts::prepare`].
    pub phrase_places: Vec<Vec<(usize, usize, usize)>>,
    /// For a document checked many times: the [`capitalisation::phrase_hashes`] of each of its
    /// phrases (`phrases[k]` for entry `k`). Empty until [`DocFacts::prepare`].
    pub phrase_hashes: Vec<Vec<u64>>,
    /// Acronym definitions and uses.
    pub acronyms: acronym::DocAcronyms,
    /// Name-like places with their keys.
    pub names: name::DocNames,
    /// Capitalised phrases (lower-cased word lists), sorted, each once.
    pub phrases: Vec<Vec<String>>,
}

impl DocFacts {
    /// Reads the facts of `document`, which is document `doc` of the corpus it will be checked in.
    pub fn read(doc: usize, document: &Document, cfg: &ChecksConfig) -> DocFacts {
        let mut facts = DocFacts::default();
        for (i, (_, s)) in document.sentences().enumerate() {
            let ws = sentence_words(s);
            acronym::read(doc, i, s, cfg, &mut facts.acronyms);
            name::read(doc, i, s, &ws, cfg, &mut facts.names);
            facts.phrases.extend(capitalisation::phrases(&s.text, &ws));
            facts
                .lower_hashes
                .push(ws.iter().map(|w| capitalisation::lower_hash(w.text(&s.text).chars())).collect());
            facts.words.push(ws);
        }
        facts.phrases.sort_unstable();
        facts.phrases.dedup();
        facts
    }

    /// Which of this prepared document's phrases `phrase` is (an index into `phrases`,
    /// `phrase_places` and `phrase_hashes`), if it is one of them.
    pub fn prepared_phrase(&self, phrase: &[String]) -> Option<usize> {
        if self.phrase_hashes.is_empty() {
            return None;
        }
        self.phrases.binary_search_by(|p| p.as_slice().cmp(phrase)).ok()
    }

    /// Indexes what the checks would otherwise recompute on every call, for a document (the
    /// official text) checked with many others.
    pub fn prepare(&mut self, document: &Document, cfg: &ChecksConfig) {
        // Kept for the whole run: no spare room (`words` leaves some).
        self.words.iter_mut().for_each(Vec::shrink_to_fit);
        self.names.prepare(cfg);
        let mut places = WordPlaces::default();
        for (i, hashes) in self.lower_hashes.iter().enumerate() {
            for (k, &h) in hashes.iter().enumerate().skip(1) {
                places.entry(h).or_default().push((i as u32, k as u32));
            }
        }
        let sentences: Vec<&str> = document.sentences().map(|(_, s)| s.text.as_str()).collect();
        self.phrase_hashes = self.phrases.iter().map(|p| capitalisation::phrase_hashes(p)).collect();
        for (phrase, hashed) in self.phrases.iter().zip(&self.phrase_hashes) {
            let found =
                places.get(&hashed[0]).map(Vec::as_slice).unwrap_or_default().iter().filter_map(|&(i, k)| {
                    let (i, k) = (i as usize, k as usize);
                    let (text, ws, hashes) = (sentences[i], &self.words[i], &self.lower_hashes[i]);
                    capitalisation::written_at(phrase, hashed, text, ws, hashes, k).map(|(a, b)| (i, a, b))
                });
            self.phrase_places.push(found.collect());
        }
        self.word_places = Some(places);
    }
}
