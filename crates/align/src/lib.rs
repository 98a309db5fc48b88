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
mod coverage;
mod diff;
mod error;
mod index;
mod language;
mod matching;
mod model;

pub use checks::{check_documents, terms, ChecksConfig, Glossary, TermEntry, Terms};
pub use config::Config;
pub use error::{Error, ErrorKind};
pub use language::Language;
pub use model::{
    Alignment, ArticleAlignment, CoverageStatus, DiffOp, DiffTag, Finding, Location, OfficialSection,
    OfficialSentence, OfficialText, PointCoverage, PressSentence, Relation, Severity, Source, SCHEMA_VERSION,
};

use crosscheck_parse::Document;

/// Hash map for hot paths.
pub(crate) type FxHashMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// Hash set for hot paths.
pub(crate) type FxHashSet<T> = rustc_hash::FxHashSet<T>;

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
        self.config.validate()?;
        if official.sentences().next().is_none() {
            return Err(Error::new(
                ErrorKind::EmptyOfficial,
                format!("{}: no sentence to align against", official.path),
            ));
        }
        let index = index::Index::build(official, &self.config);
        let points = coverage::points(official, &index, &self.config);
        let text = official_text(official);
        Ok(Aligner {
            prepared: checks::OfficialChecks::new(official, &text, &self.config.checks),
            official: official.clone(),
            text,
            index,
            points,
            config: self.config,
            glossary: self.glossary,
        })
    }
}

/// An article read into weighted terms by [`Aligner::prepare`] (valid for that aligner only).
#[derive(Debug, Clone)]
pub struct Prepared {
    terms: Vec<index::Terms>,
}

/// How [`Aligner::nearest`] finds the official sentences most like a press sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// Through the inverted index of weighted words (what the aligner uses).
    Index,
    /// By scoring every official sentence (all pairs).
    Scan,
}

/// The alignment engine for one official text. Immutable once built, `Send + Sync`: share it across
/// threads to align many articles.
#[derive(Debug, Clone)]
pub struct Aligner {
    config: Config,
    official: Document,
    text: OfficialText,
    glossary: Option<Glossary>,
    index: index::Index,
    points: Vec<coverage::PointInfo>,
    /// The official side of the consistency checks.
    prepared: checks::OfficialChecks,
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

    /// The language used for matching (detected from the official text unless configured).
    pub fn language(&self) -> Language {
        self.index.language
    }

    /// Reads an article's content sentences into the weighted terms the matching works on (the
    /// first step of [`Aligner::align`]), for [`Aligner::nearest`].
    pub fn prepare(&self, article: &Document) -> Prepared {
        let mut unknown = FxHashMap::default();
        let mut terms: Vec<index::Terms> = article
            .sentences()
            .map(|(_, s)| s)
            .filter(|s| s.role.is_content())
            .map(|s| self.index.terms_of(s, &mut unknown))
            .collect();
        self.index.weigh(&mut terms);
        Prepared { terms }
    }

    /// The candidate search alone: for each content sentence of a prepared article, in order, the
    /// official sentences (numbered from 0 in document order) most like it, best first, at most
    /// `limit`. [`Search::Index`] ranks the sentences that share weighted words with it through the
    /// inverted index, as [`Aligner::align`] does before scoring (unless [`Config::exhaustive`] is
    /// set, which this ignores); [`Search::Scan`] scores every official sentence with the matching
    /// score (the all-pairs scan). For benchmarks and for checking that the index does not lose
    /// sources.
    pub fn nearest(&self, article: &Prepared, limit: usize, search: Search) -> Vec<Vec<usize>> {
        article
            .terms
            .iter()
            .map(|p| match search {
                Search::Index => self.index.candidates(p, limit),
                Search::Scan => matching::scan(&self.index, p, limit, &self.config),
            })
            .collect()
    }

    /// Aligns one article: sources and relation of every sentence, coverage of every point.
    /// Findings are left empty here; consistency checks fill them.
    pub fn align(&self, article: &Document) -> ArticleAlignment {
        let Prepared { terms } = self.prepare(article);
        let vocabulary = self.index.vocabulary_len() as index::Term;
        // One bit per official term.
        let article_terms = index::bit_set(
            terms
                .iter()
                .flat_map(|t| t.terms.iter().map(|&t| t as usize))
                .filter(|&t| t < vocabulary as usize),
            vocabulary as usize,
        );
        let mut cited: Vec<(&index::Terms, Vec<usize>)> = Vec::with_capacity(terms.len());
        let mut sentences = Vec::new();
        let mut next_content = 0;
        for (i, (_, s)) in article.sentences().enumerate() {
            let mut out = PressSentence {
                id: format!("s{}", i + 1),
                text: s.text.clone(),
                lines: s.lines,
                role: s.role,
                relation: Relation::NotContent,
                score: 0.0,
                sources: Vec::new(),
                diff: Vec::new(),
            };
            if s.role.is_content() {
                let p = &terms[next_content];
                next_content += 1;
                let m = matching::match_sentence(&self.index, p, &self.config);
                out.relation = m.relation;
                out.score = coverage::round(m.score);
                out.sources = m
                    .sources
                    .iter()
                    .map(|&(j, score)| {
                        let e = &self.index.sentences[j];
                        Source {
                            point: e.point,
                            sentence: e.id.clone(),
                            score: coverage::round(score),
                            lines: e.lines,
                        }
                    })
                    .collect();
                let mut in_order: Vec<usize> = m.sources.iter().map(|&(j, _)| j).collect();
                in_order.sort_unstable();
                if !in_order.is_empty() {
                    let sources = || in_order.iter().map(|&j| &self.index.sentences[j]);
                    let old: Vec<&str> = sources().flat_map(|e| e.words()).collect();
                    let old_ids: Vec<u32> = sources().flat_map(|e| e.word_ids.iter().copied()).collect();
                    // One source (most sentences): its words' pattern was made with the index.
                    let pattern = match in_order.as_slice() {
                        [j] => self.index.sentences[*j].word_pattern.as_ref(),
                        _ => None,
                    };
                    let max = self.config.max_diff_words;
                    let id_of = |w: &str| self.index.word_id(w);
                    out.diff = diff::word_diff_ids(&old, &old_ids, pattern, &s.text, id_of, max);
                }
                cited.push((p, in_order));
            }
            sentences.push(out);
        }
        let coverage = coverage::coverage(&self.index, &self.points, &cited, &article_terms, &self.config);
        ArticleAlignment { path: article.path.clone(), sentences, coverage, findings: Vec::new() }
    }

    /// Runs the consistency checks on aligned articles: fills each `alignments[i].findings` with
    /// the findings of `articles[i]` (its naming against the official text, its numbers, dates and
    /// quotations against its sources) and returns the shared ones (inside the official text, or
    /// across articles) for [`Alignment::findings`]. Each finding is reported once. `articles` and
    /// `alignments` are in the same order, as [`Aligner::align`] produced them. Only the articles'
    /// text is read: their match data may have been freed ([`Document::drop_match_data`]).
    pub fn check(&self, articles: &[Document], alignments: &mut [ArticleAlignment]) -> Vec<Finding> {
        let pairs: Vec<(&Document, &ArticleAlignment)> = articles.iter().zip(alignments.iter()).collect();
        let result = checks::check(
            &self.official,
            &self.prepared,
            &self.text,
            &pairs,
            self.glossary.as_ref(),
            &self.config.checks,
        );
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
