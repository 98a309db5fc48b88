//! The seed pair of `data/vn-kr-2025`, aligned and checked once, for the binary's unit tests.

use std::sync::OnceLock;

use crosscheck_align::{Aligner, ArticleAlignment, Finding};
use crosscheck_parse::{Kind, Parser};

/// The seed press article aligned to the seed official text and checked.
pub struct Seed {
    /// The engine built on the official text.
    pub aligner: Aligner,
    /// The press article's alignment, its findings filled in.
    pub article: ArticleAlignment,
    /// The findings that belong to no single article.
    pub shared: Vec<Finding>,
}

/// The seed pair, read, aligned and checked on first use.
pub fn seed() -> &'static Seed {
    static SEED: OnceLock<Seed> = OnceLock::new();
    SEED.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/vn-kr-2025");
        let read = |name: &str, kind| {
            let bytes = std::fs::read(root.join(name)).unwrap();
            Parser::builder().kind(kind).build().parse(name, &bytes).unwrap()
        };
        let official = read("official.txt", Kind::Official);
        let press = read("press-1.txt", Kind::Press);
        let aligner = Aligner::builder().build(&official).unwrap();
        let mut article = aligner.align(&press);
        let shared = aligner.check(std::slice::from_ref(&press), std::slice::from_mut(&mut article));
        Seed { aligner, article, shared }
    })
}
