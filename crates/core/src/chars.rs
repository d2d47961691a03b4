/// Converts byte offsets of a text to character offsets and back, for
/// callers that count characters (Python, JavaScript's code points).
///
/// Built in one pass; it keeps the character count at every 256th byte, so
/// each conversion looks at fewer than 256 bytes. For ASCII text, offsets
/// are equal and nothing is stored.
///
/// ```
/// use textclean_core::CharIndex;
/// let text = "caf\u{e9} au lait";
/// let index = CharIndex::new(text);
/// assert_eq!(index.to_char(text.find("au").unwrap()), 5);
/// assert_eq!(index.to_byte(5), 6);
/// assert_eq!(index.to_char_range(6..8), 5..7);
/// ```
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Characters before each multiple of `STEP` bytes, when not ASCII.
    counts: Vec<usize>,
}

const STEP: usize = 256;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex { text, counts: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut counts = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(STEP) {
            counts.push(chars);
            chars += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        counts.push(chars);
        CharIndex { text, counts }
    }

    /// The number of characters before byte `offset` (clamped to the
    /// text; an offset inside a character counts that character as before).
    pub fn to_char(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if self.counts.is_empty() {
            return offset;
        }
        let block = offset / STEP;
        let from = block * STEP;
        let bytes = &self.text.as_bytes()[from..offset];
        self.counts[block]
            + bytes.iter().filter(|&&b| !is_continuation(b)).count()
    }

    /// The byte offset of character `index` (the text's length past its
    /// end).
    pub fn to_byte(&self, index: usize) -> usize {
        if self.counts.is_empty() {
            return index.min(self.text.len());
        }
        let block = self.counts.partition_point(|&c| c <= index) - 1;
        let mut chars = self.counts[block];
        let from = block * STEP;
        for (i, &b) in self.text.as_bytes()[from.min(self.text.len())..]
            .iter()
            .enumerate()
        {
            if !is_continuation(b) {
                if chars == index {
                    return from + i;
                }
                chars += 1;
            }
        }
        self.text.len()
    }

    /// [`to_char`](CharIndex::to_char) of both ends.
    pub fn to_char_range(
        &self,
        range: std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        self.to_char(range.start)..self.to_char(range.end)
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_char_indices(text in "[a\u{e9}\u{4e2d}\u{1f600}]{0,700}") {
            let index = CharIndex::new(&text);
            for (n, (at, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(index.to_char(at), n);
                prop_assert_eq!(index.to_byte(n), at);
            }
            let total = text.chars().count();
            prop_assert_eq!(index.to_char(text.len()), total);
            prop_assert_eq!(index.to_byte(total), text.len());
            prop_assert_eq!(index.to_byte(total + 5), text.len());
        }
    }
}
