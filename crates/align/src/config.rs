//! Every threshold and weight of the aligner, in one place, with documented defaults; loadable from
//! a TOML file.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// Thresholds and weights. Every field has a default; a TOML file may set any subset of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Minimum share of a press sentence's weighted content its best source must explain for the
    /// sentence to count as drawn from the official text (otherwise `unsupported`).
    pub support_threshold: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config { support_threshold: 0.5 }
    }
}

impl Config {
    /// Reads a configuration from TOML text; `path` names the file in errors, which give the line
    /// and the key (`thresholds.toml: line 3, key `support_threshold`: invalid type…`).
    pub fn from_toml(path: &str, text: &str) -> Result<Config, Error> {
        toml::from_str(text).map_err(|e| {
            let mut place = String::new();
            if let Some(span) = e.span() {
                let at = span.start.min(text.len());
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                place.push_str(&format!(": line {}", text[..at].matches('\n').count() + 1));
                // The key is what precedes `=` on the line, under the last `[table]` header above it.
                let line = &text[line_start..line_end];
                let header = line.trim();
                if header.starts_with('[') && header.ends_with(']') {
                    place.push_str(&format!(", key `{}`", header.trim_matches(['[', ']']).trim()));
                } else {
                    // Before `=`, or the first word of a line missing its `=`.
                    let key = match line.split_once('=') {
                        Some((key, _)) => key,
                        None => line.split_whitespace().next().unwrap_or_default(),
                    };
                    let key = key.trim().trim_matches(['"', '\'']);
                    let table = text[..line_start]
                        .lines()
                        .rev()
                        .map(str::trim)
                        .find(|l| l.starts_with('[') && l.ends_with(']'))
                        .map(|l| l.trim_matches(['[', ']']).trim());
                    match table {
                        Some(table) if !key.is_empty() => place.push_str(&format!(", key `{table}.{key}`")),
                        _ if !key.is_empty() => place.push_str(&format!(", key `{key}`")),
                        _ => {}
                    }
                }
            }
            let message: Vec<&str> = e.message().lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            Error::new(ErrorKind::Config, format!("{path}{place}: {}", message.join("; ")))
        })
    }
}
