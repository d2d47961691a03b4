use std::cell::{Cell, OnceCell};

use crate::{Block, Lines, Meta};

/// A stage's view of the document it cleans: the text, its line index,
/// the attributes of its blocks and its metadata.
///
/// The line index is built on first use and at most once per stage, and a
/// pipeline lends the buffers it is built in, so no stage splits lines
/// itself. [`blocks`](Doc::blocks) are in the coordinates of
/// [`text`](Doc::text): a pipeline moves them through every earlier
/// stage's edits.
///
/// ```
/// use textclean_core::{Block, BlockKind, Doc, Meta};
/// let blocks = [Block::new(0..5, BlockKind::Heading(1))];
/// let meta = Meta::default().with_language("en");
/// let doc = Doc::new("Title\n\nBody.\n").with_blocks(&blocks).with_meta(&meta);
/// assert_eq!(doc.lines().blocks().count(), 2);
/// assert_eq!(doc.block_at(2).map(|b| b.kind), Some(BlockKind::Heading(1)));
/// assert_eq!(doc.meta().language.as_deref(), Some("en"));
/// ```
pub struct Doc<'a> {
    text: &'a str,
    lines: OnceCell<Lines>,
    spare: Cell<Option<Lines>>,
    blocks: &'a [Block],
    meta: &'a Meta,
}

static NO_META: Meta = Meta { url: None, language: None };

impl std::fmt::Debug for Doc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Doc")
            .field("text", &self.text)
            .field("blocks", &self.blocks)
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

impl<'a> Doc<'a> {
    /// The view of `text` alone: no blocks, no metadata.
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc {
            text,
            lines: OnceCell::new(),
            spare: Cell::new(None),
            blocks: &[],
            meta: &NO_META,
        }
    }

    /// The same view with block attributes, in the coordinates of the
    /// text, ordered by span.
    pub fn with_blocks(mut self, blocks: &'a [Block]) -> Doc<'a> {
        self.blocks = blocks;
        self
    }

    /// The same view with metadata.
    pub fn with_meta(mut self, meta: &'a Meta) -> Doc<'a> {
        self.meta = meta;
        self
    }

    /// The same view, building its line index in the allocations of
    /// `lines` (from [`Doc::into_lines`] of an earlier view).
    pub fn reusing(self, lines: Lines) -> Doc<'a> {
        self.spare.set(Some(lines));
        self
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The lines and blocks of the text, indexed on first use.
    pub fn lines(&self) -> &Lines {
        self.lines.get_or_init(|| {
            Lines::reusing(self.text, self.spare.take().unwrap_or_default())
        })
    }

    /// The block attributes given from outside, in text order.
    pub fn blocks(&self) -> &'a [Block] {
        self.blocks
    }

    /// The given block that holds byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<&'a Block> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        self.blocks.get(i).filter(|b| b.span.start <= offset)
    }

    /// What is known about the document.
    pub fn meta(&self) -> &'a Meta {
        self.meta
    }

    /// The line index's allocations, to reuse for the next view.
    pub fn into_lines(self) -> Lines {
        match self.lines.into_inner() {
            Some(lines) => lines,
            None => self.spare.take().unwrap_or_default(),
        }
    }
}
