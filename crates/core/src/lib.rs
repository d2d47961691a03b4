//! The shared vocabulary of textclean: what every stage speaks.
//!
//! A [`Stage`] turns `&str` into `Cow<str>` (borrowed when it changed
//! nothing). It writes its output through an [`Edits`] builder, which makes
//! the output and, only when asked, the list of [`Change`]s in one pass. A
//! [`SpanMap`] maps offsets in a stage's output back to its input and
//! composes across stages, so any offset in the final text can be traced to
//! the original input. [`Stats`] counts changes per rule.
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
//! use textclean_core::{Edits, Record, Stage};
//!
//! struct Calm;
//!
//! impl Stage for Calm {
//!     fn rewrite(&self, edits: &mut Edits<'_>) {
//!         let text = edits.input();
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
mod edits;
mod span;
mod stage;
mod stats;

pub use change::Change;
pub use edits::{Edits, Record, Rewritten};
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
        assert_send_sync::<crate::Rewritten<'static>>();
        assert_send_sync::<crate::SpanMap>();
        assert_send_sync::<crate::Stats>();
        assert_send_sync::<Box<dyn crate::Stage>>();
    }
}
