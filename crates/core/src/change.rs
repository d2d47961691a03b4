use std::ops::Range;

/// One edit made by a stage: which rule replaced which bytes of its input
/// with what.
///
/// Removing text is a change whose replacement is empty; inserting text is a
/// change whose span is empty. The span is in byte offsets of the input the
/// stage saw; a pipeline's report maps it back to the original input.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    /// The stage that made the change, such as `unicode`.
    pub stage: &'static str,
    /// The rule that made it: a stable, documented name such as
    /// `mojibake.cp1252` or `boilerplate.phrase`.
    pub rule: &'static str,
    /// The bytes of the input that were replaced.
    pub span: Range<usize>,
    /// What they were replaced with.
    pub replacement: String,
}

impl Change {
    /// The replaced text, given the input the span refers to.
    ///
    /// Returns an empty string when the span does not fit `input`.
    ///
    /// ```
    /// use textclean_core::Change;
    /// let change = Change {
    ///     stage: "demo",
    ///     rule: "demo.upper",
    ///     span: 0..2,
    ///     replacement: "HI".into(),
    /// };
    /// assert_eq!(change.original("hi there"), "hi");
    /// ```
    pub fn original<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.span.clone()).unwrap_or("")
    }
}
