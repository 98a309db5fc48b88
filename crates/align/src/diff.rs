//! Word-level diff of a press sentence against its sources.

use crate::model::{DiffOp, DiffTag};
use crate::FxHashMap;

/// Diffs `official` (the sources, joined) against `press`, word by word (a longest common
/// subsequence of whitespace-separated words, compared exactly, so a change of case shows). Runs of one kind are merged into
/// one piece; every piece but the first starts with the space before it, so the `equal` and
/// `insert` pieces concatenate (trimmed) to the press text and the `equal` and `delete` pieces to
/// the official text. Beyond `max_words` words in either text no diff is made (an empty list).
pub(crate) fn word_diff(official: &str, press: &str, max_words: usize) -> Vec<DiffOp> {
    let old: Vec<&str> = official.split_whitespace().collect();
    let new: Vec<&str> = press.split_whitespace().collect();
    if old.len() > max_words || new.len() > max_words {
        return Vec::new();
    }
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffTag, words: &[&str]| {
        for w in words {
            let first = ops.is_empty();
            match ops.last_mut() {
                Some(last) if last.op == op => {
                    last.text.push(' ');
                    last.text.push_str(w);
                }
                _ => ops.push(DiffOp { op, text: if first { (*w).to_string() } else { format!(" {w}") } }),
            }
        }
    };
    // Diff word ids, not strings: the comparisons are the hot loop.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut old_ids = Vec::with_capacity(old.len());
    for w in &old {
        let next = ids.len() as u32;
        old_ids.push(*ids.entry(w).or_insert(next));
    }
    let mut new_ids = Vec::with_capacity(new.len());
    for w in &new {
        let next = ids.len() as u32;
        new_ids.push(*ids.entry(w).or_insert(next));
    }
    let (mut o, mut n) = (0, 0);
    for (po, pn) in lcs_pairs(&old_ids, &new_ids).into_iter().chain(std::iter::once((old.len(), new.len()))) {
        push(DiffTag::Delete, &old[o..po]);
        push(DiffTag::Insert, &new[n..pn]);
        if po < old.len() {
            push(DiffTag::Equal, &new[pn..=pn]);
        }
        (o, n) = (po + 1, pn + 1);
    }
    ops
}

/// Table of longest-common-subsequence lengths of every pair of suffixes of `a` and `b`.
fn lcs_table(a: &[u32], b: &[u32]) -> Vec<u32> {
    let w = b.len() + 1;
    let mut t = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        // Row i from row i + 1, on slices so the inner loop has no bounds checks.
        let (head, tail) = t.split_at_mut((i + 1) * w);
        let cur = &mut head[i * w..];
        let next = &tail[..w];
        let ai = a[i];
        for j in (0..b.len()).rev() {
            cur[j] = if ai == b[j] { next[j + 1] + 1 } else { next[j].max(cur[j + 1]) };
        }
    }
    t
}

/// Length of a longest common subsequence of `a` and `b`.
pub(crate) fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    lcs_table(a, b).first().copied().unwrap_or(0) as usize
}

/// Index pairs `(i, j)`, in order, of a longest common subsequence (`a[i] == b[j]`). Quadratic in
/// time and memory: callers bound the lengths. Sentences are short, and this beats Myers' diff on
/// them by far.
pub(crate) fn lcs_pairs(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let t = lcs_table(a, b);
    let w = b.len() + 1;
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(ops: &[DiffOp], keep: DiffTag) -> String {
        ops.iter()
            .filter(|o| o.op == DiffTag::Equal || o.op == keep)
            .map(|o| o.text.as_str())
            .collect::<String>()
            .trim()
            .to_string()
    }

    #[test]
    fn pieces_rebuild_both_texts() {
        let official = "Phía Việt Nam cam kết sẽ đơn giản hóa thủ tục cho công dân";
        let press = "Việt Nam cam kết đơn giản hóa thủ tục cho mọi công dân";
        let ops = word_diff(official, press, 100);
        assert_eq!(side(&ops, DiffTag::Insert), press);
        assert_eq!(side(&ops, DiffTag::Delete), official);
        assert!(ops.iter().any(|o| o.op == DiffTag::Delete && o.text.trim() == "Phía"));
        assert!(ops.iter().any(|o| o.op == DiffTag::Insert && o.text.trim() == "mọi"));
    }

    #[test]
    fn no_diff_is_made_past_the_word_limit() {
        assert!(word_diff("a b c", "a b c d", 3).is_empty());
    }
}
