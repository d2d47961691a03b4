//! `escape.surrogate`: JSON and JavaScript escapes of UTF-16 surrogates
//! written out as text.
//!
//! A program that escapes text as UTF-16 code units (JSON with
//! `ensure_ascii`, JavaScript's `escape`-style serializers) writes an
//! astral character as two escapes, "😀" as `\ud83d\ude00`; when that text
//! is never unescaped, or half of it is cut off, the escapes reach the
//! text. A pair becomes its character, a lone surrogate escape U+FFFD:
//! no character is written so.
//!
//! Only surrogates: `\u00e9` and `\n` are code as often as damage, and
//! stay. An escape after a backslash stays too: `\\ud83d\\ude00` is an
//! escape escaped again (JSON inside JSON), or code that shows one, and
//! undoing one layer of it would leave the other.

use unicode_normalization::UnicodeNormalization;

use super::Engine;
use super::char_rules::fullwidth;
use super::lex::Item;
use crate::Normalization;
use crate::rule::Rule;

/// The length of one escape, `\uXXXX`.
const ESCAPE: usize = 6;

/// The UTF-16 code unit that the escape `\uXXXX` at `at` spells.
fn unit_at(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + ESCAPE)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    escape[2..]
        .iter()
        .try_fold(0, |unit, &b| Some(unit << 4 | char::from(b).to_digit(16)?))
}

/// The surrogate escape at `at`, if one starts there: where it ends, and
/// the character it stands for (U+FFFD for a lone surrogate).
pub(super) fn surrogate_at(bytes: &[u8], at: usize) -> Option<(usize, char)> {
    if at > 0 && bytes[at - 1] == b'\\' {
        return None;
    }
    match unit_at(bytes, at)? {
        high @ 0xd800..=0xdbff => {
            let pair = unit_at(bytes, at + ESCAPE)
                .filter(|low| (0xdc00..=0xdfff).contains(low))
                .and_then(|low| {
                    char::from_u32(
                        0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00),
                    )
                });
            Some(match pair {
                Some(c) => (at + 2 * ESCAPE, c),
                None => (at + ESCAPE, '\u{fffd}'),
            })
        }
        0xdc00..=0xdfff => Some((at + ESCAPE, '\u{fffd}')),
        _ => None,
    }
}

/// Whether a byte is one the pass may read otherwise than as itself: not
/// ASCII, a control, or an entity's `&`.
fn unplain(b: u8) -> bool {
    !(0x20..0x7f).contains(&b) || b == b'&'
}

/// Whether the backslash at `at` may start a surrogate escape, as the
/// input spells it or once other rules are done (an entity, a deleted
/// character, a fullwidth form inside it): for the fast scan.
pub(super) fn may_start(bytes: &[u8], at: usize) -> bool {
    if at > 0 && bytes[at - 1] == b'\\' {
        return false;
    }
    match bytes.get(at + 1) {
        Some(b'u') => {
            let hex = |k: usize, first: bool| {
                bytes.get(at + k).is_none_or(|&b| {
                    unplain(b)
                        || if first {
                            matches!(b, b'd' | b'D')
                        } else {
                            b.is_ascii_hexdigit()
                        }
                })
            };
            hex(2, true) && (3..ESCAPE).all(|k| hex(k, false))
        }
        Some(&b) => unplain(b),
        None => false,
    }
}

/// Whether the character at `k` of two escapes may be `c`.
fn fits(k: usize, c: char) -> bool {
    match k % ESCAPE {
        0 => c == '\\',
        1 => c == 'u',
        _ => c.is_ascii_hexdigit(),
    }
}

impl Engine {
    /// The ASCII character `c` is in the output, if it is one: itself, or
    /// what the width rule or NFKC makes of a form of one ("＼", "ｕ").
    fn folded(&self, c: char) -> Option<char> {
        if c.is_ascii() {
            return Some(c);
        }
        if self.cfg.width || self.cfg.normalization == Normalization::Nfkc {
            if let Some(a) = fullwidth(c) {
                return Some(a);
            }
        }
        if self.cfg.normalization == Normalization::Nfkc {
            let mut nfkc = std::iter::once(c).nfkc();
            if let (Some(a), None) = (nfkc.next(), nfkc.next()) {
                return a.is_ascii().then_some(a);
            }
        }
        None
    }

    /// How much of two surrogate escapes the region's last characters
    /// spell once other rules are done (an entity for the backslash, a
    /// zero-width space deleted inside), if they end with a start of them:
    /// the region must not end there, but go on so that its output is
    /// cleaned again with the whole escape (see `Engine::settle`).
    pub(super) fn open_escape(&self, items: &[Item]) -> Option<usize> {
        if !self.cfg.surrogate_escapes {
            return None;
        }
        let (tail, n) = self.folded_tail(items);
        (0..n).find_map(|s| {
            let rest = &tail[s..n];
            rest.iter()
                .enumerate()
                .all(|(k, &c)| fits(k, c))
                .then_some(rest.len())
        })
    }

    /// `item` as the region reads it after `items`: a lone low surrogate
    /// escape right after a high one that other rules spell
    /// ("&#92;ud83d\ude00") is left as it is for now, so that the region
    /// is cleaned again with the pair whole (see `Engine::settle`).
    pub(super) fn after_open_high(
        &self,
        input: &str,
        item: Item,
        items: &[Item],
    ) -> Item {
        if item.rule != Some(Rule::SurrogateEscape)
            || item.end - item.start != ESCAPE
            || !unit_at(input.as_bytes(), item.start)
                .is_some_and(|u| (0xdc00..=0xdfff).contains(&u))
        {
            return item;
        }
        let (tail, n) = self.folded_tail(items);
        let high = n >= ESCAPE && {
            // Folded characters are ASCII.
            let mut escape = [0u8; ESCAPE];
            for (b, &c) in escape.iter_mut().zip(&tail[n - ESCAPE..n]) {
                *b = u8::try_from(c).unwrap_or(0);
            }
            (n == ESCAPE || tail[n - ESCAPE - 1] != '\\')
                && unit_at(&escape, 0)
                    .is_some_and(|u| (0xd800..=0xdbff).contains(&u))
        };
        if !high {
            return item;
        }
        Item {
            start: item.start,
            end: item.start + 1,
            ch: Some('\\'),
            rule: None,
            tail: None,
            bare: false,
        }
    }

    /// The region's last characters as the output will show them, up to
    /// eleven: as many as the longest open escape holds.
    fn folded_tail(&self, items: &[Item]) -> ([char; 2 * ESCAPE], usize) {
        let mut tail = ['\0'; 2 * ESCAPE];
        let mut n = 0;
        // Deleted pieces between characters are transparent; a run of
        // them is one item, so a few suffice.
        for item in items.iter().rev().take(4 * ESCAPE) {
            let Some(c) = item.ch else { continue };
            if n == tail.len() - 1 {
                break;
            }
            // What can be in no escape ends the search: most do at once.
            let Some(a) = self
                .folded(c)
                .filter(|&a| a == '\\' || a == 'u' || a.is_ascii_hexdigit())
            else {
                break;
            };
            tail[n] = a;
            n += 1;
        }
        tail[..n].reverse();
        (tail, n)
    }

    /// Whether the ASCII byte `b` continues an escape that the region's
    /// last characters start.
    pub(super) fn continues_escape(&self, items: &[Item], b: u8) -> bool {
        let b = char::from(b);
        (b == '\\' || b == 'u' || b.is_ascii_hexdigit())
            && self.open_escape(items).is_some_and(|k| fits(k, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_surrogate_escapes_only() {
        let at = |s: &str| surrogate_at(s.as_bytes(), 0);
        assert_eq!(at(r"\ud83d\ude00!"), Some((12, '😀')));
        assert_eq!(at(r"\uD83D\uDE00"), Some((12, '😀')));
        assert_eq!(at(r"\uD83d\uDe00"), Some((12, '😀')));
        assert_eq!(at(r"\ud800\udc00"), Some((12, '\u{10000}')));
        assert_eq!(at(r"\udbff\udfff"), Some((12, '\u{10ffff}')));
        assert_eq!(at(r"\ud83d"), Some((6, '\u{fffd}')));
        assert_eq!(at(r"\ud83d\u00e9"), Some((6, '\u{fffd}')));
        assert_eq!(at(r"\ud83d\ud83d\ude00"), Some((6, '\u{fffd}')));
        assert_eq!(at(r"\ude00"), Some((6, '\u{fffd}')));
        assert_eq!(at(r"\u00e9"), None);
        assert_eq!(at(r"\ud83"), None);
        assert_eq!(at(r"\ud83g"), None);
        assert_eq!(at(r"\Ud83d"), None);
        assert_eq!(at(r"\n"), None);
        assert_eq!(at(r"\u+d83"), None);
        assert_eq!(surrogate_at(br"\\ud83d", 1), None);
        assert_eq!(surrogate_at(br"\ud83d\\ude00", 0), Some((6, '\u{fffd}')));
    }

    #[test]
    fn the_scan_stops_where_an_escape_may_be() {
        let may = |s: &str, at: usize| may_start(s.as_bytes(), at);
        assert!(may(r"\ud83d", 0));
        assert!(may(r"\uDE00", 0));
        assert!(may("\\u\u{200b}d83d", 0));
        assert!(may("\\&#117;d83d", 0));
        assert!(may("\\ｕd83d", 0));
        assert!(may(r"\u", 0));
        assert!(!may(r"\u00e9", 0));
        assert!(!may(r"\n", 0));
        assert!(!may(r"C:\Users", 2));
        assert!(!may(r"\\ud83d", 1));
        assert!(!may(r"\", 0));
    }
}
