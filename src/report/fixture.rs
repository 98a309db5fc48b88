//! A small hand-made alignment for the renderers' tests: every relation, every status, findings
//! in the official text and in the article, and an article sentence that looks like HTML.

use crosscheck_align::{
    Alignment, ArticleAlignment, CoverageStatus, DiffOp, DiffTag, Finding, Location, OfficialSection,
    OfficialSentence, OfficialText, PointCoverage, PressSentence, Relation, Severity, Source, SCHEMA_VERSION,
};
use crosscheck_parse::Role;

fn official_sentence(point: u32, n: usize, text: &str, lines: [usize; 2]) -> OfficialSentence {
    OfficialSentence { id: format!("p{point}.s{n}"), text: text.to_string(), lines }
}

fn op(op: DiffTag, text: &str) -> DiffOp {
    DiffOp { op, text: text.to_string() }
}

fn source(point: u32, n: usize, score: f64, lines: [usize; 2]) -> Source {
    Source { point, sentence: format!("p{point}.s{n}"), score, lines }
}

#[allow(clippy::too_many_arguments)]
fn press(
    n: usize,
    text: &str,
    line: usize,
    role: Role,
    relation: Relation,
    score: f64,
    sources: Vec<Source>,
    diff: Vec<DiffOp>,
) -> PressSentence {
    PressSentence {
        id: format!("s{n}"),
        text: text.to_string(),
        lines: [line, line],
        role,
        relation,
        score,
        sources,
        diff,
    }
}

/// The official text `official.txt` (a preamble and three points) and the article `article.txt`.
pub fn alignment() -> Alignment {
    use DiffTag::{Delete, Equal, Insert};
    let official = OfficialText {
        path: "data/official.txt".to_string(),
        sections: vec![
            OfficialSection {
                point: 0,
                lines: [1, 2],
                sentences: vec![official_sentence(0, 1, "The ministers met in Hanoi on 3 May 2030.", [1, 2])],
            },
            OfficialSection {
                point: 1,
                lines: [4, 7],
                sentences: vec![
                    official_sentence(
                        1,
                        1,
                        "The parties agreed to build a new bridge over the river by 2030.",
                        [4, 5],
                    ),
                    official_sentence(1, 2, "The bridge will be financed by the River Fund (RF).", [5, 7]),
                ],
            },
            OfficialSection {
                point: 2,
                lines: [9, 10],
                sentences: vec![official_sentence(2, 1, "They will share flood data every month.", [9, 10])],
            },
            OfficialSection {
                point: 3,
                lines: [12, 13],
                sentences: vec![official_sentence(
                    3,
                    1,
                    "A joint school | for river engineers will open in 2031.",
                    [12, 13],
                )],
            },
        ],
    };
    let sentences = vec![
        press(
            1,
            "Ministers agree on a bridge by 2030",
            1,
            Role::Headline,
            Relation::Paraphrase,
            0.62,
            vec![source(1, 1, 0.62, [4, 5])],
            vec![
                op(Delete, "The parties agreed to build a new "),
                op(Insert, "Ministers agree on a "),
                op(Equal, "bridge "),
                op(Delete, "over the river "),
                op(Equal, "by 2030"),
            ],
        ),
        press(
            2,
            "The parties agreed to build a new bridge over the river by 2030.",
            3,
            Role::Body,
            Relation::Verbatim,
            1.0,
            vec![source(1, 1, 1.0, [4, 5])],
            vec![op(Equal, "The parties agreed to build a new bridge over the river by 2030.")],
        ),
        press(
            3,
            "The bridge, paid for by the RF, comes with monthly flood data.",
            3,
            Role::Body,
            Relation::Condensed,
            0.71,
            vec![source(1, 2, 0.45, [5, 7]), source(2, 1, 0.3, [9, 10])],
            vec![
                op(Equal, "The bridge"),
                op(Insert, ", paid for"),
                op(Delete, " will be financed"),
                op(Equal, " by the "),
                op(Delete, "River Fund ("),
                op(Equal, "RF"),
                op(Delete, "). "),
                op(Insert, ", comes with monthly "),
                op(Delete, "They will share "),
                op(Equal, "flood data"),
                op(Delete, " every month"),
                op(Equal, "."),
            ],
        ),
        press(
            4,
            "Critics say <script>alert(\"x\")</script> & the cost is too high.",
            5,
            Role::Body,
            Relation::Unsupported,
            0.05,
            Vec::new(),
            Vec::new(),
        ),
        press(
            6,
            "Photo: the river at dawn.",
            7,
            Role::Caption,
            Relation::NotContent,
            0.0,
            Vec::new(),
            Vec::new(),
        ),
    ];
    let coverage = vec![
        PointCoverage {
            point: 0,
            status: CoverageStatus::Omitted,
            score: 0.0,
            missing: vec!["Hanoi".into(), "3 May 2030".into()],
        },
        PointCoverage { point: 1, status: CoverageStatus::Covered, score: 0.93, missing: Vec::new() },
        PointCoverage {
            point: 2,
            status: CoverageStatus::Partial,
            score: 0.4,
            missing: vec!["every month".into()],
        },
        PointCoverage {
            point: 3,
            status: CoverageStatus::Omitted,
            score: 0.0,
            missing: vec!["joint school".into(), "river engineers".into(), "2031".into()],
        },
    ];
    let article_finding = Finding {
        kind: "quantity_mismatch".to_string(),
        severity: Severity::Error,
        message: "The article says the fund is the RF; the official text never gives its size.".to_string(),
        variants: vec!["RF".into()],
        locations: vec![
            Location { path: "data/official.txt".into(), line: 6 },
            Location { path: "data/article.txt".into(), line: 3 },
        ],
    };
    let official_finding = Finding {
        kind: "acronym_conflict".to_string(),
        severity: Severity::Warning,
        message: "The official text writes the fund both as River Fund and as RF.".to_string(),
        variants: vec!["River Fund".into(), "RF".into()],
        locations: vec![Location { path: "data/official.txt".into(), line: 5 }],
    };
    Alignment {
        schema_version: SCHEMA_VERSION,
        official,
        articles: vec![ArticleAlignment {
            path: "data/article.txt".to_string(),
            sentences,
            coverage,
            findings: vec![article_finding],
        }],
        findings: vec![official_finding],
    }
}
