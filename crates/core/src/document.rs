use std::ops::Range;
use std::sync::Arc;

/// What kind of block a span of text is, as a front end that saw the
/// source (an HTML parser, a PDF extractor, a JSONL field) tells it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// Nothing is known about it.
    #[default]
    Unknown,
    /// Running text.
    Paragraph,
    /// A heading, with its level (1 for `<h1>`).
    Heading(u8),
    /// One item of a list.
    ListItem,
    /// One cell of a table.
    TableCell,
    /// Preformatted text or code.
    Code,
    /// A quotation.
    Quote,
    /// A figure or table caption.
    Caption,
}

/// Attributes of one block of a document, supplied from outside the text.
///
/// A block's [`span`](Block::span) is in the text a stage sees: a pipeline
/// takes blocks in the coordinates of its input and carries them through
/// every stage's edits, so the last stage sees them where its text has them.
/// A block whose text was removed entirely is dropped.
///
/// ```
/// use textclean_core::{Block, BlockKind};
/// let block = Block::new(0..12, BlockKind::Heading(1)).with_link_bytes(0);
/// assert_eq!(block.kind, BlockKind::Heading(1));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Block {
    /// The bytes of the text the block covers.
    pub span: Range<usize>,
    /// Its kind.
    pub kind: BlockKind,
    /// How many of its bytes are the text of links (for link density).
    pub link_bytes: usize,
    /// A tag from the source, such as an HTML element's name or class.
    pub tag: Option<Arc<str>>,
}

impl Block {
    /// A block of `kind` over `span`, with no links and no tag.
    pub fn new(span: Range<usize>, kind: BlockKind) -> Block {
        Block { span, kind, link_bytes: 0, tag: None }
    }

    /// The same block with `bytes` of link text.
    pub fn with_link_bytes(mut self, bytes: usize) -> Block {
        self.link_bytes = bytes;
        self
    }

    /// The same block with a source tag.
    pub fn with_tag(mut self, tag: &str) -> Block {
        self.tag = Some(Arc::from(tag));
        self
    }
}

/// What is known about a document besides its text: where it came from and
/// its language.
///
/// ```
/// use textclean_core::Meta;
/// let meta = Meta::default().with_url("https://news.example.org/a/1?x=2");
/// assert_eq!(meta.host(), Some("news.example.org"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Meta {
    /// The address the document was fetched from.
    pub url: Option<String>,
    /// Its language code (such as `en`), when known.
    pub language: Option<String>,
}

impl Meta {
    /// The same metadata with a URL.
    pub fn with_url(mut self, url: &str) -> Meta {
        self.url = Some(url.to_owned());
        self
    }

    /// The same metadata with a language code.
    pub fn with_language(mut self, code: &str) -> Meta {
        self.language = Some(code.to_owned());
        self
    }

    /// The host part of the URL, lower-case as written: `example.org` of
    /// `https://user@example.org:8080/path`.
    pub fn host(&self) -> Option<&str> {
        let url = self.url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let authority = rest.split(['/', '?', '#']).next()?;
        let host = authority.rsplit('@').next()?;
        let host = match host.strip_prefix('[') {
            Some(v6) => v6.split(']').next()?,
            None => host.split(':').next()?,
        };
        (!host.is_empty()).then_some(host)
    }
}

/// A document to clean: its text, the attributes of its blocks, and its
/// metadata.
///
/// ```
/// use textclean_core::{Block, BlockKind, Document};
/// let text = "Title\n\nBody text.\n";
/// let doc = Document::new(text)
///     .with_blocks(vec![Block::new(0..5, BlockKind::Heading(1))])
///     .with_url("https://example.org/post");
/// assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
/// assert_eq!(doc.meta.host(), Some("example.org"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Document<'a> {
    /// The text.
    pub text: &'a str,
    /// Attributes of some of its blocks, ordered by span, not overlapping.
    pub blocks: Vec<Block>,
    /// What is known about it.
    pub meta: Meta,
}

impl<'a> Document<'a> {
    /// A document of `text` alone.
    pub fn new(text: &'a str) -> Document<'a> {
        Document { text, blocks: Vec::new(), meta: Meta::default() }
    }

    /// The same document with block attributes.
    pub fn with_blocks(mut self, blocks: Vec<Block>) -> Document<'a> {
        self.blocks = blocks;
        self
    }

    /// The same document with a URL.
    pub fn with_url(mut self, url: &str) -> Document<'a> {
        self.meta = self.meta.with_url(url);
        self
    }

    /// The same document with a language code.
    pub fn with_language(mut self, code: &str) -> Document<'a> {
        self.meta = self.meta.with_language(code);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let host = |url: &str| {
            Meta::default().with_url(url).host().map(str::to_owned)
        };
        assert_eq!(host("http://a.b/c").as_deref(), Some("a.b"));
        assert_eq!(host("a.b/c").as_deref(), Some("a.b"));
        assert_eq!(host("https://u:p@a.b:80#x").as_deref(), Some("a.b"));
        assert_eq!(host("http://[::1]:8080/").as_deref(), Some("::1"));
        assert_eq!(host("file:///etc/x"), None);
        assert_eq!(Meta::default().host(), None);
    }
}
