use std::cell::{Cell, OnceCell};

use crate::{Block, LanguagePack, Lines, Meta};

/// A stage's view of the document it cleans: the text, its line index,
/// the attributes of its blocks, its metadata and its language.
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
/// assert_eq!(doc.language().map(|p| p.code()), Some("en"));
/// ```
pub struct Doc<'a> {
    text: &'a str,
    lines: OnceCell<Lines>,
    spare: Cell<Option<Lines>>,
    blocks: &'a [Block],
    meta: &'a Meta,
    language: Option<&'a LanguagePack>,
}

static NO_META: Meta = Meta { url: None, language: None };

impl std::fmt::Debug for Doc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Doc")
            .field("text", &self.text)
            .field("blocks", &self.blocks)
            .field("meta", &self.meta)
            .field("language", &self.language().map(LanguagePack::code))
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
            language: None,
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

    /// The same view with the language pack of documents that do not name
    /// a shipped one in their [`Meta`]: a pipeline sets its default
    /// language here, or the language it detected in the document.
    pub fn with_language(mut self, pack: &'a LanguagePack) -> Doc<'a> {
        self.language = Some(pack);
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

    /// The document's language pack: the shipped pack of the code in
    /// [`meta`](Doc::meta) when there is one (`en`, `en-GB`), else the one
    /// given with [`with_language`](Doc::with_language) (a pipeline's
    /// default, or what it detected), else none. Never allocates.
    ///
    /// ```
    /// use textclean_core::{Doc, LanguagePack, Meta};
    /// let en = LanguagePack::english();
    /// let meta = Meta::default().with_language("xx"); // no such pack
    /// let doc = Doc::new("Text.").with_meta(&meta);
    /// assert!(doc.language().is_none());
    /// let doc = doc.with_language(&en);
    /// assert_eq!(doc.language().unwrap().code(), "en");
    /// ```
    pub fn language(&self) -> Option<&'a LanguagePack> {
        self.meta
            .language
            .as_deref()
            .and_then(LanguagePack::shipped)
            .or(self.language)
    }

    /// The pack a stage built with `own` uses for this document: `own`,
    /// unless the document's [`language`](Doc::language) has another code,
    /// then that one. So a stage's own (perhaps customized) pack serves
    /// the documents in its language and those of unknown language.
    ///
    /// ```
    /// use textclean_core::{Doc, LanguageLists, LanguagePack, Meta};
    /// let mine = LanguagePack::from_lists("en", LanguageLists::EMPTY);
    /// let doc = Doc::new("Text.");
    /// assert!(!doc.language_for(&mine).is_shipped());
    /// let meta = Meta::default().with_language("en-US");
    /// assert!(!doc.with_meta(&meta).language_for(&mine).is_shipped());
    /// let nl = LanguagePack::from_lists("nl", LanguageLists::EMPTY);
    /// let doc = Doc::new("Tekst.").with_meta(&meta);
    /// assert_eq!(doc.language_for(&nl).code(), "en");
    /// ```
    pub fn language_for<'b>(&self, own: &'b LanguagePack) -> &'b LanguagePack
    where
        'a: 'b,
    {
        match self.language() {
            Some(pack) if pack.code() != own.code() => pack,
            _ => own,
        }
    }

    /// The line index's allocations, to reuse for the next view.
    pub fn into_lines(self) -> Lines {
        match self.lines.into_inner() {
            Some(lines) => lines,
            None => self.spare.take().unwrap_or_default(),
        }
    }
}
