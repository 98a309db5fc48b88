//! The synthetic corpus generator of the benchmarks (`benches/corpus/mod.rs`).

#[path = "../benches/corpus/mod.rs"]
mod generator;

use crosscheck_parse::{Document, Kind, Parser, Role};
use generator::Generator;

use crate::util::data;

fn parse(kind: Kind, name: &str, text: &str) -> Document {
    Parser::builder().kind(kind).build().parse(name, text.as_bytes()).unwrap()
}

fn seed_official() -> Document {
    parse(Kind::Official, "official.txt", &std::fs::read_to_string(data("vn-kr-2025/official.txt")).unwrap())
}

#[test]
fn the_same_seed_gives_the_same_articles_and_another_seed_other_ones() {
    let g = Generator::new(&seed_official());
    let a: Vec<String> = (0..5).map(|i| g.article(7, i)).collect();
    let b: Vec<String> = (0..5).map(|i| g.article(7, i)).collect();
    let c: Vec<String> = (0..5).map(|i| g.article(8, i)).collect();
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_ne!(a[0], a[1]);
}

#[test]
fn generated_articles_read_as_press_with_dateline_headline_and_sampled_official_text() {
    let official = seed_official();
    let official_sentences: Vec<&str> = official.sentences().map(|(_, s)| s.text.as_str()).collect();
    let g = Generator::new(&official);
    let (mut copied, mut captions, mut total) = (0, 0, 0);
    for i in 0..50 {
        let doc = parse(Kind::Press, "gen.txt", &g.article(7, i));
        let roles: Vec<Role> = doc.sentences().map(|(_, s)| s.role).collect();
        assert_eq!(roles.first(), Some(&Role::Dateline), "article {i}");
        assert!(roles.contains(&Role::Headline), "article {i}");
        captions += roles.iter().filter(|&&r| r == Role::Caption).count();
        for (_, s) in doc.sentences().filter(|(_, s)| s.role == Role::Body) {
            total += 1;
            copied += usize::from(official_sentences.contains(&s.text.as_str()));
        }
    }
    // A mix: some sentences verbatim, most of them changed.
    assert!(copied > 0 && copied < total / 2, "{copied} of {total} copied verbatim");
    assert!(captions > 0);
}

#[test]
fn the_generator_works_on_an_official_text_without_numbered_points() {
    let text = "The council approved the budget of 4 million euros for 2026, after a long debate.\n\n\
                Schools, libraries and parks will receive new funds, the mayor said.\n\n\
                A review of the spending is planned for the spring.\n";
    let official = parse(Kind::Official, "minutes.txt", text);
    let g = Generator::new(&official);
    for i in 0..20 {
        let doc = parse(Kind::Press, "gen.txt", &g.article(1, i));
        assert!(doc.sentences().count() >= 2, "article {i}");
    }
}
