//! Benchmarks of one article's path through crosscheck (parse, align, the whole compare with JSON
//! output) and of the aligner's candidate search: the inverted index against scoring every official
//! sentence (`Config::exhaustive`), over the same 1,000 generated articles.
//!
//! `cargo bench --bench compare` (figures in docs/PERFORMANCE.md).

mod corpus;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use crosscheck_align::{Aligner, Config, Prepared, Search};
use crosscheck_parse::{Document, Format, Kind, Parser};

const OFFICIAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/vn-kr-2025/official.txt");
const PRESS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/vn-kr-2025/press-1.txt");
const HTML: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/batch/article.html");
/// Articles in the candidate-search comparison.
const N: u64 = 1000;
const SEED: u64 = 7;

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn official() -> Document {
    Parser::builder()
        .kind(Kind::Official)
        .build()
        .parse("official.txt", &read(OFFICIAL))
        .expect("seed parses")
}

fn press_parser() -> Parser {
    Parser::builder().kind(Kind::Press).build()
}

fn parse(c: &mut Criterion) {
    let official_bytes = read(OFFICIAL);
    let press = read(PRESS);
    let html = read(HTML);
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(official_bytes.len() as u64));
    g.bench_function("official", |b| {
        let p = Parser::builder().kind(Kind::Official).build();
        b.iter(|| p.parse("official.txt", black_box(&official_bytes)).expect("parses"))
    });
    g.throughput(Throughput::Bytes(press.len() as u64));
    g.bench_function("press article (txt)", |b| {
        let p = press_parser();
        b.iter(|| p.parse("press-1.txt", black_box(&press)).expect("parses"))
    });
    g.throughput(Throughput::Bytes(html.len() as u64));
    g.bench_function("press article (html)", |b| {
        let p = Parser::builder().kind(Kind::Press).format(Format::Html).build();
        b.iter(|| p.parse("article.html", black_box(&html)).expect("parses"))
    });
    g.finish();
}

fn align(c: &mut Criterion) {
    let official = official();
    let article = press_parser().parse("press-1.txt", &read(PRESS)).expect("parses");
    let aligner = Aligner::builder().build(&official).expect("builds");
    let mut g = c.benchmark_group("align");
    g.bench_function("build aligner (index the official text)", |b| {
        b.iter(|| Aligner::builder().build(black_box(&official)).expect("builds"))
    });
    g.bench_function("one article", |b| b.iter(|| aligner.align(black_box(&article))));
    g.finish();
}

fn compare(c: &mut Criterion) {
    let aligner = Aligner::builder().build(&official()).expect("builds");
    let press = read(PRESS);
    let parser = press_parser();
    let mut g = c.benchmark_group("compare");
    g.throughput(Throughput::Elements(1));
    g.bench_function("one article: parse, align, JSON", |b| {
        b.iter_batched_ref(
            || Vec::with_capacity(64 * 1024),
            |out| {
                let doc = parser.parse("press-1.txt", black_box(&press)).expect("parses");
                let result = aligner.align(&doc);
                serde_json::to_writer(out, &result).expect("serialises");
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("one article: parse, align, check, JSON", |b| {
        b.iter_batched_ref(
            || Vec::with_capacity(64 * 1024),
            |out| {
                let doc = parser.parse("press-1.txt", black_box(&press)).expect("parses");
                let mut result = aligner.align(&doc);
                aligner.check(std::slice::from_ref(&doc), std::slice::from_mut(&mut result));
                serde_json::to_writer(out, &result).expect("serialises");
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn candidate_search(c: &mut Criterion) {
    let official = official();
    let generator = corpus::Generator::new(&official);
    let parser = press_parser();
    let articles: Vec<Document> = (0..N)
        .map(|i| parser.parse(&format!("gen-{i}"), generator.article(SEED, i).as_bytes()).expect("parses"))
        .collect();
    let aligner = Aligner::builder().build(&official).expect("builds");
    let limit = aligner.config().candidates;
    // Reading the articles into weighted terms is the same for both searches: done beforehand.
    let prepared: Vec<Prepared> = articles.iter().map(|a| aligner.prepare(a)).collect();
    let mut g = c.benchmark_group("candidate search, 1000 articles");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N));
    g.bench_function("inverted index", |b| {
        b.iter(|| {
            prepared.iter().map(|a| aligner.nearest(black_box(a), limit, Search::Index).len()).sum::<usize>()
        })
    });
    g.bench_function("all pairs", |b| {
        b.iter(|| {
            prepared.iter().map(|a| aligner.nearest(black_box(a), limit, Search::Scan).len()).sum::<usize>()
        })
    });
    g.finish();
    let exhaustive = Aligner::builder()
        .config(Config { exhaustive: true, ..Config::default() })
        .build(&official)
        .expect("builds");
    let mut g = c.benchmark_group("align, 1000 articles");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N));
    g.bench_function("index candidates", |b| {
        b.iter(|| articles.iter().map(|a| aligner.align(black_box(a)).sentences.len()).sum::<usize>())
    });
    g.bench_function("every sentence a candidate (exhaustive)", |b| {
        b.iter(|| articles.iter().map(|a| exhaustive.align(black_box(a)).sentences.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, parse, align, compare, candidate_search);
criterion_main!(benches);
