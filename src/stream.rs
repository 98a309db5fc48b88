//! `compare --stdin-jsonl`: one JSON record per input line, one JSON line per article out, in input
//! order, each written as soon as its chunk is done. A reader thread feeds a bounded channel; the
//! main thread takes whatever records are waiting (at least one, at most [`CHUNK`]), aligns them in
//! parallel, writes their lines in order and flushes. Memory is bounded by the chunk, not by the
//! input: a slow producer gets each answer right away, a fast one gets full parallel chunks.

use std::io::{BufRead, Write};
use std::sync::mpsc;

use anyhow::Context;
use crosscheck_align::{Aligner, ArticleAlignment};
use crosscheck_parse::Encoding;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::batch::progress;
use crate::input::Record;

/// Most records aligned together (and held in memory at once, with as many waiting in the channel).
pub const CHUNK: usize = 512;

/// Bytes of output to reserve per byte of an input record (a generated article's answer is about
/// three times its record), up to [`MAX_RESERVED`].
const OUTPUT_PER_INPUT_BYTE: usize = 4;
/// Most bytes reserved for an answer before it is written (a very long record's answer grows as
/// it is written instead of taking four times the record at once).
const MAX_RESERVED: usize = 1 << 20;

/// One output line for an aligned article: the record's id, then the article alignment's fields.
#[derive(Serialize)]
struct Done<'a> {
    id: &'a Value,
    #[serde(flatten)]
    article: &'a ArticleAlignment,
}

/// One output line for a record that could not be read.
#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: String,
}

/// What one input line became.
struct Answer {
    /// The JSON line to write (without its newline).
    line: Vec<u8>,
    /// The error, for stderr, when the record could not be read.
    error: Option<String>,
}

/// The id of a line that is not a valid record, if it has one.
fn id_of(line: &str) -> Value {
    serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(Value::Null)
}

fn answer(
    aligner: &Aligner,
    number: usize,
    line: &str,
    encoding: Option<Encoding>,
) -> anyhow::Result<Answer> {
    let failed = |id: &Value, error: String| -> anyhow::Result<Answer> {
        let line = serde_json::to_vec(&Failed { id, error: error.clone() })?;
        Ok(Answer { line, error: Some(error) })
    };
    let record: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return failed(&id_of(line), format!("stdin line {number}: not a valid record: {e}")),
    };
    match record.read(encoding) {
        Ok(doc) => {
            let mut article = aligner.align(&doc);
            // Per record: the article's own findings. Findings across articles need the whole
            // corpus, which a stream never holds; those inside the official text are the same for
            // every record and are left out.
            aligner.check(std::slice::from_ref(&doc), std::slice::from_mut(&mut article));
            // An answer is a few times the size of its text (sentences, sources and their diffs):
            // room for that at once rather than a dozen doublings.
            let mut line = Vec::with_capacity((OUTPUT_PER_INPUT_BYTE * line.len()).min(MAX_RESERVED));
            serde_json::to_writer(&mut line, &Done { id: &record.id, article: &article })?;
            Ok(Answer { line, error: None })
        }
        Err(e) => failed(&record.id, format!("stdin line {number}: {e:#}")),
    }
}

/// Counts of a streaming run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Articles aligned and written.
    pub aligned: usize,
    /// Records that could not be read (an error line was written for each).
    pub skipped: usize,
}

/// Reads records from `input` until it ends and writes one line per record to `out`; files named by
/// records are read in `encoding` (detected when `None`). With `strict`, stops at the first bad
/// record (after writing its error line) with an error.
pub fn run<R, W>(
    aligner: &Aligner,
    input: R,
    out: &mut W,
    strict: bool,
    encoding: Option<Encoding>,
) -> anyhow::Result<Stats>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let (tx, rx) = mpsc::sync_channel::<std::io::Result<(usize, String)>>(CHUNK);
    let reader = std::thread::spawn(move || {
        for (i, line) in input.lines().enumerate() {
            let item = line.map(|l| (i + 1, l));
            let stop = item.is_err();
            if tx.send(item).is_err() || stop {
                break;
            }
        }
    });
    let bar = progress(None);
    let mut stats = Stats::default();
    let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
    let result = (|| -> anyhow::Result<()> {
        while let Ok(first) = rx.recv() {
            chunk.clear();
            chunk.push(first.context("reading standard input")?);
            while chunk.len() < CHUNK {
                match rx.try_recv() {
                    Ok(item) => chunk.push(item.context("reading standard input")?),
                    Err(_) => break,
                }
            }
            chunk.retain(|(_, line)| !line.trim().is_empty());
            let answers: Vec<anyhow::Result<Answer>> =
                chunk.par_iter().map(|(number, line)| answer(aligner, *number, line, encoding)).collect();
            for a in answers {
                let a = a?;
                out.write_all(&a.line)?;
                out.write_all(b"\n")?;
                match a.error {
                    None => stats.aligned += 1,
                    Some(error) => {
                        stats.skipped += 1;
                        eprintln!("crosscheck: skipped: {error}");
                        if strict {
                            out.flush()?;
                            anyhow::bail!("stopped at the first unreadable record (--strict)");
                        }
                    }
                }
            }
            out.flush()?;
            bar.inc(chunk.len() as u64);
        }
        Ok(())
    })();
    bar.finish_and_clear();
    // The reader ends when the input does or when the channel closes (on an early error).
    drop(rx);
    if result.is_ok() {
        let _ = reader.join();
    }
    result.map(|()| stats)
}
