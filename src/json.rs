//! Compact JSON for the stream's output lines: the bytes `serde_json::to_writer` writes, for less.
//!
//! `serde_json` escapes strings one byte at a time through a table, and a streamed answer is about
//! 900 strings (keys, sentences, their diffs and sources). This writer tests a string eight bytes
//! at a time for the bytes JSON escapes (`"`, `\` and controls below U+0020) and copies one that has
//! none, nearly all of them, whole (the gain is in `docs/PERFORMANCE.md`, session 11). Numbers are
//! written by the crates `serde_json` uses (`itoa`, `zmij`), so the output is the same byte for
//! byte (the tests compare the two on the seed, on every kind of serde value and on random JSON
//! values); a map key that is not a string, a finite number or a boolean is an error, as it is
//! there. This holds while `serde_json`'s `arbitrary_precision` and `raw_value` features are off:
//! with them, its `Number` and `RawValue` serialize through private structs only its own writer
//! understands.

use std::fmt;

use serde::ser::{self, Serialize};

/// Appends the compact JSON of `value` to `out`, exactly as `serde_json::to_writer` would.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// Why a value could not be written.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The serializer: appends to a byte buffer.
struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

/// A word with each of its eight bytes set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// True when a byte of `w` is `"`, `\` or below 0x20: the classic "has a zero byte" and "has a byte
/// below n" tests. Exact as a yes or no: a borrow can mark a byte that does not match only above
/// one that does.
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = splat(0x01);
    const HIGH: u64 = splat(0x80);
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let quote = zero_in(w ^ splat(b'"'));
    let backslash = zero_in(w ^ splat(b'\\'));
    // A byte below 0x20: subtracting 0x20 borrows into its high bit, which was clear.
    let control = w.wrapping_sub(splat(0x20)) & !w & HIGH;
    quote | backslash | control != 0
}

/// The escape of a byte JSON escapes, as `serde_json` writes it.
fn escape(b: u8, out: &mut Vec<u8>) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0C => out.extend_from_slice(b"\\f"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]);
        }
    }
}

/// True for a byte JSON escapes.
#[inline]
fn is_escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The eight bytes of `bytes` from `i`, as a word (byte `k` in bits `8k..8k + 8`).
#[inline]
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(word)
}

/// The fewer than eight `bytes` as a word, padded with a byte JSON does not escape; read in at
/// most three loads rather than byte by byte.
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    debug_assert!(n < 8);
    let piece = |at: usize, len: usize| -> u64 {
        bytes[at..at + len].iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
    };
    // Pieces that may overlap cover the bytes: three single bytes for up to three, two runs of
    // four for four to seven.
    let word = match n {
        0 => 0,
        1..=3 => piece(0, 1) | piece(n / 2, 1) << (8 * (n / 2)) | piece(n - 1, 1) << (8 * (n - 1)),
        _ => piece(0, 4) | piece(n - 4, 4) << (8 * (n - 4)),
    };
    let kept = (1u64 << (8 * n)) - 1;
    (word & kept) | (splat(b'a') & !kept)
}

/// True when some byte of `bytes` is one JSON escapes: eight at a time, the last eight (or the
/// fewer than eight) read as one word.
#[inline]
fn has_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        return needs_escape(short_word(bytes));
    }
    let mut i = 0;
    while i + 8 <= n {
        if needs_escape(word_at(bytes, i)) {
            return true;
        }
        i += 8;
    }
    i < n && needs_escape(word_at(bytes, n - 8))
}

/// Appends `s` as a JSON string.
fn string(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Most strings (names, words, most sentences) have nothing to escape: copied whole.
    if has_escape(bytes) {
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if is_escaped(b) {
                out.extend_from_slice(&bytes[from..i]);
                escape(b, out);
                from = i + 1;
            }
        }
        out.extend_from_slice(&bytes[from..]);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// The serializer's methods for integers, each written in decimal as `serde_json` writes it.
macro_rules! integers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
            Ok(())
        }
    )*};
}

/// Appends a float; one that is not finite has no JSON and is `null`, as `serde_json` writes it.
fn float<F: zmij::Float>(out: &mut Vec<u8>, v: F, finite: bool) {
    if finite {
        out.extend_from_slice(zmij::Buffer::new().format_finite(v).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Writer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128
    );
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        float(self.out, v, v.is_finite());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        float(self.out, v, v.is_finite());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(v.encode_utf8(&mut [0; 4]), self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(v, self.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        string(variant, self.out);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        self.out.push(b'[');
        Ok(Compound::open(self, b']'))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        Ok(Compound::variant(self, variant, b'[', b']'))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        self.out.push(b'{');
        Ok(Compound::open(self, b'}'))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        Ok(Compound::variant(self, variant, b'{', b'}'))
    }
}

/// An array or object being written.
struct Compound<'a, 'o> {
    writer: &'a mut Writer<'o>,
    /// `]` or `}`.
    close: u8,
    /// Nothing written in it yet (no comma before the next element).
    first: bool,
    /// Inside `{"variant": …}`: one more `}` at the end.
    variant: bool,
}

impl<'a, 'o> Compound<'a, 'o> {
    /// A compound whose opening is written, to be closed by `close`.
    fn open(writer: &'a mut Writer<'o>, close: u8) -> Self {
        Compound { writer, close, first: true, variant: false }
    }

    /// `{"variant":` and the opening of the compound it holds (`open`, closed by `close`).
    fn variant(writer: &'a mut Writer<'o>, variant: &str, open: u8, close: u8) -> Self {
        writer.out.push(b'{');
        string(variant, writer.out);
        writer.out.extend_from_slice(&[b':', open]);
        Compound { variant: true, ..Compound::open(writer, close) }
    }

    /// The comma before every element but the first.
    fn comma(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.writer.out.push(b',');
        }
    }

    /// Writes an element of an array.
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    /// Writes a named field of an object.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        string(key, self.writer.out);
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    /// Writes the closing bracket (and the variant's `}`).
    fn close(self) -> Result<(), Error> {
        self.writer.out.push(self.close);
        if self.variant {
            self.writer.out.push(b'}');
        }
        Ok(())
    }
}

/// The compounds of elements only (arrays, tuples, tuple structs and variants), by the name serde
/// gives their method.
macro_rules! elements {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The compounds of named fields (structs and struct variants).
macro_rules! fields {
    ($($name:ident),*) => {$(
        impl ser::$name for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        map_key(key, self.writer.out)?;
        self.writer.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// Appends a map key. JSON keys are strings: a key written as a string is kept, one written as a
/// number or a boolean is quoted (as `serde_json` does), and anything else (`null`, an infinite
/// number, an array, an object) is an error, with nothing of the key left appended.
fn map_key<T: Serialize + ?Sized>(key: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    let start = out.len();
    let written = key.serialize(&mut Writer { out });
    match (written, out.get(start)) {
        (Ok(()), Some(b'"')) => Ok(()),
        (Ok(()), Some(b'-' | b'0'..=b'9' | b't' | b'f')) => {
            out.insert(start, b'"');
            out.push(b'"');
            Ok(())
        }
        (written, _) => {
            out.truncate(start);
            written.and(Err(Error("a map key must be a string, a finite number or a boolean".to_string())))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::Value;

    use super::*;

    /// This writer's bytes for `value`, and `serde_json`'s.
    fn both<T: Serialize + ?Sized>(value: &T) -> (Vec<u8>, Vec<u8>) {
        let mut ours = Vec::new();
        write(&mut ours, value).unwrap();
        (ours, serde_json::to_vec(value).unwrap())
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Unit,
        Newtype(i8),
        Tuple(u16, f32),
        Struct { at: [usize; 2], note: Option<String> },
    }

    #[derive(Serialize)]
    struct Every {
        shapes: Vec<Shape>,
        empty: Vec<u8>,
        nothing: (),
        unit: Empty,
        pair: (char, bool),
        wide: (i128, u128),
        floats: [f64; 6],
        single: f32,
        by_number: BTreeMap<i32, &'static str>,
        by_flag: BTreeMap<bool, u8>,
        nested: BTreeMap<u8, BTreeMap<String, ()>>,
        by_float: std::collections::HashMap<F, char>,
        #[serde(flatten)]
        flat: BTreeMap<&'static str, Value>,
        #[serde(with = "serde_bytes_as_seq")]
        bytes: Vec<u8>,
    }

    #[derive(Serialize)]
    struct Empty;

    /// `serialize_bytes`, which derived code reaches only through a helper.
    mod serde_bytes_as_seq {
        pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    #[test]
    fn every_kind_of_value_is_written_as_serde_json_writes_it() {
        let every = Every {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(-3),
                Shape::Tuple(7, 0.1),
                Shape::Struct { at: [1, 2], note: Some("a \"b\"".into()) },
                Shape::Struct { at: [0, 0], note: None },
            ],
            empty: vec![],
            nothing: (),
            unit: Empty,
            pair: ('\u{1}', true),
            wide: (i128::MIN, u128::MAX),
            floats: [0.0, -0.0, 1e21, 1.5e-7, f64::NAN, f64::INFINITY],
            single: 0.956,
            by_number: BTreeMap::from([(-1, "x"), (10, "y")]),
            by_flag: BTreeMap::from([(false, 0), (true, 1)]),
            nested: BTreeMap::from([(3, BTreeMap::from([("k\n".to_string(), ())]))]),
            by_float: std::collections::HashMap::from([(F(-2.5e-9), '"')]),
            flat: BTreeMap::from([("z", serde_json::json!({"a": [1, -2, 3.25, null]}))]),
            bytes: vec![0, 255],
        };
        let (ours, theirs) = both(&every);
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
    }

    /// Whether this writer and `serde_json` both accept `key` as a map key, with the same bytes,
    /// or both refuse it (leaving nothing of it in the buffer).
    fn same_for_key<K: Serialize + Eq + std::hash::Hash>(key: K) -> bool {
        let map = std::collections::HashMap::from([(key, 1)]);
        let mut ours = Vec::new();
        match (write(&mut ours, &map), serde_json::to_vec(&map)) {
            (Ok(()), Ok(theirs)) => ours == theirs,
            (Err(_), Err(_)) => ours == b"{",
            _ => false,
        }
    }

    #[test]
    fn map_keys_are_taken_or_refused_as_serde_json_takes_or_refuses_them() {
        #[derive(Serialize, PartialEq, Eq, Hash)]
        enum Key {
            Unit,
            Newtype(u8),
        }
        #[derive(Serialize, PartialEq, Eq, Hash)]
        struct Wrapped(String);
        assert!(same_for_key("k"));
        assert!(same_for_key(-7i64));
        assert!(same_for_key(true));
        assert!(same_for_key('c'));
        assert!(same_for_key(Key::Unit));
        assert!(same_for_key(Wrapped("w".into())));
        assert!(same_for_key(Some("k")));
        assert!(same_for_key(F(1.5)));
        assert!(same_for_key(F(f64::NAN)));
        assert!(same_for_key(F(f64::NEG_INFINITY)));
        assert!(same_for_key(Key::Newtype(1)));
        assert!(same_for_key(None::<u8>));
        assert!(same_for_key(()));
        assert!(same_for_key((1, 2)));
    }

    /// A float map key (serde has no `Ord` floats).
    #[derive(Serialize, PartialEq)]
    struct F(f64);
    impl Eq for F {}
    impl std::hash::Hash for F {
        fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
            self.0.to_bits().hash(state);
        }
    }

    #[test]
    fn the_seed_alignment_is_written_as_serde_json_writes_it() {
        let article = &crate::seed::seed().article;
        let (ours, theirs) = both(article);
        assert!(ours == theirs, "the two differ");
    }

    /// Any JSON value: strings of any characters (controls, quotes, backslashes, every plane),
    /// integers of both signs, floats, nested arrays and objects.
    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[\"\\\\\u{0}-\u{1f}\u{7f}a-z]{0,40}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_json_value_is_written_as_serde_json_writes_it(value in any_value()) {
            let (ours, theirs) = both(&value);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn the_word_test_finds_exactly_the_bytes_json_escapes(
            bytes in proptest::collection::vec(
                prop_oneof![Just(b'"'), Just(b'\\'), 0u8..0x20, 0x20u8..=0xFF], 0..40,
            ),
        ) {
            prop_assert_eq!(has_escape(&bytes), bytes.iter().any(|&b| is_escaped(b)));
        }
    }
}
