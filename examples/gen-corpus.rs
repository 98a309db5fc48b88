//! Generates a synthetic press corpus about an official document, for benchmarks and load tests:
//!
//! ```text
//! cargo run --release --example gen-corpus -- --official data/vn-kr-2025/official.txt \
//!     --n 1000 --seed 7 --out target/corpus            # one .txt file per article
//! cargo run --release --example gen-corpus -- --official data/vn-kr-2025/official.txt \
//!     --n 1000 --seed 7 --jsonl target/corpus.jsonl    # {"id": …, "text": …} per line
//! ```
//!
//! The same arguments always give the same files. How articles are made: `benches/corpus/mod.rs`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser as _;
use crosscheck_parse::{Kind, Parser};

/// Generate synthetic press articles about an official document.
#[derive(Debug, clap::Parser)]
struct Args {
    /// The official document the articles report on.
    #[arg(long)]
    official: PathBuf,
    /// How many articles.
    #[arg(long, default_value_t = 1000)]
    n: u64,
    /// Seed of the random generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Write one `article-NNNNNN.txt` per article into this directory.
    #[arg(long, required_unless_present = "jsonl")]
    out: Option<PathBuf>,
    /// Write the articles as JSON lines (`{"id": N, "text": …}`) to this file (`-` for stdout).
    #[arg(long)]
    jsonl: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let name = args.official.display().to_string();
    let bytes = std::fs::read(&args.official).with_context(|| format!("reading {name}"))?;
    let official = Parser::builder().kind(Kind::Official).build().parse(&name, &bytes)?;
    let generator = corpus::Generator::new(&official);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for i in 0..args.n {
            let path = dir.join(format!("article-{i:06}.txt"));
            std::fs::write(&path, generator.article(args.seed, i))
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    if let Some(path) = &args.jsonl {
        let sink: Box<dyn Write> = if path.as_os_str() == "-" {
            Box::new(std::io::stdout().lock())
        } else {
            Box::new(std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?)
        };
        let mut out = BufWriter::new(sink);
        for i in 0..args.n {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({"id": i, "text": generator.article(args.seed, i)}),
            )?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(())
}
