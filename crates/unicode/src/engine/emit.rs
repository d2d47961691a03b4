//! Step 3: writes a region's items out, mapping the characters that are
//! left and normalizing each segment that needs it.

use std::ops::Range;

use unicode_normalization::IsNormalized;

use super::{Engine, Scratch, entity};
use crate::Normalization;
use crate::rule::Rule;

/// A bare reference (`&copy`) written out as itself, to decide on.
#[derive(Debug)]
pub(super) struct Bare {
    /// Its item.
    item: usize,
    /// Its name.
    name: entity::BareName,
    /// Its output.
    out: Range<usize>,
    /// The index of its edit, if writing it out changed it ("&amp;copy"
    /// is "&copy").
    edit: Option<usize>,
}

/// An edit whose output moved by `delta` bytes.
fn shift(
    edit: &(Range<usize>, Range<usize>, Rule),
    delta: isize,
) -> (Range<usize>, Range<usize>, Rule) {
    let start = edit.1.start.wrapping_add_signed(delta);
    (edit.0.clone(), start..start + edit.1.len(), edit.2)
}

impl Engine {
    /// Writes the region's items out: maps characters, normalizes the
    /// segments that need it, and collects the edits.
    /// `after` is the character after the region.
    pub(super) fn emit(
        &self,
        input: &str,
        sc: &mut Scratch,
        after: Option<char>,
    ) {
        let normalize = self.cfg.normalization != Normalization::None;
        let mut seg_item = 0;
        let mut seg_text = 0;
        let mut seg_edit = 0;
        let mut seg_check = false;
        let mut tmp = std::mem::take(&mut sc.tmp);
        for n in 0..sc.items.len() {
            let item = sc.items[n];
            tmp.clear();
            let rule = match item.ch {
                // As itself, for now: decided once the output after it is.
                Some(_) if item.bare => {
                    match self.bare_text(input, item.start, &mut tmp) {
                        Some(name) => {
                            let out = sc.text.len();
                            let changed = tmp != input[item.start..item.end];
                            sc.bare.push(Bare {
                                item: n,
                                name,
                                out: out..out + tmp.len(),
                                edit: changed.then_some(sc.edits.len()),
                            });
                            changed.then_some(Rule::Entity)
                        }
                        None => {
                            tmp.push_str(&input[item.start..item.end]);
                            None
                        }
                    }
                }
                None => item.rule,
                Some(c) => match self.post(c, &mut tmp) {
                    Some(rule) => Some(item.rule.unwrap_or(rule)),
                    None if item.rule.is_some() => {
                        tmp.push(c);
                        item.rule
                    }
                    None => {
                        tmp.push_str(&input[item.start..item.end]);
                        None
                    }
                },
            };
            // The second character of an entity of two.
            if let Some(t) = item.tail {
                if self.post(t, &mut tmp).is_none() {
                    tmp.push(t);
                }
            }
            if normalize {
                if let Some(first) = tmp.chars().next() {
                    let boundary = self.is_boundary(first);
                    if n > seg_item && boundary {
                        self.close(
                            sc,
                            seg_item..n,
                            seg_text,
                            seg_edit,
                            seg_check,
                        );
                        seg_item = n;
                        seg_text = sc.text.len();
                        seg_edit = sc.edits.len();
                        seg_check = false;
                    }
                    // Most items are one character: its class is known.
                    seg_check = seg_check
                        || if tmp.len() == first.len_utf8() {
                            !boundary
                        } else {
                            tmp.chars().any(|c| !self.is_boundary(c))
                        };
                }
            }
            let out = sc.text.len();
            sc.text.push_str(&tmp);
            if let Some(rule) = rule {
                sc.edits.push((
                    item.start..item.end,
                    out..sc.text.len(),
                    rule,
                ));
            }
        }
        if normalize && !sc.items.is_empty() {
            let n = sc.items.len();
            self.close(sc, seg_item..n, seg_text, seg_edit, seg_check);
        }
        sc.tmp = tmp;
        if !sc.bare.is_empty() {
            self.decide_bare(sc, after);
        }
    }

    /// Decodes each bare reference (`&copy`) that the output after it
    /// ends: a character that is no letter, digit or `=`, and that nothing
    /// before it composes with. The decision reads the output as it is
    /// written, so cleaning it again decides the same.
    fn decide_bare(&self, sc: &mut Scratch, after: Option<char>) {
        let mut pending = std::mem::take(&mut sc.bare);
        let mut text = String::new();
        let mut edits = Vec::new();
        // How much of `sc.text`, and of `sc.edits`, has been moved over.
        let (mut copied, mut moved) = (0, 0);
        for bare in &pending {
            let next = sc.text[bare.out.end..].chars().next().or(after);
            let item = sc.items[bare.item];
            let Some(c) = item.ch else { continue };
            // Nothing before it composes with it; without normalization,
            // nothing composes.
            let starts = |c: char| match self.cfg.normalization {
                Normalization::None => true,
                _ => self.is_boundary(c),
            };
            if !(bare.name.ends_before(next) && next.is_none_or(starts)) {
                continue;
            }
            // An `&` before `#` would start a numeric reference that a
            // second run decodes (`&amp#06;` is `&#06;`, then a control):
            // left as it is, both runs read it alike.
            if c == '&' && next == Some('#') {
                continue;
            }
            let mut mapped = String::new();
            if self.post(c, &mut mapped).is_none() {
                mapped.push(c);
            }
            let value = self.cfg.normalization.apply(&mapped);
            let before = bare.edit.unwrap_or_else(|| {
                moved
                    + sc.edits[moved..]
                        .iter()
                        .take_while(|e| e.1.start < bare.out.end)
                        .count()
            });
            let delta = text.len() as isize - copied as isize;
            edits.extend(
                sc.edits[moved..before].iter().map(|e| shift(e, delta)),
            );
            text.push_str(&sc.text[copied..bare.out.start]);
            let at = text.len();
            text.push_str(&value);
            edits.push((item.start..item.end, at..text.len(), Rule::Entity));
            copied = bare.out.end;
            moved = before + usize::from(bare.edit.is_some());
        }
        pending.clear();
        sc.bare = pending;
        // Nothing decoded: nothing copied.
        if copied == 0 {
            return;
        }
        let delta = text.len() as isize - copied as isize;
        edits.extend(sc.edits[moved..].iter().map(|e| shift(e, delta)));
        text.push_str(&sc.text[copied..]);
        sc.text = text;
        sc.edits = edits;
    }

    /// Normalizes the segment of items `items`, whose output starts at
    /// `text` and whose edits at `edit`, if it needs it: one change for the
    /// whole segment.
    fn close(
        &self,
        sc: &mut Scratch,
        items: Range<usize>,
        text: usize,
        edit: usize,
        check: bool,
    ) {
        if !check {
            return;
        }
        let form = self.cfg.normalization;
        let Some(rule) = form.rule() else { return };
        let segment = &sc.text[text..];
        if form.quick(segment.chars()) == Some(IsNormalized::Yes) {
            return;
        }
        let normal = form.apply(segment);
        if normal == segment {
            return;
        }
        // A bare reference in the segment stays as it is now.
        while sc.bare.last().is_some_and(|bare| bare.out.start >= text) {
            sc.bare.pop();
        }
        let span = sc.items[items.start].start..sc.items[items.end - 1].end;
        sc.text.truncate(text);
        sc.text.push_str(&normal);
        sc.edits.truncate(edit);
        sc.edits.push((span, text..sc.text.len(), rule));
    }
}
