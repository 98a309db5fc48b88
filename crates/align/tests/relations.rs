//! Each relation and each coverage status on small hand-made texts (English, so the same engine is
//! exercised outside Vietnamese).

use crosscheck_align::{Aligner, ArticleAlignment, CoverageStatus, Relation};
use crosscheck_parse::{Document, Kind, Parser};

const OFFICIAL: &str = "\
Joint statement of the two governments on river cooperation.

1. The two governments agreed to build a new bridge over the Mekong river by 2030, financed by a joint fund of 2 billion dollars.

2. Both sides will share flood forecasting data every week and will train hydrologists at the regional water centre in Vientiane.

3. The parties welcomed the opening of a consulate in Danang and the expansion of direct flights between the two capitals.

4. They will cooperate on vaccine research, cancer screening programmes and the training of rural nurses.
";

fn parse_official(text: &str) -> Document {
    Parser::builder().kind(Kind::Official).build().parse("official.txt", text.as_bytes()).unwrap()
}

fn parse_press(text: &str) -> Document {
    Parser::builder().kind(Kind::Press).build().parse("press.txt", text.as_bytes()).unwrap()
}

fn align(press: &str) -> ArticleAlignment {
    let official = parse_official(OFFICIAL);
    let article = parse_press(press);
    Aligner::builder().build(&official).unwrap().align(&article)
}

fn relation_of(press: &str, needle: &str) -> (Relation, Vec<u32>) {
    let a = align(press);
    let s = a.sentences.iter().find(|s| s.text.contains(needle)).expect("sentence present");
    (s.relation, s.sources.iter().map(|x| x.point).collect())
}

const ARTICLE: &str = "\
Leaders sign river pact

The two governments agreed to build a new bridge over the Mekong river by 2030.

Both sides will share flood data each week, and the parties also welcomed the opening of a consulate in Danang.

The prime minister later praised the local football team and visited a famous noodle stall downtown.

The bridge over the Mekong will be financed by a joint fund of 2 billion dollars, officials said.

Leaders at the signing ceremony. Photo: Reuters
";

#[test]
fn a_copied_part_of_one_official_sentence_is_verbatim() {
    assert_eq!(relation_of(ARTICLE, "agreed to build"), (Relation::Verbatim, vec![1]));
}

#[test]
fn words_picked_in_order_from_all_over_one_official_sentence_are_a_paraphrase_not_verbatim() {
    // Every word is in point 2, in order, but the 7 are spread over all 20 of it.
    let press = "Both sides will train hydrologists in Vientiane.\n";
    assert_eq!(relation_of(press, "hydrologists"), (Relation::Paraphrase, vec![2]));
}

#[test]
fn a_one_word_sentence_sharing_a_word_with_the_statement_has_no_source() {
    let a =
        align("Bridge.\n\nThe two governments agreed to build a new bridge over the Mekong river by 2030.\n");
    let s = &a.sentences[0];
    assert_eq!((s.relation, s.sources.len(), s.score), (Relation::Unsupported, 0, 0.0));
}

#[test]
fn a_reworded_official_sentence_is_a_paraphrase() {
    assert_eq!(relation_of(ARTICLE, "officials said"), (Relation::Paraphrase, vec![1]));
}

#[test]
fn a_sentence_merging_two_points_is_condensed_with_both_sources() {
    let (relation, mut points) = relation_of(ARTICLE, "flood data");
    points.sort_unstable();
    assert_eq!((relation, points), (Relation::Condensed, vec![2, 3]));
}

#[test]
fn content_the_statement_does_not_contain_is_unsupported_with_no_source() {
    assert_eq!(relation_of(ARTICLE, "football"), (Relation::Unsupported, vec![]));
}

#[test]
fn a_photo_caption_is_not_content() {
    assert_eq!(relation_of(ARTICLE, "Photo: Reuters"), (Relation::NotContent, vec![]));
}

fn status(a: &ArticleAlignment, point: u32) -> CoverageStatus {
    a.coverage.iter().find(|c| c.point == point).expect("point present").status
}

#[test]
fn a_point_reported_in_full_is_covered() {
    assert_eq!(status(&align(ARTICLE), 1), CoverageStatus::Covered);
}

#[test]
fn a_point_reported_in_part_is_partial_and_lists_what_it_drops() {
    let a = align(ARTICLE);
    assert_eq!(status(&a, 2), CoverageStatus::Partial);
    let missing = &a.coverage.iter().find(|c| c.point == 2).unwrap().missing;
    assert!(missing.iter().any(|m| m.contains("hydrologists")), "{missing:?}");
}

#[test]
fn a_point_never_mentioned_is_omitted_with_its_salient_items_missing() {
    let a = align(ARTICLE);
    assert_eq!(status(&a, 4), CoverageStatus::Omitted);
    let missing = &a.coverage.iter().find(|c| c.point == 4).unwrap().missing;
    assert!(missing.iter().any(|m| m.contains("vaccine research")), "{missing:?}");
}

#[test]
fn a_covered_point_names_the_amount_an_article_leaves_out() {
    let short = "Leaders sign pact\n\nThe two governments agreed to build a new bridge over the Mekong river by 2030.\n";
    let a = align(short);
    let missing = &a.coverage.iter().find(|c| c.point == 1).unwrap().missing;
    assert!(missing.iter().any(|m| m.contains("2 billion")), "{missing:?}");
}

#[test]
fn the_diff_marks_words_the_article_added_and_dropped() {
    let a = align(ARTICLE);
    let s = a.sentences.iter().find(|s| s.text.contains("officials said")).unwrap();
    let inserted: String = s
        .diff
        .iter()
        .filter(|d| d.op == crosscheck_align::DiffTag::Insert)
        .map(|d| d.text.as_str())
        .collect();
    let deleted: String = s
        .diff
        .iter()
        .filter(|d| d.op == crosscheck_align::DiffTag::Delete)
        .map(|d| d.text.as_str())
        .collect();
    assert!(inserted.contains("officials"), "{inserted}");
    assert!(deleted.contains("governments"), "{deleted}");
}

#[test]
fn the_index_finds_the_same_sources_as_scoring_every_sentence() {
    let official = parse_official(OFFICIAL);
    let article = parse_press(ARTICLE);
    let fast = Aligner::builder().build(&official).unwrap().align(&article);
    let config = crosscheck_align::Config { exhaustive: true, ..Default::default() };
    let slow = Aligner::builder().config(config).build(&official).unwrap().align(&article);
    let key = |a: &ArticleAlignment| {
        a.sentences
            .iter()
            .map(|s| (s.relation, s.sources.iter().map(|x| x.sentence.clone()).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&fast), key(&slow));
}

#[test]
fn a_copy_from_an_official_sentence_longer_than_the_diff_limit_is_still_verbatim() {
    // Point 1 has 22 words, over the limit; the press sentence (14 words) is within it.
    let official = parse_official(OFFICIAL);
    let article = parse_press(ARTICLE);
    let config = crosscheck_align::Config { max_diff_words: 15, ..Default::default() };
    let a = Aligner::builder().config(config).build(&official).unwrap().align(&article);
    let s = a.sentences.iter().find(|s| s.text.contains("agreed to build")).expect("sentence present");
    assert_eq!(s.relation, Relation::Verbatim);
    assert!(s.diff.is_empty(), "no diff past the limit: {:?}", s.diff);
}

#[test]
fn a_second_source_adding_exactly_the_minimum_gain_is_taken() {
    // The second point explains exactly `min_gain` (0.2) of the sentence beyond the first: the
    // greedy choice takes a source whose gain reaches the minimum, as it always has (its rounding
    // of the bigram share decides this boundary).
    let official = parse_official(
        "1. Tupe vexe zomi peju rosi sigu kanu loqa milo nuve.\n\n2. Qazo xeka guho horo fitu.\n",
    );
    let article =
        parse_press("Kanu loqa milo nuve peju rosi sigu tupe vexe zomi qazo xeka fitu guho horo.\n");
    let a = Aligner::builder().build(&official).unwrap().align(&article);
    let s = &a.sentences[0];
    assert_eq!(s.relation, Relation::Condensed);
    assert_eq!(s.sources.iter().map(|x| x.point).collect::<Vec<_>>(), [1, 2]);
}
