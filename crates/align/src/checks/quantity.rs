//! Quantities and dates: amounts with a currency (`150 tỷ USD`, `$150 billion`, `USD 2 billion`),
//! percentages, durations (`10 năm`, `10 years`), years, year ranges, months (`tháng 8/2025`),
//! dates and date ranges (`từ ngày 10 đến ngày 13/8/2025`, `ngày 10-13/8`, `August 10-13, 2025`,
//! `10 August 2025`), read into normalised values and compared between each
//! press sentence and its aligned official sources.
//!
//! A press value that a source (or another sentence of the sources' points) holds is fine, however
//! it is written; a date without a year matches the same day with one. A value whose kind the
//! sources hold with a different value is `quantity_mismatch`: an error, or a warning when the
//! amounts differ by a whole factor (`20 million euros` each for `40 million euros` financed
//! equally: the same fact, split). A value no source holds is
//! `quantity_unsupported`: a warning, or info when the official text has it elsewhere or when the
//! sentence itself is unsupported. Not-content sentences (datelines, captions, bylines) are not
//! checked.
//!
//! Bare numbers are not read: point numbers, list items (`ngoại ngữ 2, ngoại ngữ 1`) and counts of
//! things (`6 lĩnh vực`). A count is a claim, but word order cannot tell it from a label (`ngữ 1
//! theo` reads like `6 lĩnh vực`), so reading counts would raise false alarms on ordinary text; a
//! sentence built on a count the official text never makes is left to the aligner, which marks it
//! unsupported.

use std::sync::LazyLock;

use crosscheck_parse::{fold, Document, Sentence};
use regex::Regex;
use rustc_hash::FxHashMap;

use super::{add_term, ChecksConfig, TermEntry};
use crate::model::{ArticleAlignment, Finding, Location, OfficialText, Relation, Severity};

/// A day of a month, with the year when it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Day {
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
}

impl Day {
    fn same(self, o: Day) -> bool {
        self.day == o.day
            && self.month == o.month
            && (self.year.is_none() || o.year.is_none() || self.year == o.year)
    }
}

/// A normalised value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// An amount of money in units of `currency`.
    Amount {
        amount: f64,
        currency: &'static str,
    },
    Percent(f64),
    Duration {
        amount: f64,
        unit: &'static str,
    },
    Year(i32),
    YearRange(i32, i32),
    Date(Day),
    DateRange(Day, Day),
    /// A month of a year (`tháng 8/2025`, `August 2025`).
    Month {
        month: u32,
        year: i32,
    },
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

impl Value {
    /// True when the values are of one kind and can be compared (two amounts in one currency, two
    /// dates, two years…).
    fn comparable(&self, o: &Value) -> bool {
        use Value::*;
        match (self, o) {
            (Amount { currency: a, .. }, Amount { currency: b, .. }) => a == b,
            (Percent(_), Percent(_)) => true,
            (Duration { unit: a, .. }, Duration { unit: b, .. }) => a == b,
            (Year(_) | YearRange(..), Year(_) | YearRange(..)) => true,
            (Date(_) | DateRange(..) | Month { .. }, Date(_) | DateRange(..) | Month { .. }) => true,
            _ => false,
        }
    }

    /// True when `self`, in a source, supports the press value `p`.
    fn supports(&self, p: &Value) -> bool {
        use Value::*;
        match (self, p) {
            (Amount { amount: a, currency: c }, Amount { amount: b, currency: d }) => c == d && close(*a, *b),
            (Percent(a), Percent(b)) => close(*a, *b),
            (Duration { amount: a, unit: u }, Duration { amount: b, unit: v }) => u == v && close(*a, *b),
            (Year(a), Year(b)) => a == b,
            (YearRange(a, b), Year(y)) => a == y || b == y,
            (YearRange(a, b), YearRange(c, d)) => a == c && b == d,
            (Date(d), Year(y)) => d.year == Some(*y),
            (DateRange(a, b), Year(y)) => a.year == Some(*y) || b.year == Some(*y),
            (Date(a), Date(b)) => a.same(*b),
            (DateRange(a, b), DateRange(c, d)) => a.same(*c) && b.same(*d),
            (Month { month: a, year: x }, Month { month: b, year: y }) => a == b && x == y,
            (Month { year: y, .. }, Year(z)) => y == z,
            (Date(d), Month { month, year }) => d.month == *month && d.year == Some(*year),
            (DateRange(a, b), Month { month, year }) => {
                let within = |d: &Day| d.month == *month && d.year == Some(*year);
                within(a) || within(b)
            }
            (DateRange(a, b), Date(d)) => {
                // A date without a year is placed in the range's year, and the other way round.
                let at = |v: Day| (v.year.or(d.year), v.month, v.day);
                let x = (d.year.or(a.year).or(b.year), d.month, d.day);
                at(*a) <= x && x <= at(*b)
            }
            _ => false,
        }
    }

    /// The value in a plain normalised form, for listings.
    pub(crate) fn describe(&self) -> String {
        let day = |d: Day| match d.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", d.month, d.day),
            None => format!("--{:02}-{:02}", d.month, d.day),
        };
        match self {
            Value::Amount { amount, currency } => format!("{amount} {currency}"),
            Value::Percent(p) => format!("{p}%"),
            Value::Duration { amount, unit } => format!("{amount} {unit}"),
            Value::Year(y) => format!("year {y}"),
            Value::YearRange(a, b) => format!("years {a}..{b}"),
            Value::Date(d) => format!("date {}", day(*d)),
            Value::DateRange(a, b) => format!("dates {}..{}", day(*a), day(*b)),
            Value::Month { month, year } => format!("month {year:04}-{month:02}"),
        }
    }
}

/// A value found in a text.
#[derive(Debug, Clone)]
pub(crate) struct Quantity {
    pub value: Value,
    /// As written.
    pub text: String,
    /// Byte offset in the sentence text.
    pub start: usize,
}

const SCALE: &str =
    r"nghìn tỷ|nghìn tỉ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ|thousand|million|billion|trillion|bn|mn";
const CURRENCY: &str =
    r"USD|US dollars?|dollars?|đô la Mỹ|đô la|đô|VND|VNĐ|đồng|KRW|won|EUR|euros?|yen|JPY|CNY|yuan";
const MONTH: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const NUM: &str = r"\d+(?:[.,]\d+)*";

/// Characters before a date in which the word `ngày` is looked for.
const DAY_WORD_LOOKBACK: usize = 12;

/// Builds a pattern. Boundaries next to digits and ASCII words are written `(?-u:\b)` (ASCII):
/// a Unicode `\b` keeps the regex engine off its fast automaton on Vietnamese text.
fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file; a mistake in one is a bug caught by every test.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"))
}

static VN_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:từ\s+)?(?:ngày\s+)?(?-u:\b)(\d{1,2})(?:/(\d{1,2}))?(?:/(\d{4}))?\s*(?:-|–|đến(?:\s+ngày)?)\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?-u:\b)",
    )
});
static VN_LONG_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?-u:\b)"));
static SLASH_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?-u:\b)"));
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)"));
static EN_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(\d{{4}}))?(?-u:\b)"
    ))
});
static EN_DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?({MONTH})(?-u:\b)\.?(?:,?\s+(\d{{4}}))?"
    ))
});
static VN_MONTH: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)tháng\s+(\d{1,2})(?:/|\s+năm\s+)(\d{4})(?-u:\b)"));
static EN_MONTH: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?-u:\b)({MONTH})\.?,?\s+(\d{{4}})(?-u:\b)")));
static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)(\d{4})\s*(?:-|–|đến|to)\s*(\d{4})(?-u:\b)"));
// The next four read like `\b…\b` patterns with Unicode word boundaries, which would keep the
// regex engine off its fast automaton on Vietnamese text. Instead, [`bounded`] skips a match that
// starts right after a word character and searches again from the next character, and the patterns
// end with `END`, which takes the character after the last word; the quantity ends before it, and
// the next search starts there.
static MONEY_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)(USD|US\$|\$|EUR|€|KRW|₩|VND|¥)\s*({NUM})(?:\s*({SCALE}){END})?")));
static MONEY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)({NUM})\s*(?:({SCALE})\s*)?({CURRENCY}){END}")));
static PERCENT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)({NUM})\s*(%|phần trăm|per ?cent)")));
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)({NUM})\s+(năm|tháng|tuần|ngày|giờ|years?|months?|weeks?|days?|hours?){END}"))
});
/// The end of a word: a character that is not a word character, or the end of the text.
const END: &str = r"(?:[^\w]|$)";

/// True when a word character (`\w`, as the regex engine reads it) ends `text` before byte `at`.
fn word_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(regex_syntax::is_word_character)
}

/// The matches of `re` in `text`, each with the end of its quantity (`end_of`), as a pattern with
/// a Unicode `\b` before it (when `word_start`) would give them: a match right after a word
/// character is skipped and the search goes on from its next character; the next search starts
/// where the quantity ended.
fn bounded<'t>(
    re: &Regex,
    text: &'t str,
    word_start: bool,
    end_of: impl Fn(&regex::Captures<'t>) -> usize,
) -> Vec<(regex::Captures<'t>, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = re.captures_at(text, at) {
        let Some(m) = c.get(0) else { break };
        let next = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        if word_start && word_before(text, m.start()) {
            at = next;
            continue;
        }
        let end = end_of(&c);
        at = end.max(next);
        out.push((c, end));
    }
    out
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(\d{4})(?-u:\b)"));

/// Reads a number written with `.` or `,` as thousands or decimal separator: a separator followed
/// by exactly three digits groups thousands (`1.000`, `1,000,000`), otherwise it is the decimal
/// point (`2,5`, `2.5`).
fn number(s: &str) -> Option<f64> {
    let seps: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let clean: String = if seps.is_empty() {
        s.to_string()
    } else {
        let last = *seps.last()?;
        let groups: Vec<&str> = s.split(['.', ',']).collect();
        let thousands = seps.iter().all(|&c| c == seps[0]) && groups.iter().skip(1).all(|g| g.len() == 3);
        if thousands {
            s.chars().filter(char::is_ascii_digit).collect()
        } else {
            let mut out = String::new();
            let cut = s.rfind(last)?;
            out.extend(s[..cut].chars().filter(char::is_ascii_digit));
            out.push('.');
            out.push_str(&s[cut + 1..]);
            out
        }
    };
    clean.parse().ok()
}

fn scale(word: Option<&str>) -> f64 {
    match word.map(fold).as_deref() {
        Some("nghin ty" | "nghin ti" | "ngan ty" | "trillion") => 1e12,
        Some("ty" | "ti" | "billion" | "bn") => 1e9,
        Some("trieu" | "million" | "mn") => 1e6,
        Some("nghin" | "ngan" | "thousand") => 1e3,
        _ => 1.0,
    }
}

pub(crate) fn currency(word: &str) -> Option<&'static str> {
    let w = fold(word);
    Some(match w.as_str() {
        "usd" | "us$" | "$" | "us dollar" | "us dollars" | "dollar" | "dollars" | "do la my" | "do la"
        | "do" => "USD",
        "vnd" | "dong" => "VND",
        "krw" | "₩" | "won" => "KRW",
        "eur" | "€" | "euro" | "euros" => "EUR",
        "¥" | "yen" | "jpy" => "JPY",
        "cny" | "yuan" => "CNY",
        _ => return None,
    })
}

fn month(name: &str) -> Option<u32> {
    let m = name.get(..3)?.to_ascii_lowercase();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    months.iter().position(|&x| x == m).map(|i| i as u32 + 1)
}

fn day(d: &str, m: u32, y: Option<i32>) -> Option<Day> {
    let d: u32 = d.parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(Day { day: d, month: m, year: y })
}

fn duration_unit(word: &str) -> &'static str {
    match fold(word).trim_end_matches('s') {
        "nam" | "year" => "year",
        "thang" | "month" => "month",
        "tuan" | "week" => "week",
        "ngay" | "day" => "day",
        _ => "hour",
    }
}

/// Reads every value of `text`.
pub(crate) fn extract(text: &str, cfg: &ChecksConfig) -> Vec<Quantity> {
    let mut found: Vec<Quantity> = Vec::new();
    // Every value has a digit; most sentences have none, and the patterns are slow to fail.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return found;
    }
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let year = |s: Option<regex::Match>| s.and_then(|m| m.as_str().parse::<i32>().ok());
    let mut take = |found: &mut Vec<Quantity>, (start, end): (usize, usize), value: Option<Value>| {
        let Some(value) = value else { return };
        if taken.iter().any(|&(a, b)| start < b && a < end) {
            return;
        }
        taken.push((start, end));
        found.push(Quantity { value, text: text[start..end].trim().to_string(), start });
    };
    for c in VN_RANGE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let parse = || {
            let to_m: u32 = c.get(5)?.as_str().parse().ok()?;
            let to_y = year(c.get(6));
            let from_m = c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(to_m);
            let from_y = year(c.get(3)).or(to_y);
            Some(Value::DateRange(
                day(c.get(1)?.as_str(), from_m, from_y)?,
                day(c.get(4)?.as_str(), to_m, to_y)?,
            ))
        };
        take(&mut found, (m.start(), m.end()), parse());
    }
    for c in VN_LONG_DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let v =
            c.get(2).and_then(|mo| mo.as_str().parse().ok()).and_then(|mo| day(&c[1], mo, year(c.get(3))));
        take(&mut found, (m.start(), m.end()), v.map(Value::Date));
    }
    for c in EN_MONTH_FIRST.captures_iter(text).chain(EN_DAY_FIRST.captures_iter(text)) {
        let Some(m) = c.get(0) else { continue };
        let month_first = c.get(1).is_some_and(|g| month(g.as_str()).is_some());
        let (mo, d1, d2) =
            if month_first { (c.get(1), c.get(2), c.get(3)) } else { (c.get(3), c.get(1), c.get(2)) };
        let parse = || {
            let mo = month(mo?.as_str())?;
            let y = year(c.get(4));
            let from = day(d1?.as_str(), mo, y)?;
            Some(match d2 {
                Some(d2) => Value::DateRange(from, day(d2.as_str(), mo, y)?),
                None => Value::Date(from),
            })
        };
        take(&mut found, (m.start(), m.end()), parse());
    }
    for c in VN_MONTH.captures_iter(text).chain(EN_MONTH.captures_iter(text)) {
        let Some(m) = c.get(0) else { continue };
        let mo = c.get(1).and_then(|g| month(g.as_str()).or_else(|| g.as_str().parse().ok()));
        let v = mo
            .zip(year(c.get(2)))
            .filter(|(mo, _)| (1..=12).contains(mo))
            .map(|(month, year)| Value::Month { month, year });
        take(&mut found, (m.start(), m.end()), v);
    }
    for c in ISO_DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let v = c[2].parse().ok().and_then(|mo| day(&c[3], mo, year(c.get(1))));
        take(&mut found, (m.start(), m.end()), v.map(Value::Date));
    }
    for c in SLASH_DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        // Only the last few characters can hold the day word: fold those, not the whole prefix.
        let head = &text[..m.start()];
        let near = head.char_indices().rev().nth(DAY_WORD_LOOKBACK).map_or(0, |(i, _)| i);
        let after_day_word = fold(&head[near..]).trim_end().ends_with("ngay");
        if c.get(3).is_none() && !after_day_word {
            continue;
        }
        let v = c[2].parse().ok().and_then(|mo| day(&c[1], mo, year(c.get(3))));
        take(&mut found, (m.start(), m.end()), v.map(Value::Date));
    }
    let in_years = |y: i32| (cfg.min_year..=cfg.max_year).contains(&y);
    for c in YEAR_RANGE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let (a, b) = (year(c.get(1)), year(c.get(2)));
        let v = match (a, b) {
            (Some(a), Some(b)) if in_years(a) && in_years(b) && a < b => Some(Value::YearRange(a, b)),
            _ => None,
        };
        take(&mut found, (m.start(), m.end()), v);
    }
    let group_end = |g: usize| move |c: &regex::Captures| c.get(g).map_or(0, |m| m.end());
    let amount_end = |c: &regex::Captures| c.get(3).or_else(|| c.get(2)).map_or(0, |m| m.end());
    for (c, end) in bounded(&MONEY_BEFORE, text, false, amount_end) {
        let (Some(m), Some(amount)) = (c.get(0), c.get(2)) else { continue };
        let v = currency(&c[1])
            .zip(number(amount.as_str()))
            .map(|(cur, n)| Value::Amount { amount: n * scale(c.get(3).map(|s| s.as_str())), currency: cur });
        take(&mut found, (m.start(), end), v);
    }
    for (c, end) in bounded(&MONEY_AFTER, text, true, group_end(3)) {
        let (Some(m), Some(unit)) = (c.get(0), c.get(3)) else { continue };
        let v = currency(unit.as_str())
            .zip(number(&c[1]))
            .map(|(cur, n)| Value::Amount { amount: n * scale(c.get(2).map(|s| s.as_str())), currency: cur });
        take(&mut found, (m.start(), end), v);
    }
    for (c, end) in bounded(&PERCENT, text, true, group_end(0)) {
        let Some(m) = c.get(0) else { continue };
        take(&mut found, (m.start(), end), number(&c[1]).map(Value::Percent));
    }
    for (c, end) in bounded(&DURATION, text, true, group_end(2)) {
        let (Some(m), Some(unit)) = (c.get(0), c.get(2)) else { continue };
        let v = number(&c[1]).map(|n| Value::Duration { amount: n, unit: duration_unit(unit.as_str()) });
        take(&mut found, (m.start(), end), v);
    }
    for c in YEAR.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let followed_by_number = text[m.end()..].starts_with(['.', ',', '/'])
            && text[m.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit());
        let v = year(c.get(1)).filter(|&y| in_years(y) && !followed_by_number).map(Value::Year);
        take(&mut found, (m.start(), m.end()), v);
    }
    found.sort_by_key(|q| q.start);
    found
}

/// The values of every official sentence, by sentence id, with where they are.
#[derive(Debug, Clone)]
pub(crate) struct OfficialValues {
    path: String,
    sentences: Vec<OfficialEntry>,
    /// Where each sentence id is first in `sentences`.
    by_id: FxHashMap<String, usize>,
}

#[derive(Debug, Clone)]
struct OfficialEntry {
    id: String,
    point: u32,
    /// The sentence (a copy: read once, kept with the aligner).
    sentence: Sentence,
    values: Vec<Quantity>,
}

impl OfficialValues {
    pub(crate) fn new(doc: &Document, text: &OfficialText, cfg: &ChecksConfig) -> OfficialValues {
        let mut sentences = Vec::new();
        for (section, cited) in doc.sections.iter().zip(&text.sections) {
            for (s, c) in section.sentences.iter().zip(&cited.sentences) {
                sentences.push(OfficialEntry {
                    id: c.id.clone(),
                    point: cited.point,
                    sentence: s.clone(),
                    values: extract(&s.text, cfg),
                });
            }
        }
        let mut by_id = FxHashMap::default();
        for (k, e) in sentences.iter().enumerate() {
            by_id.entry(e.id.clone()).or_insert(k);
        }
        OfficialValues { path: doc.path.clone(), sentences, by_id }
    }

    fn location(&self, e: &OfficialEntry, q: &Quantity) -> Location {
        Location { path: self.path.clone(), line: e.sentence.line_at(q.start) }
    }
}

/// The document sentence a press sentence of the alignment stands for: `at_index`, the sentence
/// at its index, when the texts agree.
fn press_sentence<'a>(doc: &'a Document, at_index: Option<&'a Sentence>, text: &str) -> Option<&'a Sentence> {
    let by_index = at_index.filter(|s| s.text == text);
    by_index.or_else(|| doc.sentences().map(|(_, s)| s).find(|s| s.text == text))
}

/// The quantity findings of one aligned article.
pub(crate) fn check(
    official: &OfficialValues,
    doc: &Document,
    alignment: &ArticleAlignment,
    cfg: &ChecksConfig,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut in_order = doc.sentences().map(|(_, s)| s);
    for ps in &alignment.sentences {
        let at_index = in_order.next();
        if ps.relation == Relation::NotContent || !ps.role.is_content() {
            continue;
        }
        let Some(sentence) = press_sentence(doc, at_index, &ps.text) else { continue };
        let sources: Vec<&OfficialEntry> = ps
            .sources
            .iter()
            .filter_map(|src| official.by_id.get(&src.sentence).map(|&k| &official.sentences[k]))
            .collect();
        let points: Vec<u32> = sources.iter().map(|e| e.point).collect();
        for q in extract(&sentence.text, cfg) {
            let here = Location { path: doc.path.clone(), line: sentence.line_at(q.start) };
            let holds = |e: &&OfficialEntry| e.values.iter().any(|v| v.value.supports(&q.value));
            if sources.iter().any(holds)
                || official.sentences.iter().filter(|e| points.contains(&e.point)).any(|e| holds(&e))
            {
                continue;
            }
            let elsewhere: Vec<Location> = official
                .sentences
                .iter()
                .flat_map(|e| {
                    e.values
                        .iter()
                        .filter(|v| v.value.supports(&q.value))
                        .map(move |v| official.location(e, v))
                })
                .collect();
            let differing: Vec<(&OfficialEntry, &Quantity)> = sources
                .iter()
                .flat_map(|e| e.values.iter().filter(|v| v.value.comparable(&q.value)).map(move |v| (*e, v)))
                .collect();
            let unsupported_sentence = ps.relation == Relation::Unsupported || sources.is_empty();
            if !unsupported_sentence && !differing.is_empty() && elsewhere.is_empty() {
                let mut variants = vec![q.text.clone()];
                let mut locations = vec![here.clone()];
                for (e, v) in &differing {
                    if !variants.contains(&v.text) {
                        variants.push(v.text.clone());
                    }
                    locations.push(official.location(e, v));
                }
                let theirs: Vec<String> = differing
                    .iter()
                    .map(|(e, v)| format!("'{}' ({}:{})", v.text, official.path, e.sentence.line_at(v.start)))
                    .collect();
                // An amount that is a whole multiple or share of the source's may be the same fact
                // split or totalled (40 million "financed equally" → 20 million each).
                let ratio =
                    differing.iter().find_map(|(_, v)| whole_ratio(&v.value, &q.value, cfg.max_share_ratio));
                let (severity, note) = match ratio {
                    Some((n, true)) => (
                        Severity::Warning,
                        format!(" It is {n} times the source's figure: check whether the article totals it."),
                    ),
                    Some((n, false)) => (
                        Severity::Warning,
                        format!(" It is 1/{n} of the source's figure: check whether the article splits it."),
                    ),
                    None => (Severity::Error, String::new()),
                };
                let message = format!(
                    "{}:{} says '{}' where its source says {}.{note}",
                    here.path,
                    here.line,
                    q.text,
                    theirs.join(", ")
                );
                out.push(finding("quantity_mismatch", severity, message, variants, locations));
                continue;
            }
            if unsupported_sentence && !elsewhere.is_empty() {
                continue;
            }
            let (severity, message) = match elsewhere.first() {
                Some(at) => (
                    Severity::Info,
                    format!(
                        "{}:{} says '{}', which is not in the official sentences it was matched to; the official text has it at {}:{}.",
                        here.path, here.line, q.text, at.path, at.line
                    ),
                ),
                None => (
                    if unsupported_sentence { Severity::Info } else { Severity::Warning },
                    format!("{}:{} says '{}', which the official text ({}) does not contain.", here.path, here.line, q.text, official.path),
                ),
            };
            let mut locations = vec![here];
            locations.extend(elsewhere.into_iter().take(1));
            out.push(finding("quantity_unsupported", severity, message, vec![q.text.clone()], locations));
        }
    }
    out
}

/// When two amounts in one currency differ by a whole factor from 2 to `max`: the factor, and
/// whether the press figure is the larger.
fn whole_ratio(source: &Value, press: &Value, max: u32) -> Option<(u32, bool)> {
    let (Value::Amount { amount: a, currency: c }, Value::Amount { amount: b, currency: d }) =
        (source, press)
    else {
        return None;
    };
    if c != d || *a <= 0.0 || *b <= 0.0 {
        return None;
    }
    let (big, small, larger) = if b > a { (*b, *a, true) } else { (*a, *b, false) };
    (2..=max).find(|&n| close(big, small * f64::from(n))).map(|n| (n, larger))
}

fn finding(
    kind: &str,
    severity: Severity,
    message: String,
    variants: Vec<String>,
    mut locations: Vec<Location>,
) -> Finding {
    locations.sort();
    locations.dedup();
    Finding { kind: kind.to_string(), severity, message, variants, locations }
}

/// The quantities of one document, for listings.
pub(crate) fn terms(doc: &Document, cfg: &ChecksConfig) -> Vec<TermEntry> {
    let mut out = Vec::new();
    for (_, s) in doc.sentences() {
        for q in extract(&s.text, cfg) {
            add_term(&mut out, &q.text, q.value.describe(), s.line_at(q.start));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String)> {
        extract(text, &ChecksConfig::default()).into_iter().map(|q| (q.text, q.value.describe())).collect()
    }

    fn one(text: &str) -> Value {
        let found = extract(text, &ChecksConfig::default());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].value.clone()
    }

    #[test]
    fn amounts_dates_and_years_are_read_in_vietnamese_and_english() {
        let cases: &[(&str, &str)] = &[
            ("đạt 150 tỷ USD vào", "150000000000 USD"),
            ("mỗi khoản trị giá 2 tỷ USD", "2000000000 USD"),
            ("a target of $150 billion", "150000000000 USD"),
            ("two loans of USD 2 billion each", "2000000000 USD"),
            ("khoảng 1.500 tỷ đồng", "1500000000000 VND"),
            ("tăng 2,5%", "2.5%"),
            ("grew 12.5 per cent", "12.5%"),
            ("từ ngày 10 đến ngày 13/8/2025", "dates 2025-08-10..2025-08-13"),
            ("ngày 10-13/8", "dates --08-10..--08-13"),
            ("on August 10-13, 2025", "dates 2025-08-10..2025-08-13"),
            ("from 10 August 2025", "date 2025-08-10"),
            ("ngày 11/8", "date --08-11"),
            ("ngày 5 tháng 9 năm 2024", "date 2024-09-05"),
            ("date 2025-08-11", "date 2025-08-11"),
            ("vào năm 2030", "year 2030"),
            ("trong tháng 8/2025", "month 2025-08"),
            ("tháng 9 năm 2024", "month 2024-09"),
            ("in August 2025", "month 2025-08"),
            ("nhiệm kỳ 2022-2025", "years 2022..2025"),
            ("kỷ niệm 10 năm hiệp định", "10 year"),
        ];
        for (text, want) in cases {
            let got = values(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, *want, "{text}");
        }
    }

    #[test]
    fn a_quantity_ends_at_its_last_word_even_when_it_ends_in_a_non_ascii_letter() {
        assert_eq!(values("vay 5 nghìn tỷ, rồi"), []);
        assert_eq!(
            values("khoảng 3 triệu đồng, tăng"),
            [("3 triệu đồng".to_string(), "3000000 VND".to_string())]
        );
        assert_eq!(values("họp 2 giờ."), [("2 giờ".to_string(), "2 hour".to_string())]);
        assert_eq!(values("USD 5 tỷ."), [("USD 5 tỷ".to_string(), "5000000000 USD".to_string())]);
        assert_eq!(
            values("40 million euros"),
            [("40 million euros".to_string(), "40000000 EUR".to_string())]
        );
        // A letter glued to the unit or to the number is not a quantity's edge.
        assert_eq!(values("họp 2 giờx"), []);
        assert_eq!(values("mã ố12 năm"), []);
    }

    #[test]
    fn word_boundaries_are_read_as_unicode_word_boundaries() {
        let pairs =
            |text: &str| values(text).into_iter().map(|(t, v)| format!("{t} = {v}")).collect::<Vec<_>>();
        // A number glued to a letter is skipped, and a later number in it is still read.
        assert_eq!(pairs("từ1,5 triệu đồng"), ["5 triệu đồng = 5000000 VND"]);
        assert_eq!(pairs("từ1,5%"), ["5% = 5%"]);
        // The character after a unit starts the next amount.
        assert_eq!(pairs("$5 bn$6 bn"), ["$5 bn = 5000000000 USD", "$6 bn = 6000000000 USD"]);
        // `²` is not a word character for the regex engine, a digit of another script is.
        assert_eq!(pairs("m²5%"), ["5% = 5%"]);
        assert_eq!(pairs("x 12%"), ["12% = 12%"]);
        assert_eq!(pairs("x12%"), Vec::<String>::new());
    }

    #[test]
    fn ordinary_numbers_are_not_read_as_quantities() {
        for text in [
            "ngoại ngữ 2, ngoại ngữ 1 theo chương trình mới",
            "1.Hai bên nhất trí đẩy mạnh",
            "Điều 3 khoản 2 quy định",
            "the P4G summit and ASEAN+3",
            "hai bên nhất trí",
            "nêu 6 lĩnh vực trọng tâm",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn a_range_with_and_without_the_year_is_one_value() {
        let official = one("từ ngày 10 đến ngày 13/8/2025");
        for press in ["ngày 10-13/8", "August 10-13, 2025", "10-13 August", "từ 10/8 đến 13/8/2025"] {
            assert!(official.supports(&one(press)), "{press}");
        }
        assert!(!official.supports(&one("ngày 10-14/8")));
        assert!(official.comparable(&one("ngày 10-14/8")));
        assert!(official.supports(&one("ngày 11/8")));
        assert!(official.supports(&one("năm 2025")));
        assert!(official.supports(&one("tháng 8/2025")));
        assert!(!official.supports(&one("tháng 9/2025")) && official.comparable(&one("tháng 9/2025")));
    }

    #[test]
    fn amounts_compare_across_languages_and_scales() {
        let vn = one("150 tỷ USD");
        assert!(vn.supports(&one("$150 billion")));
        assert!(vn.supports(&one("USD 150 billion")));
        assert!(!vn.supports(&one("120 tỷ USD")));
        assert!(vn.comparable(&one("120 tỷ USD")));
        assert!(!vn.comparable(&one("150 tỷ đồng")));
    }

    #[test]
    fn amounts_a_whole_factor_apart_may_be_a_split_or_a_total() {
        let forty = one("40 million euros");
        assert_eq!(whole_ratio(&forty, &one("20 million euros"), 4), Some((2, false)));
        assert_eq!(whole_ratio(&forty, &one("80 million euros"), 4), Some((2, true)));
        assert_eq!(whole_ratio(&one("150 tỷ USD"), &one("120 tỷ USD"), 4), None);
        assert_eq!(whole_ratio(&forty, &one("20 million dollars"), 4), None);
    }

    #[test]
    fn numbers_read_their_separators_by_group_size() {
        for (s, want) in [("1.000", 1000.0), ("1,000,000", 1e6), ("2,5", 2.5), ("2.5", 2.5), ("150", 150.0)] {
            assert_eq!(number(s), Some(want), "{s}");
        }
    }
}
