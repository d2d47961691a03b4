//! textclean turns messy real-world text into clean text: pages scraped
//! from the web, text pulled out of PDFs, corpora gathered for search, RAG
//! and language-model training.
//!
//! It chains stages into a [`Pipeline`]:
//!
//! - [`unicode`]: repairs mojibake, decodes HTML entities, removes control
//!   and invisible characters, normalizes spaces, line breaks and NFC;
//! - [`boilerplate`]: removes ad markers, comment forms, share widgets,
//!   cookie banners and navigation from extracted page text;
//! - [`sentences`]: repairs glued sentences and lost periods, unwraps
//!   hard-wrapped lines, and splits text into sentences;
//! - [`Layout`], first and last: `\n` line endings and no trailing spaces
//!   before any stage runs; one blank line between paragraphs and one final
//!   newline at the end.
//!
//! # Example
//!
//! ```
//! let page = "How It Works\n\nAdvertisements\n\nThe engine is fast\u{a0}and \
//!             small, and it cleans text in one pass over the inputIt also \
//!             explains every change it makes\n\nLeave a Reply\n";
//! assert_eq!(
//!     textclean::clean(page),
//!     "How It Works\n\nThe engine is fast and small, and it cleans text in \
//!      one pass over the input. It also explains every change it makes.\n"
//! );
//! ```
//!
//! Pipelines come from a [`Preset`], a [`PipelineBuilder`] or a
//! [`Config`] in TOML or JSON (a preset with overrides, or stages listed);
//! a [`Registry`] maps the stage kinds a configuration names to their code,
//! your own included. [`Pipeline::explain`] reports every change with its
//! rule and its span in the original input, replayable in order;
//! [`Pipeline::run_document`] carries a [`Document`]'s block attributes and
//! metadata through every stage; [`Pipeline::clean_batch`] cleans many
//! documents in parallel. Your own [`Stage`] fits in any pipeline.
//!
//! # Languages
//!
//! Every per-language datum the stages use is one [`LanguagePack`], keyed
//! by language code and shipped as data (`crates/core/lang/<code>/`):
//! English, German, French and Spanish (English alone has a word list).
//! A pipeline has a default language (`language = "en"`
//! in a configuration); a [`Document`] may name its own
//! ([`Meta::language`]); `language = "auto"` detects each document's with
//! [`detect_language`]. See [`PipelineLanguage`].
//!
//! # Performance
//!
//! Every stage checks cheaply before it works, so clean text passes nearly
//! for free and comes back borrowed; see `benches/` and the README for
//! measured throughput.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod config;
mod language;
mod layout;
mod pipeline;
mod registry;

use std::sync::OnceLock;

pub use config::{Config, LayoutMode, Preset, StageConfig};
pub use language::{PipelineLanguage, detect_language};
pub use layout::Layout;
pub use pipeline::{Pipeline, PipelineBuilder, Report};
pub use registry::{Registry, Settings};
pub use textclean_boilerplate as boilerplate;
pub use textclean_core::{
    Block, BlockKind, Change, CharIndex, Doc, Document, Edits, Error,
    ErrorKind, Judgement, LanguageLists, LanguagePack, Lines, Meta, Record,
    Rewritten, SpanMap, Stage, Stats, replay,
};
pub use textclean_sentences as sentences;
pub use textclean_unicode as unicode;

/// Cleans `text` with the default (`web`) pipeline.
///
/// The pipeline is built once, on first use.
///
/// ```
/// assert_eq!(textclean::clean("caf\u{e9}\r\n"), "caf\u{e9}\n");
/// ```
pub fn clean(text: &str) -> String {
    static WEB: OnceLock<Pipeline> = OnceLock::new();
    WEB.get_or_init(Pipeline::default).clean(text).into_owned()
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Pipeline>();
        assert_send_sync::<crate::PipelineBuilder>();
        assert_send_sync::<crate::Report>();
        assert_send_sync::<crate::Config>();
        assert_send_sync::<crate::Error>();
        assert_send_sync::<crate::Registry>();
        assert_send_sync::<crate::PipelineLanguage>();
    }
}

/// The README's examples, run as doc tests so they cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
