//! Every threshold and weight of the aligner, in one place, with documented defaults; loadable from
//! a TOML file.

use serde::{Deserialize, Serialize};

use crate::checks::ChecksConfig;
use crate::error::{Error, ErrorKind};
use crate::language::Language;

/// Thresholds and weights. Every field has a default; a TOML file may set any subset of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Language used for function words and word matching; `auto` decides from the official text.
    pub language: Language,
    /// In languages other than Vietnamese, words match on this many first letters (a light,
    /// language-neutral stemming: `cooperation` and `cooperate` match). 0 turns it off.
    pub stem_prefix: usize,
    /// Factor applied to the weight of function words (`và`, `the`), so they count for little.
    pub stopword_weight: f64,
    /// Factor applied to the weight of capitalised words in a press sentence (names of people,
    /// places and bodies): an article repeats names even where its claim is its own, so a name
    /// shared with the official text is weak evidence of a source.
    pub name_weight: f64,
    /// How many official sentences the inverted index proposes for each press sentence.
    pub candidates: usize,
    /// Score every official sentence instead of the index's candidates (slow; for checking and
    /// benchmarking the index).
    pub exhaustive: bool,
    /// Mix of unigram and bigram containment in a score: 1 is words only, 0 is word pairs only.
    pub unigram_share: f64,
    /// Minimum share of a press sentence's weighted content its sources must explain for the
    /// sentence to count as drawn from the official text; below it the sentence is `unsupported`.
    pub support_threshold: f64,
    /// Minimum gain in explained share for a further official sentence to join the sources (two or
    /// more sources make the relation `condensed`).
    pub min_gain: f64,
    /// Share of a gap (a run of words no chosen source explains) a further source must explain
    /// to be added for it.
    pub gap_support: f64,
    /// Gaps carrying less than this share of their sentence's weight get no source of their own.
    pub min_gap_share: f64,
    /// A word is a topic word of a point when the point uses it at least this many times (and
    /// at least half of all its uses are in that point).
    pub topic_min_uses: u32,
    /// Share of a gap's weight that must be topic words of a point for the gap to be drawn from
    /// that point.
    pub topic_min_share: f64,
    /// Most sources a press sentence can have.
    pub max_sources: usize,
    /// Minimum share of a single-source sentence's words that appear in order in its source for
    /// it to be `verbatim` rather than `paraphrase`.
    pub verbatim_min_copied: f64,
    /// Minimum share of the stretch of its source that a `verbatim` sentence copies from (from its
    /// first copied word to its last) that it copies: words picked in order from all over a long
    /// sentence are a shortened summary of it (`paraphrase`), not a part of it copied.
    pub verbatim_min_span_copied: f64,
    /// Fewest words of a press sentence its sources must explain for it to have any: one word in
    /// common (a one-word headline, a fragment) is no evidence of where a sentence comes from.
    pub min_explained_words: usize,
    /// Share of an official sentence's weighted content an article must carry for that sentence to
    /// count as fully carried in point coverage.
    pub sentence_carried_at: f64,
    /// Minimum coverage score of a point for `covered` (below it, a point with any source is
    /// `partial`).
    pub covered_min: f64,
    /// Minimum share of a point's text (in words) whose sentences an article draws on for the point to be
    /// `covered`: carrying much of one sentence of a point is not carrying the point.
    pub covered_min_cited: f64,
    /// Minimum coverage score of a point with a source for `partial` (below it, `omitted`).
    pub partial_min: f64,
    /// Numbers without a unit are salient items from this value up (years, amounts); smaller
    /// ones (counts) are not.
    pub salient_min_number: f64,
    /// A word is rare, and runs of rare words are salient phrases, when at most this many official
    /// sentences use it.
    pub salient_max_df: usize,
    /// Longest salient phrase, in words.
    pub salient_max_phrase: usize,
    /// Most missing items listed per point.
    pub max_missing: usize,
    /// No word diff is made, and no sentence is `verbatim`, beyond this many words (both
    /// comparisons are quadratic in the sentence's length).
    pub max_diff_words: usize,
    /// Thresholds of the consistency checks (the `[checks]` table).
    pub checks: ChecksConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Language::Auto,
            stem_prefix: 5,
            stopword_weight: 0.1,
            name_weight: 0.5,
            candidates: 12,
            exhaustive: false,
            unigram_share: 0.3,
            support_threshold: 0.4,
            min_gain: 0.2,
            max_sources: 4,
            gap_support: 0.7,
            topic_min_uses: 2,
            topic_min_share: 0.5,
            min_gap_share: 0.05,
            verbatim_min_copied: 0.9,
            verbatim_min_span_copied: 0.5,
            min_explained_words: 2,
            sentence_carried_at: 0.7,
            covered_min: 0.6,
            covered_min_cited: 0.7,
            partial_min: 0.0,
            salient_min_number: 100.0,
            salient_max_df: 2,
            salient_max_phrase: 6,
            max_missing: 12,
            max_diff_words: 1000,
            checks: ChecksConfig::default(),
        }
    }
}

impl Config {
    /// Reads a configuration from TOML text; `path` names the file in errors, which give the line
    /// and the key (`thresholds.toml: line 3, key `support_threshold`: invalid type…`).
    pub fn from_toml(path: &str, text: &str) -> Result<Config, Error> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let mut place = String::new();
            if let Some(span) = e.span() {
                let at = span.start.min(text.len());
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                place.push_str(&format!(": line {}", text[..at].matches('\n').count() + 1));
                // The key is what precedes `=` on the line, under the last `[table]` header above it.
                let line = &text[line_start..line_end];
                let header = line.trim();
                if header.starts_with('[') && header.ends_with(']') {
                    place.push_str(&format!(", key `{}`", header.trim_matches(['[', ']']).trim()));
                } else {
                    // Before `=`, or the first word of a line missing its `=`.
                    let key = match line.split_once('=') {
                        Some((key, _)) => key,
                        None => line.split_whitespace().next().unwrap_or_default(),
                    };
                    let key = key.trim().trim_matches(['"', '\'']);
                    let table = text[..line_start]
                        .lines()
                        .rev()
                        .map(str::trim)
                        .find(|l| l.starts_with('[') && l.ends_with(']'))
                        .map(|l| l.trim_matches(['[', ']']).trim());
                    match table {
                        Some(table) if !key.is_empty() => place.push_str(&format!(", key `{table}.{key}`")),
                        _ if !key.is_empty() => place.push_str(&format!(", key `{key}`")),
                        _ => {}
                    }
                }
            }
            let message: Vec<&str> = e.message().lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            Error::new(ErrorKind::Config, format!("{path}{place}: {}", message.join("; ")))
        })?;
        config.validate().map_err(|e| Error::new(ErrorKind::Config, format!("{path}: {e}")))?;
        Ok(config)
    }

    /// Checks that every value is usable: shares and thresholds finite and between 0 and 1,
    /// weights finite and not negative, counts that divide or bound a loop at least 1. The error
    /// names the key.
    pub fn validate(&self) -> Result<(), Error> {
        let bad =
            |key: &str, rule: &str| Err(Error::new(ErrorKind::Config, format!("key `{key}` must be {rule}")));
        let shares = [
            ("unigram_share", self.unigram_share),
            ("support_threshold", self.support_threshold),
            ("min_gain", self.min_gain),
            ("gap_support", self.gap_support),
            ("min_gap_share", self.min_gap_share),
            ("topic_min_share", self.topic_min_share),
            ("verbatim_min_copied", self.verbatim_min_copied),
            ("verbatim_min_span_copied", self.verbatim_min_span_copied),
            ("covered_min", self.covered_min),
            ("covered_min_cited", self.covered_min_cited),
            ("partial_min", self.partial_min),
            ("checks.acronym_letter_overlap", self.checks.acronym_letter_overlap),
            ("checks.related_long_form_share", self.checks.related_long_form_share),
            ("checks.quote_source_share", self.checks.quote_source_share),
        ];
        for (key, v) in shares {
            if !(0.0..=1.0).contains(&v) {
                return bad(key, "a number from 0 to 1");
            }
        }
        for (key, v) in [
            ("stopword_weight", self.stopword_weight),
            ("name_weight", self.name_weight),
            ("salient_min_number", self.salient_min_number),
        ] {
            if !v.is_finite() || v < 0.0 {
                return bad(key, "a number of at least 0");
            }
        }
        if !(self.sentence_carried_at.is_finite()
            && self.sentence_carried_at > 0.0
            && self.sentence_carried_at <= 1.0)
        {
            return bad("sentence_carried_at", "a number above 0 and at most 1");
        }
        for (key, v) in [
            ("candidates", self.candidates),
            ("max_sources", self.max_sources),
            ("checks.min_quote_words", self.checks.min_quote_words),
        ] {
            if v == 0 {
                return bad(key, "at least 1");
            }
        }
        Ok(())
    }
}
