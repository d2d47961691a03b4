//! Step 3: writes a region's items out, mapping the characters that are
//! left and normalizing each segment that needs it.

use std::ops::Range;

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick,
    is_nfkc_quick, is_nfkd_quick,
};

use super::{Engine, Scratch};
use crate::Normalization;
use crate::rule::Rule;

impl Engine {
    /// Writes the region's items out: maps characters, normalizes the
    /// segments that need it, and collects the edits.
    pub(super) fn emit(&self, input: &str, sc: &mut Scratch) {
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
        let segment = &sc.text[text..];
        let (normal, rule): (String, _) = match self.cfg.normalization {
            Normalization::None => return,
            Normalization::Nfc => {
                if is_nfc_quick(segment.chars()) == IsNormalized::Yes {
                    return;
                }
                (segment.nfc().collect(), Rule::Nfc)
            }
            Normalization::Nfkc => {
                if is_nfkc_quick(segment.chars()) == IsNormalized::Yes {
                    return;
                }
                (segment.nfkc().collect(), Rule::Nfkc)
            }
            Normalization::Nfd => {
                if is_nfd_quick(segment.chars()) == IsNormalized::Yes {
                    return;
                }
                (segment.nfd().collect(), Rule::Nfd)
            }
            Normalization::Nfkd => {
                if is_nfkd_quick(segment.chars()) == IsNormalized::Yes {
                    return;
                }
                (segment.nfkd().collect(), Rule::Nfkd)
            }
        };
        if normal == segment {
            return;
        }
        let span = sc.items[items.start].start..sc.items[items.end - 1].end;
        sc.text.truncate(text);
        sc.text.push_str(&normal);
        sc.edits.truncate(edit);
        sc.edits.push((span, text..sc.text.len(), rule));
    }
}
