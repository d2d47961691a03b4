//! `sentences.dehyphenate`: a word hyphenated across a line break,
//! `exam-\nple` → `example`, in a hard-wrapped block (see
//! [`unwrap`](super::unwrap), which joins the lines).

use std::ops::Range;

use super::counts::Counts;
use textclean_core::Lines;

use crate::blocks::{content_end, content_start, newlines};
use crate::lang::Language;
use crate::text::{char_at, char_before, letters_end, letters_start};

pub(super) const RULE: &str = "sentences.dehyphenate";

/// A line-end hyphen between two letter runs: `exam` `-\n` `ple`.
#[derive(Debug)]
pub(super) struct Hyphen {
    /// The letters before the `-`, which ends this range.
    left: Range<usize>,
    /// The letters that start the next line.
    right: Range<usize>,
}

/// The line-end hyphens of `text`, in order.
pub(super) fn candidates(text: &str, index: &Lines) -> Vec<Hyphen> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for nl in newlines(index) {
        let e = content_end(bytes, nl);
        if e < 2 || bytes[e - 1] != b'-' {
            continue;
        }
        let dash = e - 1;
        if !char_before(text, dash).is_some_and(char::is_alphabetic) {
            continue;
        }
        let s = content_start(bytes, nl + 1);
        if !char_at(text, s).is_some_and(char::is_lowercase) {
            continue;
        }
        let left = letters_start(text, dash, 64)..dash;
        out.push(Hyphen { left, right: s..letters_end(text, s) });
    }
    out
}

/// The hyphen whose `-` is at `dash`, if any.
pub(super) fn at(hyphens: &[Hyphen], dash: usize) -> Option<&Hyphen> {
    let k = hyphens.binary_search_by_key(&dash, |h| h.left.end).ok()?;
    Some(&hyphens[k])
}

impl Hyphen {
    /// Where the word on the next line starts.
    pub(super) fn next(&self) -> usize {
        self.right.start
    }

    /// `example`, written into `buf`.
    fn joined<'b>(&self, text: &str, buf: &'b mut String) -> &'b str {
        buf.clear();
        buf.push_str(&text[self.left.clone()]);
        buf.push_str(&text[self.right.clone()]);
        buf
    }

    /// `exam-ple`, written into `buf`.
    fn hyphened<'b>(&self, text: &str, buf: &'b mut String) -> &'b str {
        buf.clear();
        buf.push_str(&text[self.left.clone()]);
        buf.push('-');
        buf.push_str(&text[self.right.clone()]);
        buf
    }

    /// Asks `counts` for the tokens [`Hyphen::keeps`] reads; `buf` is
    /// scratch space.
    pub(super) fn want(
        &self,
        text: &str,
        counts: &mut Counts,
        buf: &mut String,
    ) {
        counts.want(self.joined(text, buf));
        counts.want(self.hyphened(text, buf));
    }

    /// Whether the hyphen stays: the hyphenated form appears elsewhere
    /// (`to-day`), or the joined word is neither a dictionary word nor seen
    /// elsewhere (`well-known`). `buf` is scratch space.
    pub(super) fn keeps(
        &self,
        lang: &Language,
        text: &str,
        counts: &Counts,
        buf: &mut String,
    ) -> bool {
        counts.get(self.hyphened(text, buf)) > 0 || {
            let joined = self.joined(text, buf);
            !(lang.is_word(joined) || counts.get(joined) > 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::testing::pdf;

    #[test]
    fn finds_line_end_hyphens() {
        let text =
            "an exam- \r\n  ple, a well-\nKnown, a 3-\nway, a -\nb\nab-";
        let found = candidates(text, &Lines::new(text));
        assert_eq!(found.len(), 1);
        let mut buf = String::new();
        assert_eq!(found[0].joined(text, &mut buf), "example");
        assert_eq!(found[0].hyphened(text, &mut buf), "exam-ple");
        assert_eq!(&text[found[0].next()..][..3], "ple");
        let dash = text.find('-').unwrap();
        assert!(at(&found, dash).is_some());
        assert!(at(&found, dash + 1).is_none());
    }

    #[test]
    fn keeps_hyphenated_form_seen_elsewhere() {
        let text = "We will go there to-day and see what the old man\n\
                    has to say about it, and more of it, all to-\n\
                    day and all of the rest of it too.";
        assert_eq!(
            pdf(text),
            "We will go there to-day and see what the old man has to say \
             about it, and more of it, all to-day and all of the rest of \
             it too."
        );
    }
}
