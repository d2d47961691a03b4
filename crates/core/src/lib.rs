//! The shared vocabulary of textclean: what every stage speaks.
//!
//! A [`Stage`] reads a [`Doc`]: the text, its [`Lines`] (indexed once, on
//! first use), the [`Block`] attributes a front end supplied and the
//! document's [`Meta`]. It writes its output through an [`Edits`] builder,
//! which makes the output (in a buffer the pipeline lends) and, only when
//! asked, the list of [`Change`]s and the [`SpanMap`] in one pass. Span maps
//! go both ways (output to source, source to output) and compose across
//! stages; [`CharIndex`] turns their byte offsets into character offsets;
//! [`replay`] applies a report's changes to get its output again. [`Stats`]
//! counts changes per rule, and [`Error`] says what is wrong with a
//! configuration. A [`LanguagePack`] holds every per-language datum the
//! stages use (word lists, abbreviations, sentence terminators,
//! boilerplate phrases, stopwords), shipped as data in `lang/<code>/`;
//! [`Doc::language`] says which one a document is in.
//!
//! # Design: how an HTML front end fits
//!
//! A front stage that parses HTML hands over plain text plus
//! [`Document::blocks`]: one [`Block`] per block element, with its kind
//! (heading, list item, table cell), the bytes of link text inside it and a
//! tag. The pipeline moves those spans through each stage's span map
//! ([`SpanMap::to_output_range`]), so every stage sees them in its own
//! coordinates. The front end keeps its own map from text offsets to HTML
//! byte offsets (the text it emits is a sequence of copied runs of the
//! HTML's text nodes and inserted separators: exactly what a `SpanMap`
//! describes), and composing it with the pipeline's map
//! ([`SpanMap::then`]) takes any offset of the clean text back to the HTML
//! bytes.
//!
//! This crate holds the vocabulary and nothing else; the stages live in
//! `textclean-unicode`, `textclean-boilerplate` and `textclean-sentences`,
//! and the facade crate `textclean` chains them into pipelines.
//!
//! # Example
//!
//! A stage that turns runs of `!!` into one `!`:
//!
//! ```
//! use textclean_core::{Doc, Edits, Record, Stage};
//!
//! struct Calm;
//!
//! impl Stage for Calm {
//!     fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
//!         let text = doc.text();
//!         for (at, _) in text.match_indices("!!") {
//!             edits.replace(at..at + 2, "!", "calm.bang");
//!         }
//!     }
//! }
//!
//! assert_eq!(Calm.clean("Wow!! Great!!"), "Wow! Great!");
//! // Clean input comes back borrowed: nothing was copied.
//! assert!(matches!(Calm.clean("Fine."), std::borrow::Cow::Borrowed(_)));
//!
//! let done = Calm.run("Hi!!", Record::Changes);
//! assert_eq!(done.changes[0].rule, "calm.bang");
//! assert_eq!(done.changes[0].span, 2..4);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod change;
mod chars;
mod doc;
mod document;
mod edits;
mod error;
mod judgement;
mod lang;
pub mod letters;
mod lines;
mod span;
mod stage;
mod stats;
mod word_set;
pub mod wrap;

pub use change::{Change, replay};
pub use chars::CharIndex;
pub use doc::Doc;
pub use document::{Block, BlockKind, Document, Meta};
pub use edits::{Edits, Record, Rewritten};
pub use error::{Error, ErrorKind};
pub use judgement::Judgement;
pub use lang::{LanguageLists, LanguagePack, Terminators};
pub use lines::{Lines, Newlines, newlines};
pub use span::SpanMap;
pub use stage::Stage;
pub use stats::Stats;

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Change>();
        assert_send_sync::<crate::Edits<'static>>();
        assert_send_sync::<crate::Document<'static>>();
        assert_send_sync::<crate::Error>();
        assert_send_sync::<crate::LanguagePack>();
        assert_send_sync::<crate::Lines>();
        assert_send_sync::<crate::Rewritten<'static>>();
        assert_send_sync::<crate::SpanMap>();
        assert_send_sync::<crate::Stats>();
        assert_send_sync::<Box<dyn crate::Stage>>();
    }
}
