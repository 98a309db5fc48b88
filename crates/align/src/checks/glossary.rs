//! A user's glossary (`--glossary FILE.toml`): accepted aliases, whose differences are not
//! reported, and canonical spellings, against which every other spelling is reported.
//!
//! ```toml
//! # Spellings that are all acceptable: findings between them are dropped.
//! [[alias]]
//! forms = ["Anna Maria Berg", "Anna-Maria Berg"]
//!
//! # The spelling to use. Any spelling with the same letters (case, diacritics, spaces and hyphens
//! # aside), and each listed variant, is reported where it is written.
//! [[canonical]]
//! form = "EUFTA"
//! variants = ["FTAEU"]
//! ```

use serde::Deserialize;
use toml::Spanned;

use super::word::name_key;
use super::{cite, Corpus, Findings, Occ};
use crate::error::{Error, ErrorKind};
use crate::model::{Finding, Severity};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    alias: Vec<RawAlias>,
    #[serde(default)]
    canonical: Vec<RawCanonical>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlias {
    forms: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCanonical {
    form: Spanned<String>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
}

/// A canonical spelling and the other spellings reported against it.
#[derive(Debug, Clone, PartialEq)]
struct Canonical {
    form: String,
    variants: Vec<String>,
}

/// Accepted aliases and canonical spellings, read from a TOML file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    aliases: Vec<Vec<String>>,
    canonical: Vec<Canonical>,
}

/// Kinds of finding an alias or a canonical spelling settles.
const NAMING_KINDS: &[&str] =
    &["name_variant", "capitalisation_variant", "acronym_conflict", "acronym_redefined"];

impl Glossary {
    /// Reads a glossary from TOML text; `path` names the file in errors, which give the line and
    /// the key.
    pub fn from_toml(path: &str, text: &str) -> Result<Glossary, Error> {
        let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
        let fail = |at: usize, key: &str, what: &str| {
            Error::new(ErrorKind::Glossary, format!("{path}: line {}: `{key}`: {what}", line_of(at)))
        };
        let raw: RawGlossary = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| format!(": line {}", line_of(s.start))).unwrap_or_default();
            Error::new(ErrorKind::Glossary, format!("{path}{line}: {}", e.message().trim_end()))
        })?;
        let mut glossary = Glossary::default();
        let check = |s: &Spanned<String>, key: &str| {
            if s.get_ref().trim().is_empty() {
                Err(fail(s.span().start, key, "an empty spelling"))
            } else {
                Ok(s.get_ref().trim().to_string())
            }
        };
        for a in raw.alias {
            if a.forms.get_ref().len() < 2 {
                return Err(fail(
                    a.forms.span().start,
                    "alias.forms",
                    "an alias needs at least two spellings",
                ));
            }
            let forms =
                a.forms.get_ref().iter().map(|f| check(f, "alias.forms")).collect::<Result<Vec<_>, _>>()?;
            glossary.aliases.push(forms);
        }
        for c in raw.canonical {
            let form = check(&c.form, "canonical.form")?;
            let variants =
                c.variants.iter().map(|v| check(v, "canonical.variants")).collect::<Result<Vec<_>, _>>()?;
            glossary.canonical.push(Canonical { form, variants });
        }
        Ok(glossary)
    }

    /// True when the finding's variants differ only by declared aliases of one another (around
    /// them the text may be the same: `President Anna Maria Berg` / `President Anna-Maria Berg`).
    fn accepts(&self, f: &Finding) -> bool {
        NAMING_KINDS.contains(&f.kind.as_str())
            && self.aliases.iter().any(|a| same_but_for(&f.variants, a, |s| s.to_string()))
    }

    /// True when a canonical entry covers every variant of a naming finding (its own `glossary`
    /// finding says it better).
    fn covers(&self, f: &Finding) -> bool {
        NAMING_KINDS.contains(&f.kind.as_str())
            && self.canonical.iter().any(|c| {
                let forms: Vec<String> = std::iter::once(&c.form).chain(&c.variants).cloned().collect();
                same_but_for(&f.variants, &forms, name_key)
            })
    }

    /// Drops the findings the glossary settles and adds one `glossary` finding per document and
    /// canonical entry written otherwise.
    pub(crate) fn apply(&self, corpus: &Corpus, out: &mut Findings) {
        let keep = |f: &Finding| !self.accepts(f) && !self.covers(f);
        out.shared.retain(keep);
        for list in &mut out.per_doc {
            list.retain(keep);
        }
        for c in &self.canonical {
            let keys: Vec<String> =
                std::iter::once(&c.form).chain(&c.variants).map(|s| name_key(s)).collect();
            let longest = std::iter::once(&c.form)
                .chain(&c.variants)
                .map(|s| s.split_whitespace().count())
                .max()
                .unwrap_or(1);
            for d in 0..corpus.docs.len() {
                let mut occs: Vec<Occ> = Vec::new();
                for ((i, s), ws) in corpus.sentences(d).zip(&corpus.facts[d].words) {
                    for a in 0..ws.len() {
                        for b in a + 1..=ws.len().min(a + longest + 2) {
                            if b - 1 > a && !ws[b - 1].joined {
                                break;
                            }
                            let piece = &s.text[ws[a].start()..ws[b - 1].end()];
                            if piece != c.form && keys.contains(&name_key(piece)) {
                                occs.push(Occ::at(d, i, s, ws[a].start(), ws[b - 1].end()));
                            }
                        }
                    }
                }
                if occs.is_empty() {
                    continue;
                }
                let refs: Vec<&Occ> = occs.iter().collect();
                let mut variants = vec![c.form.clone()];
                for o in &occs {
                    if !variants.iter().any(|v| *v == o.form) {
                        variants.push(o.form.to_string());
                    }
                }
                let message = format!(
                    "The glossary spells it '{}'; written {} at {}.",
                    c.form,
                    variants[1..].iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", "),
                    cite(corpus, &refs)
                );
                let finding = Finding {
                    kind: "glossary".to_string(),
                    severity: Severity::Warning,
                    message,
                    variants,
                    locations: super::locations(corpus, &occs),
                };
                out.push(corpus, &[d], finding);
            }
        }
    }
}

/// True when every variant holds one of `forms` (compared as `key` makes them) and the variants
/// are equal once it is replaced by the first form.
fn same_but_for(variants: &[String], forms: &[String], key: impl Fn(&str) -> String) -> bool {
    let mut keys: Vec<String> = forms.iter().map(|f| key(f)).collect();
    let Some(first) = keys.first().cloned() else { return false };
    // The longest form first, so a form inside another does not match part of it.
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let mut normalised = variants.iter().map(|v| {
        let v = key(v);
        keys.iter().find(|k| v.contains(k.as_str())).map(|k| v.replacen(k.as_str(), &first, 1))
    });
    let Some(Some(head)) = normalised.next() else { return false };
    normalised.all(|n| n.as_ref() == Some(&head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glossary_reads_aliases_and_canonical_spellings() {
        let g = Glossary::from_toml(
            "g.toml",
            "[[alias]]\nforms = [\"Lee Jae Myung\", \"Lee Jae-myung\"]\n\n[[canonical]]\nform = \"KVFTA\"\nvariants = [\"VKFTA\"]\n",
        )
        .unwrap();
        assert_eq!(g.aliases, [vec!["Lee Jae Myung".to_string(), "Lee Jae-myung".to_string()]]);
        assert_eq!(g.canonical, [Canonical { form: "KVFTA".into(), variants: vec!["VKFTA".into()] }]);
    }

    #[test]
    fn glossary_errors_name_the_file_the_line_and_the_key() {
        let cases: &[(&str, &str)] = &[
            ("[[alias]]\nforms = [\"only one\"]\n", "g.toml: line 2: `alias.forms`"),
            ("[[canonical]]\nform = \"\"\n", "g.toml: line 2: `canonical.form`"),
            ("[[canonical]]\nform = \"X\"\nvariant = [\"Y\"]\n", "g.toml: line 3"),
            ("[[alias]]\nforms = 3\n", "g.toml: line 2"),
        ];
        for (text, want) in cases {
            let err = Glossary::from_toml("g.toml", text).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Glossary);
            assert!(err.to_string().starts_with(want), "{text}: {err}");
        }
    }
}
