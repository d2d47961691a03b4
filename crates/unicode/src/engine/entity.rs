//! HTML character references: reading one, and the markup test that keeps
//! `&lt;`, `&gt;` and `&amp;` in an example of HTML.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use super::char_rules::{fullwidth, ligature};
use crate::Normalization;
use crate::cp1252;
use crate::entities::{ENTITIES, LONGEST_NAME};

/// How long a reference may be between `&` and `;`: numbers get leading
/// zeros up to this.
const MAX: usize = 32;
const _: () = assert!(LONGEST_NAME <= MAX);

/// What a reference stands for: one character, or two (`&fjlig;` is
/// "fj", `&NotEqualTilde;` a symbol and a combining slash).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Value {
    pub(super) ch: char,
    pub(super) tail: Option<char>,
    /// A legacy name without its `;` (`&copy`): it stands for `ch` only
    /// if what follows it in the output ends it (see [`ends_bare`]), and
    /// else for itself.
    pub(super) bare: Option<BareName>,
}

/// The name of a reference without its `;` whose end is decided later:
/// a legacy name (`copy`), or a number at the end of the text (`#39`);
/// as read (through deleted pieces, fullwidth letters folded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct BareName {
    bytes: [u8; MAX],
    len: u8,
}

impl BareName {
    fn new(name: &[u8]) -> Option<BareName> {
        let mut bytes = [0; MAX];
        bytes.get_mut(..name.len())?.copy_from_slice(name);
        Some(BareName { bytes, len: name.len() as u8 })
    }

    /// The name, without `&`.
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)])
            .unwrap_or_default()
    }

    /// Whether `next`, the character after the reference in the output
    /// (`None` at the end of the text), ends it: for a name, no letter,
    /// digit or `=` (`&copyright`, `?a=1&copy=2` stay); for a number,
    /// no digit of it. The caller checks that nothing after `next`
    /// composes with it.
    pub(super) fn ends_before(&self, next: Option<char>) -> bool {
        let Some(c) = next else { return true };
        match self.as_str().as_bytes() {
            [b'#', b'x' | b'X', ..] => !c.is_ascii_hexdigit(),
            [b'#', ..] => !c.is_ascii_digit(),
            _ => !c.is_alphanumeric() && c != '=',
        }
    }
}

/// The longest name that HTML reads without its `;` (`middot`).
#[cfg(test)]
const LONGEST_LEGACY: usize = 6;

impl Value {
    fn one(ch: char) -> Value {
        Value { ch, tail: None, bare: None }
    }

    /// The character, if the value is one.
    pub(super) fn single(self) -> Option<char> {
        self.tail.is_none().then_some(self.ch)
    }

    /// Whether the value may continue the name of a reference it is
    /// inside: letters and digits, `#` and `;`.
    fn spells(self) -> bool {
        let spells =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, '#' | ';');
        spells(self.ch) && self.tail.is_none_or(spells)
    }
}

/// Decodes the HTML character reference that starts at `at`, just after
/// its `&`: `name;`, `#123;` or `#x7b;`, as HTML reads them, and without
/// the `;` where HTML reads one without it: a number of a printable
/// character, before any character but a digit (`it&#39s`), and a legacy
/// name (`&copy`, `&eacute`; not `&check`). A name, and a number at the
/// end of the text, come back [`Value::bare`]: the caller decodes them
/// only where the output after them [ends](BareName::ends_before) them. A name
/// in capitals that is no entity is read as its lowercase one, in
/// capitals (`&EACUTE;` is "É"), as ftfy does. Returns where it ends and
/// what it stands for. With `fold`, fullwidth forms count as their ASCII
/// letters, so that `&ａｍｐ;` is recognized by the stage that would make
/// it `&amp;`.
///
/// `skip` says where a piece that another rule deletes (a control, an
/// invisible character, a terminal escape) ends, when one starts at a
/// position: the entity reads through it, as it would once it is gone.
/// `nested` reads a reference that starts at a position, inside this one:
/// where it ends, what it stands for, and whether that is deleted; the
/// entity reads through one that is deleted (`&#4&#6;;` is `&#4;` once
/// `&#6;` is gone), and one that spells a letter, digit, `#` or `;` of
/// its name (`&#x2&#102;` is `&#x2f`).
pub(super) fn read(
    text: &str,
    at: usize,
    fold: Fold,
    skip: &dyn Fn(usize) -> Option<usize>,
    nested: &dyn Fn(usize) -> Option<(usize, Value, bool)>,
) -> Option<(usize, Value)> {
    let mut name = [0u8; MAX];
    let mut len = 0;
    let mut i = at;
    // Where the name read so far ends.
    let mut name_end = at;
    let mut last_piece = None;
    loop {
        // A reference inside: `&`, or the first byte of a fullwidth or
        // small form of it.
        let byte = text.as_bytes().get(i).copied();
        let inner =
            matches!(byte, Some(b'&' | 0xef)).then(|| nested(i)).flatten();
        // It stands for a character that is deleted: what is around it
        // meets once it is gone.
        if let Some((end, _, true)) = inner {
            i = end;
            continue;
        }
        // No rule deletes a printable ASCII character (and the reference
        // an `&` starts is read above).
        let printable = byte.is_some_and(|b| (0x20..0x7f).contains(&b));
        if !printable && inner.is_none() {
            if let Some(end) = skip(i) {
                i = end;
                continue;
            }
        }
        let spelled = inner.map(|(end, value, _)| (end, value));
        let piece = match spelled.filter(|(_, v)| v.spells()) {
            // A reference that spells what continues the name ("&#x2&#102;"
            // is "&#x2f" once decoded): read through it, as the next pass
            // would.
            Some((end, value)) => Piece::of_value(value, end),
            None => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(raw) => Piece::of_char(fold, raw, i + raw.len_utf8()),
                None => {
                    // The end of this text, which may not be the end of
                    // all: decided later, on what follows.
                    if fold.bare == Bare::Off {
                        return None;
                    }
                    let value = without_semicolon(&name[..len])?;
                    let bare = Some(BareName::new(&name[..len])?);
                    return Some((name_end, Value { bare, ..value }));
                }
            },
        };
        for (k, &c) in piece.chars().iter().enumerate() {
            let read = &name[..len];
            if c == ';' {
                return decode(read).map(|value| (piece.end, value));
            }
            if !continues(read, c) {
                if fold.bare == Bare::Off {
                    return None;
                }
                if k == 0 && is_mark(c) && fold.bare == Bare::Composed {
                    // NFC may compose the last letter of the name with
                    // the marks after it ("&#x41A\u{303}" is "&#x41Ã"):
                    // then the name ends before that letter.
                    if !composes(read, &text[i..]) {
                        return Some((name_end, without_semicolon(read)?));
                    }
                    let shorter = &read[..read.len() - 1];
                    return match last_piece {
                        Some(start) => {
                            Some((start, without_semicolon(shorter)?))
                        }
                        None => None,
                    };
                }
                let value = without_semicolon(read)?;
                if k == 0 {
                    return Some((name_end, value));
                }
                // A number that ends inside a ligature ("&#x2ﬁ" is
                // "&#x2fi"): the rest of the ligature comes after it.
                return match (value, &piece.chars()[k..]) {
                    (Value { tail: None, bare: None, .. }, &[t]) => {
                        Some((piece.end, Value { tail: Some(t), ..value }))
                    }
                    _ => None,
                };
            }
            if len == MAX {
                return None;
            }
            name[len] = c as u8;
            len += 1;
        }
        // Where the last letter of the name starts, if it is one letter
        // of the text as it is.
        last_piece = (piece.n == 1 && !piece.nested).then_some(i);
        i = piece.end;
        name_end = i;
    }
}

/// Whether `c` is a combining mark (a canonical combining class but 0).
fn is_mark(c: char) -> bool {
    canonical_combining_class(c) != 0
}

/// Whether the last letter of `name` composes under NFC with the marks
/// that `rest` starts with.
fn composes(name: &[u8], rest: &str) -> bool {
    let Some(&last) = name.last() else { return false };
    let marks = rest.chars().take_while(|&c| is_mark(c)).take(MAX);
    let mut nfc = std::iter::once(char::from(last)).chain(marks).nfc();
    nfc.next() != Some(char::from(last))
}

/// Whether `c` continues a reference whose name so far is `name`.
fn continues(name: &[u8], c: char) -> bool {
    match name {
        [] => c.is_ascii_alphanumeric() || c == '#',
        [b'#'] => c.is_ascii_digit() || matches!(c, 'x' | 'X'),
        [b'#', b'x' | b'X', ..] => c.is_ascii_hexdigit(),
        [b'#', ..] => c.is_ascii_digit(),
        _ => c.is_ascii_alphanumeric(),
    }
}

/// What the text at a position stands for as the name of a reference
/// reads it: up to three characters, and where it ends.
struct Piece {
    chars: [char; 3],
    n: usize,
    end: usize,
    /// A reference inside the name.
    nested: bool,
}

impl Piece {
    fn chars(&self) -> &[char] {
        &self.chars[..self.n]
    }

    fn of_value(value: Value, end: usize) -> Piece {
        let tail = value.tail.unwrap_or_default();
        let n = 1 + usize::from(value.tail.is_some());
        Piece { chars: [value.ch, tail, '\0'], n, end, nested: true }
    }

    fn of_char(fold: Fold, c: char, end: usize) -> Piece {
        let mut piece =
            Piece { chars: [c, '\0', '\0'], n: 1, end, nested: false };
        if fold.width {
            if let Some(ascii) = compat_ascii(c) {
                piece.chars[0] = ascii;
                return piece;
            }
        }
        if fold.compat && !c.is_ascii() {
            // What a compatibility form makes of it, where that is ASCII
            // ("①" is "1" under NFKC, and "&#39①;" is "&#391;").
            let mut n = 0;
            let mut ascii = true;
            unicode_normalization::char::decompose_compatible(c, |d| {
                ascii &= d.is_ascii();
                if n < piece.chars.len() {
                    piece.chars[n] = d;
                }
                n += 1;
            });
            if ascii && n <= piece.chars.len() {
                piece.n = n;
                return piece;
            }
            piece.chars = [c, '\0', '\0'];
        }
        if fold.ligatures {
            if let Some(letters) = ligature(c) {
                piece.n = 0;
                for l in letters.chars() {
                    piece.chars[piece.n] = l;
                    piece.n += 1;
                }
            }
        }
        piece
    }
}

/// Which forms a reference is read through, as the rules that fold them
/// to ASCII will make them: fullwidth and small forms (`&ａｍｐ;`, with
/// `width` or a compatibility form), Latin ligatures (`&#x2ﬀ;`, with
/// `ligatures` or a compatibility form), and under a compatibility form
/// whatever it makes ASCII (`①` is `1`).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Fold {
    pub(super) width: bool,
    pub(super) ligatures: bool,
    /// A compatibility form: whatever it makes ASCII counts as that.
    pub(super) compat: bool,
    /// Whether references without their `;` are read.
    pub(super) bare: Bare,
}

impl Fold {
    /// What the rules of `cfg` fold: fullwidth and small forms become
    /// ASCII with `width`, ligatures letters with `ligatures`, both under
    /// NFKC and NFKD; a reference reads them now, or the output would
    /// still hold one.
    pub(super) fn of(cfg: &crate::UnicodeOptions) -> Fold {
        let compat = cfg.normalization.is_compatibility();
        Fold {
            width: cfg.width || compat,
            ligatures: cfg.ligatures || compat,
            compat,
            bare: match cfg.normalization {
                _ if cfg.width || cfg.ligatures => Bare::Off,
                Normalization::None => Bare::Plain,
                Normalization::Nfc => Bare::Composed,
                _ => Bare::Off,
            },
        }
    }
}

/// Whether references without their `;` are read, and how their end is
/// found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Bare {
    /// Not read: a rule makes letters or digits of other characters
    /// (fullwidth forms, ligatures, compatibility or decomposed forms),
    /// so a name would read longer once it ran.
    Off,
    /// Read; the text is not normalized.
    #[default]
    Plain,
    /// Read, in text that becomes NFC: a name ends before a letter that
    /// composes with the marks after it.
    Composed,
}

/// What an entity's name (between `&` and `;`) stands for.
fn decode(name: &[u8]) -> Option<Value> {
    match name.strip_prefix(b"#") {
        Some(number) => numeric(number),
        None => named(name).map(|(value, _)| value).or_else(|| capitals(name)),
    }
}

/// What a reference that lacks its `;` stands for, when `next`, the
/// character after it, shows where it ends.
fn without_semicolon(name: &[u8]) -> Option<Value> {
    match name.strip_prefix(b"#") {
        // Any character but a digit ends a number.
        Some(number) => numeric(number).filter(|v| !v.ch.is_control()),
        None => {
            let (value, legacy) = named(name)?;
            let bare = Some(BareName::new(name)?);
            legacy.then_some(Value { bare, ..value })
        }
    }
}

/// The entity of this name, and whether HTML reads it without its `;`.
fn named(name: &[u8]) -> Option<(Value, bool)> {
    // The few that make most of real text, before the search.
    let one = |ch| Some((Value::one(ch), true));
    match name {
        b"amp" => one('&'),
        b"lt" => one('<'),
        b"gt" => one('>'),
        b"quot" => one('"'),
        b"nbsp" => one('\u{a0}'),
        _ => {
            let i = ENTITIES
                .binary_search_by(|e| e.0.as_bytes().cmp(name))
                .ok()?;
            let (_, chars, legacy) = ENTITIES[i];
            let mut chars = chars.chars();
            let ch = chars.next()?;
            Some((Value { ch, tail: chars.next(), bare: None }, legacy))
        }
    }
}

/// A name in capitals that is no entity, read as its lowercase one in
/// capitals: `&EACUTE;` is "É" (where the capital is one character).
fn capitals(name: &[u8]) -> Option<Value> {
    if name.len() < 2 || !name.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let mut lower = [0u8; MAX];
    let lower = &mut lower[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let value = named(lower)?.0.single()?;
    let mut upper = value.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(ch), None) => Some(Value::one(ch)),
        _ => None,
    }
}

/// The character of a decimal or hex reference, after its `#`.
fn numeric(number: &[u8]) -> Option<Value> {
    let (digits, radix) = match number {
        [b'x' | b'X', hex @ ..] => (hex, 16),
        dec => (dec, 10),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for &d in digits {
        let d = (d as char).to_digit(radix)?;
        value = value.checked_mul(radix)?.checked_add(d)?;
    }
    // HTML reads references to 0x80–0x9F as Windows-1252, as browsers do.
    match value {
        0 => None,
        1..=0xff => Some(Value::one(cp1252::decode(value as u8))),
        v => char::from_u32(v).map(Value::one),
    }
}

/// The ASCII character that a fullwidth form, or a small form of the
/// characters that make an entity (`﹠`, `﹟`, `﹔`), becomes under NFKC.
fn compat_ascii(c: char) -> Option<char> {
    match c {
        '\u{fe60}' => Some('&'),
        '\u{fe5f}' => Some('#'),
        '\u{fe54}' => Some(';'),
        _ => fullwidth(c),
    }
}

/// How far around an entity to look for markup on its line.
const MARKUP_REACH: usize = 256;

/// Whether an entity may start at the `&` at `at`: a name, a number, or
/// a character some rule deletes or folds to ASCII (`&\u{200b}amp;`,
/// `&ａｍｐ;`) follows. Any other `&` is only itself.
pub(super) fn may_start(bytes: &[u8], at: usize) -> bool {
    bytes.get(at + 1).is_some_and(|&b| {
        b.is_ascii_alphanumeric() || b == b'#' || !(0x20..0x7f).contains(&b)
    })
}

/// Whether the line around `at` shows markup (`<b>`, `</p>`, `<!--`): then
/// its `&lt;`, `&gt;` and `&amp;` are escaped on purpose, as in an example
/// of HTML or code (`Hello &lt;blink&gt;`), and decoding them would make
/// tags that were never there. Other entities there still decode.
///
/// The line around `at` ends at a line break, or at a reference that this
/// pass decodes into one (`&#10;`, `&\u{200b}#13;`, `&amp;#x2028;`: what
/// `decodes_to_break` says, the caller's own decoding): the decision must
/// not change once it is decoded. Only the nearest markup on each side is
/// looked at, so the cost does not grow with the number of entities nearby
/// (`&lt;` × 1 M).
///
/// After a `<`, a character that is not ASCII starts a tag if the text
/// from there starts with a letter once cleaned: `letter_at` says, the
/// caller's own reading. So `<e\u{301}` and `<é` are tags alike before
/// and after normalization, and `<â€™s` is none (it is `<’s`).
pub(super) fn near_markup(
    bytes: &[u8],
    at: usize,
    decodes_to_break: &dyn Fn(usize) -> Option<usize>,
    letter_at: &dyn Fn(usize) -> bool,
) -> bool {
    let lo = at.saturating_sub(MARKUP_REACH);
    let hi = (at + MARKUP_REACH).min(bytes.len());
    let before = memchr::memrchr_iter(b'<', &bytes[lo..at])
        .map(|m| lo + m)
        .find(|&m| is_markup(bytes, m, letter_at));
    if before.is_some_and(|m| !breaks_in(bytes, m, at, decodes_to_break)) {
        return true;
    }
    let after =
        memchr::memchr_iter(b'<', &bytes[at..hi.saturating_sub(1).max(at)])
            .map(|m| at + m)
            .find(|&m| is_markup(bytes, m, letter_at));
    after.is_some_and(|m| !breaks_in(bytes, at + 1, m + 2, decodes_to_break))
}

/// Whether a tag or comment starts at `m`: `<` and an ASCII letter, `/` or
/// `!`, or a character that `letter_at` reads as a letter. A `<` inside a
/// terminal escape sequence is none: the sequence goes.
fn is_markup(
    bytes: &[u8],
    m: usize,
    letter_at: &dyn Fn(usize) -> bool,
) -> bool {
    let starts_tag = match bytes.get(m + 1) {
        Some(&b) if b < 0x80 => {
            b.is_ascii_alphabetic() || matches!(b, b'/' | b'!')
        }
        Some(_) => letter_at(m + 1),
        None => false,
    };
    // Rarely true: only then look back for an escape around it.
    starts_tag && !super::ansi::inside_escape(bytes, m)
}

/// Whether a line break starts in `from..to`: a `\n`, or a reference
/// (starting with `&`, or a fullwidth or small form of it, whose UTF-8
/// starts with 0xEF) that `decodes_to_break`.
fn breaks_in(
    bytes: &[u8],
    from: usize,
    to: usize,
    decodes_to_break: &dyn Fn(usize) -> Option<usize>,
) -> bool {
    let to = to.min(bytes.len());
    from < to
        && memchr::memchr3_iter(b'\n', b'&', 0xef, &bytes[from..to]).any(|k| {
            bytes[from + k] == b'\n' || decodes_to_break(from + k).is_some()
        })
}

/// Whether `c` ends a line.
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Where a reference that starts at `k` and decodes to a line break
    /// ends (no rule deletes anything here).
    fn plain_break(text: &str, k: usize) -> Option<usize> {
        if text.as_bytes()[k] != b'&' {
            return None;
        }
        let (end, value) =
            read(text, k + 1, Fold::default(), &|_| None, &|_| None)?;
        value.single().is_some_and(is_line_break).then_some(end)
    }

    /// The definition `near_markup` keeps, read the slow way: the line
    /// around `at` within reach, then any markup in it.
    fn near_markup_by_definition(text: &str, at: usize) -> bool {
        let bytes = text.as_bytes();
        let line_break_at = |k: usize| match bytes[k] {
            b'\n' => Some(k + 1),
            _ => plain_break(text, k),
        };
        let lo = at.saturating_sub(MARKUP_REACH);
        let hi = (at + MARKUP_REACH).min(bytes.len());
        let start = (lo..at).rev().find_map(line_break_at).unwrap_or(lo);
        let end =
            (at + 1..hi).find(|&k| line_break_at(k).is_some()).unwrap_or(hi);
        let (mut start, mut end) = (start, end.max(start));
        while !text.is_char_boundary(start) {
            start += 1;
        }
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let line = &text[start..end.max(start)];
        line.char_indices().zip(line.chars().skip(1)).any(|((_, a), b)| {
            a == '<' && (b.is_alphabetic() || matches!(b, '/' | '!'))
        })
    }

    proptest! {
        #[test]
        fn near_markup_keeps_its_definition(
            parts in proptest::collection::vec(
                prop::sample::select(vec![
                    "<b>", "</p>", "<!--", "< ", "<", "\n", "&#10;", "&#x2028",
                    "&#13", "&#65;", "&lt;", "&amp;", "x", "word ", ";",
                    "<é", "<\u{301}",
                ]),
                0..200,
            ),
            pad in 0usize..300,
        ) {
            let text = format!("{}{}", " ".repeat(pad), parts.concat());
            let bytes = text.as_bytes();
            for at in memchr::memchr_iter(b'&', bytes) {
                prop_assert_eq!(
                    near_markup(
                        bytes,
                        at,
                        &|k| plain_break(&text, k),
                        &|k| text[k..].starts_with(char::is_alphabetic),
                    ),
                    near_markup_by_definition(&text, at),
                    "at {} in {:?}", at, text
                );
            }
        }
    }

    fn plain(text: &str) -> Option<(usize, char)> {
        read(text, 0, Fold::default(), &|_| None, &|_| None)
            .and_then(|(end, v)| Some((end, v.single()?)))
    }

    #[test]
    fn entity_table_is_sorted() {
        // The table is searched by bisection.
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(ENTITIES.len(), 2125);
        // The bare names fit their buffer.
        let legacy = ENTITIES.iter().filter(|e| e.2);
        assert_eq!(legacy.clone().count(), 106);
        assert_eq!(legacy.map(|e| e.0.len()).max(), Some(LONGEST_LEGACY));
        assert_eq!(plain("eacute;"), Some((7, 'é')));
        assert_eq!(plain("zwj;"), Some((4, '\u{200d}')));
        assert_eq!(plain("AElig;"), Some((6, 'Æ')));
        assert_eq!(plain("apos;"), Some((5, '\'')));
        assert_eq!(plain("thetasym;"), Some((9, '\u{3d1}')));
    }

    #[test]
    fn the_whole_whatwg_list() {
        // WHATWG's values, as browsers read them (not HTML 4's U+2329).
        assert_eq!(plain("lang;"), Some((5, '\u{27e8}')));
        assert_eq!(plain("check;"), Some((6, '✓')));
        assert_eq!(plain("hearts;"), Some((7, '♥')));
        assert_eq!(plain("rarr;"), Some((5, '→')));
        assert_eq!(plain("NewLine;"), Some((8, '\n')));
        assert_eq!(plain("Afr;"), Some((4, '\u{1d504}')));
        assert_eq!(plain("CounterClockwiseContourIntegral;"), Some((32, '∳')));
        // Two code points.
        let two = |text| read(text, 0, Fold::default(), &|_| None, &|_| None);
        let value = |ch, tail| Value { ch, tail: Some(tail), bare: None };
        assert_eq!(two("fjlig;"), Some((6, value('f', 'j'))));
        assert_eq!(two("NotEqualTilde;"), Some((14, value('≂', '\u{338}'))));
        assert_eq!(
            two("ThickSpace;"),
            Some((11, value('\u{205f}', '\u{200a}')))
        );
        // Names are case-sensitive, but a name in capitals that is no
        // entity is its lowercase one in capitals.
        assert_eq!(plain("EACUTE;"), Some((7, 'É')));
        assert_eq!(plain("NTILDE;"), Some((7, 'Ñ')));
        assert_eq!(plain("AMP;"), Some((4, '&')));
        assert_eq!(plain("SZLIG;"), None);
        assert_eq!(plain("Check;"), None);
        assert_eq!(plain("nosuchname;"), None);
    }

    #[test]
    fn legacy_names_and_numbers_without_their_semicolon() {
        let bare = |text| {
            read(text, 0, Fold::default(), &|_| None, &|_| None)
                .map(|(end, v)| (end, v.ch, v.bare.is_some()))
        };
        assert_eq!(bare("copy 2024"), Some((4, '©', true)));
        assert_eq!(bare("eacute, "), Some((6, 'é', true)));
        assert_eq!(bare("amp "), Some((3, '&', true)));
        assert_eq!(bare("nbsp<"), Some((4, '\u{a0}', true)));
        assert_eq!(bare("copy=2"), Some((4, '©', true)));
        assert_eq!(bare("copy;"), Some((5, '©', false)));
        // Numbers end at any other character, and need no more.
        assert_eq!(bare("#39s"), Some((3, '\'', false)));
        assert_eq!(bare("#x27 "), Some((4, '\'', false)));
        assert_eq!(bare("#8217."), Some((5, '’', false)));
        assert_eq!(bare("#x27g"), Some((4, '\'', false)));
        assert_eq!(bare("#39abc"), Some((3, '\'', false)));
        // Only legacy names, not at the end of the text.
        assert_eq!(plain("check "), None);
        assert_eq!(plain("copyright"), None);
        assert_eq!(plain("notin "), None);
        assert_eq!(bare("copy"), Some((4, '©', true)));
        assert_eq!(bare("#39"), Some((3, '\'', true)));
        assert_eq!(bare("#1"), None);
        // A number of a control needs its `;`.
        assert_eq!(plain("#1 "), None);
        assert_eq!(plain("#1;"), Some((3, '\u{1}')));
        // What ends a bare name.
        let name = |n: &str| BareName::new(n.as_bytes()).unwrap();
        let copy = name("copy");
        assert!(copy.ends_before(Some(' ')));
        assert!(copy.ends_before(Some(',')));
        assert!(copy.ends_before(Some('≠')));
        assert!(copy.ends_before(None));
        assert!(!copy.ends_before(Some('=')));
        assert!(!copy.ends_before(Some('r')));
        assert!(!copy.ends_before(Some('é')));
        assert!(!copy.ends_before(Some('²')));
        assert!(name("#39").ends_before(Some('a')));
        assert!(!name("#39").ends_before(Some('5')));
        assert!(!name("#x2").ends_before(Some('a')));
        assert!(name("#x2").ends_before(Some('g')));
    }

    #[test]
    fn numeric_references() {
        assert_eq!(plain("#8217;"), Some((6, '’')));
        assert_eq!(plain("#x2019;"), Some((7, '’')));
        assert_eq!(plain("#X92;"), Some((5, '’')));
        assert_eq!(plain("#x81;"), Some((5, '\u{81}')));
        assert_eq!(plain("#0;"), None);
        assert_eq!(plain("#xd800;"), None);
        assert_eq!(plain("#x;"), None);
        assert_eq!(
            plain("#0000000000000000000000000000065;"),
            Some((33, 'A'))
        );
        assert_eq!(plain("#00000000000000000000000000000065;"), None);
    }

    /// The generated table matches its generator, when Python is here to
    /// run it.
    #[test]
    fn entity_table_is_up_to_date() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let run = std::process::Command::new("python3")
            .arg(format!("{dir}/tools/gen_entities.py"))
            .arg("--check")
            .output();
        match run {
            Ok(out) => assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(err) => eprintln!("skipped: cannot run python3: {err}"),
        }
    }
}
