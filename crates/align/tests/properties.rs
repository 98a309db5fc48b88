//! Property tests of compare: for adversarial official texts and articles, aligning never panics,
//! every press sentence is reported once with lines inside the article, every source names an
//! official sentence that exists, scores are between 0 and 1, and the result serialises to JSON.

use std::collections::HashMap;

use crosscheck_align::{Aligner, Config};
use crosscheck_parse::{Kind, Parser};
use proptest::prelude::*;

/// Pieces of official texts and articles: markers, dates, amounts, acronyms, names in two
/// spellings, captions, dots, brackets, combining marks and breaks.
const PIECES: &[&str] = &[
    "1. ",
    "2. ",
    "(3) ",
    "Điều 4. ",
    "II. ",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    ". ",
    "...",
    "(",
    ")",
    "“",
    "”",
    "Hai bên nhất trí",
    "tăng cường hợp tác",
    "kinh tế",
    "năm 2030",
    "13/8/2025",
    "150 tỷ USD",
    "1.000",
    "2.5%",
    "VKFTA",
    "KVFTA",
    "Lee Jae Myung",
    "Lee Jae-myung",
    "Hiệp định Thương mại Tự do",
    "Ảnh: TTXVN",
    " date 2025-08-11 ",
    "theo TTXVN.",
    "The parties agreed",
    "U.S.",
    "Mr. Smith",
    "e\u{0301}",
    "\u{200B}",
    "\u{00A0}",
    "\t",
    "Như Tâm",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn aligning_adversarial_documents_never_panics_and_cites_real_sentences(official in text(), article in text()) {
        let Ok(official) = Parser::builder().kind(Kind::Official).build().parse("o.txt", official.as_bytes()) else {
            return Ok(());
        };
        let Ok(article_doc) = Parser::builder().kind(Kind::Press).build().parse("a.txt", article.as_bytes()) else {
            return Ok(());
        };
        let aligner = Aligner::builder().config(Config::default()).build(&official).unwrap();
        let ids: HashMap<String, [usize; 2]> = aligner
            .official()
            .sections
            .iter()
            .flat_map(|s| s.sentences.iter().map(|t| (t.id.clone(), t.lines)))
            .collect();
        let aligned = aligner.align(&article_doc);
        prop_assert_eq!(aligned.sentences.len(), article_doc.sentences().count());
        let lines = article.matches('\n').count() + article.matches('\r').count() + 1;
        for s in &aligned.sentences {
            prop_assert!(1 <= s.lines[0] && s.lines[0] <= s.lines[1] && s.lines[1] <= lines);
            prop_assert!((0.0..=1.0).contains(&s.score), "score {}", s.score);
            for src in &s.sources {
                prop_assert_eq!(ids.get(&src.sentence), Some(&src.lines), "source {}", src.sentence);
                prop_assert!((0.0..=1.0).contains(&src.score));
            }
        }
        let points: Vec<u32> = aligner.official().sections.iter().map(|s| s.point).collect();
        let mut previous = None;
        for c in &aligned.coverage {
            prop_assert!(points.contains(&c.point), "coverage of unknown point {}", c.point);
            prop_assert!(previous < Some(c.point), "coverage out of order");
            prop_assert!((0.0..=1.0).contains(&c.score));
            previous = Some(c.point);
        }
        let alignment = aligner.alignment(vec![aligned]);
        prop_assert!(serde_json::to_string(&alignment).is_ok());
    }
}
