//! Which articles to read and how: command-line paths (files, directories, glob patterns) expanded to
//! a deterministic list of files, each read in the format its extension names; and the JSON records
//! of `--stdin-jsonl`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use crosscheck_parse::{Document, Encoding, Format, Kind, Parser};
use serde::Deserialize;

use crate::parse_cmd::read_document;

/// True when `s` holds a glob metacharacter (a pattern the shell did not expand, e.g. quoted).
fn is_pattern(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// True for a file a directory walk picks up: a known article extension, not hidden.
fn is_article_file(path: &Path) -> bool {
    let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
    !hidden && path.extension().and_then(|e| e.to_str()).and_then(Format::from_extension).is_some()
}

/// Appends the article files under `dir` (recursively, hidden entries skipped), sorted by path.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).with_context(|| format!("reading directory {}", d.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading directory {}", d.display()))?;
            let path = entry.path();
            let hidden = entry.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            // file_type() does not follow symbolic links, so a link cannot make the walk loop.
            let ty = entry.file_type().with_context(|| format!("reading {}", path.display()))?;
            if ty.is_dir() && !hidden {
                pending.push(path);
            } else if (ty.is_file() || (ty.is_symlink() && path.is_file())) && is_article_file(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    out.extend(found);
    Ok(())
}

/// Expands the article arguments into files: a file stays as given (in command-line order), a
/// directory becomes the article files under it (`.txt`, `.md`, `.html`…, sorted by path), a pattern
/// the shell did not expand (`'coverage/*.html'`) becomes its matches, sorted. A name that matches
/// nothing, or a directory with no article file, is an error naming it.
pub fn expand(args: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let before = out.len();
            walk(arg, &mut out)?;
            if out.len() == before {
                bail!("{}: is a directory with no article file in it (.txt, .md, .html)", arg.display());
            }
        } else if arg.exists() {
            out.push(arg.clone());
        } else if let Some(pattern) = arg.to_str().filter(|s| is_pattern(s)) {
            // Like a shell, `*` does not match a leading dot.
            let options = glob::MatchOptions { require_literal_leading_dot: true, ..Default::default() };
            let paths = glob::glob_with(pattern, options)
                .with_context(|| format!("reading the pattern {pattern}"))?;
            let mut matched = Vec::new();
            for path in paths {
                let path = path.with_context(|| format!("expanding {pattern}"))?;
                if path.is_dir() {
                    walk(&path, &mut matched)?;
                } else {
                    matched.push(path);
                }
            }
            if matched.is_empty() {
                bail!("{pattern}: no file matches this pattern");
            }
            matched.sort();
            out.extend(matched);
        } else {
            bail!("{}: No such file or directory", arg.display());
        }
    }
    Ok(out)
}

/// A parser for press articles in `format`, in `encoding` (detected when `None`).
pub fn press_parser(format: Format, encoding: Option<Encoding>) -> Parser {
    Parser::builder().kind(Kind::Press).format(format).encoding_opt(encoding).build()
}

/// Reads and parses one article file in the format its extension names, with errors that name it
/// (and the parser's warnings on stderr).
pub fn read_article(path: &Path, encoding: Option<Encoding>) -> anyhow::Result<Document> {
    read_document(path, &press_parser(Format::from_path(path), encoding))
}

/// How a text that should hold one JSON object opens instead ([`not_an_object`]).
#[derive(Debug, PartialEq, Eq)]
pub enum NotAnObject {
    /// Nothing: empty.
    Empty,
    /// Nothing but JSON white space (spaces, tabs, line breaks).
    Blank,
    /// Something else, at this line and column (from 1): `found` names it (`an array`, `a
    /// string`, `a number`, `null`, …, or the character, by its code point when it is invisible).
    Opens { found: String, line: usize, column: usize },
}

/// How `text` opens when its first character shows it cannot be one JSON object; `None` when it
/// opens an object (what follows is for the JSON reader to judge). The JSON reader's own words for
/// these (`invalid length 0, expected struct …`, `EOF while parsing a value`) do not say what was
/// expected.
pub fn not_an_object(text: &str) -> Option<NotAnObject> {
    // White space as JSON has it: a no-break space before the value is not allowed there either.
    let start = text.len() - text.trim_start_matches([' ', '\t', '\n', '\r']).len();
    let Some(c) = text[start..].chars().next() else {
        return Some(if text.is_empty() { NotAnObject::Empty } else { NotAnObject::Blank });
    };
    let found = match c {
        '{' => return None,
        '[' => "an array".to_string(),
        '"' => "a string".to_string(),
        '-' | '0'..='9' => "a number".to_string(),
        't' if text[start..].starts_with("true") => "`true`".to_string(),
        'f' if text[start..].starts_with("false") => "`false`".to_string(),
        'n' if text[start..].starts_with("null") => "`null`".to_string(),
        c if c.is_alphanumeric() || (c.is_ascii_punctuation() && c != '`') => format!("`{c}`"),
        // Invisible (a byte order mark, a no-break space) or a backtick: by its code point.
        c => format!("U+{:04X}", u32::from(c)),
    };
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some(NotAnObject::Opens { found, line, column })
}

/// One line of `--stdin-jsonl`: an article given by its text or by a path, with the caller's id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The caller's identifier, any JSON value, copied to the output line.
    pub id: serde_json::Value,
    /// The article text.
    #[serde(default)]
    pub text: Option<String>,
    /// A file to read instead of `text`.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// `text`, `markdown` or `html`; by default the path's extension, or text.
    #[serde(default)]
    pub format: Option<String>,
}

impl Record {
    /// The name the article goes by in reports and errors: the path, or the id.
    pub fn name(&self) -> String {
        match (&self.path, &self.id) {
            (Some(p), _) => p.display().to_string(),
            (None, serde_json::Value::String(s)) => s.clone(),
            (None, id) => id.to_string(),
        }
    }

    /// Parses the record's article, in `encoding` when it is a file (detected when `None`).
    pub fn read(&self, encoding: Option<Encoding>) -> anyhow::Result<Document> {
        let name = self.name();
        let format = match self.format.as_deref() {
            None => self.path.as_deref().map(Format::from_path).unwrap_or_default(),
            Some(f) => match Format::from_extension(f) {
                Some(format) => format,
                None => bail!("{name}: unknown format {f:?} (use text, markdown or html)"),
            },
        };
        match (&self.text, &self.path) {
            (Some(text), None) => Ok(press_parser(format, None).parse_text(&name, text)?),
            (None, Some(path)) => read_document(path, &press_parser(format, encoding)),
            (Some(_), Some(_)) => bail!("{name}: give either \"text\" or \"path\", not both"),
            (None, None) => bail!("{name}: the record has neither \"text\" nor \"path\""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_opens_no_object_is_named_with_what_it_opens_and_where() {
        let opens =
            |found: &str, line, column| Some(NotAnObject::Opens { found: found.into(), line, column });
        let cases = [
            ("", Some(NotAnObject::Empty)),
            (" \r\n\t", Some(NotAnObject::Blank)),
            ("{\"id\": 1}", None),
            ("\n  {", None),
            ("[1,2]", opens("an array", 1, 1)),
            ("\n  \"x\"", opens("a string", 2, 3)),
            ("-4", opens("a number", 1, 1)),
            ("null", opens("`null`", 1, 1)),
            ("nothing", opens("`n`", 1, 1)),
            ("`x`", opens("U+0060", 1, 1)),
            ("\u{FEFF}{}", opens("U+FEFF", 1, 1)),
            ("\u{A0}{}", opens("U+00A0", 1, 1)),
        ];
        for (text, expected) in cases {
            assert_eq!(not_an_object(text), expected, "{text:?}");
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("crosscheck-input-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in ["b.txt", "a.md", "sub/c.html", "notes.pdf", ".hidden.txt"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        dir
    }

    #[test]
    fn a_directory_expands_to_its_article_files_sorted_and_recursive() {
        let dir = scratch("dir");
        let got = expand(std::slice::from_ref(&dir)).unwrap();
        let want: Vec<PathBuf> = ["a.md", "b.txt", "sub/c.html"].iter().map(|f| dir.join(f)).collect();
        assert_eq!(got, want);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_quoted_glob_expands_sorted_and_files_keep_command_line_order() {
        let dir = scratch("glob");
        let pattern = dir.join("*.*");
        let got = expand(&[dir.join("b.txt"), pattern]).unwrap();
        let want: Vec<PathBuf> =
            ["b.txt", "a.md", "b.txt", "notes.pdf"].iter().map(|f| dir.join(f)).collect();
        assert_eq!(got, want);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_missing_file_an_empty_pattern_or_an_empty_directory_is_an_error_naming_it() {
        let dir = scratch("missing");
        let err = expand(&[dir.join("nope.txt")]).unwrap_err().to_string();
        assert!(err.contains("nope.txt: No such file"), "{err}");
        let err = expand(&[dir.join("*.docx")]).unwrap_err().to_string();
        assert!(err.contains("*.docx: no file matches"), "{err}");
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        let err = expand(&[dir.join("empty")]).unwrap_err().to_string();
        assert!(err.contains("empty: is a directory with no article file"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn records_need_text_or_path_and_a_known_format() {
        let t = |line: &str| serde_json::from_str::<Record>(line).unwrap().read(None).map(|d| d.path);
        assert_eq!(t(r#"{"id": 7, "text": "One sentence here."}"#).unwrap(), "7");
        assert_eq!(t(r#"{"id": "a", "text": "<p>Body.</p>", "format": "html"}"#).unwrap(), "a");
        for (line, err) in [
            (r#"{"id": 1}"#, "neither"),
            (r#"{"id": 1, "text": "x", "path": "y"}"#, "not both"),
            (r#"{"id": 1, "text": "x", "format": "docx"}"#, "unknown format"),
        ] {
            let got = t(line).unwrap_err().to_string();
            assert!(got.contains(err), "{line}: {got}");
        }
    }
}
