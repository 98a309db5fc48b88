//! What Markdown and HTML extraction have in common: the plain text they produce (one paragraph per
//! block, blank lines between blocks) and the blocks whose role the markup itself states (a title is
//! the headline, a publication time the dateline, a figure caption a caption, an author the byline),
//! which are applied to the parsed document so they do not depend on the text heuristics.

use crate::document::{Document, Role, SectionKind};
use crate::normalize::fold_whitespace;

/// The input formats a [`crate::Parser`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Plain text, read as it is (spans and lines are those of the file).
    #[default]
    Text,
    /// Markdown: the structure (headings, emphasis, links, lists, code fences, HTML blocks) is
    /// stripped and each block becomes a paragraph of plain text; spans and lines refer to that
    /// extracted text.
    Markdown,
    /// A saved web page: the article body is extracted (navigation, scripts, styles, headers,
    /// footers, asides and link lists are dropped) as plain-text paragraphs; spans and lines refer to
    /// that extracted text.
    Html,
}

impl Format {
    /// The format a file name's extension stands for (`txt`, `md`/`markdown`, `html`/`htm`, in any
    /// case), or `None` for an extension this crate does not read.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format of a file from its path: by extension, plain text when it has none or an unknown
    /// one.
    pub fn from_path(path: &std::path::Path) -> Format {
        path.extension().and_then(|e| e.to_str()).and_then(Format::from_extension).unwrap_or_default()
    }

    /// A short lower-case name (`text`, `markdown`, `html`) for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// A block of the extracted text whose role the markup states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Byte range of the block in the extracted text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) role: Role,
}

/// Plain text extracted from markup, with the blocks whose role is known.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extracted {
    pub(crate) text: String,
    pub(crate) marks: Vec<Mark>,
}

impl Extracted {
    /// Appends one block (whitespace folded to single spaces), separated from the previous one by a
    /// blank line. Empty blocks are dropped.
    pub(crate) fn block(&mut self, raw: &str, role: Option<Role>) {
        let text = fold_whitespace(raw);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(role) = role {
            self.marks.push(Mark { start, end: self.text.len(), role });
        }
    }

    /// Ends the text with a newline, as a text file would.
    pub(crate) fn finish(mut self) -> Extracted {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self
    }
}

/// A publication time as a dateline the text heuristics also read: ISO 8601 timestamps
/// (`2025-08-11T09:30:00+07:00`) become `2025-08-11 09:30`; anything else is kept as written.
pub(crate) fn dateline(value: &str) -> String {
    let value = value.trim();
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let is_date =
        digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
    if !is_date {
        return value.to_string();
    }
    let has_time = matches!(b.get(10), Some(b'T' | b' '))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16);
    if has_time {
        format!("{} {}", &value[..10], &value[11..16])
    } else {
        value[..10].to_string()
    }
}

fn section_kind(role: Role) -> SectionKind {
    match role {
        Role::Headline => SectionKind::Headline,
        Role::Dateline => SectionKind::Dateline,
        Role::Caption => SectionKind::Caption,
        Role::Byline => SectionKind::Byline,
        Role::Attribution => SectionKind::Attribution,
        Role::Body => SectionKind::Body,
    }
}

/// Gives every section that lies inside a marked block the block's role.
pub(crate) fn apply(doc: &mut Document, marks: &[Mark]) {
    for section in &mut doc.sections {
        let (Some(first), Some(last)) = (section.sentences.first(), section.sentences.last()) else {
            continue;
        };
        let (a, b) = (first.span[0], last.span[1]);
        let Some(mark) = marks.iter().find(|m| m.start <= a && b <= m.end) else { continue };
        section.kind = section_kind(mark.role);
        for s in &mut section.sentences {
            s.role = mark.role;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_choose_the_format_and_unknown_ones_are_none() {
        for (ext, format) in [
            ("txt", Some(Format::Text)),
            ("MD", Some(Format::Markdown)),
            ("markdown", Some(Format::Markdown)),
            ("html", Some(Format::Html)),
            ("HTM", Some(Format::Html)),
            ("pdf", None),
        ] {
            assert_eq!(Format::from_extension(ext), format, "{ext}");
        }
        assert_eq!(Format::from_path(std::path::Path::new("dir/article")), Format::Text);
    }

    #[test]
    fn iso_timestamps_become_datelines_and_other_dates_are_kept() {
        for (value, expected) in [
            ("2025-08-11T09:30:00+07:00", "2025-08-11 09:30"),
            ("2025-08-11 14:05", "2025-08-11 14:05"),
            ("2025-08-11", "2025-08-11"),
            (" 11/8/2025 ", "11/8/2025"),
            ("Monday", "Monday"),
        ] {
            assert_eq!(dateline(value), expected, "{value}");
        }
    }

    #[test]
    fn blocks_are_separated_by_blank_lines_and_marks_cover_their_text() {
        let mut out = Extracted::default();
        out.block("  A   title ", Some(Role::Headline));
        out.block(" \n ", None);
        out.block("Body\ntext.", None);
        let out = out.finish();
        assert_eq!(out.text, "A title\n\nBody text.\n");
        assert_eq!(out.marks, [Mark { start: 0, end: 7, role: Role::Headline }]);
    }
}
