//! Step 1: cuts a region into items, each already decoded or deleted.

use super::Engine;
use super::utf8::decode_at;
use super::{ansi, entity, escape};
use crate::Normalization;
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
}

impl Engine {
    /// Reads the item at `i`: one character, `\r\n`, a terminal escape,
    /// an entity or a surrogate escape.
    pub(super) fn lex(&self, input: &str, i: usize) -> Item {
        let bytes = input.as_bytes();
        let item = |end, ch, rule| Item { start: i, end, ch, rule };
        let (c, len) = decode_at(bytes, i);
        match c {
            '\u{1b}' if self.cfg.control_chars => {
                return match ansi::escape_end(bytes, i) {
                    Some(end) => item(end, None, Some(Rule::Ansi)),
                    None => item(i + 1, None, Some(Rule::Control)),
                };
            }
            '&' | '＆' | '﹠' if self.cfg.html_entities => {
                if let Some((end, ch)) = self.reference_at(input, i) {
                    let escapes_markup = matches!(ch, '<' | '>' | '&');
                    let decodes_to_break = |k: usize| {
                        self.reference_at(input, k)
                            .filter(|(_, ch)| entity::is_line_break(*ch))
                            .map(|(end, _)| end)
                    };
                    if !(escapes_markup
                        && entity::near_markup(bytes, i, &decodes_to_break))
                    {
                        return match self.pre(ch) {
                            Some(_) => item(end, None, Some(Rule::Entity)),
                            None => item(end, Some(ch), Some(Rule::Entity)),
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
    /// where it ends and the character it stands for.
    fn reference_at(&self, input: &str, i: usize) -> Option<(usize, char)> {
        self.reference_within(input, i, 0)
    }

    /// [`Engine::reference_at`], `depth` references deep inside others.
    fn reference_within(
        &self,
        input: &str,
        i: usize,
        depth: u8,
    ) -> Option<(usize, char)> {
        let (c, len) = decode_at(input.as_bytes(), i);
        // Fullwidth and small forms become ASCII with `width`, and under
        // NFKC: read the entity they will spell now, or the output would
        // still hold one.
        let fold =
            self.cfg.width || self.cfg.normalization == Normalization::Nfkc;
        if !(c == '&' || (fold && matches!(c, '＆' | '﹠'))) {
            return None;
        }
        let skip = |at: usize| self.deleted_within(input, at, depth);
        let (mut end, mut ch) = entity::read(input, i + len, fold, &skip)?;
        // "&amp;lt;" is "<" escaped twice: decode to the end, or the
        // output would still hold an entity.
        while ch == '&' {
            match entity::read(input, end, fold, &skip) {
                Some((next, next_ch)) => {
                    end = next;
                    ch = next_ch;
                }
                None => break,
            }
        }
        Some((end, ch))
    }

    /// How deep references that decode to a deleted character are read
    /// inside one another (`&#4&#6;;` is `&#4;` once `&#6;` is gone).
    const NESTED_REFERENCES: u8 = 4;

    /// Where the piece at `at` ends, if a rule deletes it: a control, an
    /// invisible or fragile character, a terminal escape, a reference to
    /// one of them. `depth` counts the references it is read inside.
    fn deleted_within(
        &self,
        input: &str,
        at: usize,
        depth: u8,
    ) -> Option<usize> {
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
        // A reference to a character that is deleted: what is around it
        // meets once it is gone.
        if self.cfg.html_entities && depth < Self::NESTED_REFERENCES {
            if let Some((end, ch)) =
                self.reference_within(input, at, depth + 1)
            {
                if self.deletes(ch) {
                    return Some(end);
                }
            }
        }
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
