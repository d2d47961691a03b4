//! Line and column numbers of byte offsets, in one forward pass.
//!
//! `--explain` names each change by the line and column where it starts in
//! the original input. Rescanning the text from its start for every change
//! is quadratic: seconds on a page of a few megabytes with thousands of
//! changes. [`line_columns`] sorts the offsets (the stages report their
//! changes in stage order, not in offset order) and walks the text once, so
//! every byte is scanned at most twice: once for line breaks (with `memchr`)
//! and once when counting the characters of a column. The cost is linear in
//! the text, plus `n log n` in the number of offsets.

use memchr::memchr_iter;

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The line: 1 plus the number of `\n` before the offset.
    pub line: usize,
    /// The column: 1 plus the number of characters between the start of
    /// the line and the offset.
    pub column: usize,
}

/// The positions of `offsets` in `text`, in the order of `offsets`.
///
/// An offset past the end of `text` counts as its end, and one inside a
/// character as the start of that character.
pub fn line_columns(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut positions = vec![Position { line: 1, column: 1 }; offsets.len()];
    let mut cursor = Cursor::new(text);
    for i in order {
        positions[i] = cursor.seek(offsets[i]);
    }
    positions
}

/// Walks forward through a text, knowing the line and column where it
/// stands.
struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    position: Position,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Cursor<'a> {
        Cursor { text, offset: 0, position: Position { line: 1, column: 1 } }
    }

    /// Moves to `offset` and says where that is. Moving forward costs the
    /// bytes passed over; moving back starts again from the beginning (which
    /// [`line_columns`] never needs, as it seeks in sorted order).
    fn seek(&mut self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        if offset < self.offset {
            *self = Cursor::new(self.text);
        }
        let passed = &self.text[self.offset..offset];
        let mut breaks = 0;
        let mut last = None;
        for i in memchr_iter(b'\n', passed.as_bytes()) {
            breaks += 1;
            last = Some(i);
        }
        match last {
            Some(last) => {
                self.position.line += breaks;
                self.position.column = passed[last + 1..].chars().count() + 1;
            }
            None => self.position.column += passed.chars().count(),
        }
        self.offset = offset;
        self.position
    }
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The obvious computation, rescanning from the start.
    fn naive(text: &str, offset: usize) -> Position {
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position { line, column: before[line_start..].chars().count() + 1 }
    }

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn counts_lines_and_characters() {
        let text = "h\u{e9}llo\nw\u{f6}rld \u{1f600}!\n\nend";
        // "h" "é" "llo" "\n" = bytes 0, 1..3, 3..6, 6
        let offsets = [0, 1, 3, 6, 7, 8, 10, 15, 18, 19, 20, 21];
        assert_eq!(
            line_columns(text, &offsets),
            [
                at(1, 1),
                at(1, 2),
                at(1, 3),
                at(1, 6),
                at(2, 1),
                at(2, 2),
                at(2, 3),
                at(2, 7),
                at(2, 8),
                at(2, 9),
                at(3, 1),
                at(4, 1),
            ]
        );
    }

    #[test]
    fn keeps_the_order_of_unsorted_offsets() {
        let text = "ab\ncd\nef";
        assert_eq!(
            line_columns(text, &[7, 0, 4, 4, 1]),
            [at(3, 2), at(1, 1), at(2, 2), at(2, 2), at(1, 2)]
        );
    }

    #[test]
    fn clamps_offsets_past_the_end_and_inside_characters() {
        let text = "a\u{e9}\n\u{20ac}";
        assert_eq!(
            line_columns(text, &[2, 100, 5, 3]),
            [at(1, 2), at(2, 2), at(2, 1), at(1, 3)]
        );
        assert_eq!(line_columns("", &[0, 3]), [at(1, 1), at(1, 1)]);
        assert_eq!(line_columns("x", &[]), []);
    }

    #[test]
    fn a_carriage_return_is_a_character_of_its_line() {
        assert_eq!(line_columns("a\r\nb", &[2, 3]), [at(1, 3), at(2, 1)]);
    }

    #[test]
    fn seeking_back_starts_again() {
        let mut cursor = Cursor::new("ab\ncd");
        assert_eq!(cursor.seek(4), at(2, 2));
        assert_eq!(cursor.seek(1), at(1, 2));
        assert_eq!(cursor.seek(5), at(2, 3));
    }

    proptest! {
        #[test]
        fn agrees_with_the_naive_computation(
            text in "[ab \u{e9}\u{20ac}\u{1f600}\r\n]{0,80}",
            offsets in proptest::collection::vec(0usize..340, 0..24),
        ) {
            let expected: Vec<Position> =
                offsets.iter().map(|&o| naive(&text, o)).collect();
            prop_assert_eq!(line_columns(&text, &offsets), expected);
        }
    }
}
