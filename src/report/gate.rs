//! `--fail-on`: conditions under which a run fails (exit code 1) so a publishing pipeline can stop
//! on an omitted point, an unsupported sentence or a finding.

use std::str::FromStr;

use crosscheck_align::{Alignment, CoverageStatus, Finding, Relation, Severity};

use super::{file_name, severity_name};

/// A condition that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// An article leaves out a point of the official text.
    Omitted,
    /// An article has a sentence the official text does not support.
    Unsupported,
    /// A finding of at least this severity.
    Finding(Severity),
}

impl FromStr for Gate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let severity = |name: &str| match name {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!("unknown severity `{other}` (expected info, warning or error)")),
        };
        match s.split_once('=') {
            None if s == "omitted" => Ok(Gate::Omitted),
            None if s == "unsupported" => Ok(Gate::Unsupported),
            None if s == "finding" => Ok(Gate::Finding(Severity::Info)),
            Some(("finding", level)) => severity(level).map(Gate::Finding),
            _ => Err(format!(
                "unknown condition `{s}` (expected omitted, unsupported, finding or finding=SEVERITY)"
            )),
        }
    }
}

/// The gates the alignment meets, each as a sentence saying where.
pub fn check(a: &Alignment, gates: &[Gate]) -> Vec<String> {
    let mut met = Vec::new();
    for gate in gates {
        match gate {
            Gate::Omitted => {
                for article in &a.articles {
                    let points: Vec<String> = article
                        .coverage
                        .iter()
                        .filter(|c| c.status == CoverageStatus::Omitted)
                        .map(|c| c.point.to_string())
                        .collect();
                    if !points.is_empty() {
                        met.push(format!(
                            "{} omits {} point(s): {}",
                            file_name(&article.path),
                            points.len(),
                            points.join(", ")
                        ));
                    }
                }
            }
            Gate::Unsupported => {
                for article in &a.articles {
                    let ids: Vec<&str> = article
                        .sentences
                        .iter()
                        .filter(|s| s.relation == Relation::Unsupported)
                        .map(|s| s.id.as_str())
                        .collect();
                    if !ids.is_empty() {
                        met.push(format!(
                            "{} has {} unsupported sentence(s): {}",
                            file_name(&article.path),
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                }
            }
            Gate::Finding(min) => {
                let all: Vec<&Finding> =
                    a.findings.iter().chain(a.articles.iter().flat_map(|x| &x.findings)).collect();
                let n = all.iter().filter(|f| f.severity >= *min).count();
                if n > 0 {
                    met.push(format!("{n} finding(s) of severity {} or higher", severity_name(*min)));
                }
            }
        }
    }
    met
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn gate_names_parse_and_unknown_ones_are_refused() {
        let cases: [(&str, Result<Gate, ()>); 8] = [
            ("omitted", Ok(Gate::Omitted)),
            ("unsupported", Ok(Gate::Unsupported)),
            ("finding", Ok(Gate::Finding(Severity::Info))),
            ("finding=info", Ok(Gate::Finding(Severity::Info))),
            ("finding=warning", Ok(Gate::Finding(Severity::Warning))),
            ("finding=error", Ok(Gate::Finding(Severity::Error))),
            ("finding=fatal", Err(())),
            ("partial", Err(())),
        ];
        for (input, expected) in cases {
            assert_eq!(input.parse::<Gate>().map_err(|_| ()), expected, "{input}");
        }
    }

    #[test]
    fn each_gate_is_met_only_by_what_it_names() {
        let mut a = fixture::alignment();
        let t = |a: &Alignment, g: Gate| !check(a, &[g]).is_empty();
        assert!(t(&a, Gate::Omitted));
        assert!(t(&a, Gate::Unsupported));
        assert!(t(&a, Gate::Finding(Severity::Error)), "the article has an error finding");
        a.articles[0].findings.clear();
        assert!(!t(&a, Gate::Finding(Severity::Error)), "only a warning is left");
        assert!(t(&a, Gate::Finding(Severity::Warning)));
        for c in &mut a.articles[0].coverage {
            c.status = CoverageStatus::Covered;
        }
        a.articles[0].sentences.retain(|s| s.relation != Relation::Unsupported);
        assert!(!t(&a, Gate::Omitted));
        assert!(!t(&a, Gate::Unsupported));
        assert!(check(&a, &[]).is_empty());
    }

    #[test]
    fn a_met_gate_says_where() {
        let met = check(&fixture::alignment(), &[Gate::Omitted, Gate::Unsupported]);
        assert_eq!(
            met,
            ["article.txt omits 2 point(s): 0, 3", "article.txt has 1 unsupported sentence(s): s4"]
        );
    }
}
