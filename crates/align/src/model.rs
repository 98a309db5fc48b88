//! The alignment as it is serialised: the JSON contract that reports, checks, evaluation and
//! batch runs read. Field names and enum values here are the contract (`schema_version` 1): extend
//! it, never rename.

use crosscheck_parse::Role;
use schemars::JsonSchema;
use serde::Serialize;

/// Version of the JSON contract written in [`Alignment::schema_version`].
pub const SCHEMA_VERSION: u32 = 1;

/// The whole result of comparing one official text with one or more articles.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Alignment {
    /// Version of this contract.
    pub schema_version: u32,
    /// The official text, as sections of identified sentences.
    pub official: OfficialText,
    /// One entry per article, in input order.
    pub articles: Vec<ArticleAlignment>,
    /// Findings that belong to no single article: inconsistencies inside the official text, and
    /// ones across articles.
    pub findings: Vec<Finding>,
}

/// The official text as the alignment cites it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OfficialText {
    /// Path of the official file.
    pub path: String,
    /// Sections in order: point 0 is the preamble, then the numbered points (or paragraphs).
    pub sections: Vec<OfficialSection>,
}

/// One point (or the preamble, or a paragraph) of the official text.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OfficialSection {
    /// 0 for the preamble, then the point's number.
    pub point: u32,
    /// First and last line of the point in the file.
    pub lines: [usize; 2],
    /// The point's sentences.
    pub sentences: Vec<OfficialSentence>,
}

/// One official sentence.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OfficialSentence {
    /// Stable identifier: `p{point}.s{n}` with `n` counted from 1 within the point.
    pub id: String,
    /// The sentence as displayed.
    pub text: String,
    /// First and last line in the file.
    pub lines: [usize; 2],
}

/// How one article relates to the official text.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ArticleAlignment {
    /// Path (or record id) of the article.
    pub path: String,
    /// Every sentence of the article, in order, with its sources and relation.
    pub sentences: Vec<PressSentence>,
    /// One entry per official point, in the official order.
    pub coverage: Vec<PointCoverage>,
    /// Consistency findings that involve this article.
    pub findings: Vec<Finding>,
}

/// One article sentence and where it comes from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PressSentence {
    /// Stable identifier: `s{n}`, counted from 1 in the article.
    pub id: String,
    /// The sentence as displayed.
    pub text: String,
    /// First and last line in the article file.
    pub lines: [usize; 2],
    /// What the sentence is (body, headline, dateline, caption, byline, attribution).
    pub role: Role,
    /// How the sentence relates to the official text.
    pub relation: Relation,
    /// How much of the sentence its sources explain, from 0 to 1.
    pub score: f64,
    /// Official sentences it draws on, best first.
    pub sources: Vec<Source>,
    /// Word-level diff from the sources (`delete`: only in the official, `insert`: only in the
    /// article).
    pub diff: Vec<DiffOp>,
}

/// How a press sentence relates to the official text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Reproduces one official sentence, or a contiguous part of one, with trivial edits.
    Verbatim,
    /// The content of one official sentence (or part), reworded or shortened.
    Paraphrase,
    /// Draws on two or more official sentences better than on any single one.
    Condensed,
    /// Content the official text does not contain.
    Unsupported,
    /// Not content: dateline, caption, byline, attribution.
    NotContent,
}

/// An official sentence a press sentence draws on.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Source {
    /// The official point (0 for the preamble).
    pub point: u32,
    /// The official sentence's id.
    pub sentence: String,
    /// How much of the press sentence this source explains, from 0 to 1.
    pub score: f64,
    /// Lines of the official sentence.
    pub lines: [usize; 2],
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DiffOp {
    /// Equal in both, only in the article (`insert`), or only in the official (`delete`).
    pub op: DiffTag,
    /// The words, with the spaces between them.
    pub text: String,
}

/// The kind of a diff piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// In both texts.
    Equal,
    /// Only in the article.
    Insert,
    /// Only in the official text.
    Delete,
}

/// How one article covers one official point.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PointCoverage {
    /// The official point (0 for the preamble).
    pub point: u32,
    /// Covered, partly covered, or left out.
    pub status: CoverageStatus,
    /// Share of the point's salient content the article carries, from 0 to 1.
    pub score: f64,
    /// Salient items of the point the article leaves out (named bodies, acronyms, amounts, dates,
    /// key phrases), in the official order.
    pub missing: Vec<String>,
}

/// Coverage of a point by an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    /// The article carries the point.
    Covered,
    /// The article carries part of the point.
    Partial,
    /// The article leaves the point out.
    Omitted,
}

/// A consistency finding: an inconsistency in naming, or a fact that disagrees with the source.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Finding {
    /// What kind of check found it (`acronym_conflict`, `name_variant`, `quantity_mismatch`, …).
    pub kind: String,
    /// `error` for a contradicted fact, `warning` for an inconsistency, `info` for style.
    pub severity: Severity,
    /// A sentence a fact-checker can paste into a note.
    pub message: String,
    /// The differing forms, as written.
    pub variants: Vec<String>,
    /// Every place a variant occurs.
    pub locations: Vec<Location>,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Style: capitalisation and similar.
    Info,
    /// An inconsistency.
    Warning,
    /// A contradicted fact.
    Error,
}

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct Location {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
}
