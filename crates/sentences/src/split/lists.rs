//! List items inside a paragraph: numbered and lettered items (`1.`,
//! `2.)`, `(3)`, `a.`, `b)`) and bullets (`•`), each of which starts a
//! sentence; and parenthesised citations after a sentence's end.

use super::Sentences;
use crate::text::{char_at, char_before};

/// The bullets that start a list item when spaces stand around them.
const BULLETS: [char; 11] =
    ['•', '◦', '▪', '▫', '‣', '⁃', '●', '○', '■', '►', '·'];

/// Whether `byte` may be the first byte of a bullet.
pub(super) fn may_start_bullet(byte: u8) -> bool {
    BULLETS.iter().any(|c| {
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf).as_bytes()[0] == byte
    })
}

/// Whether the `.` at `end` may close a list item's number or letter: a
/// digit before it, or a lower-case letter standing alone. A quick test
/// before [`Sentences::list_marker`].
#[inline]
pub(super) fn may_end_marker(bytes: &[u8], end: usize) -> bool {
    match end.checked_sub(1).map(|i| bytes[i]) {
        Some(b'0'..=b'9') => true,
        Some(b'a'..=b'z') => {
            end < 2 || matches!(bytes[end - 2], b' ' | b'\t' | b'\n' | b'(')
        }
        _ => false,
    }
}

/// A list item's number or letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marker {
    /// A letter (`a.`) rather than a number (`1.`).
    letter: bool,
    /// The number, or the letter's place in the alphabet from 1.
    value: u32,
}

impl Sentences<'_, '_> {
    /// Whether the `.` or `)` at `end` closes a list item's number or
    /// letter: `None` if it does not, else where the item's sentence
    /// starts if an earlier one ends there (`Buy milk 2. Call Ann`).
    ///
    /// The first item (`1.`, `a.`; any number after a line break or a
    /// bullet) must start a sentence, a line, or follow a colon; each next
    /// one continues the paragraph's count by one. The scan moves past the
    /// marker.
    pub(super) fn list_marker(&mut self, end: usize) -> Option<Option<usize>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // The body: up to three digits, or one lower-case ASCII letter.
        let mut s = end;
        while s > 0 && end - s < 3 && bytes[s - 1].is_ascii_digit() {
            s -= 1;
        }
        let marker = if s < end {
            let value = text[s..end].parse().ok()?;
            Marker { letter: false, value }
        } else if end > 0 && bytes[end - 1].is_ascii_lowercase() {
            s = end - 1;
            Marker { letter: true, value: u32::from(bytes[s] - b'a') + 1 }
        } else {
            return None;
        };
        let token = if s > 0 && bytes[s - 1] == b'(' { s - 1 } else { s };
        let after_bullet =
            char_before(text, token).is_some_and(|c| BULLETS.contains(&c));
        if token > 0
            && !bytes[token - 1].is_ascii_whitespace()
            && !after_bullet
        {
            return None;
        }
        // After the body: `.`, `.)` or `)`, then whitespace.
        let mut after = end + 1;
        if bytes[end] == b'.' && bytes.get(after) == Some(&b')') {
            after += 1;
        }
        if !bytes.get(after).is_some_and(u8::is_ascii_whitespace) {
            return None;
        }
        let continues = self.marker.is_some_and(|m| {
            m.letter == marker.letter && m.value + 1 == marker.value
        });
        let context = self.list_context(token);
        let starts = match context {
            Context::Sentence | Context::Colon => {
                !marker.letter || marker.value == 1
            }
            Context::Line => true,
            Context::Inside => false,
        };
        if !starts && !continues {
            return None;
        }
        self.marker = Some(marker);
        self.at = after;
        // An item after a colon or inside a sentence starts a sentence; one
        // at the start of a line or after a bullet is already at one.
        let cut = matches!(context, Context::Colon | Context::Inside);
        Some(cut.then_some(token))
    }

    /// Where the token at `at` stands.
    fn list_context(&mut self, at: usize) -> Context {
        let text = self.text;
        if !self.started_before(at) {
            return Context::Sentence;
        }
        let head = text[..at].trim_end_matches([' ', '\t']);
        match head.chars().next_back() {
            None | Some('\n') => Context::Line,
            Some(c) if BULLETS.contains(&c) => Context::Line,
            Some(':') => Context::Colon,
            _ => Context::Inside,
        }
    }

    /// At a byte that may start a bullet: a bullet with spaces around it
    /// starts a sentence.
    pub(super) fn bullet(&mut self, at: usize) -> Option<usize> {
        let text = self.text;
        let c = char_at(text, at);
        self.at = at + c.map_or(1, char::len_utf8);
        let bullet = c.filter(|c| BULLETS.contains(c))?;
        let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
        // Before its item: a space, or the item's number (`•9.`).
        let after = char_at(text, at + bullet.len_utf8());
        if !spaced(char_before(text, at))
            || !(spaced(after) || after.is_some_and(|c| c.is_ascii_digit()))
        {
            return None;
        }
        self.marker = None;
        self.started_before(at).then_some(at)
    }
}

/// Where a list item's marker stands.
enum Context {
    /// At the start of a sentence.
    Sentence,
    /// At the start of a line, or after a bullet.
    Line,
    /// After a colon.
    Colon,
    /// Inside a sentence.
    Inside,
}

/// Whether the parenthesis opening at `open` closes, within a line and 200
/// bytes, right before a terminator (`(Austen, p. 1).`).
pub(super) fn ends_in_terminator(
    text: &str,
    open: usize,
    is_terminator: impl Fn(u8) -> bool,
) -> bool {
    let bytes = text.as_bytes();
    let end = bytes.len().min(open + 200);
    let mut depth = 0usize;
    for i in open..end {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return bytes
                        .get(i + 1)
                        .is_some_and(|&b| is_terminator(b));
                }
            }
            b'\n' => return false,
            _ => {}
        }
    }
    false
}
