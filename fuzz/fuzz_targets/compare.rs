//! Fuzzes compare: the input holds an official text and an article separated by a line `=====`
//! (or is cut in half without one); both are parsed and the article aligned. Never a panic, and the
//! result serialises to JSON.
#![no_main]

use crosscheck_align::{Aligner, Config};
use crosscheck_parse::{Kind, Parser};
use libfuzzer_sys::fuzz_target;

const SEPARATOR: &[u8] = b"\n=====\n";

fuzz_target!(|data: &[u8]| {
    let (official, article) = match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(at) => (&data[..at], &data[at + SEPARATOR.len()..]),
        None => data.split_at(data.len() / 2),
    };
    let Ok(official) = Parser::builder().kind(Kind::Official).build().parse("official.txt", official) else {
        return;
    };
    let Ok(article) = Parser::builder().kind(Kind::Press).build().parse("article.txt", article) else {
        return;
    };
    let Ok(aligner) = Aligner::builder().config(Config::default()).build(&official) else { return };
    let aligned = aligner.align(&article);
    let alignment = aligner.alignment(vec![aligned]);
    serde_json::to_string(&alignment).expect("an alignment serialises");
});
