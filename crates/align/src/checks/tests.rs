//! The checks as a whole: the seed pair (official-internal findings, acceptance findings and
//! mutations made on the fly), and small English and Vietnamese fixtures aligned by hand.

use crosscheck_parse::{fold, Document, Kind, Parser};

use crate::model::{ArticleAlignment, Finding, PressSentence, Relation, Severity, Source};
use crate::{Aligner, Config, Glossary};

const OFFICIAL: &str = "vn-kr-2025/official.txt";
const PRESS: &str = "vn-kr-2025/press-1.txt";

fn data(rel: &str) -> String {
    let path = format!("{}/../../data/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(kind: Kind, path: &str, text: &str) -> Document {
    Parser::builder().kind(kind).build().parse_str(path, text).unwrap()
}

/// An alignment made by hand: `spec[n]` gives sentence `n`'s relation and source ids; sentences
/// past the end of `spec` are unsupported.
fn hand(aligner: &Aligner, press: &Document, spec: &[(Relation, Vec<String>)]) -> ArticleAlignment {
    let official = aligner.official();
    let sentences = press
        .sentences()
        .enumerate()
        .map(|(n, (_, s))| {
            let (relation, ids) = spec.get(n).cloned().unwrap_or((Relation::Unsupported, Vec::new()));
            let sources = ids
                .iter()
                .filter_map(|id| {
                    official.sections.iter().find_map(|sec| {
                        sec.sentences.iter().find(|o| &o.id == id).map(|o| Source {
                            point: sec.point,
                            sentence: o.id.clone(),
                            score: 1.0,
                            lines: o.lines,
                        })
                    })
                })
                .collect();
            PressSentence {
                id: format!("s{}", n + 1),
                text: s.text.clone(),
                lines: s.lines,
                role: s.role,
                relation: if s.role.is_content() { relation } else { Relation::NotContent },
                score: 1.0,
                sources,
                diff: Vec::new(),
            }
        })
        .collect();
    ArticleAlignment { path: press.path.clone(), sentences, coverage: Vec::new(), findings: Vec::new() }
}

/// The seed's gold annotation as an alignment spec: each press sentence gets the relation of the
/// gold unit that holds it and every sentence of the unit's points as sources.
fn gold_spec(aligner: &Aligner, press: &Document) -> Vec<(Relation, Vec<String>)> {
    let gold: serde_json::Value = serde_json::from_str(&data("vn-kr-2025/gold.json")).unwrap();
    let units = gold["press_units"].as_array().unwrap();
    press
        .sentences()
        .map(|(_, s)| {
            let key = fold(&s.text);
            let unit = units
                .iter()
                .find(|u| {
                    let t = fold(u["text"].as_str().unwrap());
                    t.contains(&key) || key.contains(&t)
                })
                .unwrap_or_else(|| panic!("no gold unit for {:?}", s.text));
            let relation = match unit["relation"].as_str().unwrap() {
                "verbatim" => Relation::Verbatim,
                "paraphrase" => Relation::Paraphrase,
                "condensed" => Relation::Condensed,
                "not-content" => Relation::NotContent,
                _ => Relation::Unsupported,
            };
            let points: Vec<u64> =
                unit["points"].as_array().unwrap().iter().filter_map(|p| p.as_u64()).collect();
            let ids = aligner
                .official()
                .sections
                .iter()
                .filter(|sec| points.contains(&u64::from(sec.point)))
                .flat_map(|sec| sec.sentences.iter().map(|o| o.id.clone()))
                .collect();
            let relation = if relation != Relation::Unsupported && points.is_empty() {
                Relation::Unsupported
            } else {
                relation
            };
            (relation, ids)
        })
        .collect()
}

/// Where a run's alignment comes from.
#[derive(Debug, Clone, Copy)]
enum Aligned {
    /// The seed's gold annotation (the checks alone, whatever the aligner does).
    Gold,
    /// The aligner.
    Aligner,
}

/// Every finding of a run (shared first, then each article's), with the press text as given.
fn run_seed_with(press_text: &str, how: Aligned) -> Vec<Finding> {
    let official = parse(Kind::Official, "official.txt", &data(OFFICIAL));
    let aligner = Aligner::builder().config(Config::default()).build(&official).unwrap();
    let press = parse(Kind::Press, "press-1.txt", press_text);
    let alignment = match how {
        // The gold spec is read from the unmutated press text: mutations keep its sentences.
        Aligned::Gold => {
            hand(&aligner, &press, &gold_spec(&aligner, &parse(Kind::Press, "press-1.txt", &data(PRESS))))
        }
        Aligned::Aligner => aligner.align(&press),
    };
    let mut alignments = vec![alignment];
    let mut all = aligner.check(std::slice::from_ref(&press), &mut alignments);
    all.extend(alignments.remove(0).findings);
    all
}

fn run_seed(press_text: &str) -> Vec<Finding> {
    run_seed_with(press_text, Aligned::Gold)
}

fn at(f: &Finding, path: &str, line: usize) -> bool {
    f.locations.iter().any(|l| l.path == path && l.line == line)
}

fn of_kind<'a>(all: &'a [Finding], kind: &str) -> Vec<&'a Finding> {
    all.iter().filter(|f| f.kind == kind).collect()
}

#[test]
fn kvfta_and_vkfta_for_one_long_form_is_one_warning_citing_both_official_lines_and_the_press_line() {
    let all = run_seed(&data(PRESS));
    let conflicts = of_kind(&all, "acronym_conflict");
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    let f = conflicts[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.variants, ["KVFTA", "VKFTA"]);
    assert!(at(f, "official.txt", 50) && at(f, "official.txt", 67) && at(f, "press-1.txt", 23), "{f:#?}");
}

#[test]
fn lee_jae_myung_and_lee_jae_hyphen_myung_are_one_name_variant_across_the_two_documents() {
    let all = run_seed(&data(PRESS));
    let names = of_kind(&all, "name_variant");
    assert_eq!(names.len(), 1, "{names:#?}");
    let f = names[0];
    assert_eq!(f.variants, ["Lee Jae Myung", "Lee Jae-myung"]);
    assert!(at(f, "official.txt", 2) && at(f, "official.txt", 6) && at(f, "press-1.txt", 3), "{f:#?}");
}

#[test]
fn the_seeds_agreeing_amounts_years_and_dates_raise_no_quantity_finding() {
    for how in [Aligned::Gold, Aligned::Aligner] {
        let all = run_seed_with(&data(PRESS), how);
        let quantities: Vec<&Finding> = all.iter().filter(|f| f.kind.starts_with("quantity")).collect();
        assert!(quantities.is_empty(), "{how:?}: {quantities:#?}");
    }
}

#[test]
fn the_seed_pair_has_no_error_and_only_the_expected_warnings() {
    for how in [Aligned::Gold, Aligned::Aligner] {
        let all = run_seed_with(&data(PRESS), how);
        let mut serious: Vec<&str> =
            all.iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.kind.as_str()).collect();
        serious.sort_unstable();
        assert_eq!(serious, ["acronym_conflict", "name_variant"], "{how:?}: {all:#?}");
    }
}

#[test]
fn capitalisation_variants_of_the_seed_are_info_and_grouped() {
    let all = run_seed(&data(PRESS));
    let caps = of_kind(&all, "capitalisation_variant");
    assert!(caps.iter().all(|f| f.severity == Severity::Info));
    let partnership = caps
        .iter()
        .find(|f| f.variants.contains(&"Đối tác Chiến lược Toàn diện".to_string()))
        .expect("the partnership's capitalisation is reported");
    assert_eq!(partnership.variants, ["Đối tác chiến lược toàn diện", "Đối tác Chiến lược Toàn diện"]);
    assert_eq!(caps.iter().filter(|f| f.variants.iter().any(|v| v.contains("Chiến lược Toàn"))).count(), 1);
}

#[test]
fn the_official_texts_own_inconsistencies_are_found_without_any_article() {
    let official = parse(Kind::Official, "official.txt", &data(OFFICIAL));
    let found = crate::check_documents(std::slice::from_ref(&official), Some(0), None, &Default::default());
    let kinds: Vec<(&str, Vec<usize>)> =
        found.iter().map(|f| (f.kind.as_str(), f.locations.iter().map(|l| l.line).collect())).collect();
    assert_eq!(
        kinds,
        [("acronym_conflict", vec![50, 67]), ("capitalisation_variant", vec![50, 66])],
        "{found:#?}"
    );
}

/// A mutation of the seed press text and what it must raise.
struct Mutation {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    kind: &'static str,
    severity: Severity,
    line: usize,
    variant: &'static str,
}

#[test]
fn mutations_of_the_seed_are_caught_with_the_right_kind_and_place() {
    let cases = [
        Mutation {
            what: "an amount changed",
            from: "150 tỷ USD",
            to: "120 tỷ USD",
            kind: "quantity_mismatch",
            severity: Severity::Error,
            line: 23,
            variant: "120 tỷ USD",
        },
        Mutation {
            what: "a year changed",
            from: "vào năm 2030",
            to: "vào năm 2035",
            kind: "quantity_mismatch",
            severity: Severity::Error,
            line: 23,
            variant: "2035",
        },
        Mutation {
            what: "a date range changed",
            from: "ngày 10-13/8",
            to: "ngày 10-14/8",
            kind: "quantity_mismatch",
            severity: Severity::Error,
            line: 3,
            variant: "ngày 10-14/8",
        },
        Mutation {
            what: "an acronym swapped for another agreement's",
            from: "(KVFTA)",
            to: "(AKFTA)",
            kind: "acronym_redefined",
            severity: Severity::Warning,
            line: 23,
            variant: "Hiệp định Thương mại Tự do Việt Nam - Hàn Quốc",
        },
        Mutation {
            what: "a person's name misspelt",
            from: "Tổng thống Lee Jae-myung khẳng định",
            to: "Tổng thống Lee Jae-myng khẳng định",
            kind: "name_variant",
            severity: Severity::Warning,
            line: 3,
            variant: "Lee Jae-myng",
        },
    ];
    for how in [Aligned::Gold, Aligned::Aligner] {
        let clean = run_seed_with(&data(PRESS), how);
        for m in &cases {
            check_mutation(m, &clean, how);
        }
    }
}

fn check_mutation(m: &Mutation, clean: &[Finding], how: Aligned) {
    {
        let text = data(PRESS);
        assert_eq!(text.matches(m.from).count(), 1, "{}: the mutation must be unique", m.what);
        let all = run_seed_with(&text.replacen(m.from, m.to, 1), how);
        let hit = all.iter().find(|f| f.kind == m.kind && f.variants.iter().any(|v| v == m.variant));
        let hit = hit.unwrap_or_else(|| panic!("{} ({how:?}): not caught: {all:#?}", m.what));
        assert_eq!(hit.severity, m.severity, "{} ({how:?})", m.what);
        assert!(at(hit, "press-1.txt", m.line), "{} ({how:?}): wrong place: {hit:#?}", m.what);
        assert!(
            !clean.iter().any(|f| f.kind == m.kind && f.variants.iter().any(|v| v == m.variant)),
            "{} ({how:?}): the unmutated text is flagged",
            m.what
        );
    }
}

const OFFICIAL_EN: &str = "\
Joint statement on the state visit of President Lee Jae-myung to Viet Nam from 10 to 13 August 2025.

1. The two sides welcomed the Korea-Vietnam Free Trade Agreement (KVFTA) and agreed to raise
bilateral trade to $150 billion by 2030.

2. The two sides agreed to deepen the Comprehensive Strategic Partnership in 24 areas.

3. President Lee said that the two countries will build a bridge of peace between our peoples.
";

const PRESS_EN: &str = "\
HANOI, August 13 (Wire) - President Lee Jae Myung visited Viet Nam on August 10-13, 2025.

The sides welcomed the Korea-Vietnam Free Trade Agreement (VKFTA) and agreed to raise trade to
USD 120 billion by 2030.

They agreed to deepen the Comprehensive strategic partnership, point 2 of the statement says.

Lee promised to \"build a bridge of friendship between our peoples\" and to \"build a bridge of peace between our peoples\".

Both also backed reform of the WTO, Reuters reported.
";

fn run_en(press_text: &str, glossary: Option<Glossary>) -> Vec<Finding> {
    let official = parse(Kind::Official, "official.txt", OFFICIAL_EN);
    let aligner = Aligner::builder().glossary(glossary).build(&official).unwrap();
    let press = parse(Kind::Press, "press.txt", press_text);
    let src = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let spec = [
        (Relation::NotContent, Vec::new()),
        (Relation::Paraphrase, src(&["p0.s1"])),
        (Relation::Paraphrase, src(&["p1.s1"])),
        (Relation::Paraphrase, src(&["p2.s1"])),
        (Relation::Paraphrase, src(&["p3.s1"])),
    ];
    let mut alignments = vec![hand(&aligner, &press, &spec)];
    let mut all = aligner.check(std::slice::from_ref(&press), &mut alignments);
    all.extend(alignments.remove(0).findings);
    all
}

#[test]
fn english_articles_get_the_same_checks() {
    let all = run_en(PRESS_EN, None);
    let found = |kind: &str, variant: &str| {
        all.iter().find(|f| f.kind == kind && f.variants.iter().any(|v| v == variant)).cloned()
    };
    let conflict = found("acronym_conflict", "VKFTA").expect("acronym conflict");
    assert!(at(&conflict, "official.txt", 3) && at(&conflict, "press.txt", 3), "{conflict:#?}");
    // English titles are capitalised, so the name is reported with its title.
    let name = found("name_variant", "President Lee Jae Myung").expect("name variant");
    assert!(at(&name, "official.txt", 1) && at(&name, "press.txt", 1));
    let amount = found("quantity_mismatch", "USD 120 billion").expect("amount mismatch");
    assert_eq!(amount.severity, Severity::Error);
    assert!(amount.variants.contains(&"$150 billion".to_string()));
    assert!(at(&amount, "press.txt", 4) && at(&amount, "official.txt", 4), "{amount:#?}");
    let caps =
        found("capitalisation_variant", "Comprehensive strategic partnership").expect("capitalisation");
    assert_eq!(caps.severity, Severity::Info);
    let quote = found("quote_mismatch", "build a bridge of friendship between our peoples").expect("quote");
    assert!(quote.variants.contains(&"build a bridge of peace between our peoples".to_string()));
    assert_eq!(of_kind(&all, "quote_mismatch").len(), 1, "the faithful quotation is not flagged");
    let quantities: Vec<&Finding> = all.iter().filter(|f| f.kind.starts_with("quantity")).collect();
    assert_eq!(quantities.len(), 1, "the dates, 2030 and the point number agree: {quantities:#?}");
    let undefined = found("acronym_undefined", "WTO").expect("an acronym the official text lacks");
    assert_eq!((undefined.severity, undefined.locations.len()), (Severity::Info, 1));
    assert_eq!(of_kind(&all, "acronym_undefined").len(), 1, "USD is a currency, not an acronym to define");
}

#[test]
fn variants_among_articles_are_shared_and_an_article_that_agrees_with_the_official_gets_nothing() {
    let official = parse(
        Kind::Official,
        "o.txt",
        "Preamble of the statement.\n\n1. The sides met in Hanoi.\n\n2. They agreed on trade.\n",
    );
    let article = |path: &str, text: &str| parse(Kind::Press, path, text);
    let docs = [
        official,
        article("a.txt", "They praised the Mekong-Lancang Cooperation Fund (MLCF) on Monday."),
        article("b.txt", "They praised the Mekong-Lancang Cooperation Fund (LMCF) on Monday."),
        article("c.txt", "They praised the Mekong-Lancang Cooperation Fund (LMCF) again."),
    ];
    let found = crate::check_documents(&docs, Some(0), None, &Default::default());
    let conflicts = of_kind(&found, "acronym_conflict");
    assert_eq!(conflicts.len(), 1, "{found:#?}");
    let paths: Vec<&str> = conflicts[0].locations.iter().map(|l| l.path.as_str()).collect();
    assert_eq!(paths, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(conflicts[0].variants, ["MLCF", "LMCF"]);
}

#[test]
fn a_glossary_suppresses_accepted_aliases_and_reports_against_canonical_spellings() {
    let glossary = Glossary::from_toml(
        "g.toml",
        "[[alias]]\nforms = [\"Lee Jae-myung\", \"Lee Jae Myung\"]\n\n[[canonical]]\nform = \"KVFTA\"\nvariants = [\"VKFTA\"]\n",
    )
    .unwrap();
    let all = run_en(PRESS_EN, Some(glossary));
    assert!(of_kind(&all, "name_variant").is_empty(), "{all:#?}");
    assert!(of_kind(&all, "acronym_conflict").is_empty(), "{all:#?}");
    let g = of_kind(&all, "glossary");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].variants, ["KVFTA", "VKFTA"]);
    assert!(at(g[0], "press.txt", 3));
}

#[test]
fn ordinary_numbers_raise_no_quantity_finding() {
    let official = "Mở đầu của tuyên bố năm 2025.\n\n1. Hai bên nhất trí phát triển hiệp định nhân dịp kỷ niệm 10 năm hiệp định có hiệu lực.\n\n2. Phía Hàn Quốc hỗ trợ biên soạn sách giáo khoa tiếng Hàn ngoại ngữ 2, ngoại ngữ 1 theo chương trình mới.\n";
    let press = "Tuyên bố chung nêu 6 lĩnh vực trọng tâm.\n\nTheo điểm 1 của tuyên bố, hai bên kỷ niệm 10 năm hiệp định có hiệu lực.\n\nPhía Hàn Quốc hỗ trợ sách giáo khoa ngoại ngữ 2, ngoại ngữ 1 theo chương trình mới.\n";
    let official = parse(Kind::Official, "o.txt", official);
    let aligner = Aligner::builder().build(&official).unwrap();
    let press = parse(Kind::Press, "p.txt", press);
    let spec = [
        (Relation::Unsupported, Vec::new()),
        (Relation::Paraphrase, vec!["p1.s1".to_string()]),
        (Relation::Paraphrase, vec!["p2.s1".to_string()]),
    ];
    let mut alignments = vec![hand(&aligner, &press, &spec)];
    let mut all = aligner.check(std::slice::from_ref(&press), &mut alignments);
    all.extend(alignments.remove(0).findings);
    assert!(all.iter().all(|f| !f.kind.starts_with("quantity")), "{all:#?}");
}

#[test]
fn capitalisation_findings_are_capped_and_the_rest_counted() {
    let config = Config::from_toml("c.toml", "[checks]\nmax_capitalisation_findings = 1\n").unwrap();
    let official = parse(Kind::Official, "official.txt", &data(OFFICIAL));
    let aligner = Aligner::builder().config(config).build(&official).unwrap();
    let press = parse(Kind::Press, "press-1.txt", &data(PRESS));
    let mut alignments = vec![aligner.align(&press)];
    aligner.check(std::slice::from_ref(&press), &mut alignments);
    let caps = of_kind(&alignments[0].findings, "capitalisation_variant");
    assert_eq!(caps.len(), 1, "{caps:#?}");
    assert!(caps[0].message.ends_with("(2 more capitalisation variants not listed.)"), "{}", caps[0].message);
}

#[test]
fn an_unknown_checks_setting_is_a_config_error_with_its_line() {
    let err = Config::from_toml("c.toml", "[checks]\nmax_name_word = 3\n").unwrap_err();
    assert!(err.to_string().starts_with("c.toml: line 2"), "{err}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn the_checks_never_panic_on_any_text(
        official in "[A-Za-zĐđàáạảãâầấậẩẫăằắặẳẵ0-9 ,.;:()/%$“”\"'\n-]{1,300}",
        press in "[A-Za-zĐđàáạảãâầấậẩẫăằắặẳẵ0-9 ,.;:()/%$“”\"'\n-]{1,300}",
    ) {
        let parser = |kind| Parser::builder().kind(kind).build();
        let (Ok(official), Ok(press)) =
            (parser(Kind::Official).parse_str("o.txt", &official), parser(Kind::Press).parse_str("p.txt", &press))
        else {
            return Ok(());
        };
        let aligner = Aligner::builder().build(&official).unwrap();
        let mut alignments = vec![aligner.align(&press)];
        let shared = aligner.check(std::slice::from_ref(&press), &mut alignments);
        for f in shared.iter().chain(&alignments[0].findings) {
            proptest::prop_assert!(!f.locations.is_empty() && !f.message.is_empty());
        }
        let _ = crate::terms(&press, &Default::default());
    }
}

#[test]
fn the_checks_find_the_same_without_the_articles_match_data() {
    let official = parse(Kind::Official, "official.txt", &data(OFFICIAL));
    let aligner = Aligner::builder().config(Config::default()).build(&official).unwrap();
    let mutated = data(PRESS).replace("150 tỷ USD", "120 tỷ USD");
    let press = parse(Kind::Press, "press-1.txt", &mutated);
    let alignment = aligner.align(&press);
    let mut kept = vec![alignment.clone()];
    let shared_kept = aligner.check(std::slice::from_ref(&press), &mut kept);
    let mut dropped_press = press.clone();
    dropped_press.drop_match_data();
    let mut dropped = vec![alignment];
    let shared_dropped = aligner.check(std::slice::from_ref(&dropped_press), &mut dropped);
    assert!(!kept[0].findings.is_empty(), "the mutation is found");
    let json = |f: &[Finding]| serde_json::to_string(f).unwrap();
    assert_eq!(json(&kept[0].findings), json(&dropped[0].findings));
    assert_eq!(json(&shared_kept), json(&shared_dropped));
}

#[test]
fn capitalisation_variants_are_found_in_greek_with_a_final_sigma() {
    let a = parse(Kind::Press, "a.txt", "Họ đến Quán Cà Phê Οδος ở Hà Nội.\n");
    let b = parse(Kind::Press, "b.txt", "Họ đến Quán Cà Phê ΟΔΟΣ ở Hà Nội.\n");
    let found = crate::check_documents(&[a, b], None, None, &crate::ChecksConfig::default());
    let caps = of_kind(&found, "capitalisation_variant");
    assert!(
        caps.iter().any(|f| f.variants.iter().any(|v| v.contains("ΟΔΟΣ"))),
        "{:?}",
        found.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
}
