//! Bytes of unknown encoding to text: [`decode`].

use std::borrow::Cow;
use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{UTF_16BE, UTF_16LE};

/// The encoding that [`decode`] read a text's bytes as. More may come
/// (CESU-8 was added), so a `match` needs a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-8 after a byte order mark (`EF BB BF`), which is not part of the
    /// text.
    Utf8Bom,
    /// UTF-16, little-endian, after its byte order mark (`FF FE`).
    Utf16Le,
    /// UTF-16, big-endian, after its byte order mark (`FE FF`).
    Utf16Be,
    /// CESU-8: UTF-8 whose characters beyond the Basic Multilingual Plane
    /// are written as their two UTF-16 surrogates, three bytes each ("😀"
    /// as `ED A0 BD ED B8 80`, not `F0 9F 98 80`), as Java's modified
    /// UTF-8, Oracle's `UTF8` and other UTF-16 based encoders write it;
    /// also Java's `C0 80` for U+0000.
    Cesu8,
    /// A legacy encoding guessed from the bytes, such as windows-1252 or
    /// Shift_JIS.
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// A name to show a user: "UTF-8", "UTF-8 with BOM", "UTF-16LE",
    /// "UTF-16BE", "CESU-8", or a legacy encoding's WHATWG name ("windows-1252",
    /// "Shift_JIS", "KOI8-U", …), which is also the name `iconv` and
    /// browsers know it by.
    ///
    /// ```
    /// use textclean_unicode::{Encoding, decode};
    ///
    /// assert_eq!(Encoding::Utf8Bom.name(), "UTF-8 with BOM");
    /// assert_eq!(decode(b"\xff\xfeh\0i\0").encoding.name(), "UTF-16LE");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Cesu8 => "CESU-8",
            Encoding::Legacy(encoding) => encoding.name(),
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The text that [`decode`] read from bytes, and how it read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without a byte order mark. Borrowed from the bytes when
    /// they were valid UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
    /// Whether some bytes could not be read in that encoding and were
    /// replaced with U+FFFD.
    pub lossy: bool,
}

/// Reads bytes of unknown encoding as text, and says how it read them.
///
/// The rules, in order:
///
/// 1. A byte order mark decides: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`) or
///    UTF-16BE (`FE FF`); the mark is dropped. UTF-16 is never guessed
///    without one.
/// 2. Valid UTF-8 is UTF-8, and is borrowed, not copied; so is empty
///    input (and ASCII).
/// 3. UTF-8 but for CESU-8 surrogate pairs (`ED A0–AF xx ED B0–BF xx`, an
///    astral character as its two UTF-16 surrogates) or Java's `C0 80`
///    for U+0000, with at least one of them, is CESU-8, read as such: no
///    legacy text spells those six bytes ("í\u{a0}½í¸€" in
///    Windows-1252). A lone surrogate among them becomes U+FFFD (`lossy`);
///    without a pair or `C0 80`, lone surrogates are damaged UTF-8 (4.).
///    After a UTF-8 byte order mark, the same.
/// 4. Invalid UTF-8 that is still mostly UTF-8 is read as UTF-8 with the
///    bad bytes replaced (`lossy`): a file cut short in the middle of its
///    last character, or a stray byte among at least four well-formed
///    non-ASCII characters for each. Legacy encodings spell well-formed
///    UTF-8 only by chance, far more rarely than they break it, and a
///    legacy word at the very end ("Caf\xE9") after only ASCII is not
///    taken for a character cut short.
/// 5. Anything else is in a legacy encoding, guessed by Firefox's
///    detector (the `chardetng` crate) and decoded with `encoding_rs`. It
///    reads back exactly a paragraph, and even a single sentence, of our
///    samples in 28 languages and code pages but one (see the tests); on
///    a few words, a guess among code pages that share letters can go
///    wrong. A guess names the code page that reads the text, not always
///    the one it was written in: KOI8-R comes back as KOI8-U, its
///    superset; Greek with no capital Ά as windows-1253 for ISO-8859-7,
///    alike for the rest. The miss: Lithuanian in windows-1257 is read as
///    windows-1250.
///
/// Decoding never fails and never panics: the worst case is a lossy
/// decoding, or a wrong guess.
///
/// # Performance
///
/// UTF-8 costs one validation (`std::str::from_utf8`, a few GB/s) and no
/// copy. The detector is slower, about 10 MB/s, so it reads a large file
/// only from its start: in pieces of 8 KiB, until it has seen 1,024
/// non-ASCII bytes, dozens of paragraphs' worth; a legacy file decodes at
/// about 170 MB/s (`cargo bench -p textclean-unicode -- unicode/decode`).
///
/// Decoding never fails and never panics: the worst case is a lossy
/// decoding, or a wrong guess.
///
/// ```
/// use std::borrow::Cow;
/// use textclean_unicode::{Encoding, decode};
///
/// // UTF-8 comes back borrowed.
/// let utf8 = decode("Grüße aus Köln".as_bytes());
/// assert_eq!(utf8.encoding, Encoding::Utf8);
/// assert!(matches!(utf8.text, Cow::Borrowed("Grüße aus Köln")));
///
/// // A Russian file in Windows-1251.
/// let bytes = b"\xcf\xf0\xe8\xe2\xe5\xf2! \xca\xe0\xea \xe4\xe5\xeb\xe0? \
///     \xd1\xe5\xe3\xee\xe4\xed\xff \xee\xf7\xe5\xed\xfc \xf5\xee\xeb\xee\
///     \xe4\xed\xee.";
/// let legacy = decode(bytes);
/// assert_eq!(legacy.text, "Привет! Как дела? Сегодня очень холодно.");
/// assert_eq!(legacy.encoding.name(), "windows-1251");
/// assert!(!legacy.lossy);
///
/// // CESU-8, as Java's modified UTF-8 writes "😀".
/// let cesu = decode(b"Thanks \xed\xa0\xbd\xed\xb8\x80!");
/// assert_eq!(cesu.text, "Thanks 😀!");
/// assert_eq!(cesu.encoding, Encoding::Cesu8);
/// assert_eq!(cesu.encoding.name(), "CESU-8");
///
/// // UTF-8 cut short in the middle of "€" stays UTF-8.
/// let cut = decode(b"caf\xc3\xa9 5 \xe2\x82");
/// assert_eq!(cut.text, "café 5 \u{fffd}");
/// assert_eq!(cut.encoding, Encoding::Utf8);
/// assert!(cut.lossy);
/// ```
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if std::str::from_utf8(rest).is_err() {
            if let Some(decoded) = cesu8(rest) {
                return decoded;
            }
        }
        return utf8(rest, Encoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return with(rest, UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return with(rest, UTF_16BE, Encoding::Utf16Be);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
            lossy: false,
        };
    }
    if let Some(decoded) = cesu8(bytes) {
        return decoded;
    }
    if mostly_utf8(bytes) {
        return utf8(bytes, Encoding::Utf8);
    }
    let guess = guess(bytes);
    with(bytes, guess, Encoding::Legacy(guess))
}

/// The detector reads bytes in pieces of this size…
const PIECE: usize = 8 << 10;

/// …until it has seen this many non-ASCII bytes, far more than it needs
/// (it reads a sentence right): it reads about 10 MB/s, a tenth of the
/// cleaning pipeline's speed, so a large file is judged by its start.
const ENOUGH_NON_ASCII: usize = 1024;

/// The legacy encoding of `bytes`, which are not UTF-8.
fn guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    // ISO-2022-JP is ASCII, so it never gets here; UTF-8 was ruled out.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let mut non_ascii = 0;
    let mut pieces = bytes.chunks(PIECE).peekable();
    while let Some(piece) = pieces.next() {
        let last = pieces.peek().is_none();
        detector.feed(piece, last);
        non_ascii += piece.iter().filter(|b| !b.is_ascii()).count();
        if non_ascii >= ENOUGH_NON_ASCII {
            break;
        }
    }
    detector.guess(None, Utf8Detection::Deny)
}

/// Reads `bytes` as UTF-8, replacing what is not.
fn utf8(bytes: &[u8], encoding: Encoding) -> Decoded<'_> {
    let text = String::from_utf8_lossy(bytes);
    let lossy = matches!(text, Cow::Owned(_));
    Decoded { text, encoding, lossy }
}

/// Reads `bytes` as `codec`, which names the result `encoding`.
fn with<'a>(
    bytes: &'a [u8],
    codec: &'static encoding_rs::Encoding,
    encoding: Encoding,
) -> Decoded<'a> {
    let (text, lossy) = codec.decode_without_bom_handling(bytes);
    Decoded { text, encoding, lossy }
}

/// The UTF-16 surrogate that the three bytes at the start of `bytes`
/// encode the way UTF-8 encodes a character (`ED A0–BF xx`), if they do.
fn surrogate(bytes: &[u8]) -> Option<u32> {
    match *bytes {
        [0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf, ..] => {
            Some(0xd000 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f))
        }
        _ => None,
    }
}

/// `bytes`, which are not valid UTF-8, read as CESU-8, if that is what
/// they are: valid UTF-8 but for surrogates and `C0 80`, with at least one
/// surrogate pair or `C0 80` (see [`decode`]). One pass: each error is
/// read where UTF-8 validation stops.
fn cesu8(bytes: &[u8]) -> Option<Decoded<'static>> {
    let mut text = String::with_capacity(bytes.len());
    let mut lossy = false;
    let mut evidence = false;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let valid = match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(e) => e.valid_up_to(),
        };
        text.push_str(std::str::from_utf8(&rest[..valid]).ok()?);
        i += valid;
        let rest = &bytes[i..];
        if let Some(unit) = surrogate(rest) {
            let pair = (0xd800..0xdc00)
                .contains(&unit)
                .then(|| surrogate(&rest[3..]))
                .flatten()
                .filter(|low| (0xdc00..0xe000).contains(low))
                .and_then(|low| {
                    char::from_u32(
                        0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00),
                    )
                });
            match pair {
                Some(c) => {
                    text.push(c);
                    evidence = true;
                    i += 6;
                }
                None => {
                    text.push('\u{fffd}');
                    lossy = true;
                    i += 3;
                }
            }
        } else if rest.starts_with(b"\xC0\x80") {
            text.push('\0');
            evidence = true;
            i += 2;
        } else {
            return None;
        }
    }
    evidence.then_some(Decoded {
        text: Cow::Owned(text),
        encoding: Encoding::Cesu8,
        lossy,
    })
}

/// Well-formed non-ASCII characters needed for each broken sequence in
/// text that is read as damaged UTF-8.
const CHARS_PER_ERROR: usize = 4;

/// Broken sequences after which a text that falls short of
/// [`CHARS_PER_ERROR`] is no longer read to its end: stray bytes are few.
const ERRORS_TO_JUDGE: usize = 16;

/// Whether `bytes`, which are not valid UTF-8, are still UTF-8 text with
/// some damage: some well-formed non-ASCII characters, and at least
/// [`CHARS_PER_ERROR`] of them for each broken sequence, not counting a
/// last character cut short.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut chars = 0;
    let mut errors = 0;
    let mut left = bytes.len();
    for chunk in bytes.utf8_chunks() {
        // Each non-ASCII character has one lead byte, 0xC0 or above.
        chars += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        let bad = chunk.invalid();
        left -= chunk.valid().len() + bad.len();
        let cut_short = left == 0
            && std::str::from_utf8(bad)
                .is_err_and(|e| e.error_len().is_none());
        if !bad.is_empty() && !cut_short {
            errors += 1;
            // Legacy text breaks UTF-8 every few bytes: no need to read on.
            if errors >= ERRORS_TO_JUDGE && chars < CHARS_PER_ERROR * errors {
                return false;
            }
        }
    }
    chars > 0 && chars >= CHARS_PER_ERROR * errors
}

#[cfg(test)]
mod tests;
