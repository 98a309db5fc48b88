//! Every threshold and weight of the aligner, in one place, with documented defaults; loadable from
//! a TOML file.

use serde::{Deserialize, Serialize};

use crate::checks::ChecksConfig;
use crate::error::{Error, ErrorKind};

/// Thresholds and weights. Every field has a default; a TOML file may set any subset of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Minimum share of a press sentence's weighted content its best source must explain for the
    /// sentence to count as drawn from the official text (otherwise `unsupported`).
    pub support_threshold: f64,
    /// Thresholds of the consistency checks (the `[checks]` table).
    pub checks: ChecksConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config { support_threshold: 0.5, checks: ChecksConfig::default() }
    }
}

impl Config {
    /// Reads a configuration from TOML text; `path` names the file in errors (which give the line
    /// and the key).
    pub fn from_toml(path: &str, text: &str) -> Result<Config, Error> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            Error::new(
                ErrorKind::Config,
                format!("{path}{}: {}", line.map(|l| format!(": line {l}")).unwrap_or_default(), e.message()),
            )
        })
    }
}
