//! `crosscheck eval`: score the aligner against a human gold annotation.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use crosscheck_align::{Aligner, ArticleAlignment, CoverageStatus, Relation};
use crosscheck_parse::{fold, Kind, Parser};
use serde::{Deserialize, Serialize};

use crate::cli::EvalArgs;
use crate::compare_cmd::load_config;
use crate::input::NotAnObject;
use crate::parse_cmd::read_document;

/// A gold annotation file (see `data/vn-kr-2025/gold.json`).
#[derive(Debug, Deserialize)]
pub struct Gold {
    /// The official file, relative to the gold file.
    pub official: String,
    /// The press file, relative to the gold file.
    pub press: String,
    /// Every unit (sentence) of the press article.
    pub press_units: Vec<GoldUnit>,
    /// Coverage of every official point.
    pub points: Vec<GoldPoint>,
}

/// One annotated press unit.
#[derive(Debug, Deserialize)]
pub struct GoldUnit {
    pub text: String,
    pub role: String,
    pub relation: String,
    pub points: Vec<u32>,
}

/// One annotated official point.
#[derive(Debug, Deserialize)]
pub struct GoldPoint {
    pub point: u32,
    pub coverage: String,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    fn new(tp: usize, predicted: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, gold);
        let f1 =
            if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Prf { precision, recall, f1, true_positives: tp, predicted, gold }
    }
}

/// The scores `eval` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    /// Share of points whose coverage label (covered, partial, omitted) matches the gold.
    pub coverage_accuracy: f64,
    /// Precision and recall of `omitted`.
    pub omitted: Prf,
    /// Micro precision, recall and F1 over (press unit, point) pairs, headline and body units.
    pub attribution: Prf,
    /// Precision and recall of `unsupported` over headline and body units.
    pub unsupported: Prf,
    /// Share of units (all roles) whose relation matches the gold.
    pub relation_accuracy: f64,
    /// Units compared, and points compared.
    pub units: usize,
    pub points: usize,
    /// Each disagreement, for reading.
    pub disagreements: Vec<String>,
}

fn words(s: &str) -> BTreeSet<String> {
    crosscheck_parse::tokenize(s).into_iter().map(|t| t.key.into_string()).collect()
}

/// Dice overlap of two texts' word sets.
fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

fn relation_name(r: Relation) -> String {
    serde_json::to_value(r).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn status_name(s: CoverageStatus) -> String {
    serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Scores one aligned article against its gold annotation.
pub fn score(gold: &Gold, article: &ArticleAlignment) -> Scores {
    let mut disagreements = Vec::new();
    // Coverage.
    let mut correct = 0;
    let (mut om_tp, mut om_pred, mut om_gold) = (0, 0, 0);
    for g in &gold.points {
        let predicted = article.coverage.iter().find(|c| c.point == g.point).map(|c| status_name(c.status));
        let predicted = predicted.unwrap_or_else(|| "missing".into());
        if predicted == g.coverage {
            correct += 1;
        } else {
            disagreements.push(format!("point {}: gold {}, predicted {predicted}", g.point, g.coverage));
        }
        om_gold += usize::from(g.coverage == "omitted");
        om_pred += usize::from(predicted == "omitted");
        om_tp += usize::from(g.coverage == "omitted" && predicted == "omitted");
    }
    // Units: match each gold unit to the output sentence with the most word overlap.
    let out_words: Vec<BTreeSet<String>> = article.sentences.iter().map(|s| words(&s.text)).collect();
    let (mut at_tp, mut at_pred, mut at_gold) = (0, 0, 0);
    let (mut un_tp, mut un_pred, mut un_gold) = (0, 0, 0);
    let mut rel_correct = 0;
    for unit in &gold.press_units {
        let w = words(&unit.text);
        let best = out_words
            .iter()
            .enumerate()
            .max_by(|a, b| overlap(&w, a.1).total_cmp(&overlap(&w, b.1)).then(b.0.cmp(&a.0)))
            .map(|(i, _)| &article.sentences[i]);
        let Some(s) = best else { continue };
        let relation = relation_name(s.relation);
        if relation == unit.relation {
            rel_correct += 1;
        }
        if !matches!(unit.role.as_str(), "headline" | "body") {
            continue;
        }
        let predicted: BTreeSet<u32> = s.sources.iter().map(|x| x.point).collect();
        let gold_points: BTreeSet<u32> = unit.points.iter().copied().collect();
        at_tp += predicted.intersection(&gold_points).count();
        at_pred += predicted.len();
        at_gold += gold_points.len();
        let (g_un, p_un) = (unit.relation == "unsupported", s.relation == Relation::Unsupported);
        un_gold += usize::from(g_un);
        un_pred += usize::from(p_un);
        un_tp += usize::from(g_un && p_un);
        if relation != unit.relation || predicted != gold_points {
            let short: String = fold(&unit.text).chars().take(60).collect();
            disagreements.push(format!(
                "{}: gold {} {:?}, predicted {relation} {:?} (score {:.2}): {short}…",
                s.id, unit.relation, gold_points, predicted, s.score
            ));
        }
    }
    Scores {
        coverage_accuracy: correct as f64 / gold.points.len().max(1) as f64,
        omitted: Prf::new(om_tp, om_pred, om_gold),
        attribution: Prf::new(at_tp, at_pred, at_gold),
        unsupported: Prf::new(un_tp, un_pred, un_gold),
        relation_accuracy: rel_correct as f64 / gold.press_units.len().max(1) as f64,
        units: gold.press_units.len(),
        points: gold.points.len(),
        disagreements,
    }
}

/// Reads a gold file, runs the aligner on the files it names, and scores the result.
pub fn evaluate(gold_path: &Path, config: Option<&Path>) -> anyhow::Result<Scores> {
    let text =
        std::fs::read_to_string(gold_path).with_context(|| format!("reading {}", gold_path.display()))?;
    // A byte order mark (some editors write one) is not part of the JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let expected = "expected a JSON object (the gold annotation)";
    match crate::input::not_an_object(text) {
        Some(NotAnObject::Empty) => {
            anyhow::bail!("reading {}: the file is empty; {expected}", gold_path.display())
        }
        Some(NotAnObject::Blank) => {
            anyhow::bail!("reading {}: the file holds only white space; {expected}", gold_path.display())
        }
        Some(NotAnObject::Opens { found, line, column }) => {
            anyhow::bail!(
                "reading {}: {expected}, found {found} at line {line}, column {column}",
                gold_path.display()
            )
        }
        None => {}
    }
    let gold: Gold =
        serde_json::from_str(text).with_context(|| format!("reading {}", gold_path.display()))?;
    let dir = gold_path.parent().unwrap_or(Path::new("."));
    let official = read_document(&dir.join(&gold.official), &Parser::builder().kind(Kind::Official).build())?;
    let press = read_document(&dir.join(&gold.press), &Parser::builder().kind(Kind::Press).build())?;
    let aligner = Aligner::builder().config(load_config(config)?).build(&official)?;
    Ok(score(&gold, &aligner.align(&press)))
}

pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let scores = evaluate(&args.gold, args.config.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &scores)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(());
    }
    let prf = |p: &Prf| {
        format!(
            "P {:.3}  R {:.3}  F1 {:.3}  ({} of {} predicted, {} gold)",
            p.precision, p.recall, p.f1, p.true_positives, p.predicted, p.gold
        )
    };
    writeln!(out, "coverage accuracy   {:.3}  ({} points)", scores.coverage_accuracy, scores.points)?;
    writeln!(out, "omitted             {}", prf(&scores.omitted))?;
    writeln!(out, "source attribution  {}", prf(&scores.attribution))?;
    writeln!(out, "unsupported         {}", prf(&scores.unsupported))?;
    writeln!(out, "relation accuracy   {:.3}  ({} units)", scores.relation_accuracy, scores.units)?;
    if args.verbose {
        writeln!(out, "\ndisagreements:")?;
        for d in &scores.disagreements {
            writeln!(out, "  {d}")?;
        }
    }
    out.flush()?;
    Ok(())
}
