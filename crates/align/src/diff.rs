//! Word-level diff of a press sentence against its sources.

use similar::{capture_diff_slices, Algorithm};

use crate::model::{DiffOp, DiffTag};

/// Diffs `official` (the sources, joined) against `press`, word by word (Myers over whitespace
/// separated words, compared exactly, so a change of case shows). Runs of one kind are merged into
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
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => push(DiffTag::Equal, &new[n]),
            similar::DiffTag::Delete => push(DiffTag::Delete, &old[o]),
            similar::DiffTag::Insert => push(DiffTag::Insert, &new[n]),
            similar::DiffTag::Replace => {
                push(DiffTag::Delete, &old[o]);
                push(DiffTag::Insert, &new[n]);
            }
        }
    }
    ops
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
