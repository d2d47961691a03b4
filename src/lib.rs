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
//! - [`Layout`], always last: `\n` line endings, no trailing spaces, one
//!   blank line between paragraphs, one final newline.
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
//! Pipelines come from a [`Preset`], a [`PipelineBuilder`] or a TOML
//! [`Config`]; [`Pipeline::explain`] reports every change with its rule and
//! its span in the original input, and [`Pipeline::clean_batch`] cleans many
//! documents in parallel. Your own [`Stage`] fits in any pipeline.
//!
//! # Performance
//!
//! Every stage checks cheaply before it works, so clean text passes nearly
//! for free and comes back borrowed; see `benches/` and the README for
//! measured throughput.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod config;
mod error;
mod layout;
mod pipeline;

use std::sync::OnceLock;

pub use config::{Config, Language, Preset, StageConfig};
pub use error::Error;
pub use layout::Layout;
pub use pipeline::{Pipeline, PipelineBuilder, Report};
pub use textclean_boilerplate as boilerplate;
pub use textclean_core::{
    Change, Edits, Record, Rewritten, SpanMap, Stage, Stats,
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
    }
}

/// The README's examples, run as doc tests so they cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
