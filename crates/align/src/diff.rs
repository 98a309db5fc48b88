//! Word-level diff of a press sentence against its sources.

use crate::model::{DiffOp, DiffTag};
use crate::FxHashMap;

/// [`word_diff_ids`] of two texts, numbering the words here (what the aligner does with the
/// official words numbered beforehand).
#[cfg(test)]
fn word_diff(official: &str, press: &str, max_words: usize) -> Vec<DiffOp> {
    let old: Vec<&str> = official.split_whitespace().collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let old_ids: Vec<u32> = old
        .iter()
        .map(|w| {
            let next = ids.len() as u32;
            *ids.entry(w).or_insert(next)
        })
        .collect();
    word_diff_ids(&old, &old_ids, None, press, |w| ids.get(w).copied(), max_words)
}

/// Diffs the official words `old` (the sources' texts split at whitespace, in order) against
/// `press`, word by word (a longest common subsequence of whitespace-separated words, compared
/// exactly, so a change of case shows). The official words come numbered: `old_ids` gives equal
/// words equal ids, and `id_of` gives a press word the id of the equal official word, if there is
/// one (the diff compares ids, not strings: the comparisons are the hot loop); `old_pattern` is the
/// [`Pattern`] of `old_ids` reversed, when it was made beforehand. Runs of one kind are
/// merged into one piece; every piece but the first starts with the space before it, so the
/// `equal` and `insert` pieces concatenate (trimmed) to the press text and the `equal` and `delete`
/// pieces to the official text. Beyond `max_words` words in either text no diff is made (an empty
/// list).
pub(crate) fn word_diff_ids(
    old: &[&str],
    old_ids: &[u32],
    old_pattern: Option<&Pattern>,
    press: &str,
    id_of: impl Fn(&str) -> Option<u32>,
    max_words: usize,
) -> Vec<DiffOp> {
    let new: Vec<&str> = press.split_whitespace().collect();
    if old.len() > max_words || new.len() > max_words {
        return Vec::new();
    }
    let mut ops: Vec<DiffOp> = Vec::new();
    // A run of words becomes one piece, its text written once at its full size.
    let mut push = |op: DiffTag, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let first = ops.is_empty();
        match ops.last_mut() {
            Some(last) if last.op == op => {
                for w in words {
                    last.text.push(' ');
                    last.text.push_str(w);
                }
            }
            _ => {
                let len = words.iter().map(|w| w.len() + 1).sum::<usize>() - usize::from(first);
                let mut text = String::with_capacity(len);
                for (k, w) in words.iter().enumerate() {
                    if k > 0 || !first {
                        text.push(' ');
                    }
                    text.push_str(w);
                }
                ops.push(DiffOp { op, text });
            }
        }
    };
    // A press word the official text does not have matches nothing: one id stands for them all.
    let new_ids: Vec<u32> = new.iter().map(|w| id_of(w).unwrap_or(u32::MAX)).collect();
    let (mut o, mut n) = (0, 0);
    let pairs = match old_pattern {
        Some(pattern) => lcs_pairs_with(old_ids, &new_ids, pattern),
        None => lcs_pairs(old_ids, &new_ids),
    };
    // The run of equal words not written yet, `new[a..b]`: it grows while pairs follow each other.
    let mut equal: Option<(usize, usize)> = None;
    for (po, pn) in pairs.into_iter().chain(std::iter::once((old.len(), new.len()))) {
        if o < po || n < pn {
            if let Some((a, b)) = equal.take() {
                push(DiffTag::Equal, &new[a..b]);
            }
        }
        push(DiffTag::Delete, &old[o..po]);
        push(DiffTag::Insert, &new[n..pn]);
        if po < old.len() {
            equal = Some(equal.map_or((pn, pn + 1), |(a, _)| (a, pn + 1)));
        }
        (o, n) = (po + 1, pn + 1);
    }
    if let Some((a, b)) = equal {
        push(DiffTag::Equal, &new[a..b]);
    }
    ops
}

/// Where each symbol of a sequence is, as bits, `words` machine words per distinct symbol: what the
/// bit-vector LCS ([`LcsRows`]) reads of its second sequence, made once for a sequence compared
/// many times.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// Length of the sequence.
    len: usize,
    /// Machine words per symbol.
    words: usize,
    /// The slot of each distinct symbol in `masks`.
    slot: FxHashMap<u32, usize>,
    /// `words` machine words per distinct symbol: bit `j` set where the sequence has it.
    masks: Vec<u64>,
}

impl Pattern {
    /// The pattern of `b`.
    pub(crate) fn new(b: &[u32]) -> Pattern {
        let words = b.len().div_ceil(64).max(1);
        let mut slot: FxHashMap<u32, usize> =
            FxHashMap::with_capacity_and_hasher(b.len(), Default::default());
        let mut masks: Vec<u64> = Vec::with_capacity(b.len() * words);
        for (j, &x) in b.iter().enumerate() {
            let next = slot.len();
            let k = *slot.entry(x).or_insert(next);
            if k == next {
                masks.resize(masks.len() + words, 0);
            }
            masks[k * words + j / 64] |= 1 << (j % 64);
        }
        Pattern { len: b.len(), words, slot, masks }
    }
}

/// Longest-common-subsequence lengths of `a[..i]` and every prefix of `b`, for every `i`, computed
/// 64 positions of `b` at a time (the bit-vector algorithm of Allison and Dix, as Hyyrö writes it).
/// Row `i` holds one bit per position of `b`: bit `j` is set when `b[j]` lengthens the common
/// subsequence of `a[..i]` and `b[..=j]`, so a length is a count of set bits.
struct LcsRows {
    /// Machine words per row.
    words: usize,
    /// Rows `0..=a.len()` (only the last when not kept), `words` each.
    rows: Vec<u64>,
}

impl LcsRows {
    /// The rows of `a` against `b` (its [`Pattern`]); all of them when `keep_all`, else only the
    /// last.
    fn new(a: &[u32], b: &Pattern, keep_all: bool) -> LcsRows {
        let Pattern { len, words, slot, masks } = b;
        let words = *words;
        let mut v = vec![u64::MAX; words];
        let mut rows = if keep_all { Vec::with_capacity((a.len() + 1) * words) } else { Vec::new() };
        let push = |rows: &mut Vec<u64>, v: &[u64]| rows.extend(v.iter().map(|x| !x));
        if keep_all {
            push(&mut rows, &v);
        }
        for x in a {
            if let Some(&k) = slot.get(x) {
                let m = &masks[k * words..(k + 1) * words];
                let mut carry = false;
                for (vk, &mk) in v.iter_mut().zip(m) {
                    let u = *vk & mk;
                    let (sum, c1) = vk.overflowing_add(u);
                    let (sum, c2) = sum.overflowing_add(u64::from(carry));
                    carry = c1 || c2;
                    *vk = sum | (*vk - u);
                }
            }
            if keep_all {
                push(&mut rows, &v);
            }
        }
        if !keep_all {
            push(&mut rows, &v);
        }
        // Bits past the end of `b` are not positions.
        if len % 64 != 0 {
            let tail = (1u64 << (len % 64)) - 1;
            rows.iter_mut().skip(words - 1).step_by(words).for_each(|x| *x &= tail);
        }
        LcsRows { words, rows }
    }

    /// The length for row `i` (`a[..i]`, counted among the kept rows) and `b[..j]`.
    #[inline]
    fn get(&self, i: usize, j: usize) -> u32 {
        let row = &self.rows[i * self.words..(i + 1) * self.words];
        let whole: u32 = row[..j / 64].iter().map(|x| x.count_ones()).sum();
        let part = if j % 64 == 0 { 0 } else { (row[j / 64] & ((1u64 << (j % 64)) - 1)).count_ones() };
        whole + part
    }
}

/// Length of a longest common subsequence of `a` and `b`.
#[cfg(test)]
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    lcs_len_with(a, &Pattern::new(b))
}

/// Length of a longest common subsequence of `a` and the sequence of `b`.
pub(crate) fn lcs_len_with(a: &[u32], b: &Pattern) -> usize {
    LcsRows::new(a, b, false).get(0, b.len) as usize
}

/// Where in `b` a longest common subsequence of `a` and `b` is copied from, as `(start, end,
/// length)` with `b[start..end]` holding one: the earliest end by which a whole one is copied, then
/// the latest start from which one still fits before it (the tightest such stretch unless part of
/// `b` repeats); `None` when the two share nothing. `b_pattern` is the [`Pattern`] of `b` when it
/// was made already.
pub(crate) fn lcs_window(a: &[u32], b: &[u32], b_pattern: Option<&Pattern>) -> Option<(usize, usize, usize)> {
    let made;
    let pattern = match b_pattern {
        Some(pattern) => pattern,
        None => {
            made = Pattern::new(b);
            &made
        }
    };
    // Lengths against every prefix of `b`; they rise with it, so the first to reach the whole
    // length is the end.
    let prefixes = LcsRows::new(a, pattern, false);
    let len = prefixes.get(0, b.len());
    if len == 0 {
        return None;
    }
    let end = (1..=b.len()).find(|&j| prefixes.get(0, j) == len).unwrap_or(b.len());
    // Lengths against every stretch `b[end - k..end]`: rows over `b[..end]` reversed, bits over
    // `a` reversed.
    let rb: Vec<u32> = b[..end].iter().rev().copied().collect();
    let ra: Vec<u32> = a.iter().rev().copied().collect();
    let stretches = LcsRows::new(&rb, &Pattern::new(&ra), true);
    let k = (1..=end).find(|&k| stretches.get(k, a.len()) == len).unwrap_or(end);
    Some((end - k, end, len as usize))
}

/// Index pairs `(i, j)`, in order, of a longest common subsequence (`a[i] == b[j]`): walking from
/// the start, a match is taken when the words are equal, else the step that keeps the longest
/// common subsequence of what is left, skipping in `a` on a tie. Rows of bits over `b` reversed
/// give the lengths of the suffixes; memory is `a.len() × b.len() / 8` bytes.
pub(crate) fn lcs_pairs(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let ra: Vec<u32> = a.iter().rev().copied().collect();
    lcs_pairs_with(a, b, &Pattern::new(&ra))
}

/// [`lcs_pairs`], given the [`Pattern`] of `a` reversed (made once for a text diffed many times).
/// The rows run over `b` reversed with bits over `a` reversed: the suffix lengths are the same
/// (a longest common subsequence is as long either way round), and so are the pairs.
pub(crate) fn lcs_pairs_with(a: &[u32], b: &[u32], a_reversed: &Pattern) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let rb: Vec<u32> = b.iter().rev().copied().collect();
    let rows = LcsRows::new(&rb, a_reversed, true);
    // Longest common subsequence of `a[i..]` and `b[j..]`.
    let suffix = |i: usize, j: usize| rows.get(m - j, n - i);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if suffix(i + 1, j) >= suffix(i, j + 1) {
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

    /// The dynamic programme the bit rows stand for: suffix lengths, one cell per pair.
    fn lcs_table(a: &[u32], b: &[u32]) -> Vec<Vec<u32>> {
        let mut t = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                t[i][j] = if a[i] == b[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
            }
        }
        t
    }

    fn pairs_by_table(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
        let t = lcs_table(a, b);
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < a.len() && j < b.len() {
            if a[i] == b[j] {
                out.push((i, j));
                (i, j) = (i + 1, j + 1);
            } else if t[i + 1][j] >= t[i][j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn pieces_rebuild_both_texts_and_alternate_in_kind(
            old in proptest::collection::vec(0usize..5, 0..40),
            new in proptest::collection::vec(0usize..5, 0..40),
        ) {
            let word = |w: &usize| ["a", "b", "c", "d", "e"][*w];
            let official = old.iter().map(word).collect::<Vec<_>>().join(" ");
            let press = new.iter().map(word).collect::<Vec<_>>().join(" ");
            let ops = word_diff(&official, &press, 100);
            proptest::prop_assert_eq!(side(&ops, DiffTag::Insert), press);
            proptest::prop_assert_eq!(side(&ops, DiffTag::Delete), official);
            proptest::prop_assert!(ops.windows(2).all(|w| w[0].op != w[1].op));
        }

        #[test]
        fn bit_rows_give_the_same_lengths_and_pairs_as_the_full_table(
            a in proptest::collection::vec(0u32..6, 0..150),
            b in proptest::collection::vec(0u32..6, 0..150),
        ) {
            proptest::prop_assert_eq!(lcs_len(&a, &b), lcs_table(&a, &b)[0][0] as usize);
            proptest::prop_assert_eq!(lcs_pairs(&a, &b), pairs_by_table(&a, &b));
        }

        #[test]
        fn the_copied_window_is_the_earliest_end_then_the_latest_start_holding_a_whole_lcs(
            a in proptest::collection::vec(0u32..6, 0..60),
            b in proptest::collection::vec(0u32..6, 0..60),
        ) {
            let len = lcs_table(&a, &b)[0][0] as usize;
            let lcs = |s: usize, e: usize| lcs_table(&a, &b[s..e])[0][0] as usize;
            let want = (len > 0).then(|| {
                let end = (0..=b.len()).find(|&e| lcs(0, e) == len).unwrap();
                let start = (0..end).rev().find(|&s| lcs(s, end) == len).unwrap();
                (start, end, len)
            });
            proptest::prop_assert_eq!(lcs_window(&a, &b, None), want);
            proptest::prop_assert_eq!(lcs_window(&a, &b, Some(&Pattern::new(&b))), want);
        }
    }

    #[test]
    fn a_copy_spread_over_a_long_stretch_has_a_wide_window() {
        // `1 2 3` copied whole from the middle, and `1 3` with the `2` far away.
        assert_eq!(lcs_window(&[1, 2, 3], &[9, 1, 2, 3, 9], None), Some((1, 4, 3)));
        assert_eq!(lcs_window(&[1, 2, 3], &[1, 9, 9, 9, 2, 9, 9, 3], None), Some((0, 8, 3)));
        assert_eq!(lcs_window(&[1, 2], &[7, 8], None), None);
    }

    #[test]
    fn no_diff_is_made_past_the_word_limit() {
        assert!(word_diff("a b c", "a b c d", 3).is_empty());
    }
}
