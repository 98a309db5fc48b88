//! crosscheck-parse turns an official text or a press article into a [`Document`]: ordered
//! [`Section`]s (preamble and numbered points, or dateline, headline, body paragraphs, captions and
//! byline) of [`Sentence`]s of [`Token`]s. Every sentence keeps its display text, its byte span in the
//! file as given and its line range, so any report can cite `official.txt:47-52`.
//!
//! ```
//! use crosscheck_parse::{Kind, Parser};
//!
//! let text = "Preamble of the statement.\n\n1. The two sides agreed to meet.\n\n2. They signed a plan.\n";
//! let doc = Parser::new().parse("statement.txt", text.as_bytes())?;
//! assert_eq!(doc.kind, Kind::Official);
//! let numbers: Vec<_> = doc.sections.iter().map(|s| s.number).collect();
//! assert_eq!(numbers, [Some(0), Some(1), Some(2)]);
//! let s = &doc.sections[1].sentences[0];
//! assert_eq!((s.text.as_str(), s.lines), ("The two sides agreed to meet.", [3, 3]));
//! # Ok::<(), crosscheck_parse::Error>(())
//! ```
//!
//! Markdown and saved web pages are read too: choose the [`Format`] with
//! [`ParserBuilder::format`] (the binary chooses it from the file extension). The structure is
//! stripped to plain-text paragraphs first; for those formats every span and line refers to that
//! **extracted text**, not to the markup file, and the document's notes say so.
//!
//! ```
//! use crosscheck_parse::{Format, Kind, Parser, Role};
//!
//! let page = "<html><head><title>Trade deal</title></head><body><nav>Home</nav>\
//!             <article><p>The parties signed the deal.</p></article></body></html>";
//! let doc = Parser::builder().kind(Kind::Press).format(Format::Html).build().parse("a.html", page.as_bytes())?;
//! let roles: Vec<_> = doc.sentences().map(|(_, s)| (s.text.as_str(), s.role)).collect();
//! assert_eq!(roles, [("Trade deal", Role::Headline), ("The parties signed the deal.", Role::Body)]);
//! # Ok::<(), crosscheck_parse::Error>(())
//! ```
//!
//! Modules: `decode` (bytes → text: UTF-8, UTF-16, Windows-1258, with the error's place),
//! `normalize` (NFC, spaces, the folded
//! comparison key, the map back to input bytes), `numbering` (point markers), `segment` (sentence
//! boundaries), `press` (dateline, captions, byline, attributions), `token` (words and their keys),
//! `document` (the model and how it is built), `markup` (the input [`Format`]s and what extraction
//! produces), `markdown` and `html` (plain text out of Markdown and web pages).

#![deny(missing_docs)]

mod decode;
mod document;
mod error;
mod html;
mod markdown;
mod markup;
mod normalize;
mod numbering;
mod press;
mod segment;
mod token;

/// The string type of a token's key ([`Token::key`]): short keys are kept inline.
pub use compact_str::CompactString;
pub use decode::Encoding;
pub use document::{Document, Kind, Role, Section, SectionKind, Sentence, Structure};
pub use error::{Error, ErrorKind};
pub use markup::Format;
pub use normalize::{display, fold, fold_into, fold_whitespace};
pub use token::{is_letter_or_digit, is_word_char, tokenize, Token};

/// Reads documents. Build one with [`Parser::new`] or [`Parser::builder`], then call
/// [`Parser::parse`] for each file; it holds no state between calls and can be shared across
/// threads.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    kind: Option<Kind>,
    format: Format,
    encoding: Option<Encoding>,
    structure_only: bool,
}

/// Configures a [`Parser`].
#[derive(Debug, Clone, Default)]
pub struct ParserBuilder {
    kind: Option<Kind>,
    format: Format,
    encoding: Option<Encoding>,
    structure_only: bool,
}

impl ParserBuilder {
    /// Forces every document to be read as this kind instead of deciding from its text.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Forces the kind when `kind` is `Some`, decides from the text when it is `None`.
    pub fn kind_opt(mut self, kind: Option<Kind>) -> Self {
        self.kind = kind;
        self
    }

    /// Reads input written in this format (plain text by default). For Markdown and HTML the
    /// article text is extracted first, and spans and lines refer to the extracted text.
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Reads every file in this encoding instead of detecting it (UTF-8, UTF-16 with a byte-order
    /// mark, or a Windows-1258 guess for bytes that are not UTF-8).
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = Some(encoding);
        self
    }

    /// Forces the encoding when `encoding` is `Some`, detects it when it is `None`.
    pub fn encoding_opt(mut self, encoding: Option<Encoding>) -> Self {
        self.encoding = encoding;
        self
    }

    /// Skips what only comparison needs: sentences get no [`Sentence::tokens`]. For callers that only show the structure; it keeps the memory of a very
    /// large file to a fraction (tokens are most of it).
    pub fn structure_only(mut self, yes: bool) -> Self {
        self.structure_only = yes;
        self
    }

    /// Builds the parser.
    pub fn build(self) -> Parser {
        Parser {
            kind: self.kind,
            format: self.format,
            encoding: self.encoding,
            structure_only: self.structure_only,
        }
    }
}

impl Parser {
    /// A parser that decides each document's kind from its text.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// A builder for a configured parser.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// Parses the bytes of a file. `path` names the file in the document and in errors.
    ///
    /// Errors: bytes that are not UTF-8 (with the offset of the first bad byte), binary data, a file
    /// with no text.
    ///
    /// Spans are byte offsets into `bytes` whatever the encoding. When the bytes were not read as
    /// UTF-8 (UTF-16 with a byte-order mark, or a Windows-1258 guess), [`Document::warnings`] says
    /// so.
    pub fn parse(&self, path: &str, bytes: &[u8]) -> Result<Document, Error> {
        let decoded = decode::decode(path, bytes, self.encoding)?;
        let mut doc = self.parse_str(path, &decoded.text)?;
        // Spans of Markdown and HTML refer to the extracted text, which has no map to the file.
        if decoded.is_mapped() && self.format == Format::Text {
            for section in &mut doc.sections {
                for sentence in &mut section.sentences {
                    sentence.span = sentence.span.map(|b| decoded.file_offset(b));
                }
            }
        }
        doc.warnings.extend(decoded.warning);
        Ok(doc)
    }

    /// Parses text already in memory as [`Parser::parse`] parses its UTF-8 bytes (a NUL is binary
    /// data, an error), without validating the text again: for text that arrived as a string, such
    /// as a JSON record's. A parser set to another encoding parses the bytes as that encoding.
    pub fn parse_text(&self, path: &str, text: &str) -> Result<Document, Error> {
        if self.encoding.is_some_and(|e| e != Encoding::Utf8) {
            return self.parse(path, text.as_bytes());
        }
        decode::reject_nul_bytes(path, text.as_bytes())?;
        self.parse_str(path, text)
    }

    /// The input format this parser reads.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Parses text already in memory. Spans are byte offsets into `text` for plain text, into the
    /// extracted text for Markdown and HTML.
    pub fn parse_str(&self, path: &str, text: &str) -> Result<Document, Error> {
        if text.len() > normalize::MAX_INPUT_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                path,
                format!("the file is too large ({} bytes; at most 2 GiB)", text.len()),
            ));
        }
        let extracted = match self.format {
            Format::Text => return self.parse_plain(path, text),
            Format::Markdown => markdown::extract(text),
            Format::Html => html::extract(text),
        };
        if extracted.text.trim().is_empty() {
            let what = self.format.name();
            return Err(Error::new(
                ErrorKind::Empty,
                path,
                format!("no article text found in the {what} file"),
            ));
        }
        let mut doc = self.parse_plain(path, &extracted.text)?;
        markup::apply(&mut doc, &extracted.marks);
        doc.notes.push(format!(
            "read as {}: lines and byte spans refer to the extracted plain text, not to the file",
            self.format.name()
        ));
        Ok(doc)
    }

    fn parse_plain(&self, path: &str, text: &str) -> Result<Document, Error> {
        let norm = normalize::Normalized::new(text);
        if text.is_empty() {
            return Err(Error::new(ErrorKind::Empty, path, "the file is empty (no text to read)"));
        }
        if norm.text.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::Empty,
                path,
                "the file holds only white space (no text to read)",
            ));
        }
        let doc = document::build(path, &norm, self.kind, !self.structure_only);
        if doc.sections.iter().all(|s| s.sentences.is_empty()) {
            return Err(Error::new(ErrorKind::NoSentences, path, "no sentence could be read from the file"));
        }
        Ok(doc)
    }
}
