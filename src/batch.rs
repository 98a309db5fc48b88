//! Many articles at once: aligned in parallel on the rayon pool, results in input order whatever
//! the thread count, unreadable articles reported and skipped (or fatal with `--strict`), and a
//! progress bar on stderr for long runs on a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;

use crosscheck_align::{Aligner, ArticleAlignment};
use crosscheck_parse::{Document, Encoding};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::input::read_article;

/// Runs with at least this many articles show a progress bar (when stderr is a terminal).
pub const PROGRESS_MIN_ARTICLES: u64 = 50;

/// A progress bar on stderr for `len` articles (`None`: unknown, a counter), drawn only when stderr
/// is a terminal and the run is long; hidden (and free) otherwise.
pub fn progress(len: Option<u64>) -> ProgressBar {
    let long = !matches!(len, Some(n) if n < PROGRESS_MIN_ARTICLES);
    if !long || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match len {
        Some(n) => (ProgressBar::new(n), "{bar:40} {pos}/{len} articles, {per_sec}, eta {eta}"),
        None => (ProgressBar::new_spinner(), "{spinner} {pos} articles, {per_sec}"),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// An article that could not be read.
#[derive(Debug)]
pub struct Skipped {
    /// The article's path.
    pub path: String,
    /// Why, with the place in the file where there is one.
    pub error: anyhow::Error,
}

/// The result of aligning a list of article files.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The parsed articles, in input order (the consistency checks read them).
    pub documents: Vec<Document>,
    /// Their alignments, in the same order.
    pub articles: Vec<ArticleAlignment>,
    /// The articles left out, in input order.
    pub skipped: Vec<Skipped>,
}

/// Reads (in `encoding`, detected when `None`) and aligns every file in parallel (on the current rayon pool), keeping input order.
pub fn align_files(aligner: &Aligner, paths: &[PathBuf], encoding: Option<Encoding>) -> Outcome {
    let bar = progress(Some(paths.len() as u64));
    let results: Vec<anyhow::Result<(Document, ArticleAlignment)>> = paths
        .par_iter()
        .map(|path| {
            let result = read_article(path, encoding).map(|mut doc| {
                let article = aligner.align(&doc);
                // The checks read the article's text only.
                doc.drop_match_data();
                (doc, article)
            });
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    let mut outcome = Outcome::default();
    for (path, result) in paths.iter().zip(results) {
        match result {
            Ok((doc, article)) => {
                outcome.documents.push(doc);
                outcome.articles.push(article);
            }
            Err(error) => outcome.skipped.push(Skipped { path: path.display().to_string(), error }),
        }
    }
    outcome
}

/// Runs `f` on a rayon pool of `threads` workers (`None` or 0: one per CPU).
pub fn with_threads<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> anyhow::Result<T> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.unwrap_or(0)).build()?;
    Ok(pool.install(f))
}
