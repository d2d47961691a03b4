use std::ops::Range;

/// How a stage that decides by score judged one part of a document (a
/// block, say), removed or kept: what a user reads to see why, and tunes
/// thresholds with. Stages report them through
/// [`Stage::judge`](crate::Stage::judge); most stages have none.
///
/// ```
/// use textclean_core::Judgement;
/// let j = Judgement {
///     stage: "boilerplate",
///     rule: "boilerplate.block",
///     span: 0..5,
///     score: -2.5,
///     removed: true,
///     kept_by: None,
///     features: vec![("words", 1.0)],
/// };
/// assert_eq!(j.feature("words"), Some(1.0));
/// assert_eq!(j.feature("links"), None);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// The stage that judged, such as `boilerplate`.
    pub stage: &'static str,
    /// The rule whose decision it is, such as `boilerplate.block`.
    pub rule: &'static str,
    /// The bytes judged, in the input that was cleaned (as
    /// [`Change::span`](crate::Change::span)).
    pub span: Range<usize>,
    /// The score the decision compared with the stage's threshold.
    pub score: f32,
    /// Whether the stage removed or changed the part.
    pub removed: bool,
    /// The rule that kept the part whatever its score, when one did (a
    /// safety rule, such as the boilerplate stage's `prose`).
    pub kept_by: Option<&'static str>,
    /// The numbers the score was computed from, by name.
    pub features: Vec<(&'static str, f32)>,
}

impl Judgement {
    /// The value of the feature named `name`.
    pub fn feature(&self, name: &str) -> Option<f32> {
        self.features.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
    }
}
