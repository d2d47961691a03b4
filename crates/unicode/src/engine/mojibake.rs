//! Step 2: repairs mojibake on a stack of items, innermost layer first, so
//! that double encoding is repaired to the end.

use super::Engine;
use super::lex::Item;
use super::utf8::{decode_at, second_ok, utf8_len};
use crate::cp1252;
use crate::rule::Rule;

impl Engine {
    /// Pushes an item, then repairs every mojibake sequence that now ends
    /// at the top of the stack.
    pub(super) fn push(
        &self,
        items: &mut Vec<Item>,
        item: Item,
        before: Option<char>,
    ) {
        // A run of pieces one rule deletes is one item, and so one change:
        // a run of a million zero-width spaces takes no memory per piece.
        if let Some(top) = items.last_mut() {
            if item.ch.is_none()
                && top.ch.is_none()
                && top.rule == item.rule
                && top.end == item.start
            {
                top.end = item.end;
                return;
            }
        }
        items.push(item);
        if !self.cfg.mojibake {
            return;
        }
        while items
            .last()
            .and_then(|top| top.ch)
            .is_some_and(|c| cp1252::byte(c).is_some())
        {
            if !self.reduce(items, before) {
                break;
            }
        }
    }

    /// Repairs the sequence ending at the top item, if there is one and it
    /// is mojibake. Deletes the top item instead when it is a fragile
    /// character that no sequence can use.
    fn reduce(&self, items: &mut Vec<Item>, before: Option<char>) -> bool {
        // The last up to four characters with Windows-1252 bytes, top
        // first; deleted items between them do not count.
        let mut at = [0usize; 4];
        let mut byte = [0u8; 4];
        let mut k = 0;
        let mut j = items.len();
        while j > 0 && k < 4 {
            j -= 1;
            let Some(c) = items[j].ch else { continue };
            let Some(b) = cp1252::byte(c) else { break };
            at[k] = j;
            byte[k] = b;
            k += 1;
            if !(0x80..0xc0).contains(&b) {
                break;
            }
        }
        if k == 0 {
            return false;
        }
        let lead = byte[k - 1];
        let need = utf8_len(lead);
        if need == 0 || k > need || (k >= 2 && !second_ok(lead, byte[k - 2])) {
            self.kill(&mut items[at[0]]);
            return false;
        }
        if k < need {
            return false;
        }
        let mut buf = [0u8; 4];
        for t in 0..k {
            buf[t] = byte[k - 1 - t];
        }
        let Some(decoded) =
            std::str::from_utf8(&buf[..k]).ok().and_then(|s| s.chars().next())
        else {
            return false;
        };
        let conts = [items[at[0]].ch, items[at[1]].ch];
        if needs_context(lead, k, conts) {
            // A repair of repairs needs evidence, not just context.
            if at[..k].iter().any(|&j| items[j].rule == Some(Rule::Mojibake)) {
                return false;
            }
            // "É»" is as likely French as mojibake, and "á’’" as likely
            // Spanish: repair them only next to another repair (or, for
            // two bytes, after a lowercase letter, as in "siÄ™").
            let prev = prev_char(items, at[k - 1]);
            let ok = match prev {
                Some(item) => {
                    item.rule == Some(Rule::Mojibake)
                        || (k == 2 && item.ch.is_some_and(char::is_lowercase))
                }
                None => k == 2 && before.is_some_and(char::is_lowercase),
            };
            if !ok {
                return false;
            }
        }
        self.replace_top(items, at[k - 1], decoded);
        self.retro(items);
        true
    }

    /// Replaces `items[from..]` by the repaired character `decoded`.
    fn replace_top(&self, items: &mut Vec<Item>, from: usize, decoded: char) {
        let start = items[from].start;
        let end = items.last().map_or(start, |top| top.end);
        items.truncate(from);
        let ch = match self.pre(decoded) {
            Some(_) => None,
            None => Some(decoded),
        };
        items.push(Item { start, end, ch, rule: Some(Rule::Mojibake) });
    }

    /// After a repair, repairs the two-byte sequence just before it that
    /// was held back only for want of context (see `reduce`).
    fn retro(&self, items: &mut Vec<Item>) {
        let top = items.len() - 1;
        let Some(c1) = prev_index(items, top) else { return };
        let Some(c0) = prev_index(items, c1) else { return };
        let (Some(second), Some(first)) = (items[c1].ch, items[c0].ch) else {
            return;
        };
        let (Some(b1), Some(b0)) = (cp1252::byte(second), cp1252::byte(first))
        else {
            return;
        };
        if utf8_len(b0) != 2
            || !(0x80..0xc0).contains(&b1)
            || !needs_context(b0, 2, [Some(second), None])
            || items[c0].rule == Some(Rule::Mojibake)
        {
            return;
        }
        let Some(decoded) =
            std::str::from_utf8(&[b0, b1]).ok().and_then(|s| s.chars().next())
        else {
            return;
        };
        // Keep the repair at the top and anything deleted before it.
        let after = items.split_off(c1 + 1);
        self.replace_top(items, c0, decoded);
        items.extend(after);
    }

    /// Deletes a fragile character that no mojibake sequence can use.
    fn kill(&self, item: &mut Item) {
        let Some(c) = item.ch else { return };
        if let Some(meant) = self.c1(c) {
            item.ch = Some(meant);
            item.rule = item.rule.or(Some(Rule::C1));
        } else if let Some(rule) = self.fragile(c) {
            item.ch = None;
            item.rule = item.rule.or(Some(rule));
        }
    }

    /// The mojibake sequence that starts at `at`, if one does: where it
    /// ends and the character it spells.
    pub(super) fn mojibake_at(
        &self,
        input: &str,
        at: usize,
    ) -> Option<(usize, char)> {
        if !self.cfg.mojibake {
            return None;
        }
        let bytes = input.as_bytes();
        let mut buf = [0u8; 4];
        let mut need = 1;
        let mut k = 0;
        let mut i = at;
        while k < need {
            let (c, len) = decode_at(bytes, i);
            let b = cp1252::byte(c)?;
            if k == 0 {
                need = utf8_len(b);
                if need == 0 {
                    return None;
                }
            } else if !(0x80..0xc0).contains(&b) {
                return None;
            }
            buf[k] = b;
            k += 1;
            i += len;
            if k < need && i >= bytes.len() {
                return None;
            }
        }
        let decoded = std::str::from_utf8(&buf[..k]).ok()?.chars().next()?;
        Some((i, decoded))
    }
}

/// Whether the `k`-byte sequence that starts with `lead` and ends with the
/// characters `conts` (last first) is as likely legitimate text as
/// mojibake, so that it needs context to be repaired.
fn needs_context(lead: u8, k: usize, conts: [Option<char>; 2]) -> bool {
    let [last, second] = conts.map(|c| c.unwrap_or('a'));
    match k {
        // Â and Ã are rare as letters before a symbol; the leads of Greek,
        // Cyrillic, Hebrew and Arabic (Î Ï Ð × Ø Ù) rarer still.
        2 => {
            !matches!(lead, 0xc2 | 0xc3 | 0xce | 0xcf | 0xd0 | 0xd7..=0xd9)
                && stands_alone(last)
        }
        3 => quote_like(second) && quote_like(last),
        _ => false,
    }
}

/// Closing punctuation that often follows a lowercase accented letter.
fn quote_like(c: char) -> bool {
    matches!(c, '‘' | '’' | '“' | '”' | '«' | '»' | '…' | '–' | '—' | '•')
}

/// The index of the last item before `i` that is still a character.
fn prev_index(items: &[Item], i: usize) -> Option<usize> {
    items[..i].iter().rposition(|item| item.ch.is_some())
}

/// The last item before `i` that is still a character.
fn prev_char(items: &[Item], i: usize) -> Option<Item> {
    prev_index(items, i).map(|j| items[j])
}

/// Characters that legitimately follow a capital accented letter in Latin-1
/// text ("CAFÉ»", "Nº", "Ö°"): when one of them is the second half of a
/// two-byte sequence whose first half is not `Â` or `Ã`, the pair is
/// mojibake only if its context says so (see `needs_context`).
#[inline]
fn stands_alone(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '©'
            | 'ª'
            | '®'
            | '°'
            | '²'
            | '³'
            | '·'
            | '¹'
            | 'º'
            | '»'
            | '’'
            | '”'
            | '•'
            | '–'
            | '—'
            | '…'
            | '™'
    )
}
