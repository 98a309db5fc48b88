//! The parser's error type.

use std::fmt;

/// What went wrong while reading a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not valid text in the encoding used.
    InvalidEncoding,
    /// The file holds binary data (NUL bytes), not text.
    Binary,
    /// The file is empty or holds only white space.
    Empty,
    /// The file has text but no sentence could be read from it.
    NoSentences,
    /// The file is larger than the parser can map back to byte offsets (2 GiB).
    TooLarge,
}

/// An error reading a document, naming the file and, where it applies, the place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    path: String,
    line: Option<usize>,
    byte: Option<usize>,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, path: &str, message: impl Into<String>) -> Error {
        Error { kind, path: path.to_string(), line: None, byte: None, message: message.into() }
    }

    pub(crate) fn at(mut self, line: usize, byte: usize) -> Error {
        self.line = Some(line);
        self.byte = Some(byte);
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error is about.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The 1-based line of the error, where it has one.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The 0-based byte offset of the error in the file, where it has one.
    pub fn byte(&self) -> Option<usize> {
        self.byte
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let (Some(line), Some(byte)) = (self.line, self.byte) {
            write!(f, ": line {line}, byte {byte}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}
