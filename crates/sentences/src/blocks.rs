//! Lines and blank-line separated blocks: every split of the text into
//! lines or blocks in this crate, for the repair rules and the splitter,
//! goes through here, so that a shared line index can replace this module.
//!
//! Two definitions of a blank line are in use: [`blocks`] trims Unicode
//! whitespace (a line of only U+00A0 is blank there), while the byte-level
//! scans ([`block_around`], [`blank_line_after`], [`is_blank_byte`]) see
//! only spaces, tabs and `\r`.

use std::ops::Range;

/// A non-blank line of a block: where its content starts and ends (without
/// the surrounding whitespace), and whether whitespace precedes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) indented: bool,
}

/// Calls `f` with the lines of each blank-line separated block, in order.
/// A line is blank when it is empty or only (Unicode) whitespace.
pub(crate) fn blocks(text: &str, mut f: impl FnMut(&[Line])) {
    let bytes = text.as_bytes();
    let mut lines: Vec<Line> = Vec::new();
    let mut at = 0;
    while at <= bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[at..])
            .map_or(bytes.len(), |k| at + k);
        let raw = &text[at..nl];
        let trimmed = raw.trim_start();
        let start = at + (raw.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if end == start {
            if !lines.is_empty() {
                f(&lines);
                lines.clear();
            }
        } else {
            lines.push(Line { start, end, indented: start > at });
        }
        at = nl + 1;
    }
    if !lines.is_empty() {
        f(&lines);
    }
}

/// Whether `b` may stand on a blank line, besides its `\n`: a space, a tab
/// or a `\r`.
pub(crate) fn is_blank_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// The block that holds `at`: from the `\n` that ends the blank line
/// before it (or the start of the text) to the start of the blank line
/// after it (or the end), blank meaning only [`is_blank_byte`]s.
pub(crate) fn block_around(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let blank = |line: &[u8]| line.iter().all(|&b| is_blank_byte(b));
    let mut start = 0;
    let mut line_end = at;
    let mut first = true;
    while let Some(nl) = memchr::memrchr(b'\n', &bytes[..line_end]) {
        if !first && blank(&bytes[nl + 1..line_end]) {
            start = line_end;
            break;
        }
        first = false;
        line_end = nl;
    }
    let mut end = bytes.len();
    let mut s = at;
    let mut first = true;
    loop {
        let e =
            memchr::memchr(b'\n', &bytes[s..]).map_or(bytes.len(), |k| s + k);
        if !first && blank(&bytes[s..e]) {
            end = s;
            break;
        }
        if e == bytes.len() {
            break;
        }
        first = false;
        s = e + 1;
    }
    start..end
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

/// Where the line that holds `at` starts.
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |nl| nl + 1)
}

/// The offsets of the `\n`s of `text`, in order.
pub(crate) fn newlines(text: &str) -> memchr::Memchr<'_> {
    memchr::memchr_iter(b'\n', text.as_bytes())
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
        blocks(text, |lines| {
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
    fn blank_means_unicode_whitespace_for_blocks_only() {
        // A line of no-break spaces separates blocks here, but not for
        // the byte-level scans.
        let text = "one\n\u{a0}\u{a0}\ntwo";
        assert_eq!(blocks_of(text).len(), 2);
        assert_eq!(block_around(text, 0), 0..text.len());
        assert_eq!(blank_line_after(text.as_bytes(), 3), None);
    }

    #[test]
    fn block_around_finds_the_paragraph() {
        let text = "a b\n\nc d\ne f\n \r\ng";
        let c = text.find('c').unwrap();
        let e = text.find('e').unwrap();
        for at in [c, e, e + 1] {
            assert_eq!(&text[block_around(text, at)], "\nc d\ne f\n");
        }
        assert_eq!(&text[block_around(text, 0)], "a b\n");
        assert_eq!(&text[block_around(text, text.len())], "\ng");
        assert_eq!(block_around("", 0), 0..0);
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
        let nls: Vec<usize> = newlines(text).collect();
        assert_eq!(nls, [5, 10]);
        assert_eq!(content_end(text.as_bytes(), 5), 2);
        assert_eq!(content_start(text.as_bytes(), 6), 8);
        assert_eq!(line_start(text, 9), 6);
        assert_eq!(line_start(text, 3), 0);
        assert_eq!(line_start(text, 12), 11);
    }
}
