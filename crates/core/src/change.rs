use std::ops::Range;

/// One edit made by a stage: which rule replaced which bytes with what.
///
/// Removing text is a change whose replacement is empty; inserting text is a
/// change whose span is empty. A change carries two spans:
///
/// - [`span`](Change::span): the bytes replaced, in the input that was
///   cleaned (a stage's input, or in a pipeline's report the pipeline's
///   input, widened to whole replaced spans where earlier stages changed
///   it). This is the span to show a user.
/// - [`at`](Change::at): where the edit applies in the text as it stood just
///   before it. Applying every change of a report in order, each at its
///   `at`, turns the input into the output: the report replays.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    /// The stage that made the change, such as `unicode`.
    pub stage: &'static str,
    /// The rule that made it: a stable, documented name such as
    /// `mojibake.cp1252` or `boilerplate.phrase`.
    pub rule: &'static str,
    /// The bytes of the input that were replaced.
    pub span: Range<usize>,
    /// The bytes replaced in the text as it stood just before this change.
    pub at: Range<usize>,
    /// What they were replaced with.
    pub replacement: String,
}

impl Change {
    /// The replaced text, given the input [`span`](Change::span) refers to.
    ///
    /// Returns an empty string when the span does not fit `input`.
    ///
    /// ```
    /// use textclean_core::Change;
    /// let change = Change {
    ///     stage: "demo",
    ///     rule: "demo.upper",
    ///     span: 0..2,
    ///     at: 0..2,
    ///     replacement: "HI".into(),
    /// };
    /// assert_eq!(change.original("hi there"), "hi");
    /// ```
    pub fn original<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.span.clone()).unwrap_or("")
    }
}

/// Applies `changes` in order, each at its [`at`](Change::at) span: the
/// output of the run that reported them, from its input.
///
/// Changes of one stage come in increasing order, so they are applied in one
/// pass per stage: linear in the size of the text and the number of changes.
/// Returns `None` when a change does not fit the text (a report of another
/// input).
///
/// ```
/// use textclean_core::{replay, Edits, Record};
///
/// let input = "a\u{a0}b\u{a0}c";
/// let mut edits = Edits::new("demo", input, Record::Changes);
/// edits.replace(1..3, " ", "space.nbsp");
/// edits.replace(4..6, " ", "space.nbsp");
/// let done = edits.finish();
/// assert_eq!(replay(input, &done.changes).as_deref(), Some("a b c"));
/// ```
pub fn replay(input: &str, changes: &[Change]) -> Option<String> {
    let mut text = input.to_owned();
    let mut next = String::with_capacity(input.len());
    let mut rest = changes;
    while !rest.is_empty() {
        // The longest run of changes that apply in increasing order.
        let mut end = 1;
        while end < rest.len()
            && rest[end].at.start >= output_end(&rest[end - 1])
        {
            end += 1;
        }
        let (run, after) = rest.split_at(end);
        next.clear();
        // `at` spans are in the text with earlier changes applied: undo the
        // shift of the earlier changes of this run to find them in `text`.
        let mut shift: isize = 0;
        let mut copied = 0;
        for change in run {
            let start = change.at.start.checked_add_signed(-shift)?;
            let end = change.at.end.checked_add_signed(-shift)?;
            if start < copied || !text.is_char_boundary(start) {
                return None;
            }
            next.push_str(text.get(copied..start)?);
            text.get(start..end)?;
            next.push_str(&change.replacement);
            copied = end;
            shift +=
                change.replacement.len() as isize - change.at.len() as isize;
        }
        next.push_str(&text[copied..]);
        std::mem::swap(&mut text, &mut next);
        rest = after;
    }
    Some(text)
}

/// Where a change's replacement ends in the text just after it.
fn output_end(change: &Change) -> usize {
    change.at.start + change.replacement.len()
}
