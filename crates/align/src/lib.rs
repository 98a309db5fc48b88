//! crosscheck-align aligns press articles to an official text: for every press sentence its
//! sources and relation, for every official point its coverage, and the findings of the
//! consistency checks.
//!
//! ```
//! use crosscheck_align::{Aligner, Config, Relation};
//! use crosscheck_parse::{Kind, Parser};
//!
//! let official = Parser::builder().kind(Kind::Official).build()
//!     .parse("official.txt", b"1. The parties agreed to build a new bridge over the river by 2030.\n\n2. They will share flood data.\n")?;
//! let article = Parser::builder().kind(Kind::Press).build()
//!     .parse("article.txt", b"The parties agreed to build a new bridge over the river by 2030.\n")?;
//! let aligner = Aligner::builder().config(Config::default()).build(&official)?;
//! let result = aligner.align(&article);
//! assert_eq!(result.sentences[0].relation, Relation::Verbatim);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Modules: `config` (thresholds and weights), `model` (the serialised JSON contract), `error`,
//! `checks` (consistency checks: acronyms, names, capitalisation, quantities and dates, quotes,
//! glossary; see [`Aligner::check`]).

#![deny(missing_docs)]

mod checks;
mod config;
mod error;
mod model;

pub use checks::{check_documents, terms, ChecksConfig, Glossary, TermEntry, Terms};
pub use config::Config;
pub use error::{Error, ErrorKind};
pub use model::{
    Alignment, ArticleAlignment, CoverageStatus, DiffOp, DiffTag, Finding, Location, OfficialSection,
    OfficialSentence, OfficialText, PointCoverage, PressSentence, Relation, Severity, Source, SCHEMA_VERSION,
};

use crosscheck_parse::Document;

/// Configures an [`Aligner`].
#[derive(Debug, Clone, Default)]
pub struct AlignerBuilder {
    config: Config,
    glossary: Option<Glossary>,
}

impl AlignerBuilder {
    /// Uses these thresholds and weights.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Uses this glossary in the consistency checks.
    pub fn glossary(mut self, glossary: Option<Glossary>) -> Self {
        self.glossary = glossary;
        self
    }

    /// Prepares the official text (its index and term weights) and returns the engine.
    pub fn build(self, official: &Document) -> Result<Aligner, Error> {
        if official.sentences().next().is_none() {
            return Err(Error::new(
                ErrorKind::EmptyOfficial,
                format!("{}: no sentence to align against", official.path),
            ));
        }
        Ok(Aligner {
            config: self.config,
            official: official.clone(),
            text: official_text(official),
            glossary: self.glossary,
        })
    }
}

/// The alignment engine for one official text. Immutable once built, `Send + Sync`: share it across
/// threads to align many articles.
#[derive(Debug, Clone)]
pub struct Aligner {
    config: Config,
    official: Document,
    text: OfficialText,
    glossary: Option<Glossary>,
}

fn official_text(doc: &Document) -> OfficialText {
    let sections = doc
        .sections
        .iter()
        .map(|s| {
            let point = s.number.unwrap_or(0);
            OfficialSection {
                point,
                lines: s.lines,
                sentences: s
                    .sentences
                    .iter()
                    .enumerate()
                    .map(|(i, t)| OfficialSentence {
                        id: format!("p{point}.s{}", i + 1),
                        text: t.text.clone(),
                        lines: t.lines,
                    })
                    .collect(),
            }
        })
        .collect();
    OfficialText { path: doc.path.clone(), sections }
}

impl Aligner {
    /// A builder with the default configuration.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::default()
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The official document the engine was built for.
    pub fn official_document(&self) -> &Document {
        &self.official
    }

    /// The official text as the alignment cites it.
    pub fn official(&self) -> &OfficialText {
        &self.text
    }

    /// Aligns one article.
    pub fn align(&self, article: &Document) -> ArticleAlignment {
        todo!("aligner for {}", article.path)
    }

    /// Runs the consistency checks on aligned articles: fills each `alignments[i].findings` with
    /// the findings of `articles[i]` (its naming against the official text, its numbers, dates and
    /// quotations against its sources) and returns the shared ones (inside the official text, or
    /// across articles) for [`Alignment::findings`]. Each finding is reported once. `articles` and
    /// `alignments` are in the same order, as [`Aligner::align`] produced them.
    pub fn check(&self, articles: &[Document], alignments: &mut [ArticleAlignment]) -> Vec<Finding> {
        let pairs: Vec<(&Document, &ArticleAlignment)> = articles.iter().zip(alignments.iter()).collect();
        let result =
            checks::check(&self.official, &self.text, &pairs, self.glossary.as_ref(), &self.config.checks);
        for (alignment, found) in alignments.iter_mut().zip(result.per_article) {
            alignment.findings.extend(found);
        }
        result.shared
    }

    /// Puts aligned articles together into the whole result.
    pub fn alignment(&self, articles: Vec<ArticleAlignment>) -> Alignment {
        Alignment {
            schema_version: SCHEMA_VERSION,
            official: self.text.clone(),
            articles,
            findings: Vec::new(),
        }
    }
}
