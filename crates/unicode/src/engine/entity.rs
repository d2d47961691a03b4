//! HTML character references: reading one, and the markup test that keeps
//! `&lt;`, `&gt;` and `&amp;` in an example of HTML.

use super::char_rules::fullwidth;
use crate::cp1252;
use crate::entities::{ENTITIES, LONGEST_NAME};

/// How long a reference may be between `&` and `;`: numbers get leading
/// zeros up to this.
const MAX: usize = 20;
const _: () = assert!(LONGEST_NAME <= MAX);

/// Decodes the HTML character reference that starts at `at`, just after
/// its `&`: `name;`, `#123;` or `#x7b;`. Returns where it ends and the
/// character. With `fold`, fullwidth forms count as their ASCII letters, so
/// that `&ａｍｐ;` is recognized by the stage that would make it `&amp;`.
///
/// `skip` says where a piece that another rule deletes (a control, an
/// invisible character, a terminal escape) ends, when one starts at a
/// position: the entity reads through it, as it would once it is gone.
pub(super) fn read(
    text: &str,
    at: usize,
    fold: bool,
    skip: &dyn Fn(usize) -> Option<usize>,
) -> Option<(usize, char)> {
    let mut name = [0u8; MAX];
    let mut len = 0;
    let mut i = at;
    loop {
        // No rule deletes a printable ASCII character; a reference (`&`)
        // may stand for one that is deleted.
        let printable = text
            .as_bytes()
            .get(i)
            .is_some_and(|&b| (0x20..0x7f).contains(&b) && b != b'&');
        if !printable {
            if let Some(end) = skip(i) {
                i = end;
                continue;
            }
        }
        let raw = text.get(i..)?.chars().next()?;
        i += raw.len_utf8();
        let c = match compat_ascii(raw) {
            Some(ascii) if fold => ascii,
            _ => raw,
        };
        if c == ';' {
            return decode(&name[..len]).map(|ch| (i, ch));
        }
        if !(c.is_ascii_alphanumeric() || (c == '#' && len == 0)) {
            return None;
        }
        if len == MAX {
            return None;
        }
        name[len] = c as u8;
        len += 1;
    }
}

/// The character an entity's name (between `&` and `;`) stands for.
fn decode(name: &[u8]) -> Option<char> {
    let Some(number) = name.strip_prefix(b"#") else {
        // The few that make most of real text, before the search.
        return match name {
            b"amp" => Some('&'),
            b"lt" => Some('<'),
            b"gt" => Some('>'),
            b"quot" => Some('"'),
            b"nbsp" => Some('\u{a0}'),
            _ => {
                let i = ENTITIES
                    .binary_search_by(|e| e.0.as_bytes().cmp(name))
                    .ok()?;
                Some(ENTITIES[i].1)
            }
        };
    };
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
        1..=0xff => Some(cp1252::decode(value as u8)),
        v => char::from_u32(v),
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
pub(super) fn near_markup(
    bytes: &[u8],
    at: usize,
    decodes_to_break: &dyn Fn(usize) -> Option<usize>,
) -> bool {
    let lo = at.saturating_sub(MARKUP_REACH);
    let hi = (at + MARKUP_REACH).min(bytes.len());
    let before = memchr::memrchr_iter(b'<', &bytes[lo..at])
        .map(|m| lo + m)
        .find(|&m| is_markup(bytes, m));
    if before.is_some_and(|m| !breaks_in(bytes, m, at, decodes_to_break)) {
        return true;
    }
    let after =
        memchr::memchr_iter(b'<', &bytes[at..hi.saturating_sub(1).max(at)])
            .map(|m| at + m)
            .find(|&m| is_markup(bytes, m));
    after.is_some_and(|m| !breaks_in(bytes, at + 1, m + 2, decodes_to_break))
}

/// Whether a tag or comment starts at `m`: `<` and a letter, `/` or `!`.
/// Any letter, not only ASCII: normalization may compose `<e` and a
/// combining accent into `<é`, and the decision must not change then. A
/// `<` inside a terminal escape sequence is none: the sequence goes.
fn is_markup(bytes: &[u8], m: usize) -> bool {
    let starts_tag = match bytes.get(m + 1) {
        Some(&b) if b < 0x80 => {
            b.is_ascii_alphabetic() || matches!(b, b'/' | b'!')
        }
        Some(_) => {
            first_char(&bytes[m + 1..]).is_some_and(char::is_alphabetic)
        }
        None => false,
    };
    // Rarely true: only then look back for an escape around it.
    starts_tag && !super::ansi::inside_escape(bytes, m)
}

/// The char `bytes` starts with, if it starts with a whole one.
fn first_char(bytes: &[u8]) -> Option<char> {
    let head = &bytes[..bytes.len().min(4)];
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    valid.chars().next()
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
        let (end, ch) = read(text, k + 1, false, &|_| None)?;
        is_line_break(ch).then_some(end)
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
                    near_markup(bytes, at, &|k| plain_break(&text, k)),
                    near_markup_by_definition(&text, at),
                    "at {} in {:?}", at, text
                );
            }
        }
    }

    fn plain(text: &str) -> Option<(usize, char)> {
        read(text, 0, false, &|_| None)
    }

    #[test]
    fn entity_table_is_sorted() {
        // The table is searched by bisection.
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(plain("eacute;"), Some((7, 'é')));
        assert_eq!(plain("zwj;"), Some((4, '\u{200d}')));
        assert_eq!(plain("AElig;"), Some((6, 'Æ')));
        assert_eq!(plain("apos;"), Some((5, '\'')));
        assert_eq!(plain("lang;"), Some((5, '\u{2329}')));
        assert_eq!(plain("thetasym;"), Some((9, '\u{3d1}')));
        // Outside the HTML 4 subset, or without its `;`: not decoded.
        assert_eq!(plain("check;"), None);
        assert_eq!(plain("eacute "), None);
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
        assert_eq!(plain("#0000000000000000065;"), Some((21, 'A')));
        assert_eq!(plain("#00000000000000000065;"), None);
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
