//! Step 1: cuts a region into items, each already decoded or deleted.

use super::Engine;
use super::utf8::decode_at;
use super::{ansi, entity, escape};
use crate::rule::Rule;

/// One piece of a region: what a span of the input stands for.
#[derive(Clone, Copy, Debug)]
pub(super) struct Item {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The character, or `None` once deleted.
    pub(super) ch: Option<char>,
    /// The rule that made it differ from its span, if any did.
    pub(super) rule: Option<Rule>,
    /// A second character after `ch`: an entity of two (`&fjlig;`). No
    /// mojibake sequence holds such an item.
    pub(super) tail: Option<char>,
    /// A legacy reference without its `;` (`&copy`): `ch` is what it
    /// stands for if the output after it ends it, which `emit` decides.
    /// No mojibake sequence holds it, and no region ends right after it.
    pub(super) bare: bool,
}

impl Item {
    /// Whether no mojibake sequence may hold the item.
    pub(super) fn opaque(&self) -> bool {
        self.tail.is_some() || self.bare
    }
}

impl Engine {
    /// Reads the item at `i`: one character, `\r\n`, a terminal escape,
    /// an entity or a surrogate escape.
    pub(super) fn lex(&self, input: &str, i: usize) -> Item {
        let bytes = input.as_bytes();
        let item = |end, ch, rule| Item {
            start: i,
            end,
            ch,
            rule,
            tail: None,
            bare: false,
        };
        let (c, len) = decode_at(bytes, i);
        match c {
            '\u{1b}' if self.cfg.control_chars => {
                return match ansi::escape_end(bytes, i) {
                    Some(end) => item(end, None, Some(Rule::Ansi)),
                    None => item(i + 1, None, Some(Rule::Control)),
                };
            }
            '&' | '＆' | '﹠' if self.cfg.html_entities => {
                if let Some((end, value)) = self.reference_at(input, i) {
                    let escapes_markup =
                        matches!(value.single(), Some('<' | '>' | '&'));
                    let decodes_to_break = |k: usize| {
                        self.reference_at(input, k)
                            .filter(|(_, v)| {
                                v.bare.is_none()
                                    && v.single()
                                        .is_some_and(entity::is_line_break)
                            })
                            .map(|(end, _)| end)
                    };
                    // A bare name decides later, on a character it has.
                    let bare = value.bare.is_some();
                    let deleted = self.pre(value.ch).is_some();
                    let kept = (escapes_markup
                        && entity::near_markup(
                            bytes,
                            i,
                            &decodes_to_break,
                            &|k| self.cleans_to_letter(input, k),
                        ))
                        || (bare && deleted);
                    if !kept {
                        let ch = (!deleted).then_some(value.ch);
                        let tail =
                            value.tail.filter(|&t| self.pre(t).is_none());
                        return Item {
                            tail,
                            bare,
                            ..item(end, ch, Some(Rule::Entity))
                        };
                    }
                }
            }
            '\\' if self.cfg.surrogate_escapes => {
                if let Some((end, ch)) = escape::surrogate_at(bytes, i) {
                    return item(end, Some(ch), Some(Rule::SurrogateEscape));
                }
            }
            _ => {}
        }
        match self.pre(c) {
            Some(rule) => item(i + len, None, Some(rule)),
            None => item(i + len, Some(c), None),
        }
    }

    /// The reference that starts at `i` (with `&`, or with a fullwidth or
    /// small form of it that `width` or NFKC folds), decoded to the end:
    /// where it ends and what it stands for.
    pub(super) fn reference_at(
        &self,
        input: &str,
        i: usize,
    ) -> Option<(usize, entity::Value)> {
        self.reference_within(input, i, 0)
    }

    /// [`Engine::reference_at`], `depth` references deep inside others.
    fn reference_within(
        &self,
        input: &str,
        i: usize,
        depth: u8,
    ) -> Option<(usize, entity::Value)> {
        let (c, len) = decode_at(input.as_bytes(), i);
        let fold = self.fold;
        if !(c == '&' || (fold.width && matches!(c, '＆' | '﹠'))) {
            return None;
        }
        let skip = |at: usize| self.deleted_within(input, at);
        // A reference inside this one: where it ends, what it stands for,
        // and whether that is deleted.
        let nested = |at: usize| {
            if depth >= Self::NESTED_REFERENCES {
                return None;
            }
            let (end, value) = self.reference_within(input, at, depth + 1)?;
            let deleted = value.bare.is_none()
                && value.single().is_some_and(|c| self.deletes(c));
            Some((end, value, deleted))
        };
        let (mut end, mut value) =
            entity::read(input, i + len, fold, &skip, &nested)?;
        // "&amp;lt;" is "<" escaped twice: decode to the end, or the
        // output would still hold an entity.
        while value.bare.is_none() && value.single() == Some('&') {
            match entity::read(input, end, fold, &skip, &nested) {
                Some((next, next_value)) => {
                    end = next;
                    value = next_value;
                }
                None => break,
            }
        }
        Some((end, value))
    }

    /// What a bare reference at `i` is when it stands for itself: `&`
    /// and its name as read ("&amp;copy" is "&copy").
    pub(super) fn bare_text(
        &self,
        input: &str,
        i: usize,
        out: &mut String,
    ) -> Option<entity::BareName> {
        let (_, value) = self.reference_at(input, i)?;
        let name = value.bare?;
        out.push('&');
        out.push_str(name.as_str());
        Some(name)
    }

    /// How deep references that decode to a deleted character are read
    /// inside one another (`&#4&#6;;` is `&#4;` once `&#6;` is gone).
    const NESTED_REFERENCES: u8 = 4;

    /// Where the piece at `at` ends, if a rule deletes it: a control, an
    /// invisible or fragile character, a terminal escape, mojibake of one.
    fn deleted_within(&self, input: &str, at: usize) -> Option<usize> {
        let bytes = input.as_bytes();
        if at >= bytes.len() {
            return None;
        }
        let (c, len) = decode_at(bytes, at);
        if c == '\u{1b}' && self.cfg.control_chars {
            return Some(ansi::escape_end(bytes, at).unwrap_or(at + 1));
        }
        if self.deletes(c) {
            return Some(at + len);
        }
        // (A reference to a character that is deleted is read by
        // `entity::read` itself, through `nested`.)
        // Mojibake of a character that is deleted ("Â\u{90}").
        let (end, decoded) = self.mojibake_at(input, at)?;
        self.deletes(decoded).then_some(end)
    }

    /// Whether some rule deletes `c` outright.
    fn deletes(&self, c: char) -> bool {
        let mut scratch = String::new();
        self.pre(c).is_some()
            || self.fragile(c).is_some()
            || (self.post(c, &mut scratch).is_some() && scratch.is_empty())
    }
}
