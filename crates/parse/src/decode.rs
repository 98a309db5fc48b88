//! Bytes to text, with the place of the first problem when the bytes are not text.
//!
//! UTF-8 is read as it is (a byte-order mark is kept; normalisation drops it, so spans stay file
//! offsets). UTF-16 with a byte-order mark and legacy Vietnamese Windows-1258 are decoded, with a
//! warning, and a map from the decoded text back to file offsets so spans still point into the
//! file as given. Windows-1258 is only guessed when the bytes are not UTF-8 and the decoded text
//! reads like letters; otherwise the error names the first bad byte.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// A text encoding the parser reads. Without one forced, the parser reads UTF-8, UTF-16 with a
/// byte-order mark, and falls back to Windows-1258 for bytes that are not UTF-8 but read as
/// Vietnamese in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (a byte-order mark, if present, is skipped).
    Utf16Le,
    /// UTF-16, big-endian (a byte-order mark, if present, is skipped).
    Utf16Be,
    /// Windows-1258, the legacy Vietnamese code page of Windows (tone marks as combining
    /// characters; normalisation composes them).
    Windows1258,
}

impl Encoding {
    /// The encoding's usual name (`utf-8`, `utf-16le`, `utf-16be`, `windows-1258`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Encoding {
    type Err = String;

    /// Reads an encoding name, in any case, with or without the dash (`utf8`, `UTF-16LE`,
    /// `cp1258`).
    fn from_str(s: &str) -> Result<Encoding, String> {
        let key: String = s.chars().filter(|c| !matches!(c, '-' | '_')).collect::<String>().to_lowercase();
        match key.as_str() {
            "utf8" => Ok(Encoding::Utf8),
            "utf16le" => Ok(Encoding::Utf16Le),
            "utf16be" => Ok(Encoding::Utf16Be),
            "windows1258" | "cp1258" => Ok(Encoding::Windows1258),
            _ => Err(format!("unknown encoding `{s}` (known: utf-8, utf-16le, utf-16be, windows-1258)")),
        }
    }
}

/// Share of the non-ASCII characters of a Windows-1258 reading that must be letters, combining
/// marks or common typographic punctuation for the guess to be taken. Text in another legacy code
/// page or binary data read as Windows-1258 is full of symbols and control characters.
const WINDOWS_1258_MIN_LETTER_SHARE: f64 = 0.95;

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    /// For text not read as UTF-8: `(text offset, file offset)` of every character start, then
    /// `(text.len(), bytes.len())`. `None` when text offsets are file offsets.
    map: Option<Vec<(usize, usize)>>,
    /// What the reader should know about how the bytes were read.
    pub(crate) warning: Option<String>,
}

impl Decoded<'_> {
    /// True when text offsets are not file offsets.
    pub(crate) fn is_mapped(&self) -> bool {
        self.map.is_some()
    }

    /// The file offset of text offset `at` (a character boundary of the text).
    pub(crate) fn file_offset(&self, at: usize) -> usize {
        match &self.map {
            None => at,
            Some(map) => {
                let i = map.partition_point(|&(t, _)| t <= at);
                // `map[0]` is `(0, _)`, so `i >= 1` for any `at`.
                map.get(i.saturating_sub(1)).map_or(at, |&(t, f)| if t == at { f } else { f + (at - t) })
            }
        }
    }
}

/// 1-based line of byte `at` in `bytes`.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Decodes a file's bytes: `forced` when given, otherwise by the rules in the module docs.
pub(crate) fn decode<'a>(
    path: &str,
    bytes: &'a [u8],
    forced: Option<Encoding>,
) -> Result<Decoded<'a>, Error> {
    // A forced encoding that reads valid UTF-8 differently (every UTF-16 reading does, a
    // Windows-1258 one does past ASCII) is used, with a warning: it may be meant for other files.
    let misread = |enc: Encoding| {
        let differs = matches!(enc, Encoding::Utf16Le | Encoding::Utf16Be) || !bytes.is_ascii();
        (differs && std::str::from_utf8(bytes).is_ok()).then(|| {
            format!(
                "{path}: valid UTF-8, but read as {enc} as asked; if the text looks wrong, do not force \
                 the encoding for this file"
            )
        })
    };
    match forced {
        Some(Encoding::Utf8) => utf8(path, bytes),
        Some(enc @ (Encoding::Utf16Le | Encoding::Utf16Be)) => {
            let bom = bom_len(bytes, enc);
            utf16(path, bytes, bom, enc, misread(enc))
        }
        Some(Encoding::Windows1258) => windows_1258(path, bytes, misread(Encoding::Windows1258)),
        None => {
            if bytes.starts_with(&[0xFF, 0xFE]) {
                let warning =
                    format!("{path}: read as UTF-16 little-endian (it starts with a byte-order mark)");
                return utf16(path, bytes, 2, Encoding::Utf16Le, Some(warning));
            }
            if bytes.starts_with(&[0xFE, 0xFF]) {
                let warning = format!("{path}: read as UTF-16 big-endian (it starts with a byte-order mark)");
                return utf16(path, bytes, 2, Encoding::Utf16Be, Some(warning));
            }
            match utf8(path, bytes) {
                Ok(d) => Ok(d),
                Err(e) if e.kind() == ErrorKind::InvalidEncoding && looks_like_windows_1258(bytes) => {
                    let warning = format!(
                        "{path}: not UTF-8; read as Windows-1258 (legacy Vietnamese). If the text looks wrong, \
                         give the encoding explicitly"
                    );
                    windows_1258(path, bytes, Some(warning))
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn bom_len(bytes: &[u8], enc: Encoding) -> usize {
    let bom: &[u8] = if enc == Encoding::Utf16Le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] };
    if bytes.starts_with(bom) {
        2
    } else {
        0
    }
}

fn binary_error(path: &str, line: usize, at: usize) -> Error {
    Error::new(ErrorKind::Binary, path, "binary data (a NUL byte), not a text file").at(line, at)
}

/// Rejects text holding a NUL byte, which marks binary data.
pub(crate) fn reject_nul_bytes(path: &str, bytes: &[u8]) -> Result<(), Error> {
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Err(binary_error(path, line_at(bytes, at), at)),
        None => Ok(()),
    }
}

fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, Error> {
    reject_nul_bytes(path, bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: Cow::Borrowed(s), map: None, warning: None }),
        Err(e) => {
            let at = e.valid_up_to();
            Err(Error::new(
                ErrorKind::InvalidEncoding,
                path,
                format!(
                    "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                    bytes.get(at).copied().unwrap_or_default()
                ),
            )
            .at(line_at(bytes, at), at))
        }
    }
}

/// Decoded text with a map of character starts to file offsets; `width` gives each character's
/// byte length in the file.
fn with_map<'a>(text: String, start: usize, file_len: usize, width: impl Fn(char) -> usize) -> Decoded<'a> {
    let mut map = Vec::with_capacity(text.len() / 2 + 2);
    let mut file = start;
    for (i, c) in text.char_indices() {
        map.push((i, file));
        file += width(c);
    }
    map.push((text.len(), file_len));
    Decoded { text: Cow::Owned(text), map: Some(map), warning: None }
}

/// Checks decoded text for NUL characters, which mark binary data.
fn reject_nul(path: &str, decoded: &Decoded<'_>) -> Result<(), Error> {
    if let Some(at) = decoded.text.find('\0') {
        let line = decoded.text[..at].matches('\n').count() + 1;
        return Err(binary_error(path, line, decoded.file_offset(at)));
    }
    Ok(())
}

fn utf16<'a>(
    path: &str,
    bytes: &'a [u8],
    bom: usize,
    enc: Encoding,
    warning: Option<String>,
) -> Result<Decoded<'a>, Error> {
    let body = &bytes[bom..];
    let codec = if enc == Encoding::Utf16Le { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
    let Some(text) = codec.decode_without_bom_handling_and_without_replacement(body) else {
        // Find the first code unit that does not decode, for the error's place.
        let mut decoder = codec.new_decoder_without_bom_handling();
        let capacity =
            decoder.max_utf8_buffer_length_without_replacement(body.len()).unwrap_or(body.len() * 3);
        let mut out = String::with_capacity(capacity);
        let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
        let bad = match result {
            encoding_rs::DecoderResult::Malformed(len, after) => usize::from(len) + usize::from(after),
            _ => 0,
        };
        let at = bom + read.saturating_sub(bad);
        let line = out.matches('\n').count() + 1;
        return Err(Error::new(
            ErrorKind::InvalidEncoding,
            path,
            format!("invalid {} (an odd byte count or an unpaired surrogate)", enc.name().to_uppercase()),
        )
        .at(line, at));
    };
    let mut decoded =
        with_map(text.into_owned(), bom, bytes.len(), |c| if (c as u32) > 0xFFFF { 4 } else { 2 });
    reject_nul(path, &decoded)?;
    decoded.warning = warning;
    Ok(decoded)
}

fn windows_1258<'a>(path: &str, bytes: &'a [u8], warning: Option<String>) -> Result<Decoded<'a>, Error> {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    // A single-byte code page: every character is one byte of the file.
    let mut decoded = with_map(text.into_owned(), 0, bytes.len(), |_| 1);
    reject_nul(path, &decoded)?;
    decoded.warning = warning;
    Ok(decoded)
}

/// True when bytes that are not UTF-8 read as Vietnamese in Windows-1258: they hold no NUL, fewer
/// well-formed multi-byte UTF-8 characters than malformed sequences (otherwise it is damaged UTF-8,
/// which should be reported, not reinterpreted), and their non-ASCII characters in Windows-1258
/// are nearly all letters, combining marks and typographic punctuation.
fn looks_like_windows_1258(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return false;
    }
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if valid_multibyte >= invalid {
        return false;
    }
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    let (mut letters, mut others) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let plausible = c.is_alphabetic()
            || unicode_normalization::char::canonical_combining_class(c) != 0
            || matches!(c, '\u{A0}' | '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '«' | '»' | '•' | '°' | '€');
        if plausible {
            letters += 1;
        } else {
            others += 1;
        }
    }
    let total = letters + others;
    total > 0 && letters as f64 >= WINDOWS_1258_MIN_LETTER_SHARE * total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut out = vec![0xFE, 0xFF];
        out.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        out
    }

    #[test]
    fn utf8_is_borrowed_with_file_offsets() {
        let d = decode("a.txt", "Hà Nội".as_bytes(), None).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(d.warning.is_none());
        assert_eq!(d.file_offset(3), 3);
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_with_a_warning_and_offsets_into_the_file() {
        for (bytes, name) in [(utf16le("Hà Nội 😀 x", true), "little"), (utf16be("Hà Nội 😀 x"), "big")]
        {
            let d = decode("a.txt", &bytes, None).unwrap();
            assert_eq!(d.text, "Hà Nội 😀 x");
            assert!(d.warning.as_deref().unwrap().contains(name));
            // `x` is the 10th UTF-16 unit (the emoji takes two): file offset 2 + 2 * 10.
            assert_eq!(d.file_offset(d.text.find('x').unwrap()), 22);
            assert_eq!(d.file_offset(d.text.len()), bytes.len());
        }
    }

    #[test]
    fn windows_1258_vietnamese_is_guessed_with_a_warning() {
        // "Hà Nội" in Windows-1258: `à` is a precomposed byte, `ộ` is `ô` + combining dot below.
        let bytes = b"Th\xF4ng c\xE1o: H\xE0 N\xF4\xF2i.";
        let d = decode("a.txt", bytes, None).unwrap();
        assert!(d.warning.as_deref().unwrap().contains("Windows-1258"));
        assert!(d.text.starts_with("Thông cáo: Hà N"));
        assert_eq!(d.file_offset(d.text.len()), bytes.len());
    }

    #[test]
    fn damaged_utf8_is_an_error_at_the_first_bad_byte() {
        let mut bytes = "Hai bên nhất trí hợp tác".as_bytes().to_vec();
        bytes.insert(4, 0xFF);
        let e = decode("a.txt", &bytes, None).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.byte()), (ErrorKind::InvalidEncoding, Some(1), Some(4)));
    }

    #[test]
    fn bytes_that_are_symbols_in_windows_1258_are_not_guessed() {
        let e = decode("a.txt", b"abc \x80\x81\x86\x87\x89 def", None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidEncoding);
    }

    #[test]
    fn a_forced_encoding_is_used_without_guessing() {
        let bytes = utf16le("xin chào", false);
        let d = decode("a.txt", &bytes, Some(Encoding::Utf16Le)).unwrap();
        assert_eq!(d.text, "xin chào");
        let e = decode("a.txt", b"caf\xE9", Some(Encoding::Utf8)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidEncoding);
        let d = decode("a.txt", b"caf\xE9", Some(Encoding::Windows1258)).unwrap();
        assert_eq!(d.text, "café");
    }

    #[test]
    fn a_forced_encoding_that_misreads_utf8_text_is_used_with_a_warning_naming_the_file() {
        let d = decode("official.txt", "xin chào".as_bytes(), Some(Encoding::Windows1258)).unwrap();
        assert_eq!(d.text, "xin chĂ\u{A0}o");
        assert!(d
            .warning
            .as_deref()
            .unwrap()
            .starts_with("official.txt: valid UTF-8, but read as windows-1258"));
        // Plain ASCII reads the same in Windows-1258: nothing to warn about.
        let d = decode("a.txt", b"xin chao", Some(Encoding::Windows1258)).unwrap();
        assert!(d.warning.is_none());
    }

    #[test]
    fn nul_bytes_are_binary_in_every_encoding() {
        let e = decode("a.txt", b"ab\ncd\0", None).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.byte()), (ErrorKind::Binary, Some(2), Some(5)));
        let e = decode("a.txt", &utf16le("ab\0", true), None).unwrap_err();
        assert_eq!((e.kind(), e.byte()), (ErrorKind::Binary, Some(6)));
    }

    #[test]
    fn odd_utf16_is_an_error() {
        let mut bytes = utf16le("ab", true);
        bytes.push(0x41);
        let e = decode("a.txt", &bytes, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidEncoding);
    }

    #[test]
    fn encoding_names_are_read_loosely() {
        assert_eq!("UTF-8".parse(), Ok(Encoding::Utf8));
        assert_eq!("utf16le".parse(), Ok(Encoding::Utf16Le));
        assert_eq!("cp1258".parse(), Ok(Encoding::Windows1258));
        assert!("latin-9".parse::<Encoding>().is_err());
    }
}
