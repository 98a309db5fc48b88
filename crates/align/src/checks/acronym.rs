//! Acronyms: definitions (`Long form (ABC)`, `ABC (long form)`), a registry keyed by the normalised
//! long form, and the findings: one long form with several acronyms (`acronym_conflict`), one
//! acronym with unrelated long forms (`acronym_redefined`), an acronym an article uses that the
//! official text neither defines nor uses (`acronym_undefined`, info; currency codes and the source
//! a sentence credits are not acronyms to define).
//!
//! The long form of `Long form (ABC)` is found in two ways. When the acronym's letters can be read,
//! in order, in the words before the parenthesis with its first letter starting the first word
//! (English: `Free Trade Agreement (FTA)`), the shortest such run of words is the long form. When
//! they cannot (a Vietnamese name with an English acronym), the long form is the capitalised noun
//! phrase before the parenthesis: it runs back over capitalised words and short runs of lower-case
//! ones, stops at punctuation or a long lower-case run, and starts at the first capitalised word
//! whose word and the next begin with the acronym's first two letters (`Viện Khoa học … (VKIST)`),
//! else at the first capitalised word followed by a lower-case one (a head noun such as
//! `Hiệp định`, `Ủy ban`), else at its first capitalised word. Every other capitalised start inside it is kept as a candidate: when one
//! equals the long form another definition gives a similarly spelled acronym, that is the long form
//! (`Joint Committee of the Agreement … (FTAEU)` names the agreement another sentence calls EUFTA).

use std::borrow::Cow;

use crosscheck_parse::{fold, is_letter_or_digit, Sentence};
use rustc_hash::{FxHashMap, FxHashSet};

use super::word::{phrase_key, words, Word};
use super::{
    add_term, cite, describe_forms, distribute, finding, ChecksConfig, Corpus, Findings, Occ, TermEntry,
};
use crate::model::Severity;

/// True for a word that reads as an acronym: 2 to `max` characters, starting with a capital, at
/// least two capitals and more capitals than small letters, letters, digits, `+` and `&` only, and
/// not a Roman numeral.
pub(crate) fn is_acronym(s: &str, max: usize) -> bool {
    if !s.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Most words with a capital have one: settled by counting, before the characters are tested.
    let (mut n, mut upper, mut lower) = (0, 0, 0);
    for c in s.chars() {
        n += 1;
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    (2..=max).contains(&n)
        && upper >= 2
        && lower < upper
        && s.chars().all(|c| c.is_alphanumeric() || c == '+' || c == '&')
        && !s.chars().all(|c| "IVXLCDM".contains(c))
}

/// Acronym-like tokens of a text with their byte ranges (letters, digits, `+`, `&`).
pub(crate) fn acronym_tokens(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The start of the token being read, and whether it starts with a capital.
    let mut start: Option<(usize, bool)> = None;
    let mut end = |s: usize, capital: bool, i: usize| {
        // Most words do not start with a capital: settle those before counting letters.
        if capital && is_acronym(&text[s..i], max) {
            out.push((s, i));
        }
    };
    for (i, c) in text.char_indices() {
        match (start, is_acronym_char(c)) {
            (None, true) => start = Some((i, c.is_uppercase())),
            (Some((s, capital)), false) => {
                end(s, capital, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some((s, capital)) = start {
        end(s, capital, text.len());
    }
    out
}

/// True for the characters of an acronym-like token.
fn is_acronym_char(c: char) -> bool {
    is_letter_or_digit(c) || c == '+' || c == '&'
}

/// The acronym-like token that ends `text`, if there is one (without scanning the rest of it).
fn trailing_acronym(text: &str, max: usize) -> Option<(usize, usize)> {
    let start =
        text.char_indices().rev().find(|&(_, c)| !is_acronym_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
    (start < text.len() && is_acronym(&text[start..], max)).then_some((start, text.len()))
}

/// Words a spelled-out long form may have beyond one per letter of its acronym (Schwartz and
/// Hearst's window: `Association of Southeast Asian Nations` for ASEAN).
const LETTER_MATCH_EXTRA_WORDS: usize = 5;
/// Share of an acronym's letters that must start words of a spelled-out long form, so a
/// Vietnamese phrase whose letters happen to contain the acronym is not taken for one.
const MIN_INITIALS_SHARE: f64 = 0.5;
/// Fewest words in capitals for a sentence to be a title in capitals rather than acronyms.
const MIN_SHOUTED_WORDS: usize = 3;
/// Fewest words in capitals opening a sentence for them to be its title (`JOINT STATEMENT …`);
/// one alone is an acronym (`ASEAN and …`).
const MIN_TITLE_WORDS: usize = 2;

/// True when most words of the text, and at least three, are in capitals (a title or a headline
/// in capitals).
fn shouting(text: &str) -> bool {
    let (mut words, mut capitals) = (0, 0);
    for w in text.split_whitespace() {
        // A word in small letters, most of them, is settled by its first letter (by its first byte
        // when that is ASCII).
        if w.as_bytes()[0].is_ascii_lowercase() || w.chars().any(char::is_lowercase) {
            words += 1;
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        words += usize::from(letters > 0);
        capitals += usize::from(letters >= 2);
    }
    capitals >= MIN_SHOUTED_WORDS && capitals * 2 > words
}

/// Where a title in capitals opening the sentence ends (`JOINT STATEMENT between …`): two or more
/// words in capitals at its start; 0 when there is none.
fn title_end(text: &str) -> usize {
    let mut end = 0;
    let mut count = 0;
    for w in text.split_whitespace() {
        let capitals =
            !w.chars().any(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        if !capitals {
            break;
        }
        count += 1;
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        end = start + w.len();
    }
    if count >= MIN_TITLE_WORDS {
        end
    } else {
        0
    }
}

/// A long form as written and its key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LongForm {
    pub text: String,
    pub key: String,
    pub start: usize,
    pub words: usize,
    /// The line its first word is on.
    pub line: usize,
}

/// One definition of an acronym.
#[derive(Debug, Clone)]
pub(crate) struct Definition {
    pub acronym: String,
    /// The long form, when one could be read.
    pub long: Option<LongForm>,
    /// Shorter readings of the long form (for `Long form (ABC)`), longest first.
    pub candidates: Vec<LongForm>,
    /// Where the long form is written.
    pub long_occ: Option<Occ>,
}

/// Definitions in one sentence.
pub(crate) fn definitions(doc: usize, idx: usize, s: &Sentence, cfg: &ChecksConfig) -> Vec<Definition> {
    let text = &s.text;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| i + from) {
        let Some(close) = text[open..].find(')').map(|i| i + open) else { break };
        from = close + 1;
        let inner = text[open + 1..close].trim();
        let parts: Vec<&str> = inner.split_whitespace().collect();
        let numeric = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        let acronym_parts: Vec<&str> = parts.iter().copied().take_while(|p| !numeric(p)).collect();
        let is_def = !acronym_parts.is_empty()
            && acronym_parts.iter().all(|p| is_acronym(p, cfg.max_acronym_len))
            && parts.iter().skip(acronym_parts.len()).all(|p| numeric(p));
        if is_def {
            let acronym = acronym_parts.join(" ");
            let (mut long, mut candidates) = long_form_before(text, open, &acronym, cfg);
            for l in long.iter_mut().chain(candidates.iter_mut()) {
                l.line = s.line_at(l.start);
            }
            let long_occ = long.as_ref().map(|l| Occ::at(doc, idx, s, l.start, l.start + l.text.len()));
            out.push(Definition { acronym, long, candidates, long_occ });
            continue;
        }
        // `ABC (long form)`.
        let before = text[..open].trim_end();
        let Some((a, b)) = trailing_acronym(before, cfg.max_acronym_len) else { continue };
        let starts_upper = inner.chars().next().is_some_and(char::is_uppercase);
        if b == before.len() && starts_upper && parts.len() >= 2 {
            let start = open + 1 + (text[open + 1..close].len() - text[open + 1..close].trim_start().len());
            let long = LongForm {
                text: inner.to_string(),
                key: phrase_key(inner),
                start,
                words: parts.len(),
                line: s.line_at(start),
            };
            let long_occ = Some(Occ::at(doc, idx, s, start, start + inner.len()));
            out.push(Definition {
                acronym: text[a..b].to_string(),
                long: Some(long),
                candidates: Vec::new(),
                long_occ,
            });
        }
    }
    out
}

/// True when the acronym's letters (folded, `letters`) can be read in order in the folded long form
/// `lf`, the first starting it, with at least half of them starting words.
fn letters_match(letters: &[char], lf: &[char]) -> bool {
    if letters.is_empty() || lf.first() != letters.first() {
        return false;
    }
    let mut j = lf.len();
    let mut initials = 0;
    for (k, &c) in letters.iter().enumerate().rev() {
        loop {
            if j == 0 {
                return false;
            }
            j -= 1;
            let at_start = j == 0 || !lf[j - 1].is_alphanumeric();
            if lf[j] == c && (k > 0 || j == 0) {
                initials += usize::from(at_start);
                break;
            }
        }
    }
    j == 0 && initials as f64 >= MIN_INITIALS_SHARE * letters.len() as f64
}

/// The long form before the parenthesis at `open`, and its other candidate readings.
fn long_form_before(
    text: &str,
    open: usize,
    acronym: &str,
    cfg: &ChecksConfig,
) -> (Option<LongForm>, Vec<LongForm>) {
    let boundary =
        |c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”' | '!' | '?' | '…');
    let seg_start =
        text[..open].rfind(boundary).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let seg = &text[seg_start..open];
    let ws: Vec<Word> = words(seg);
    if ws.is_empty() {
        return (None, Vec::new());
    }
    let make = |from: usize| {
        let (a, b) = (ws[from].start(), ws[ws.len() - 1].end());
        LongForm {
            text: seg[a..b].to_string(),
            key: phrase_key(&seg[a..b]),
            start: seg_start + a,
            words: ws.len() - from,
            line: 0,
        }
    };
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    // The runs of the last words, longest first within the window, read as one folded text: a run
    // from word `s` is its tail from `from[s]` (folding is done character by character).
    let first = ws.len().saturating_sub(letters + LETTER_MATCH_EXTRA_WORDS);
    let end = ws[ws.len() - 1].end();
    let mut folded = String::new();
    let mut from: Vec<usize> = Vec::with_capacity(ws.len() - first);
    let mut chars: Vec<char> = Vec::new();
    for s in first..ws.len() {
        from.push(chars.len());
        let next = ws.get(s + 1).map_or(end, |w| w.start());
        folded.clear();
        crosscheck_parse::fold_into(&seg[ws[s].start()..next], &mut folded);
        chars.extend(folded.chars());
    }
    let acronym_letters: Vec<char> = fold(acronym).chars().filter(|c| c.is_alphabetic()).collect();
    for s in (first..ws.len()).rev() {
        if letters_match(&acronym_letters, &chars[from[s - first]..]) {
            return (Some(make(s)), Vec::new());
        }
    }
    let sentence_initial = seg_start == 0 && ws.len() > 1 && !ws[1].is_capitalised(seg);
    let cap = |i: usize| ws[i].is_capitalised(seg) && !(i == 0 && sentence_initial);
    let Some(last_cap) = (0..ws.len()).rev().find(|&i| cap(i)) else { return (None, Vec::new()) };
    if ws.len() - 1 - last_cap > cfg.max_lowercase_run {
        return (None, Vec::new());
    }
    let mut first = last_cap;
    let mut run = 0;
    for i in (0..last_cap).rev() {
        if cap(i) {
            if run > cfg.max_lowercase_run {
                break;
            }
            first = i;
            run = 0;
        } else {
            run += 1;
        }
    }
    let heads: Vec<usize> =
        (first..=last_cap).filter(|&i| cap(i) && (i == first || !cap(i - 1) || !ws[i].joined)).collect();
    let initials: Vec<char> = fold(acronym).chars().filter(|c| c.is_alphabetic()).take(2).collect();
    let initial = |i: usize| fold(ws[i].text(seg)).chars().next();
    let spelled = |h: usize| {
        initials.len() == 2
            && h + 1 < ws.len()
            && initial(h) == Some(initials[0])
            && initial(h + 1) == Some(initials[1])
    };
    let primary = heads
        .iter()
        .copied()
        .find(|&h| spelled(h))
        .or_else(|| heads.iter().copied().find(|&h| h + 1 < ws.len() && !cap(h + 1) && ws[h + 1].joined))
        .unwrap_or(first);
    let candidates = heads.iter().copied().filter(|&h| h > primary).map(make).collect();
    (Some(make(primary)), candidates)
}

/// Share of letters two acronyms have in common (as multisets), from 0 to 1.
fn letter_overlap(a: &str, b: &str) -> f64 {
    let mut rest: Vec<char> = b.chars().collect();
    let mut common = 0;
    for c in a.chars() {
        if let Some(i) = rest.iter().position(|&r| r == c) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    let total = a.chars().count() + b.chars().count();
    if total == 0 {
        0.0
    } else {
        2.0 * common as f64 / total as f64
    }
}

/// True when two long forms of one acronym name the same thing: equal, one ending the other, or
/// ending in the same words for at least `share` of the shorter.
fn related(a: &str, b: &str, share: f64) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let common = wa.iter().rev().zip(wb.iter().rev()).take_while(|(x, y)| x == y).count();
    let shorter = wa.len().min(wb.len());
    common == shorter || common as f64 >= share * shorter as f64
}

/// The acronym definitions and uses of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocAcronyms {
    defs: Vec<Definition>,
    /// Every written occurrence (definitions included), in order.
    uses: Vec<(String, Occ)>,
}

/// Reads the definitions and uses of sentence `i` of document `d`.
pub(crate) fn read(d: usize, i: usize, s: &Sentence, cfg: &ChecksConfig, out: &mut DocAcronyms) {
    // A dateline's `PLACE (AGENCY)` defines nothing.
    let defs_here = if s.role.is_content() { definitions(d, i, s, cfg) } else { Vec::new() };
    let title = title_end(&s.text);
    let uses: Vec<(usize, usize)> =
        acronym_tokens(&s.text, cfg.max_acronym_len).into_iter().filter(|&(a, _)| a >= title).collect();
    // A title in capitals is not a row of acronyms (asked only of a sentence that has some: most
    // have none).
    if (defs_here.is_empty() && uses.is_empty()) || shouting(&s.text) {
        return;
    }
    for def in defs_here {
        if def.acronym.contains(' ') {
            let mut from = 0;
            while let Some(p) = s.text[from..].find(&def.acronym).map(|p| p + from) {
                out.uses.push((def.acronym.clone(), Occ::at(d, i, s, p, p + def.acronym.len())));
                from = p + def.acronym.len();
            }
        }
        out.defs.push(def);
    }
    for (a, b) in uses {
        out.uses.push((s.text[a..b].to_string(), Occ::at(d, i, s, a, b)));
    }
}

/// Every acronym definition and use in the corpus.
struct Registry<'a> {
    /// Definitions by document, borrowed from the documents' facts unless the registry gave them
    /// another long form.
    defs: Vec<(usize, Cow<'a, Definition>)>,
    /// Uses (every written occurrence, definitions included) by acronym.
    uses: FxHashMap<&'a str, Vec<&'a Occ>>,
}

fn registry<'a>(corpus: &Corpus<'a>, cfg: &ChecksConfig) -> Registry<'a> {
    let mut defs = Vec::new();
    let mut uses: FxHashMap<&'a str, Vec<&'a Occ>> = FxHashMap::default();
    for (d, facts) in corpus.facts.iter().enumerate() {
        defs.extend(facts.acronyms.defs.iter().map(|def| (d, Cow::Borrowed(def))));
        for (acronym, occ) in &facts.acronyms.uses {
            uses.entry(acronym.as_str()).or_default().push(occ);
        }
    }
    // A shorter reading that is exactly what a similarly spelled acronym stands for elsewhere is
    // what this one stands for too.
    // The acronyms each long form is given (a batch has thousands of definitions: look them up).
    let mut primaries: FxHashMap<&'a str, Vec<&'a str>> = FxHashMap::default();
    for def in corpus.facts.iter().flat_map(|f| &f.acronyms.defs) {
        if let Some(l) = &def.long {
            let acronyms = primaries.entry(l.key.as_str()).or_default();
            if !acronyms.contains(&def.acronym.as_str()) {
                acronyms.push(def.acronym.as_str());
            }
        }
    }
    for (_, def) in defs.iter_mut() {
        let found = def.candidates.iter().find(|c| {
            c.words >= cfg.min_long_form_words
                && primaries.get(c.key.as_str()).is_some_and(|acronyms| {
                    acronyms.iter().any(|acr| letter_overlap(acr, &def.acronym) >= cfg.acronym_letter_overlap)
                })
        });
        if let Some(c) = found.cloned() {
            let def = def.to_mut();
            if let Some(occ) = def.long_occ.as_mut() {
                occ.form = c.text.as_str().into();
                occ.span[0] = c.start;
                occ.line = c.line;
            }
            def.long = Some(c);
        }
    }
    Registry { defs, uses }
}

/// Adds the acronym findings.
pub(crate) fn check(corpus: &Corpus, cfg: &ChecksConfig, out: &mut Findings) {
    let reg = registry(corpus, cfg);
    // One long form, several acronyms.
    let mut by_key: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut slot: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, def) in &reg.defs {
        let Some(long) = def.long.as_ref().filter(|l| l.words >= cfg.min_long_form_words) else { continue };
        match slot.get(long.key.as_str()) {
            Some(&k) => {
                let acrs = &mut by_key[k].2;
                if !acrs.contains(&def.acronym) {
                    acrs.push(def.acronym.clone());
                }
            }
            None => {
                slot.insert(&long.key, by_key.len());
                by_key.push((long.key.clone(), long.text.clone(), vec![def.acronym.clone()]));
            }
        }
    }
    // Acronyms already in a conflict or a redefinition are not reported again as undefined.
    let mut settled: FxHashSet<String> = FxHashSet::default();
    for (_, text, acrs) in by_key.iter().filter(|(_, _, a)| a.len() >= 2) {
        settled.extend(acrs.iter().cloned());
        let occs: Vec<Occ> = acrs
            .iter()
            .flat_map(|a| reg.uses.get(a.as_str()).into_iter().flatten().map(|&o| o.clone()))
            .collect();
        distribute(corpus, occs, out, &|occs| {
            let message = format!(
                "'{text}' is given {} different acronyms: {}. Use one.",
                super::variants(occs).len(),
                describe_forms(corpus, occs)
            );
            Some(finding(corpus, "acronym_conflict", Severity::Warning, message, occs))
        });
    }
    // One acronym, unrelated long forms.
    let mut defs_of: FxHashMap<&str, Vec<&Definition>> = FxHashMap::default();
    for (_, def) in &reg.defs {
        defs_of.entry(def.acronym.as_str()).or_default().push(def);
    }
    let mut acronyms: Vec<&str> = defs_of.keys().copied().collect();
    acronyms.sort_unstable();
    for acr in acronyms {
        // One definition is one long form.
        if defs_of[acr].len() < 2 {
            continue;
        }
        let mut clusters: Vec<String> = Vec::new();
        let mut occs = Vec::new();
        for def in &defs_of[acr] {
            let (Some(long), Some(occ)) = (&def.long, &def.long_occ) else { continue };
            let rep = match clusters
                .iter()
                .find(|c| related(&phrase_key(c), &long.key, cfg.related_long_form_share))
            {
                Some(c) => c.clone(),
                None => {
                    clusters.push(long.text.clone());
                    long.text.clone()
                }
            };
            let mut occ = occ.clone();
            occ.form = rep.into();
            occs.push(occ);
        }
        if clusters.len() < 2 {
            continue;
        }
        settled.insert(acr.to_string());
        distribute(corpus, occs, out, &|occs| {
            let message = format!(
                "'{acr}' stands for different things: {}. Check which one is meant.",
                describe_forms(corpus, occs)
            );
            Some(finding(corpus, "acronym_redefined", Severity::Warning, message, occs))
        });
    }
    // Acronyms an article uses that the official text neither defines nor uses.
    let Some(official) = corpus.official else { return };
    // Each document's sentences, listed when an acronym first needs them.
    let listed = std::cell::OnceCell::new();
    let sentences = || -> &Vec<Vec<&Sentence>> {
        listed.get_or_init(|| {
            (0..corpus.docs.len()).map(|d| corpus.sentences(d).map(|(_, s)| s).collect()).collect()
        })
    };
    let known: FxHashSet<&str> = reg
        .uses
        .iter()
        .filter(|(_, occs)| occs.iter().any(|o| o.doc == official))
        .map(|(a, _)| *a)
        .chain(reg.defs.iter().filter(|(d, _)| *d == official).map(|(_, def)| def.acronym.as_str()))
        .collect();
    let mut unknown: Vec<(&str, Vec<Occ>)> = reg
        .uses
        .iter()
        .filter(|(a, _)| !known.contains(*a) && !settled.contains(**a))
        .filter(|(a, _)| super::quantity::currency(a).is_none())
        .map(|(a, occs)| {
            let occs = occs
                .iter()
                .filter(|o| o.doc != official && content_use(sentences(), o))
                .map(|&o| o.clone())
                .collect::<Vec<_>>();
            (*a, occs)
        })
        .filter(|(_, occs)| !occs.is_empty())
        .collect();
    unknown.sort_by(|a, b| a.0.cmp(b.0));
    for (acr, occs) in unknown {
        let mut docs: Vec<usize> = occs.iter().map(|o| o.doc).collect();
        docs.dedup();
        for d in docs {
            let mine: Vec<Occ> = occs.iter().filter(|o| o.doc == d).cloned().collect();
            let refs: Vec<&Occ> = mine.iter().collect();
            let message = format!(
                "'{acr}' ({}) is neither defined nor used in the official text ({}).",
                cite(corpus, &refs),
                corpus.docs[official].path
            );
            out.push(corpus, &[d], finding(corpus, "acronym_undefined", Severity::Info, message, &mine));
        }
    }
}

/// True when the occurrence is in a content sentence and is not the source the sentence credits.
fn content_use(sentences: &[Vec<&Sentence>], o: &Occ) -> bool {
    sentences[o.doc]
        .get(o.sentence)
        .is_some_and(|s| s.role.is_content() && s.attribution.as_deref() != Some(o.form.as_str()))
}

/// The acronyms of a one-document corpus, with their long forms where defined.
pub(crate) fn terms(corpus: &Corpus, cfg: &ChecksConfig) -> Vec<TermEntry> {
    let reg = registry(corpus, cfg);
    let mut out = Vec::new();
    for (_, def) in &reg.defs {
        let line = def.long_occ.as_ref().map_or(0, |o| o.line);
        let long = def.long.as_ref().map(|l| l.text.clone()).unwrap_or_default();
        let line = reg.uses.get(def.acronym.as_str()).and_then(|u| u.first()).map_or(line, |o| o.line);
        add_term(&mut out, &def.acronym, long, line);
    }
    let mut rest: Vec<(&&str, &Vec<&Occ>)> =
        reg.uses.iter().filter(|(a, _)| !reg.defs.iter().any(|(_, d)| &d.acronym == *a)).collect();
    rest.sort_by_key(|(_, occs)| occs.first().map(|o| o.line));
    for (acr, occs) in rest {
        for o in occs {
            add_term(&mut out, acr, String::new(), o.line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_parse::{Kind, Parser};

    fn defs(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Parser::builder().kind(Kind::Official).build().parse_str("t.txt", text).unwrap();
        let cfg = ChecksConfig::default();
        doc.sentences()
            .enumerate()
            .flat_map(|(i, (_, s))| definitions(0, i, s, &cfg))
            .map(|d| (d.acronym, d.long.map(|l| l.text)))
            .collect()
    }

    #[test]
    fn long_forms_are_read_in_english_and_vietnamese() {
        let cases: &[(&str, &str, &str)] = &[
            ("The sides praised the Korea-Vietnam Free Trade Agreement (KVFTA) today.", "KVFTA", "Korea-Vietnam Free Trade Agreement"),
            ("They met at the World Trade Organization (WTO) in Geneva.", "WTO", "World Trade Organization"),
            ("They also met at the WTO (World Trade Organization) later.", "WTO", "World Trade Organization"),
            ("Hai bên đánh giá Hiệp định Thương mại Tự do Việt Nam - Hàn Quốc (KVFTA) là quan trọng.", "KVFTA", "Hiệp định Thương mại Tự do Việt Nam - Hàn Quốc"),
            ("Tổ chức các thỏa thuận như Quỹ Hợp tác phát triển kinh tế Hàn Quốc (EDCF) và các dự án khác.", "EDCF", "Quỹ Hợp tác phát triển kinh tế Hàn Quốc"),
            ("Lao động sang làm việc tại Hàn Quốc theo Chương trình cấp phép việc làm (EPS) được gia hạn.", "EPS", "Chương trình cấp phép việc làm"),
            ("Hai bên ủng hộ Liên hợp quốc (LHQ) mạnh mẽ.", "LHQ", "Liên hợp quốc"),
            (
                "Tăng cường vai trò của Viện Khoa học và Công nghệ Việt Nam - Hàn Quốc (VKIST) - cứ điểm.",
                "VKIST",
                "Viện Khoa học và Công nghệ Việt Nam - Hàn Quốc",
            ),
            (
                "Hai bên mở rộng Ủy ban hỗn hợp thực thi Hiệp định Thương mại tự do Việt Nam - Hàn Quốc (VKFTA) ngay.",
                "VKFTA",
                "Ủy ban hỗn hợp thực thi Hiệp định Thương mại tự do Việt Nam - Hàn Quốc",
            ),
        ];
        for (text, acr, long) in cases {
            assert_eq!(defs(text), [(acr.to_string(), Some(long.to_string()))], "{text}");
        }
    }

    #[test]
    fn a_parenthesis_that_is_not_an_acronym_defines_nothing() {
        assert!(defs("Hai bên phát triển mạng lưới điện thông minh (smart grid) và năng lượng (điện gió, điện mặt trời).").is_empty());
        assert!(defs("The plan (approved in 2020) was signed by Mr Kim (the minister).").is_empty());
    }

    #[test]
    fn a_title_in_capitals_and_a_datelines_agency_are_not_acronyms() {
        let doc = Parser::builder()
            .kind(Kind::Press)
            .build()
            .parse_str(
                "p.txt",
                "Cần Thơ (TTXVN) - Hai bên gặp nhau.\n\nJOINT STATEMENT OF THE CITY OF HARBOURTON\n\nCITY OF HARBOURTON Regulation on scooters.\n\nThe WTO met.\n",
            )
            .unwrap();
        let facts = crate::checks::facts::DocFacts::read(0, &doc, &ChecksConfig::default());
        let corpus = Corpus { docs: vec![&doc], facts: vec![&facts], official: None };
        let found: Vec<(String, String)> =
            terms(&corpus, &ChecksConfig::default()).into_iter().map(|t| (t.text, t.detail)).collect();
        assert_eq!(found, [("TTXVN".to_string(), String::new()), ("WTO".to_string(), String::new())]);
    }

    #[test]
    fn roman_numerals_and_capitalised_words_are_not_acronyms() {
        for (s, want) in [
            ("KVFTA", true),
            ("ASEAN+3", true),
            ("AFoCO", true),
            ("P4G", true),
            ("II", false),
            ("Hà", false),
            ("McDonald", false),
            ("A", false),
        ] {
            assert_eq!(is_acronym(s, 10), want, "{s}");
        }
    }
}
