use std::ops::Range;

/// The lines of a text, found once and shared by every rule of a stage.
///
/// A line is the text between two `\n` (a pipeline normalizes every other
/// line ending first); its range excludes the `\n`. A text that ends with
/// `\n` has no empty line after it. A *block* is a maximal run of lines that
/// are not blank (not empty, not only whitespace): a paragraph, a heading, a
/// list, as a scraper or a PDF extractor left them.
///
/// [`Doc::lines`](crate::Doc::lines) builds the index of a stage's input
/// on first use, with one `memchr` pass, so a stage that never asks pays
/// nothing.
///
/// ```
/// use textclean_core::Lines;
///
/// let text = "Title\n\nOne line\nand another\n";
/// let lines = Lines::new(text);
/// assert_eq!(lines.len(), 4);
/// assert_eq!(&text[lines.get(2)], "One line");
/// assert!(lines.is_blank(1));
/// let blocks: Vec<_> = lines.blocks().collect();
/// assert_eq!(blocks, [0..1, 2..4]);
/// assert_eq!(&text[lines.span(2..4)], "One line\nand another");
/// assert_eq!(lines.line_of(text.find("another").unwrap()), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    /// Where each line starts, then where the next would start.
    starts: Vec<usize>,
    /// One bit per line: blank or not.
    blank: Vec<u64>,
    /// The length of the text.
    len: usize,
}

impl Lines {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Lines {
        Lines::reusing(text, Lines::default())
    }

    /// Indexes the lines of `text`, reusing the allocations of `old`.
    pub fn reusing(text: &str, mut old: Lines) -> Lines {
        old.starts.clear();
        old.blank.clear();
        old.len = text.len();
        let bytes = text.as_bytes();
        let mut start = 0;
        for end in newlines(bytes) {
            old.push(start, &text[start..end]);
            start = end + 1;
        }
        if start < bytes.len() {
            old.push(start, &text[start..]);
        }
        // The sentinel: where a line after the last would start, as if the
        // text ended with a newline.
        let next = if start == bytes.len() { start } else { bytes.len() + 1 };
        old.starts.push(next);
        old
    }

    fn push(&mut self, start: usize, line: &str) {
        let i = self.starts.len();
        self.starts.push(start);
        if i % 64 == 0 {
            self.blank.push(0);
        }
        // Most lines start with a letter: blank only if the first byte that
        // is not ASCII whitespace starts a Unicode space (and only spaces
        // follow; `trim_start` stops at the first other character).
        let blank = match line.bytes().position(|b| !b.is_ascii_whitespace()) {
            None => true,
            Some(i) if line.as_bytes()[i] < 0x80 => false,
            Some(i) => line[i..].trim_start().is_empty(),
        };
        if blank {
            self.blank[i / 64] |= 1 << (i % 64);
        }
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// True for a text with no lines (the empty text).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The byte range of line `i`, without its `\n`.
    ///
    /// # Panics
    ///
    /// When `i` is not a line: `i >= self.len()`.
    pub fn get(&self, i: usize) -> Range<usize> {
        let end = (self.starts[i + 1] - 1).min(self.len);
        self.starts[i]..end
    }

    /// The byte range of line `i` with its `\n`, if it has one.
    pub fn with_newline(&self, i: usize) -> Range<usize> {
        self.starts[i]..self.starts[i + 1].min(self.len)
    }

    /// True when line `i` is empty or only whitespace.
    pub fn is_blank(&self, i: usize) -> bool {
        self.blank[i / 64] & (1 << (i % 64)) != 0
    }

    /// The byte range of every line, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Range<usize>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The line that holds byte `offset` (a `\n` belongs to the line it
    /// ends; the end of the text to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
            .min(self.len().saturating_sub(1))
    }

    /// The byte range from the start of the first line of `lines` to the
    /// end of its last, without the last `\n`.
    pub fn span(&self, lines: Range<usize>) -> Range<usize> {
        if lines.is_empty() {
            let at = self
                .starts
                .get(lines.start)
                .map_or(self.len, |&s| s.min(self.len));
            return at..at;
        }
        self.starts[lines.start]..self.get(lines.end - 1).end
    }

    /// The blocks: maximal runs of lines that are not blank, as ranges of
    /// line numbers.
    pub fn blocks(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < self.len() && self.is_blank(i) {
                i += 1;
            }
            if i == self.len() {
                return None;
            }
            let start = i;
            while i < self.len() && !self.is_blank(i) {
                i += 1;
            }
            Some(start..i)
        })
    }

    /// The block that holds line `i`, as a range of line numbers; empty
    /// (at `i`) when line `i` is blank.
    pub fn block_of(&self, i: usize) -> Range<usize> {
        if self.is_blank(i) {
            return i..i;
        }
        let mut start = i;
        while start > 0 && !self.is_blank(start - 1) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < self.len() && !self.is_blank(end) {
            end += 1;
        }
        start..end
    }
}

/// The offsets of the `\n` bytes of `bytes`, in order: `memchr`'s
/// vectorized search over long lines, with the next few bytes looked at
/// first, so that a run of short or blank lines (`\n` × 10 M) costs a
/// compare per byte rather than a search per line.
///
/// ```
/// let found: Vec<usize> = textclean_core::newlines(b"a\n\n\nlong line\n").collect();
/// assert_eq!(found, [1, 2, 3, 13]);
/// ```
pub fn newlines(bytes: &[u8]) -> Newlines<'_> {
    Newlines { bytes, at: 0 }
}

/// The iterator of [`newlines`].
#[derive(Clone, Debug)]
pub struct Newlines<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Iterator for Newlines<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        /// Bytes looked at one by one before the vectorized search.
        const NEAR: usize = 8;
        let rest = self.bytes.get(self.at..)?;
        let near = &rest[..rest.len().min(NEAR)];
        let i = match near.iter().position(|&b| b == b'\n') {
            Some(i) => i,
            None if rest.len() > NEAR => {
                NEAR + memchr::memchr(b'\n', &rest[NEAR..])?
            }
            None => {
                self.at = self.bytes.len();
                return None;
            }
        };
        let hit = self.at + i;
        self.at = hit + 1;
        Some(hit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_and_edge_cases() {
        assert!(Lines::new("").is_empty());
        assert_eq!(Lines::new("\n").len(), 1);
        assert!(Lines::new("\n").is_blank(0));
        let text = "a\n\nb";
        let lines = Lines::new(text);
        assert_eq!(lines.iter().collect::<Vec<_>>(), [0..1, 2..2, 3..4]);
        assert_eq!(lines.with_newline(0), 0..2);
        assert_eq!(lines.with_newline(2), 3..4);
        assert_eq!(lines.line_of(4), 2);
        assert_eq!(lines.block_of(1), 1..1);
        assert_eq!(lines.block_of(2), 2..3);
        assert!(Lines::new(" \u{a0}\t\nx").is_blank(0));
    }

    #[test]
    fn more_than_64_lines() {
        let text = "x\n\n".repeat(100);
        let lines = Lines::new(&text);
        assert_eq!(lines.len(), 200);
        assert_eq!(lines.blocks().count(), 100);
        assert!(lines.is_blank(199) && !lines.is_blank(198));
    }

    proptest! {
        #[test]
        fn agrees_with_split(text in "[ab \n\u{e9}]{0,80}") {
            let lines = Lines::new(&text);
            let mut expected: Vec<&str> = text.split('\n').collect();
            if text.ends_with('\n') || text.is_empty() {
                expected.pop();
            }
            let got: Vec<&str> = lines.iter().map(|r| &text[r]).collect();
            prop_assert_eq!(&got, &expected);
            for (i, line) in expected.iter().enumerate() {
                prop_assert_eq!(lines.is_blank(i), line.trim().is_empty());
                let range = lines.get(i);
                for at in range.start..=range.end {
                    prop_assert_eq!(lines.line_of(at), i);
                }
                let block = lines.block_of(i);
                prop_assert!(block.is_empty() || block.contains(&i));
            }
            let reused = Lines::reusing(&text, Lines::new("q\nq\n"));
            prop_assert_eq!(reused, lines.clone());
            for block in lines.blocks() {
                prop_assert_eq!(lines.block_of(block.start), block.clone());
            }
        }
    }
}
