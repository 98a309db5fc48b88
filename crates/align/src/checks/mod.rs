//! Consistency checks: acronyms, names, capitalisation, quantities and dates, quotes, and a user's
//! glossary. They read the parsed documents (and, for quantities and quotes, the alignment) and
//! produce [`Finding`]s.
//!
//! A finding is placed once: an inconsistency inside the official text, or one across articles
//! that the official text does not settle, is *shared* (it goes to `Alignment.findings`, citing
//! every place in every document); a difference between one article and the official text, or
//! inside one article, belongs to that article.

pub(crate) mod acronym;
pub(crate) mod capitalisation;
pub(crate) mod facts;
pub(crate) mod glossary;
pub(crate) mod name;
pub(crate) mod quantity;
pub(crate) mod quote;
pub(crate) mod word;

#[cfg(test)]
mod tests;

use compact_str::CompactString;
use crosscheck_parse::{Document, Sentence};
use serde::{Deserialize, Serialize};

use crate::model::{ArticleAlignment, Finding, Location, OfficialText, Severity};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use facts::DocFacts;
pub use glossary::Glossary;

/// Thresholds of the consistency checks (the `[checks]` table of the configuration file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChecksConfig {
    /// Longest acronym, in characters (`ASEAN+3` is 7).
    pub max_acronym_len: usize,
    /// Fewest words a long form must have to be compared with others (shorter ones, like a bare
    /// country name, say too little to call two acronyms the same thing).
    pub min_long_form_words: usize,
    /// Most lower-case words allowed between two capitalised words of a long form, and after its
    /// last capitalised word (`Chương trình cấp phép việc làm`): a longer run ends the phrase.
    pub max_lowercase_run: usize,
    /// Share of letters two acronyms must have in common to be read as spellings of one another
    /// (`KVFTA` and `VKFTA` share all of theirs), from 0 to 1.
    pub acronym_letter_overlap: f64,
    /// Two long forms of one acronym ending in the same words count as one when the shared words
    /// are at least this share of the shorter form (a summit of a forum and the forum).
    pub related_long_form_share: f64,
    /// Longest name, in words, the name checks group.
    pub max_name_words: usize,
    /// Most letter edits between two spellings of a name read as a misspelling of one another.
    pub max_name_edits: usize,
    /// Fewest letters (spaces and hyphens aside) a name must have to be compared for misspellings:
    /// short names one letter apart are usually different names.
    pub min_misspelt_name_len: usize,
    /// Fewest letters the differing part of two spellings must have for a one-letter difference to
    /// read as a misspelling (`myung` / `myng`) rather than two names (`An` / `Anh`).
    pub min_misspelt_part_len: usize,
    /// Most capitalisation findings reported per article and among the shared ones; the rest are
    /// counted in the last one's message.
    pub max_capitalisation_findings: usize,
    /// Largest whole factor between a press amount and its source's that is reported as a possible
    /// split or total (a warning) rather than a contradiction (an error).
    pub max_share_ratio: u32,
    /// Earliest number read as a year.
    pub min_year: i32,
    /// Latest number read as a year.
    pub max_year: i32,
    /// Fewest words a quotation must have to be checked against the official wording (shorter ones
    /// are usually names or scare quotes).
    pub min_quote_words: usize,
    /// Share of a quotation's words the closest official wording must contain, in order, to count
    /// as its source, from 0 to 1.
    pub quote_source_share: f64,
}

impl Default for ChecksConfig {
    fn default() -> Self {
        ChecksConfig {
            max_acronym_len: 10,
            min_long_form_words: 3,
            max_lowercase_run: 5,
            acronym_letter_overlap: 0.75,
            related_long_form_share: 0.6,
            max_name_words: 6,
            max_name_edits: 1,
            min_misspelt_name_len: 8,
            min_misspelt_part_len: 4,
            max_capitalisation_findings: 10,
            max_share_ratio: 4,
            min_year: 1900,
            max_year: 2100,
            min_quote_words: 4,
            quote_source_share: 0.6,
        }
    }
}

/// What the checks found, placed once each.
#[derive(Debug, Clone, Default)]
pub(crate) struct CheckResult {
    /// Findings of each article, in input order.
    pub per_article: Vec<Vec<Finding>>,
    /// Findings inside the official text or across articles.
    pub shared: Vec<Finding>,
}

/// The documents of one run: the official text (if any) and the articles, with their facts
/// (`facts[d]` read for document `d`).
pub(crate) struct Corpus<'a> {
    pub docs: Vec<&'a Document>,
    pub facts: Vec<&'a DocFacts>,
    pub official: Option<usize>,
}

impl<'a> Corpus<'a> {
    /// Every sentence of document `d` with its index in the document.
    pub fn sentences(&self, d: usize) -> impl Iterator<Item = (usize, &'a Sentence)> {
        self.docs[d].sentences().map(|(_, s)| s).enumerate()
    }

    pub fn is_official(&self, d: usize) -> bool {
        self.official == Some(d)
    }
}

/// One place a variant is written.
#[derive(Debug, Clone)]
pub(crate) struct Occ {
    pub doc: usize,
    /// As written (kept inline up to 24 bytes: an article has a place for every run of its
    /// capitalised words).
    pub form: CompactString,
    pub line: usize,
    /// Sentence index in the document and byte range in its text (for overlap tests).
    pub sentence: usize,
    pub span: [usize; 2],
}

impl Occ {
    pub fn at(doc: usize, sentence: usize, s: &Sentence, start: usize, end: usize) -> Occ {
        Occ {
            doc,
            form: CompactString::from(&s.text[start..end]),
            line: s.line_at(start),
            sentence,
            span: [start, end],
        }
    }
}

/// Byte ranges of places, by document and sentence, for overlap tests.
#[derive(Debug, Default)]
pub(crate) struct Spans(FxHashMap<(usize, usize), Vec<[usize; 2]>>);

impl Spans {
    pub fn of(occs: &[Occ]) -> Spans {
        let mut s = Spans::default();
        occs.iter().for_each(|o| s.add(o));
        s
    }

    pub fn add(&mut self, o: &Occ) {
        self.0.entry((o.doc, o.sentence)).or_default().push(o.span);
    }

    fn at(&self, o: &Occ) -> &[[usize; 2]] {
        self.0.get(&(o.doc, o.sentence)).map(Vec::as_slice).unwrap_or_default()
    }

    /// True when a range overlaps the place.
    pub fn overlaps(&self, o: &Occ) -> bool {
        self.at(o).iter().any(|s| s[0] < o.span[1] && o.span[0] < s[1])
    }

    /// True when a range lies inside the place.
    pub fn inside(&self, o: &Occ) -> bool {
        self.at(o).iter().any(|s| o.span[0] <= s[0] && s[1] <= o.span[1])
    }
}

/// Findings as they are being collected: one list per document (the official's own list ends up
/// shared) and the shared list.
#[derive(Debug, Clone)]
pub(crate) struct Findings {
    pub per_doc: Vec<Vec<Finding>>,
    pub shared: Vec<Finding>,
}

impl Findings {
    pub fn new(docs: usize) -> Findings {
        Findings { per_doc: vec![Vec::new(); docs], shared: Vec::new() }
    }

    /// Puts a finding about documents `docs` in its place.
    pub fn push(&mut self, corpus: &Corpus, docs: &[usize], finding: Finding) {
        match docs {
            [d] if !corpus.is_official(*d) => self.per_doc[*d].push(finding),
            _ => self.shared.push(finding),
        }
    }
}

/// The variants of `occs` in order (official first, then by document and place), each once.
pub(crate) fn variants(occs: &[Occ]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in occs {
        if !out.iter().any(|v| *v == o.form) {
            out.push(o.form.to_string());
        }
    }
    out
}

/// Every place of `occs`, sorted and each once.
pub(crate) fn locations(corpus: &Corpus, occs: &[Occ]) -> Vec<Location> {
    let mut locs: Vec<(usize, usize)> = occs.iter().map(|o| (o.doc, o.line)).collect();
    locs.sort_unstable();
    locs.dedup();
    locs.into_iter().map(|(d, line)| Location { path: corpus.docs[d].path.clone(), line }).collect()
}

/// `path:line, line, …` for a message.
pub(crate) fn cite(corpus: &Corpus, occs: &[&Occ]) -> String {
    let mut by_doc: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut sorted: Vec<(usize, usize)> = occs.iter().map(|o| (o.doc, o.line)).collect();
    sorted.sort_unstable();
    sorted.dedup();
    for (d, line) in sorted {
        match by_doc.last_mut() {
            Some((last, lines)) if *last == d => lines.push(line),
            _ => by_doc.push((d, vec![line])),
        }
    }
    by_doc
        .iter()
        .map(|(d, lines)| {
            let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
            format!("{}:{}", corpus.docs[*d].path, lines.join(","))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `'A' (file:1,2) and 'B' (file:3)` for a message.
pub(crate) fn describe_forms(corpus: &Corpus, occs: &[Occ]) -> String {
    let parts: Vec<String> = variants(occs)
        .iter()
        .map(|v| {
            let at: Vec<&Occ> = occs.iter().filter(|o| o.form == *v).collect();
            format!("'{v}' ({})", cite(corpus, &at))
        })
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

/// Turns a group of spellings of one thing into findings, placed as the module overview says:
/// variants inside the official text → one shared finding; an article that writes it differently
/// from the official text → a finding for that article (official places plus its own); variants
/// among articles the official text does not have → shared (or the article's own when only one
/// article is involved).
pub(crate) fn distribute(
    corpus: &Corpus,
    mut occs: Vec<Occ>,
    out: &mut Findings,
    make: &dyn Fn(&[Occ]) -> Option<Finding>,
) {
    occs.sort_by(|a, b| {
        (rank(corpus, a.doc), a.line, a.span[0]).cmp(&(rank(corpus, b.doc), b.line, b.span[0]))
    });
    if variants(&occs).len() < 2 {
        return;
    }
    let mut forms_of: FxHashMap<usize, Vec<&str>> = FxHashMap::default();
    for o in &occs {
        let forms = forms_of.entry(o.doc).or_default();
        if !forms.contains(&o.form.as_str()) {
            forms.push(&o.form);
        }
    }
    let mut docs: Vec<usize> = forms_of.keys().copied().collect();
    docs.sort_by_key(|&d| rank(corpus, d));
    let official_forms = corpus.official.and_then(|o| forms_of.get(&o));
    match official_forms {
        Some(forms) if forms.len() == 1 => {
            let official = corpus.official.unwrap_or_default();
            for &d in docs.iter().filter(|&&d| d != official) {
                if forms_of[&d].iter().all(|f| *f == forms[0]) {
                    continue;
                }
                let part: Vec<Occ> =
                    occs.iter().filter(|o| o.doc == official || o.doc == d).cloned().collect();
                if let Some(f) = make(&part) {
                    out.push(corpus, &[d], f);
                }
            }
        }
        _ => {
            if let Some(f) = make(&occs) {
                out.push(corpus, &docs, f);
            }
        }
    }
}

/// Sort rank of a document: the official text first, then the rest in order.
fn rank(corpus: &Corpus, d: usize) -> (bool, usize) {
    (!corpus.is_official(d), d)
}

/// A finding with every field filled from a group of places.
pub(crate) fn finding(
    corpus: &Corpus,
    kind: &str,
    severity: Severity,
    message: String,
    occs: &[Occ],
) -> Finding {
    Finding {
        kind: kind.to_string(),
        severity,
        message,
        variants: variants(occs),
        locations: locations(corpus, occs),
    }
}

/// The naming checks (acronyms, names, capitalisation, glossary) over the documents of a run.
pub(crate) fn naming(corpus: &Corpus, glossary: Option<&Glossary>, cfg: &ChecksConfig) -> Findings {
    let mut out = Findings::new(corpus.docs.len());
    acronym::check(corpus, cfg, &mut out);
    name::check(corpus, cfg, &mut out);
    let mut caps = Findings::new(corpus.docs.len());
    capitalisation::check(corpus, cfg, &mut caps);
    for (d, list) in caps.per_doc.into_iter().enumerate() {
        out.per_doc[d].extend(capitalisation::cap(list, cfg.max_capitalisation_findings));
    }
    out.shared.extend(capitalisation::cap(caps.shared, cfg.max_capitalisation_findings));
    if let Some(g) = glossary {
        g.apply(corpus, &mut out);
    }
    out
}

/// The official text's side of the checks, read once when the aligner is built.
#[derive(Debug, Clone)]
pub(crate) struct OfficialChecks {
    /// The naming facts of the official text as document 0 of a corpus.
    facts: DocFacts,
    /// The amounts, dates and years of every official sentence.
    values: quantity::OfficialValues,
}

impl OfficialChecks {
    /// Reads the official text.
    pub fn new(official: &Document, text: &OfficialText, cfg: &ChecksConfig) -> OfficialChecks {
        let mut facts = DocFacts::read(0, official, cfg);
        facts.prepare(official, cfg);
        OfficialChecks { facts, values: quantity::OfficialValues::new(official, text, cfg) }
    }
}

/// Every check for one official text (read beforehand into `prepared`) and its aligned articles.
pub(crate) fn check(
    official: &Document,
    prepared: &OfficialChecks,
    text: &OfficialText,
    articles: &[(&Document, &ArticleAlignment)],
    glossary: Option<&Glossary>,
    cfg: &ChecksConfig,
) -> CheckResult {
    let mut docs = vec![official];
    docs.extend(articles.iter().map(|(d, _)| *d));
    let article_facts: Vec<DocFacts> = if articles.len() > 1 {
        articles.par_iter().enumerate().map(|(i, (doc, _))| DocFacts::read(i + 1, doc, cfg)).collect()
    } else {
        articles.iter().enumerate().map(|(i, (doc, _))| DocFacts::read(i + 1, doc, cfg)).collect()
    };
    let mut facts = vec![&prepared.facts];
    facts.extend(&article_facts);
    let corpus = Corpus { docs, facts, official: Some(0) };
    let mut found = naming(&corpus, glossary, cfg);
    let per_article: Vec<Vec<Finding>> = articles
        .par_iter()
        .map(|(doc, alignment)| {
            let mut list = quantity::check(&prepared.values, doc, alignment, cfg);
            list.extend(quote::check(official, text, doc, alignment, cfg));
            list
        })
        .collect();
    for (i, list) in per_article.into_iter().enumerate() {
        found.per_doc[i + 1].extend(list);
    }
    let mut shared = found.shared;
    shared.append(&mut found.per_doc[0]);
    CheckResult { per_article: found.per_doc.into_iter().skip(1).collect(), shared }
}

/// What the checks extract from one document, for `crosscheck terms`.
#[derive(Debug, Clone, Serialize)]
pub struct Terms {
    /// The document's path.
    pub path: String,
    /// Acronyms with their long forms where the document defines them.
    pub acronyms: Vec<TermEntry>,
    /// Capitalised multi-word names.
    pub names: Vec<TermEntry>,
    /// Amounts, percentages, years, dates and date ranges, with their normalised values.
    pub quantities: Vec<TermEntry>,
}

/// One extracted term.
#[derive(Debug, Clone, Serialize)]
pub struct TermEntry {
    /// As written.
    pub text: String,
    /// The long form of an acronym, or the normalised value of a quantity; empty for a name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// Lines where it is written.
    pub lines: Vec<usize>,
}

/// Adds `line` to the entry for `text` (creating it), keeping first-seen order.
pub(crate) fn add_term(list: &mut Vec<TermEntry>, text: &str, detail: String, line: usize) {
    match list.iter_mut().find(|e| e.text == text && e.detail == detail) {
        Some(e) => {
            if !e.lines.contains(&line) {
                e.lines.push(line);
            }
        }
        None => list.push(TermEntry { text: text.to_string(), detail, lines: vec![line] }),
    }
}

/// The acronyms, names and quantities of one document.
pub fn terms(doc: &Document, cfg: &ChecksConfig) -> Terms {
    let facts = DocFacts::read(0, doc, cfg);
    let corpus = Corpus { docs: vec![doc], facts: vec![&facts], official: None };
    Terms {
        path: doc.path.clone(),
        acronyms: acronym::terms(&corpus, cfg),
        names: name::terms(&corpus, cfg),
        quantities: quantity::terms(doc, cfg),
    }
}

/// The naming findings (acronyms, names, capitalisation, glossary) across documents that have not
/// been aligned. `official` is the index of the official text among `docs`, if one is.
pub fn check_documents(
    docs: &[Document],
    official: Option<usize>,
    glossary: Option<&Glossary>,
    cfg: &ChecksConfig,
) -> Vec<Finding> {
    let facts: Vec<DocFacts> =
        docs.par_iter().enumerate().map(|(d, doc)| DocFacts::read(d, doc, cfg)).collect();
    let corpus = Corpus { docs: docs.iter().collect(), facts: facts.iter().collect(), official };
    let found = naming(&corpus, glossary, cfg);
    let mut all = found.shared;
    for list in found.per_doc {
        all.extend(list);
    }
    all
}
