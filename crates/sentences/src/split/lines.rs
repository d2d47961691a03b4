//! Whether a line break ends a sentence that has no terminator.

use super::{Sentences, TERM};
use crate::blocks::{content_end, content_start};
use crate::text::{
    char_at, char_before, is_capitalized, is_closer, letters_end,
    letters_start,
};

/// A line of this many bytes or more, up to [`WRAP_MAX`], may have been
/// wrapped at a fixed width.
const WRAP_MIN: usize = 40;
/// See [`WRAP_MIN`]: longer lines are paragraphs of page text, not wraps.
const WRAP_MAX: usize = 100;

impl Sentences<'_, '_> {
    /// Whether the text before `at` ends in a terminator.
    fn ends_in_terminator(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        match at.checked_sub(1).map(|i| bytes[i]) {
            None => false,
            Some(b) if b < 0x80 => self.splitter.stops[b as usize] == TERM,
            Some(_) => {
                let head = &self.text[..at];
                let terminators = self.splitter.lang.terminators().list();
                terminators.iter().any(|t| head.ends_with(t.as_str()))
            }
        }
    }

    /// Whether the line `line_start..nl` ends the sentence at its line
    /// break. It does, unless the next line reads as the same sentence
    /// going on: it starts with a lower-case letter; or this line ends in
    /// a hyphen or an open bracket; or this line is as long as a wrapped
    /// one and ends in a comma or a dash, in a word a sentence does not
    /// end in ("the", "of"), or before a Capitalized word that is not a
    /// sentence starter (`…met John\nSmith at…`). A line that ends with a
    /// terminator was decided there.
    pub(super) fn line_ends_sentence(
        &mut self,
        line_start: usize,
        nl: usize,
    ) -> bool {
        let text = self.text;
        let bytes = text.as_bytes();
        let lang = &self.splitter.lang;
        let end = content_end(bytes, nl);
        if !self.started_before(end) {
            return false;
        }
        let mut last = end;
        while let Some(c) = char_before(text, last).filter(|&c| is_closer(c)) {
            last -= c.len_utf8();
        }
        if self.ends_in_terminator(last) {
            return false;
        }
        let Some(prev) = char_before(text, last) else { return false };
        let wrap_length = (WRAP_MIN..=WRAP_MAX).contains(&(end - line_start));
        // A word broken at a hyphen, an open bracket, a joining sign: the
        // line goes on; a comma or a dash too, in a line as long as a
        // wrapped one (`Dear Sir,` is a line of its own).
        if last == end
            && (matches!(prev, '-' | '‐' | '(' | '[' | '/' | '&' | '+' | '=')
                || (wrap_length && matches!(prev, ',' | ';' | '–' | '—')))
        {
            return false;
        }
        let next_at = content_start(bytes, nl + 1);
        let Some(next) = char_at(text, next_at) else { return false };
        if next.is_lowercase() {
            return false;
        }
        // A line as long as a wrapped one that stops mid-sentence.
        if !wrap_length || !prev.is_alphanumeric() {
            return true;
        }
        let word = &text[letters_start(text, end, 40)..end];
        let next_word = &text[next_at..letters_end(text, next_at)];
        let goes_on = lang.is_function_word(word)
            || (is_capitalized(next_word) && !lang.is_starter(next_word));
        !goes_on
    }
}
