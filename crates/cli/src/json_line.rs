//! One JSON Lines record, read without losing a byte of what the command
//! does not own.
//!
//! A line is validated as a JSON object and split into its members, each
//! kept as the raw bytes of its key and its value. The command decodes only
//! the fields it reads (the text, a language, blocks), replaces only the
//! values it rewrites, and appends the fields it adds; every other byte of
//! the line, whitespace and key order and duplicate keys included, comes out
//! as it went in. So an integer ID of any length, `1E2` or `1e400` stays
//! exactly as written, which a parse into numbers would not keep.
//!
//! ```
//! use textclean_cli::json_line::JsonLine;
//!
//! let line = JsonLine::parse(br#"{"id": 123456789012345678901234567890, "text": "caf\u00e9"}"#)?;
//! assert_eq!(line.string("text")?.unwrap().text, "café");
//! let out = line.rewrite(&[("text", "\"cafe\"".into())], &[]);
//! assert_eq!(out, br#"{"id": 123456789012345678901234567890, "text": "cafe"}"#);
//! # Ok::<(), String>(())
//! ```

use std::borrow::Cow;
use std::ops::Range;

/// A JSON object on one line, as raw members.
#[derive(Debug)]
pub struct JsonLine<'a> {
    bytes: &'a [u8],
    members: Vec<Member>,
    /// Where the closing `}` is.
    close: usize,
}

/// One `key: value` member: the spans of its key (quotes included) and of
/// its value.
#[derive(Debug, Clone)]
struct Member {
    key: Range<usize>,
    value: Range<usize>,
}

/// A string field, decoded.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// How many `\uD800`–`\uDFFF` escapes stood alone and were read as
    /// U+FFFD: JSON allows them, a Rust string cannot hold them.
    pub lone_surrogates: usize,
}

impl<'a> JsonLine<'a> {
    /// Validates `bytes` (one line, its line ending removed) as a JSON
    /// object, or says why it is not one and at which column (in bytes,
    /// from 1).
    pub fn parse(bytes: &'a [u8]) -> Result<JsonLine<'a>, String> {
        if let Err(e) = std::str::from_utf8(bytes) {
            return Err(format!(
                "not valid UTF-8 at byte {}",
                e.valid_up_to() + 1
            ));
        }
        let mut scan = Scanner { bytes, at: 0 };
        scan.space();
        if scan.peek() != Some(b'{') {
            return Err(match scan.peek() {
                Some(
                    b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n',
                ) => "not a JSON object".to_owned(),
                _ => scan.error("expected `{`"),
            });
        }
        scan.at += 1;
        let mut members = Vec::new();
        scan.space();
        if scan.peek() == Some(b'}') {
            scan.at += 1;
        } else {
            loop {
                scan.space();
                let key = scan.string()?;
                scan.space();
                scan.expect(b':')?;
                scan.space();
                let start = scan.at;
                scan.value()?;
                members.push(Member { key, value: start..scan.at });
                scan.space();
                match scan.peek() {
                    Some(b',') => scan.at += 1,
                    Some(b'}') => {
                        scan.at += 1;
                        break;
                    }
                    _ => return Err(scan.error("expected `,` or `}`")),
                }
            }
        }
        let close = scan.at - 1;
        scan.space();
        if scan.at != bytes.len() {
            return Err(scan.error("unexpected text after the object"));
        }
        Ok(JsonLine { bytes, members, close })
    }

    /// The raw value of the field `name`: `None` when the line has no such
    /// field, an error when it has it more than once (which of them would
    /// be meant is anyone's guess).
    pub fn raw(&self, name: &str) -> Result<Option<&'a [u8]>, String> {
        let mut found = None;
        for member in &self.members {
            if key_is(&self.bytes[member.key.clone()], name) {
                if found.is_some() {
                    return Err(format!("field `{name}` appears twice"));
                }
                found = Some(&self.bytes[member.value.clone()]);
            }
        }
        Ok(found)
    }

    /// The members as written: each raw key (quotes included) and raw
    /// value, in the order of the line.
    pub fn members(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + '_ {
        self.members.iter().map(|m| {
            (&self.bytes[m.key.clone()], &self.bytes[m.value.clone()])
        })
    }

    /// Whether the line has the field `name`.
    pub fn has(&self, name: &str) -> bool {
        self.members.iter().any(|m| key_is(&self.bytes[m.key.clone()], name))
    }

    /// The field `name` decoded as a string: `None` when it is absent or
    /// `null`, an error when it is something else.
    pub fn string(&self, name: &str) -> Result<Option<Decoded<'a>>, String> {
        match self.raw(name)? {
            None | Some(b"null") => Ok(None),
            Some(raw) if raw.first() == Some(&b'"') => {
                Ok(Some(decode_string(raw)))
            }
            Some(_) => Err(format!("field `{name}` is not a string")),
        }
    }

    /// The line with the values of `replace` (field name, new raw JSON
    /// value) put in place of the old ones and the members of `append`
    /// added at the end; every other byte as it was.
    pub fn rewrite(
        &self,
        replace: &[(&str, Vec<u8>)],
        append: &[(&str, Vec<u8>)],
    ) -> Vec<u8> {
        let extra: usize = replace
            .iter()
            .chain(append)
            .map(|(k, v)| k.len() + v.len() + 4)
            .sum();
        let mut out = Vec::with_capacity(self.bytes.len() + extra);
        let mut from = 0;
        for member in &self.members {
            let key = &self.bytes[member.key.clone()];
            if let Some((_, value)) =
                replace.iter().find(|(name, _)| key_is(key, name))
            {
                out.extend_from_slice(&self.bytes[from..member.value.start]);
                out.extend_from_slice(value);
                from = member.value.end;
            }
        }
        out.extend_from_slice(&self.bytes[from..self.close]);
        let mut empty = self.members.is_empty();
        for (name, value) in append {
            if !empty {
                out.push(b',');
            }
            empty = false;
            out.extend_from_slice(&quote(name));
            out.push(b':');
            out.extend_from_slice(value);
        }
        out.extend_from_slice(&self.bytes[self.close..]);
        out
    }
}

/// `text` as a JSON string literal, as `serde_json` writes it: `"` and
/// `\` escaped, the controls as `\n`, `\t`, `\r`, `\b`, `\f` or
/// `\u00XX`, every other character as it is. Runs without one are copied
/// whole.
pub fn quote(text: &str) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'"');
    let mut from = 0;
    loop {
        let at = from + next_stop(&bytes[from..]);
        out.extend_from_slice(&bytes[from..at]);
        let Some(&b) = bytes.get(at) else { break };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
        from = at + 1;
    }
    out.push(b'"');
    out
}

/// Where the first byte of `bytes` that a JSON string cannot hold as it
/// is stands (a quote, a backslash or a control below 0x20), or its
/// length: eight bytes at a time, then byte by byte in the eight that
/// hold one.
fn next_stop(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut at = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte below 0x20 (with the high bit clear), `"` or `\\`.
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        if control | zero(x ^ (ONES * 0x22)) | zero(x ^ (ONES * 0x5c)) != 0 {
            break;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| STRING_STOPS[usize::from(b)])
        .unwrap_or(bytes.len() - at)
}

/// Whether the raw key (quotes included) names `name`.
fn key_is(raw: &[u8], name: &str) -> bool {
    let inner = &raw[1..raw.len() - 1];
    if !inner.contains(&b'\\') {
        return inner == name.as_bytes();
    }
    decode_string(raw).text == name
}

/// Decodes a raw JSON string literal that [`JsonLine::parse`] validated.
fn decode_string(raw: &[u8]) -> Decoded<'_> {
    let inner = &raw[1..raw.len() - 1];
    // The line was checked to be UTF-8, and the quotes are ASCII.
    let inner = std::str::from_utf8(inner).unwrap_or_default();
    if !inner.contains('\\') {
        return Decoded { text: Cow::Borrowed(inner), lone_surrogates: 0 };
    }
    let mut text = String::with_capacity(inner.len());
    let mut lone_surrogates = 0;
    let mut rest = inner;
    while let Some(i) = rest.find('\\') {
        text.push_str(&rest[..i]);
        let escape = &rest[i + 1..];
        let mut used = 1;
        match escape.as_bytes().first() {
            Some(b'n') => text.push('\n'),
            Some(b't') => text.push('\t'),
            Some(b'r') => text.push('\r'),
            Some(b'b') => text.push('\u{8}'),
            Some(b'f') => text.push('\u{c}'),
            Some(b'u') => {
                let unit = hex4(&escape[1..]);
                used = 5;
                let low = escape
                    .get(5..7)
                    .filter(|s| *s == "\\u")
                    .map(|_| hex4(&escape[7..]))
                    .filter(|low| (0xDC00..0xE000).contains(low));
                match (unit, low) {
                    (0xD800..=0xDBFF, Some(low)) => {
                        let c =
                            0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        text.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        used = 11;
                    }
                    (0xD800..=0xDFFF, _) => {
                        text.push('\u{FFFD}');
                        lone_surrogates += 1;
                    }
                    _ => text.push(char::from_u32(unit).unwrap_or('\u{FFFD}')),
                }
            }
            // `"`, `\` and `/` stand for themselves.
            _ => text.push_str(&escape[..1]),
        }
        rest = &escape[used..];
    }
    text.push_str(rest);
    Decoded { text: Cow::Owned(text), lone_surrogates }
}

/// The value of four hex digits that the scanner checked.
fn hex4(digits: &str) -> u32 {
    digits
        .get(..4)
        .and_then(|d| u32::from_str_radix(d, 16).ok())
        .unwrap_or(0xFFFD)
}

/// The bytes that end a run of plain string content: `"`, `\` and the
/// control bytes (which JSON does not allow unescaped).
const STRING_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = true;
        b += 1;
    }
    stops[b'"' as usize] = true;
    stops[b'\\' as usize] = true;
    stops
};

/// A validating pass over JSON bytes that builds nothing.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn error(&self, what: &str) -> String {
        match self.peek() {
            None => format!("not valid JSON: {what} at the end of the line"),
            Some(_) => {
                format!("not valid JSON: {what} at column {}", self.at + 1)
            }
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    /// One value, nested arrays and objects included, without recursion:
    /// no depth of nesting overflows the stack.
    fn value(&mut self) -> Result<(), String> {
        let mut open: Vec<u8> = Vec::new();
        'value: loop {
            self.space();
            match self.peek() {
                Some(bracket @ (b'{' | b'[')) => {
                    let close = if bracket == b'{' { b'}' } else { b']' };
                    self.at += 1;
                    self.space();
                    if self.peek() == Some(close) {
                        self.at += 1;
                    } else {
                        open.push(close);
                        if close == b'}' {
                            self.member_key()?;
                        }
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                _ => return Err(self.error("expected a value")),
            }
            // A value is done: close what it ends, or go on to the next.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                self.space();
                match self.peek() {
                    Some(b',') => {
                        self.at += 1;
                        if close == b'}' {
                            self.space();
                            self.member_key()?;
                        }
                        continue 'value;
                    }
                    Some(byte) if byte == close => {
                        self.at += 1;
                        open.pop();
                    }
                    _ => {
                        return Err(self.error(&format!(
                            "expected `,` or `{}`",
                            close as char
                        )));
                    }
                }
            }
        }
    }

    /// `"key" :` inside a nested object.
    fn member_key(&mut self) -> Result<(), String> {
        self.string()?;
        self.space();
        self.expect(b':')
    }

    /// A string literal; its span, quotes included.
    fn string(&mut self) -> Result<Range<usize>, String> {
        let start = self.at;
        self.expect(b'"')?;
        loop {
            // One pass to the next quote, backslash or control byte.
            self.at += next_stop(&self.bytes[self.at..]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(start..self.at);
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some(
                            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r'
                            | b't',
                        ) => self.at += 1,
                        Some(b'u') => {
                            self.at += 1;
                            let digits = self.bytes.get(self.at..self.at + 4);
                            if !digits.is_some_and(|d| {
                                d.iter().all(u8::is_ascii_hexdigit)
                            }) {
                                return Err(self.error("bad \\u escape"));
                            }
                            self.at += 4;
                        }
                        _ => return Err(self.error("bad escape")),
                    }
                }
                Some(_) => {
                    return Err(self.error("control character in a string"));
                }
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number as JSON writes it; any size, since it is never converted.
    fn number(&mut self) -> Result<(), String> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("bad number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("bad number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("bad number"));
            }
        }
        Ok(())
    }

    fn literal(&mut self, word: &str) -> Result<(), String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("expected a value"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<JsonLine<'_>, String> {
        JsonLine::parse(s.as_bytes())
    }

    proptest::proptest! {
        /// A string quotes as `serde_json` quotes it, with every kind of
        /// byte at every place of the eight the stop search reads at once.
        #[test]
        fn quotes_as_serde_json_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "\u{8}",
                    "\u{c}", "\u{0}", "\u{1f}", "\u{7f}", "/", "é", "€", "😀",
                    "\u{2028}", "abcdefgh", "#",
                ]),
                0..40,
            ),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(
                quote(&text),
                serde_json::to_vec(&text).unwrap(),
                "{:?}", text
            );
        }

        /// The stop search finds what a byte-by-byte one finds.
        #[test]
        fn finds_the_first_stop(bytes in proptest::collection::vec(
            proptest::sample::select(vec![b'a', b'"', b'\\', 0, 0x1f, 0x20, 0x7f, 0x80, 0xff, b'\n']),
            0..40,
        )) {
            let slow = bytes
                .iter()
                .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
                .unwrap_or(bytes.len());
            proptest::prop_assert_eq!(next_stop(&bytes), slow);
        }
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_valid() {
        let cases = [
            r#"{}"#,
            r#" { "a" : [1, 2.5e-3, -0, true, false, null, {"b": []}] } "#,
            r#"{"a":"\"\\\/\b\f\n\r\t\u00e9"}"#,
            r#"{"a":1,}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":-}"#,
            r#"{"a":1e}"#,
            r#"{"a":tru}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":"\x"}"#,
            r#"{"a":"\u12"}"#,
            r#"{"a":[1 2]}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":{"b":1,}}"#,
            r#"{"a":{"b"}}"#,
            r#"{"a":1} x"#,
            r#"{"a":1"#,
            r#"{"a":"x"#,
            "{\"a\":\"tab\there\"}",
            r#"[1]"#,
            r#""x""#,
            r#""#,
        ];
        for case in cases {
            let ours = parse(case).is_ok();
            let theirs =
                serde_json::from_str::<serde_json::Map<_, _>>(case).is_ok();
            assert_eq!(ours, theirs, "{case}");
        }
    }

    #[test]
    fn keeps_numbers_duplicates_and_spacing_byte_for_byte() {
        let line = r#"{ "id" : 123456789012345678901234567890,"n":1E2, "big": 1e400, "k":1, "k":2, "text":"a" }"#;
        let parsed = parse(line).unwrap();
        let out = parsed.rewrite(&[("text", quote("b"))], &[]);
        assert_eq!(out, line.replace("\"a\"", "\"b\"").as_bytes());
        let keys: Vec<&[u8]> = parsed.members().map(|(k, _)| k).collect();
        assert_eq!(keys.len(), 6);
        assert_eq!(keys[3], b"\"k\"");
        assert_eq!(parsed.rewrite(&[], &[]), line.as_bytes());
    }

    #[test]
    fn appends_fields_before_the_closing_brace() {
        let parsed = parse(r#"{"text": "a" } "#).unwrap();
        let out = parsed.rewrite(&[], &[("changes", b"[]".to_vec())]);
        assert_eq!(out, br#"{"text": "a" ,"changes":[]} "#);
        let empty = parse("{ }").unwrap();
        let out = empty.rewrite(&[], &[("x", b"1".to_vec())]);
        assert_eq!(out, br#"{ "x":1}"#);
    }

    #[test]
    fn decodes_escapes_and_reads_lone_surrogates_as_replacement() {
        let parsed = parse(
            r#"{"text":"\ud83d\ude00 \ud83d x\udc00\u0041\n","esc\u0061ped":1}"#,
        )
        .unwrap();
        let text = parsed.string("text").unwrap().unwrap();
        assert_eq!(text.text, "😀 \u{FFFD} x\u{FFFD}A\n");
        assert_eq!(text.lone_surrogates, 2);
        assert!(parsed.has("escaped"));
    }

    #[test]
    fn names_twice_given_fields_and_wrong_types() {
        let parsed = parse(r#"{"text":"a","text":"b","n":1}"#).unwrap();
        assert_eq!(
            parsed.string("text").unwrap_err(),
            "field `text` appears twice"
        );
        assert_eq!(
            parsed.string("n").unwrap_err(),
            "field `n` is not a string"
        );
        assert_eq!(parsed.string("none").unwrap(), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let deep = format!(
            "{{\"a\":{}{}}}",
            "[".repeat(1_000_000),
            "]".repeat(1_000_000)
        );
        assert!(parse(&deep).is_ok());
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            parse(r#"{"a":1 "b":2}"#).unwrap_err(),
            "not valid JSON: expected `,` or `}` at column 8"
        );
        assert_eq!(parse("[1]").unwrap_err(), "not a JSON object");
        assert_eq!(
            JsonLine::parse(b"{\"a\":\"\xff\"}").unwrap_err(),
            "not valid UTF-8 at byte 7"
        );
    }
}
