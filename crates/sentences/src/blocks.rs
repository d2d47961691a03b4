//! Lines and blank-line separated blocks, as the repair rules read them
//! from the shared line index ([`Lines`], built once per stage by the
//! pipeline), plus the byte-level helpers around one line.
//!
//! A line is blank when it is empty or only Unicode whitespace, as the
//! index has it; [`blank_line_after`] (for the splitter, which works on a
//! bare `&str`) sees only spaces, tabs and `\r`.

use textclean_core::Lines;

/// A line of a block: its content span, and whether it is indented.
pub(crate) use textclean_core::wrap::BlockLine as Line;

/// Calls `f` with the lines of each blank-line separated block, in order.
pub(crate) fn blocks(text: &str, index: &Lines, mut f: impl FnMut(&[Line])) {
    let mut lines: Vec<Line> = Vec::new();
    for block in index.blocks() {
        lines.clear();
        lines.extend(block.map(|i| Line::new(text, index.get(i))));
        f(&lines);
    }
}

/// The offsets of the `\n`s of the text, in order.
pub(crate) fn newlines(index: &Lines) -> impl Iterator<Item = usize> + '_ {
    (0..index.len()).filter_map(|i| {
        let line = index.get(i);
        (index.with_newline(i).end > line.end).then_some(line.end)
    })
}

/// Whether `b` may stand on a blank line, besides its `\n`: a space, a tab
/// or a `\r`.
pub(crate) fn is_blank_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// When the line after the `\n` at `nl` is blank (only
/// [`is_blank_byte`]s) and ends in a `\n`, the offset of that `\n`.
pub(crate) fn blank_line_after(bytes: &[u8], nl: usize) -> Option<usize> {
    let mut j = nl + 1;
    while j < bytes.len() && is_blank_byte(bytes[j]) {
        j += 1;
    }
    (j < bytes.len() && bytes[j] == b'\n').then_some(j)
}

/// Where the content of the line that ends at the `\n` at `nl` ends:
/// before its trailing [`is_blank_byte`]s.
pub(crate) fn content_end(bytes: &[u8], nl: usize) -> usize {
    let mut e = nl;
    while e > 0 && is_blank_byte(bytes[e - 1]) {
        e -= 1;
    }
    e
}

/// Where the content of a line that starts at `start` starts: after its
/// leading spaces and tabs.
pub(crate) fn content_start(bytes: &[u8], start: usize) -> usize {
    let mut s = start;
    while s < bytes.len() && matches!(bytes[s], b' ' | b'\t') {
        s += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(text: &str) -> Vec<Vec<(&str, bool)>> {
        let mut out = Vec::new();
        blocks(text, &Lines::new(text), |lines| {
            out.push(
                lines
                    .iter()
                    .map(|l| (&text[l.start..l.end], l.indented))
                    .collect(),
            )
        });
        out
    }

    #[test]
    fn blocks_are_separated_by_blank_lines() {
        let text = "Title\n\n  one line \r\nand two\n \t\r\n\nlast";
        assert_eq!(
            blocks_of(text),
            [
                vec![("Title", false)],
                vec![("one line", true), ("and two", false)],
                vec![("last", false)],
            ]
        );
        assert!(blocks_of("").is_empty());
        assert!(blocks_of("\n \n").is_empty());
    }

    #[test]
    fn blank_means_unicode_whitespace_but_for_the_splitter() {
        // A line of no-break spaces separates blocks, but not for the
        // splitter's byte-level scan.
        let text = "one\n\u{a0}\u{a0}\ntwo";
        assert_eq!(blocks_of(text).len(), 2);
        assert_eq!(blank_line_after(text.as_bytes(), 3), None);
    }

    #[test]
    fn blank_line_after_a_newline() {
        let bytes = b"a\n \t\r\nb\nc\n \n";
        assert_eq!(blank_line_after(bytes, 1), Some(5));
        assert_eq!(blank_line_after(bytes, 7), None);
        assert_eq!(blank_line_after(bytes, 9), Some(11));
        // A blank last line without its `\n` does not count.
        assert_eq!(blank_line_after(b"a\n  ", 1), None);
    }

    #[test]
    fn line_helpers() {
        let text = "ab \t\r\n\t cd\nef";
        let nls: Vec<usize> = newlines(&Lines::new(text)).collect();
        assert_eq!(nls, [5, 10]);
        assert_eq!(content_end(text.as_bytes(), 5), 2);
        assert_eq!(content_start(text.as_bytes(), 6), 8);
    }
}
