use std::ops::Range;

use crate::Change;

/// Maps offsets in a text's output back to its input, and offsets in the
/// input forward to the output.
///
/// A span map is built from the changes of one stage
/// ([`SpanMap::from_changes`], or by [`Edits`](crate::Edits) as it goes) and
/// composed across stages ([`SpanMap::then`]), so that any offset in the
/// final output of a pipeline maps back to the original input, and any
/// annotation of the original input (a block, an entity, a highlight)
/// projects forward onto the output.
///
/// Text that no change touched maps exactly. An offset inside replaced text
/// maps to the whole replaced span: [`to_source`] gives its start,
/// [`to_source_range`] widens a range to cover it; [`to_output`] and
/// [`to_output_range`] do the same the other way.
///
/// [`to_source`]: SpanMap::to_source
/// [`to_source_range`]: SpanMap::to_source_range
/// [`to_output`]: SpanMap::to_output
/// [`to_output_range`]: SpanMap::to_output_range
///
/// ```
/// use textclean_core::{Edits, Record, SpanMap};
///
/// let input = "Hello\u{a0}world";
/// let mut edits = Edits::new("demo", input, Record::Changes);
/// edits.replace(5..7, " ", "space.nbsp");
/// let done = edits.finish();
/// let map = SpanMap::from_changes(&done.changes);
/// // "world" starts at 6 in the output and at 7 in the input.
/// assert_eq!(map.to_source_range(6..11), 7..12);
/// assert_eq!(&input[map.to_source_range(6..11)], "world");
/// // And forward: "world" at 7..12 in the input is 6..11 in the output.
/// assert_eq!(map.to_output_range(7..12), 6..11);
/// assert_eq!(&done.text[map.to_output_range(0..5)], "Hello");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanMap {
    /// Replaced regions, in order, non-overlapping on both sides.
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    source: Range<usize>,
    output: Range<usize>,
}

/// Which side of a piece an offset is given in.
#[derive(Clone, Copy)]
enum Side {
    Source,
    Output,
}

impl Piece {
    fn on(&self, side: Side) -> &Range<usize> {
        match side {
            Side::Source => &self.source,
            Side::Output => &self.output,
        }
    }
}

impl SpanMap {
    /// The map of a text that nothing changed.
    pub fn identity() -> Self {
        SpanMap::default()
    }

    /// True when every offset maps to itself.
    pub fn is_identity(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Adds a replaced region after those it holds.
    pub(crate) fn push(&mut self, source: Range<usize>, output: Range<usize>) {
        self.pieces.push(Piece { source, output });
    }

    /// The map of one stage, from its changes in input order (as
    /// [`Edits`](crate::Edits) records them).
    pub fn from_changes(changes: &[Change]) -> Self {
        let mut pieces = Vec::with_capacity(changes.len());
        let mut shift: isize = 0;
        for change in changes {
            let start = change.span.start.wrapping_add_signed(shift);
            let end = start + change.replacement.len();
            pieces.push(Piece {
                source: change.span.clone(),
                output: start..end,
            });
            shift +=
                change.replacement.len() as isize - change.span.len() as isize;
        }
        SpanMap { pieces }
    }

    /// Where the output text that starts at `offset` starts in the input.
    ///
    /// An offset inside replaced text maps to the start of what it replaced;
    /// an offset just after removed text maps to just after it.
    pub fn to_source(&self, offset: usize) -> usize {
        latest(&self.pieces, offset, Side::Output, Side::Source)
    }

    /// The input span that produced the output span `range`: exact where no
    /// change touched it, widened to whole replaced spans where one did.
    pub fn to_source_range(&self, range: Range<usize>) -> Range<usize> {
        map_range(&self.pieces, range, Side::Output, Side::Source)
    }

    /// Where the input text that starts at `offset` starts in the output.
    ///
    /// An offset inside replaced text maps to the start of its replacement;
    /// an offset just after it, to just after the replacement.
    pub fn to_output(&self, offset: usize) -> usize {
        latest(&self.pieces, offset, Side::Source, Side::Output)
    }

    /// The output span that the input span `range` became: exact where no
    /// change touched it, widened to whole replacements where one did, and
    /// empty where all of it was removed.
    ///
    /// ```
    /// use textclean_core::{Edits, Record};
    /// let mut edits = Edits::new("demo", "keep DROP keep", Record::Changes);
    /// edits.delete(5..10, "demo.drop");
    /// let done = edits.finish();
    /// assert_eq!(done.map.to_output_range(10..14), 5..9);
    /// assert!(done.map.to_output_range(5..9).is_empty());
    /// ```
    pub fn to_output_range(&self, range: Range<usize>) -> Range<usize> {
        map_range(&self.pieces, range, Side::Source, Side::Output)
    }

    /// Composes two maps: `self` maps a text's output to its input, `next`
    /// maps a later output to that text. The result maps the later output
    /// straight to the first input.
    ///
    /// ```
    /// use textclean_core::{Change, SpanMap};
    /// let change = |span: std::ops::Range<usize>, with: &str| Change {
    ///     stage: "demo",
    ///     rule: "demo.rule",
    ///     at: span.clone(),
    ///     span,
    ///     replacement: with.into(),
    /// };
    /// // "abc" -> "xbc" -> "xbcd"
    /// let first = SpanMap::from_changes(&[change(0..1, "x")]);
    /// let second = SpanMap::from_changes(&[change(3..3, "d")]);
    /// let both = first.then(&second);
    /// assert_eq!(both.to_source_range(1..3), 1..3);
    /// assert_eq!(both.to_source_range(0..1), 0..1);
    /// ```
    pub fn then(&self, next: &SpanMap) -> SpanMap {
        if self.is_identity() {
            return next.clone();
        }
        if next.is_identity() {
            return self.clone();
        }
        // Regions of the middle text that either map changed, merged where
        // they overlap or touch, so that no piece of either map straddles a
        // merged region's boundary.
        let mut regions: Vec<Range<usize>> = self
            .pieces
            .iter()
            .map(|p| p.output.clone())
            .chain(next.pieces.iter().map(|p| p.source.clone()))
            .collect();
        regions.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(regions.len());
        for region in regions {
            match merged.last_mut() {
                Some(last) if region.start <= last.end => {
                    last.end = last.end.max(region.end);
                }
                _ => merged.push(region),
            }
        }
        let pieces = merged
            .into_iter()
            .map(|mid| Piece {
                source: earliest(
                    &self.pieces,
                    mid.start,
                    Side::Output,
                    Side::Source,
                )
                    ..latest(
                        &self.pieces,
                        mid.end,
                        Side::Output,
                        Side::Source,
                    ),
                output: earliest(
                    &next.pieces,
                    mid.start,
                    Side::Source,
                    Side::Output,
                )
                    ..latest(
                        &next.pieces,
                        mid.end,
                        Side::Source,
                        Side::Output,
                    ),
            })
            .collect();
        SpanMap { pieces }
    }
}

/// Maps `range` from side `from` to side `to`: its start as late and its end
/// as early as they fit, so that a range widens only over pieces it touches.
fn map_range(
    pieces: &[Piece],
    range: Range<usize>,
    from: Side,
    to: Side,
) -> Range<usize> {
    let start = latest(pieces, range.start, from, to);
    if range.is_empty() {
        return start..start;
    }
    let end = earliest(pieces, range.end, from, to);
    start..end.max(start)
}

/// Maps `at` from side `from` to side `to`, taking the latest position where
/// several fit: inside a piece, its start; at a piece's end (or at a removal),
/// after it.
fn latest(pieces: &[Piece], at: usize, from: Side, to: Side) -> usize {
    let i = pieces.partition_point(|p| p.on(from).end <= at);
    if let Some(p) = pieces.get(i) {
        if p.on(from).start < at {
            return p.on(to).start;
        }
    }
    match i.checked_sub(1).map(|i| &pieces[i]) {
        Some(p) => p.on(to).end + (at - p.on(from).end),
        None => at,
    }
}

/// Maps `at` from side `from` to side `to`, taking the earliest position
/// where several fit: inside a piece, its end; at a piece's start (or at a
/// removal), before it.
fn earliest(pieces: &[Piece], at: usize, from: Side, to: Side) -> usize {
    let j = pieces.partition_point(|p| p.on(from).start < at);
    match j.checked_sub(1).map(|j| &pieces[j]) {
        Some(p) if p.on(from).end >= at => p.on(to).end,
        Some(p) => p.on(to).end + (at - p.on(from).end),
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Edits, Record};
    use proptest::prelude::*;

    /// One stage's random edits over `text`, as (span, replacement).
    fn edit_plan() -> impl Strategy<Value = Vec<(usize, usize, String)>> {
        proptest::collection::vec((0usize..30, 0usize..4, "[x-z]{0,3}"), 0..6)
    }

    /// Applies a plan to `text` (ASCII, so every offset is a boundary) and
    /// tracks, for each output byte, the original offset it was copied
    /// from, if it was copied and not written by an edit.
    fn apply(
        text: &str,
        origin: &[Option<usize>],
        plan: &[(usize, usize, String)],
    ) -> (String, Vec<Option<usize>>, SpanMap) {
        let mut starts: Vec<_> = plan.to_vec();
        starts.sort_by_key(|p| p.0);
        let mut edits = Edits::new("t", text, Record::Changes);
        let mut new_origin = Vec::new();
        let mut at = 0;
        for (start, len, with) in starts {
            let start = start.min(text.len());
            if start < at {
                continue;
            }
            let end = (start + len).min(text.len());
            if text[start..end] == with {
                continue;
            }
            new_origin.extend_from_slice(&origin[at..start]);
            new_origin.extend(std::iter::repeat_n(None, with.len()));
            edits.replace(start..end, &with, "t.rule");
            at = end;
        }
        new_origin.extend_from_slice(&origin[at..]);
        let done = edits.finish();
        let map = SpanMap::from_changes(&done.changes);
        (done.text.into_owned(), new_origin, map)
    }

    #[test]
    fn identity_maps_to_itself() {
        let map = SpanMap::identity();
        assert_eq!(map.to_source(7), 7);
        assert_eq!(map.to_source_range(2..5), 2..5);
    }

    #[test]
    fn removal_maps_around_the_removed_text() {
        // "ab--cd" -> "abcd"
        let map = SpanMap::from_changes(&[Change {
            stage: "t",
            rule: "t.rule",
            span: 2..4,
            at: 2..4,
            replacement: String::new(),
        }]);
        assert_eq!(
            map.to_source(2),
            4,
            "text after the removal starts after it"
        );
        assert_eq!(
            map.to_source_range(0..2),
            0..2,
            "text before ends before it"
        );
        assert_eq!(
            map.to_source_range(1..3),
            1..5,
            "a range across it covers it"
        );
    }

    proptest! {
        #[test]
        fn three_stages_compose(
            text in "[a-f]{0,30}",
            plans in proptest::collection::vec(edit_plan(), 3),
        ) {
            let mut current = text.clone();
            let mut origin: Vec<Option<usize>> = (0..text.len()).map(Some).collect();
            let mut composed = SpanMap::identity();
            for plan in &plans {
                let (next, next_origin, map) = apply(&current, &origin, plan);
                composed = composed.then(&map);
                current = next;
                origin = next_origin;
            }
            // Copied bytes map exactly, alone and as ranges.
            for (at, from) in origin.iter().enumerate() {
                if let Some(from) = from {
                    prop_assert_eq!(composed.to_source(at), *from);
                    prop_assert_eq!(composed.to_source_range(at..at + 1), *from..*from + 1);
                }
            }
            // Monotonic, and within the input.
            let mut last = 0;
            for at in 0..=current.len() {
                let to = composed.to_source(at);
                prop_assert!(to >= last && to <= text.len());
                last = to;
            }
            // Forward: every copied byte maps to where it went.
            for (at, from) in origin.iter().enumerate() {
                if let Some(from) = from {
                    prop_assert_eq!(composed.to_output(*from), at);
                    prop_assert_eq!(composed.to_output_range(*from..*from + 1), at..at + 1);
                }
            }
            let mut last = 0;
            for at in 0..=text.len() {
                let to = composed.to_output(at);
                prop_assert!(to >= last && to <= current.len());
                last = to;
            }
            // Any range covers the origins of the bytes it holds.
            for start in 0..current.len() {
                for end in start + 1..=current.len() {
                    let source = composed.to_source_range(start..end);
                    prop_assert!(source.start <= source.end && source.end <= text.len());
                    for from in origin[start..end].iter().flatten() {
                        prop_assert!(source.contains(from));
                    }
                }
            }
        }
    }
}
