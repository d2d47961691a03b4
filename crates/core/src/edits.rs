use std::borrow::Cow;
use std::ops::Range;

use crate::{Change, SpanMap, Stats};

/// What a stage records besides its output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Record {
    /// Only the output. This is the default, and what `clean` uses.
    #[default]
    Nothing,
    /// The output and the number of changes per rule.
    Counts,
    /// The output, the counts and every [`Change`] with its span.
    Changes,
}

/// Builds a stage's output and its changes in one pass.
///
/// A stage walks its input from start to end and calls [`replace`],
/// [`delete`] or [`insert`] with spans in increasing order; the builder copies
/// the untouched text between them. Nothing is allocated until the first
/// edit, so a stage that changes nothing returns its input borrowed, and a
/// pipeline lends the output buffer ([`Edits::with_buffer`]) so that a run
/// allocates nothing once its buffers have grown.
///
/// [`replace`]: Edits::replace
/// [`delete`]: Edits::delete
/// [`insert`]: Edits::insert
///
/// ```
/// use textclean_core::{Edits, Record};
///
/// let mut edits = Edits::new("demo", "a\u{a0}b\u{a0}c", Record::Changes);
/// edits.replace(1..3, " ", "space.nbsp");
/// edits.replace(4..6, " ", "space.nbsp");
/// let done = edits.finish();
/// assert_eq!(done.text, "a b c");
/// assert_eq!(done.changes.len(), 2);
/// assert_eq!(done.changes[1].span, 4..6);
/// assert_eq!(done.changes[1].at, 3..5, "after the first change");
/// assert_eq!(done.stats.count("space.nbsp"), 2);
/// ```
#[derive(Debug)]
pub struct Edits<'a> {
    stage: &'static str,
    input: &'a str,
    record: Record,
    out: String,
    copied: usize,
    edited: bool,
    /// Output length minus input length so far.
    shift: isize,
    /// Whether an edit may have unsettled the structure of the text.
    unsettled: bool,
    changes: Vec<Change>,
    stats: Stats,
    /// The span map, when asked for.
    map: Option<SpanMap>,
}

/// What a stage produced: its text, and what it recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewritten<'a> {
    /// The output: borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// Every change, in input order, when [`Record::Changes`] was asked for.
    pub changes: Vec<Change>,
    /// Counts per rule, when [`Record::Counts`] or [`Record::Changes`] was
    /// asked for, and bytes in and out.
    pub stats: Stats,
    /// Maps the output back to the input and the input forward to the
    /// output: made with [`Record::Changes`] or [`Edits::track_map`],
    /// otherwise the identity.
    pub map: SpanMap,
    /// True when an edit may have left a line ending other than `\n` or
    /// whitespace at the end of a line: a pipeline then settles the
    /// structure again before the next stage.
    pub unsettled: bool,
}

/// Whether an edit that wrote `replacement` (the end of `out`), before
/// `rest` of the input, may have unsettled the structure: the replacement
/// holds a line ending other than `\n`, or whitespace now ends a line.
fn unsettles(out: &str, replacement: &str, rest: &str) -> bool {
    let odd_ending = |c: char| {
        matches!(
            c,
            '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    if replacement.contains(odd_ending) {
        return true;
    }
    let space = |c: char| c.is_whitespace() && c != '\n';
    // Whitespace before a `\n` the edit wrote, or before the `\n` (or the
    // end) that follows it.
    let start = out.len() - replacement.len();
    replacement
        .match_indices('\n')
        .any(|(k, _)| out[..start + k].ends_with(space))
        || ((rest.is_empty() || rest.starts_with('\n'))
            && out.ends_with(space))
}

impl<'a> Edits<'a> {
    /// Starts editing `input` on behalf of `stage`.
    pub fn new(stage: &'static str, input: &'a str, record: Record) -> Self {
        Edits {
            stage,
            input,
            record,
            out: String::new(),
            copied: 0,
            edited: false,
            shift: 0,
            unsettled: false,
            changes: Vec::new(),
            stats: Stats::default(),
            map: (record == Record::Changes).then(SpanMap::identity),
        }
    }

    /// Writes the output into `buffer` (cleared first) instead of a new
    /// string, so a pipeline can reuse its allocations. Get an unused
    /// buffer back with [`Edits::finish_reclaiming`].
    pub fn with_buffer(mut self, mut buffer: String) -> Self {
        buffer.clear();
        self.out = buffer;
        self
    }

    /// Makes the span map even when changes are not recorded: for carrying
    /// block attributes through the stage.
    pub fn track_map(mut self) -> Self {
        self.map.get_or_insert_with(SpanMap::identity);
        self
    }

    /// The text being edited.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// What is being recorded.
    pub fn record(&self) -> Record {
        self.record
    }

    /// The offset in the input up to which the output is written: the next
    /// edit must start at or after it.
    pub fn position(&self) -> usize {
        self.copied
    }

    /// True once an edit has changed the text.
    pub fn is_edited(&self) -> bool {
        self.edited
    }

    /// Replaces `span` of the input with `replacement`, on behalf of `rule`.
    ///
    /// A replacement equal to the replaced text is no change and is ignored.
    ///
    /// # Panics
    ///
    /// When `span` starts before the end of the previous edit, ends past the
    /// input, or does not fall on character boundaries: these are bugs in
    /// the calling stage, not properties of the text.
    pub fn replace(
        &mut self,
        span: Range<usize>,
        replacement: &str,
        rule: &'static str,
    ) {
        assert!(
            self.copied <= span.start
                && span.start <= span.end
                && self.input.is_char_boundary(span.start)
                && self.input.is_char_boundary(span.end),
            "stage {} rule {rule}: edit {span:?} is out of order or not on \
             character boundaries (edited up to {} of {} bytes)",
            self.stage,
            self.copied,
            self.input.len(),
        );
        if self.input[span.clone()] == *replacement {
            return;
        }
        if !self.edited {
            self.edited = true;
            self.out.reserve(self.input.len());
        }
        self.out.push_str(&self.input[self.copied..span.start]);
        self.out.push_str(replacement);
        self.copied = span.end;
        if !self.unsettled {
            self.unsettled =
                unsettles(&self.out, replacement, &self.input[span.end..]);
        }
        let at = span.start.wrapping_add_signed(self.shift);
        if let Some(map) = &mut self.map {
            map.push(span.clone(), at..at + replacement.len());
        }
        self.shift += replacement.len() as isize - span.len() as isize;
        match self.record {
            Record::Nothing => {}
            Record::Counts => self.stats.record(rule, 1),
            Record::Changes => {
                self.stats.record(rule, 1);
                self.changes.push(Change {
                    stage: self.stage,
                    rule,
                    at: at..at + span.len(),
                    span,
                    replacement: replacement.to_owned(),
                });
            }
        }
    }

    /// Removes `span` of the input, on behalf of `rule`.
    ///
    /// # Panics
    ///
    /// As [`Edits::replace`].
    pub fn delete(&mut self, span: Range<usize>, rule: &'static str) {
        self.replace(span, "", rule);
    }

    /// Inserts `text` at offset `at` of the input, on behalf of `rule`.
    ///
    /// # Panics
    ///
    /// As [`Edits::replace`].
    pub fn insert(&mut self, at: usize, text: &str, rule: &'static str) {
        self.replace(at..at, text, rule);
    }

    /// Copies the rest of the input and returns the result.
    pub fn finish(self) -> Rewritten<'a> {
        self.finish_reclaiming().0
    }

    /// Copies the rest of the input and returns the result, and the lent
    /// buffer when the output did not need it (nothing changed).
    pub fn finish_reclaiming(mut self) -> (Rewritten<'a>, Option<String>) {
        let (text, unused) = if self.edited {
            self.out.push_str(&self.input[self.copied..]);
            (Cow::Owned(self.out), None)
        } else {
            (Cow::Borrowed(self.input), Some(self.out))
        };
        self.stats.bytes_in = self.input.len() as u64;
        self.stats.bytes_out = text.len() as u64;
        let done = Rewritten {
            text,
            changes: self.changes,
            stats: self.stats,
            map: self.map.unwrap_or_default(),
            unsettled: self.unsettled,
        };
        (done, unused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Applies edits the slow, obvious way: from last to first.
    fn naive(input: &str, edits: &[(Range<usize>, String)]) -> String {
        let mut text = input.to_owned();
        for (span, with) in edits.iter().rev() {
            text.replace_range(span.clone(), with);
        }
        text
    }

    /// Random text and random ordered, non-overlapping edits on char
    /// boundaries.
    fn text_and_edits()
    -> impl Strategy<Value = (String, Vec<(Range<usize>, String)>)> {
        (
            "[a-cé ✓\n]{0,40}",
            proptest::collection::vec(
                (any::<prop::sample::Index>(), 0usize..4, "[xyé]{0,3}"),
                0..8,
            ),
        )
            .prop_map(|(text, raw)| {
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let mut at = 0;
                let mut edits = Vec::new();
                let mut starts: Vec<_> = raw
                    .into_iter()
                    .map(|(i, len, with)| (i.index(bounds.len()), len, with))
                    .collect();
                starts.sort_by_key(|s| s.0);
                for (i, len, with) in starts {
                    if i < at {
                        continue;
                    }
                    let end = (i + len).min(bounds.len() - 1);
                    edits.push((bounds[i]..bounds[end], with));
                    at = end;
                }
                (text, edits)
            })
    }

    fn build<'a>(
        input: &'a str,
        edits: &[(Range<usize>, String)],
        record: Record,
    ) -> Rewritten<'a> {
        let mut builder = Edits::new("test", input, record);
        for (span, with) in edits {
            builder.replace(span.clone(), with, "test.rule");
        }
        builder.finish()
    }

    #[test]
    fn no_edit_borrows() {
        let done = build("same", &[], Record::Changes);
        assert!(matches!(done.text, Cow::Borrowed("same")));
        assert!(done.changes.is_empty());
    }

    #[test]
    fn identical_replacement_is_no_change() {
        let done = build("abc", &[(1..2, "b".into())], Record::Changes);
        assert!(matches!(done.text, Cow::Borrowed(_)));
        assert_eq!(done.stats.changes(), 0);
    }

    #[test]
    fn nothing_recorded_unless_asked() {
        let edits = [(0..1, "x".into())];
        let done = build("abc", &edits, Record::Nothing);
        assert_eq!(done.text, "xbc");
        assert!(done.changes.is_empty());
        assert_eq!(done.stats.changes(), 0);
        let done = build("abc", &edits, Record::Counts);
        assert!(done.changes.is_empty());
        assert_eq!(done.stats.count("test.rule"), 1);
    }

    #[test]
    #[should_panic(expected = "out of order")]
    fn out_of_order_edit_panics() {
        build(
            "abcdef",
            &[(2..4, "".into()), (1..2, "".into())],
            Record::Nothing,
        );
    }

    #[test]
    fn buffer_is_reused() {
        let buffer = String::with_capacity(64);
        let mut edits =
            Edits::new("t", "ab", Record::Nothing).with_buffer(buffer);
        edits.insert(1, "-", "t.dash");
        let text = edits.finish().text.into_owned();
        assert_eq!(text, "a-b");
        assert!(text.capacity() >= 64);
        let edits = Edits::new("t", "ab", Record::Nothing)
            .with_buffer(String::with_capacity(64));
        let (done, unused) = edits.finish_reclaiming();
        assert!(matches!(done.text, Cow::Borrowed("ab")));
        assert!(unused.is_some_and(|b| b.capacity() >= 64));
    }

    #[test]
    fn edits_that_unsettle_structure_say_so() {
        let unsettled = |input: &str, span: Range<usize>, with: &str| {
            let mut edits = Edits::new("t", input, Record::Nothing);
            edits.replace(span, with, "t.rule");
            edits.finish().unsettled
        };
        assert!(!unsettled("a\u{200b}b\n", 1..4, ""), "inside a line");
        assert!(
            unsettled("a \u{200b}\nb", 2..5, ""),
            "a space now ends a line"
        );
        assert!(unsettled("a \u{200b}", 2..5, ""), "and the text");
        assert!(unsettled("a&#13;b", 1..6, "\r"), "a line ending decoded");
        assert!(
            unsettled("ab", 1..1, " \n"),
            "a space before a written newline"
        );
        assert!(!unsettled("ab\n", 1..1, ". "), "a space before more text");
    }

    proptest! {
        #[test]
        fn output_equals_naive_application((text, edits) in text_and_edits()) {
            let done = build(&text, &edits, Record::Changes);
            prop_assert_eq!(done.text.as_ref(), naive(&text, &edits));
        }

        #[test]
        fn recording_does_not_change_text((text, edits) in text_and_edits()) {
            let off = build(&text, &edits, Record::Nothing);
            let counts = build(&text, &edits, Record::Counts);
            let on = build(&text, &edits, Record::Changes);
            prop_assert_eq!(&off.text, &on.text);
            prop_assert_eq!(&counts.text, &on.text);
            prop_assert_eq!(counts.stats, on.stats);
        }

        #[test]
        fn changes_replay_to_the_output((text, edits) in text_and_edits()) {
            let done = build(&text, &edits, Record::Changes);
            let replay: Vec<_> = done
                .changes
                .iter()
                .map(|c| (c.span.clone(), c.replacement.clone()))
                .collect();
            prop_assert_eq!(naive(&text, &replay), done.text.as_ref());
            // Each change at its `at`, one after the other, replays too.
            let mut sequential = text.clone();
            for c in &done.changes {
                sequential.replace_range(c.at.clone(), &c.replacement);
            }
            prop_assert_eq!(&sequential, done.text.as_ref());
            prop_assert_eq!(crate::replay(&text, &done.changes), Some(sequential));
            // The span map agrees with the changes, both ways.
            prop_assert_eq!(&done.map, &SpanMap::from_changes(&done.changes));
            prop_assert_eq!(
                matches!(done.text, Cow::Borrowed(_)),
                done.changes.is_empty()
            );
        }
    }
}
