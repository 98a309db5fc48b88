//! Word-level diff of a press sentence against its sources.

use similar::{ChangeTag, TextDiff};

use crate::model::{DiffOp, DiffTag};

/// Diffs `official` (the sources, joined) against `press`, word by word. Runs of one kind are
/// merged into one piece. Beyond `max_words` words in either text no diff is made (an empty list)
/// so adversarial input cannot make it quadratic.
pub(crate) fn word_diff(official: &str, press: &str, max_words: usize) -> Vec<DiffOp> {
    if official.split_whitespace().count() > max_words || press.split_whitespace().count() > max_words {
        return Vec::new();
    }
    let diff = TextDiff::configure().algorithm(similar::Algorithm::Patience).diff_words(official, press);
    let mut ops: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffTag::Equal,
            ChangeTag::Insert => DiffTag::Insert,
            ChangeTag::Delete => DiffTag::Delete,
        };
        let value = change.value();
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(value),
            // White space between two changed words belongs with the text around it.
            _ => ops.push(DiffOp { op, text: value.to_string() }),
        }
    }
    ops
}
