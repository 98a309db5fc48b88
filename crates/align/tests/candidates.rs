//! The inverted index as a candidate search: it must keep the official sentence an all-pairs scan
//! finds best, on the seed pair and on each held-out pair.

use std::path::PathBuf;

use crosscheck_align::{Aligner, Search};
use crosscheck_parse::{Document, Kind, Parser};

fn read(pair: &str, file: &str, kind: Kind) -> Document {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", "data", pair, file].iter().collect();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Parser::builder().kind(kind).build().parse(file, &bytes).expect("parses")
}

/// Share of press sentences with a best scanned source whose best source is among the index's
/// candidates, and how many such sentences there are.
fn index_recall(pair: &str, press: &str) -> (f64, usize) {
    let aligner = Aligner::builder().build(&read(pair, "official.txt", Kind::Official)).expect("builds");
    let article = read(pair, press, Kind::Press);
    let limit = aligner.config().candidates;
    let prepared = aligner.prepare(&article);
    let index = aligner.nearest(&prepared, limit, Search::Index);
    let scan = aligner.nearest(&prepared, 1, Search::Scan);
    assert_eq!(index.len(), scan.len(), "one list per content sentence");
    let with_source: Vec<(&Vec<usize>, usize)> =
        index.iter().zip(&scan).filter_map(|(i, s)| s.first().map(|&best| (i, best))).collect();
    let kept = with_source.iter().filter(|(i, best)| i.contains(best)).count();
    (kept as f64 / with_source.len().max(1) as f64, with_source.len())
}

#[test]
fn the_index_keeps_the_best_scanned_source_of_every_seed_press_sentence() {
    let (recall, n) = index_recall("vn-kr-2025", "press-1.txt");
    eprintln!("vn-kr-2025: recall {recall:.3} of {n}");
    assert!(n >= 20, "{n} sentences with a source");
    assert_eq!(recall, 1.0);
}

#[test]
fn the_index_keeps_the_best_scanned_source_on_held_out_pairs() {
    for pair in ["heldout/en-joint-statement", "heldout/vi-communique", "heldout/en-plain-rewrite"] {
        let (recall, n) = index_recall(pair, "press.txt");
        eprintln!("{pair}: recall {recall:.3} of {n}");
        assert_eq!(recall, 1.0, "{pair}: of {n}");
    }
}

#[test]
fn the_scan_ranks_a_copied_sentence_first() {
    let official = Parser::builder()
        .kind(Kind::Official)
        .build()
        .parse("o.txt", b"1. The river bridge opens in 2030.\n\n2. Flood data is shared weekly.\n")
        .expect("parses");
    let article = Parser::builder()
        .kind(Kind::Press)
        .build()
        .parse("p.txt", b"Flood data is shared weekly.\n")
        .expect("parses");
    let aligner = Aligner::builder().build(&official).expect("builds");
    let prepared = aligner.prepare(&article);
    assert_eq!(aligner.nearest(&prepared, 2, Search::Scan), [vec![1]]);
    assert_eq!(aligner.nearest(&prepared, 2, Search::Index)[0].first(), Some(&1));
}
