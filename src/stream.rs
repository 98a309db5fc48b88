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

/// One input line (without its `\n` or `\r\n`).
enum Line {
    /// A line of UTF-8 text.
    Text(String),
    /// A line that is not UTF-8: the offset of its first bad byte in the input (from 0, as the
    /// parser counts bytes in a file), that byte, and the line read with the bad bytes replaced
    /// (for the record's id).
    NotUtf8 { at: usize, byte: u8, lossy: String },
}

impl Line {
    /// Reads `bytes`, which start at byte `offset` of the input, as a line.
    fn of(bytes: &[u8], offset: usize) -> Line {
        // `simdutf8` checks a line of a generated article with 73 K fewer instructions than the
        // standard library did (docs/PERFORMANCE.md, session 10).
        match simdutf8::compat::from_utf8(bytes) {
            Ok(text) => Line::Text(text.to_owned()),
            Err(e) => Line::NotUtf8 {
                at: offset + e.valid_up_to(),
                byte: bytes[e.valid_up_to()],
                lossy: String::from_utf8_lossy(bytes).into_owned(),
            },
        }
    }

    /// True for a line of white space only (skipped).
    fn is_blank(&self) -> bool {
        matches!(self, Line::Text(text) if text.trim().is_empty())
    }
}

/// Reads the lines of `input` into `tx`, numbered from 1, until the input ends, a read fails (sent
/// as the last item) or the receiver is gone.
fn read_lines<R: BufRead>(mut input: R, tx: &mpsc::SyncSender<std::io::Result<(usize, Line)>>) {
    let mut bytes = Vec::new();
    let mut offset = 0;
    for number in 1.. {
        bytes.clear();
        let read = match input.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                let _ = tx.send(Err(e));
                break;
            }
        };
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        if tx.send(Ok((number, Line::of(&bytes, offset)))).is_err() {
            break;
        }
        offset += read;
    }
}

/// The id of a line that is not a valid record, if it has one.
fn id_of(line: &str) -> Value {
    serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(Value::Null)
}

fn answer(
    aligner: &Aligner,
    number: usize,
    line: &Line,
    encoding: Option<Encoding>,
) -> anyhow::Result<Answer> {
    let failed = |id: &Value, error: String| -> anyhow::Result<Answer> {
        let line = serde_json::to_vec(&Failed { id, error: error.clone() })?;
        Ok(Answer { line, error: Some(error) })
    };
    let line = match line {
        Line::Text(text) => text,
        Line::NotUtf8 { at, byte, lossy } => {
            // An id with a replaced byte is not the one the producer sent.
            let id =
                Some(id_of(lossy)).filter(|id| !id.to_string().contains('\u{FFFD}')).unwrap_or(Value::Null);
            return failed(&id, format!("stdin line {number}, byte {at}: invalid UTF-8 (byte 0x{byte:02X})"));
        }
    };
    // A byte order mark opening the stream (an editor's) is not part of the first record.
    let line = if number == 1 { line.strip_prefix('\u{FEFF}').unwrap_or(line) } else { line };
    // Blank lines were skipped: what is left opens something else than an object.
    if let Some(crate::input::NotAnObject::Opens { found, column, .. }) = crate::input::not_an_object(line) {
        return failed(
            &Value::Null,
            format!(
                "stdin line {number}: not a valid record: expected a JSON object ({{\"id\": …, \"text\": …}} or \
                 {{\"id\": …, \"path\": …}}), found {found} at column {column}"
            ),
        );
    }
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
            crate::json::write(&mut line, &Done { id: &record.id, article: &article })?;
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
    let (tx, rx) = mpsc::sync_channel::<std::io::Result<(usize, Line)>>(CHUNK);
    let reader = std::thread::spawn(move || read_lines(input, &tx));
    let bar = progress(None);
    let mut stats = Stats::default();
    let mut chunk: Vec<(usize, Line)> = Vec::with_capacity(CHUNK);
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
            chunk.retain(|(_, line)| !line.is_blank());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A line's number and text, or the offset and value of its bad byte.
    type Read = (usize, Result<String, (usize, u8)>);

    /// What `read_lines` sends for `input`.
    fn lines_of(input: &[u8]) -> Vec<Read> {
        let (tx, rx) = mpsc::sync_channel(16);
        read_lines(std::io::Cursor::new(input.to_vec()), &tx);
        drop(tx);
        rx.iter()
            .map(|item| {
                let (number, line) = item.expect("a cursor does not fail");
                match line {
                    Line::Text(text) => (number, Ok(text)),
                    Line::NotUtf8 { at, byte, .. } => (number, Err((at, byte))),
                }
            })
            .collect()
    }

    #[test]
    fn lines_end_at_lf_or_crlf_and_the_last_needs_no_newline() {
        let text = |s: &str| Ok(s.to_string());
        let cases: [(&[u8], Vec<Read>); 5] = [
            (b"", vec![]),
            (b"a\nb", vec![(1, text("a")), (2, text("b"))]),
            (b"a\r\nb\r\n", vec![(1, text("a")), (2, text("b"))]),
            (b"\n\n", vec![(1, text("")), (2, text(""))]),
            // A lone CR is not a line end.
            (b"a\rb\n", vec![(1, text("a\rb"))]),
        ];
        for (input, want) in cases {
            assert_eq!(lines_of(input), want, "{:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn a_bad_byte_is_placed_by_its_offset_in_the_input() {
        let cases: [(&[u8], Vec<Read>); 4] = [
            (b"\xFFa\n", vec![(1, Err((0, 0xFF)))]),
            (b"ok\r\nab\xE9\n", vec![(1, Ok("ok".into())), (2, Err((6, 0xE9)))]),
            // A multi-byte character cut short by the end of the input.
            (b"ok\n\xE1\xBB", vec![(1, Ok("ok".into())), (2, Err((3, 0xE1)))]),
            (b"a\xC3\xA9\n\xC3\n", vec![(1, Ok("aé".into())), (2, Err((4, 0xC3)))]),
        ];
        for (input, want) in cases {
            assert_eq!(lines_of(input), want, "{input:?}");
        }
    }
}
