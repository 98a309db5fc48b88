//! Bytes to text, with the place of the first problem when the bytes are not text.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};

/// 1-based line of byte `at` in `bytes`.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Decodes a file's bytes as UTF-8 (a byte-order mark is kept; normalisation drops it so spans
/// stay file offsets).
pub(crate) fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, Error> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(ErrorKind::Binary, path, "binary data (a NUL byte), not a text file")
            .at(line_at(bytes, at), at));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let at = e.valid_up_to();
            Err(Error::new(
                ErrorKind::InvalidEncoding,
                path,
                format!("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", bytes[at]),
            )
            .at(line_at(bytes, at), at))
        }
    }
}
