//! The language pack the repair rules and the splitter consult: the core's
//! [`LanguagePack`](textclean_core::LanguagePack), under the name this
//! crate has always used.

pub use textclean_core::LanguagePack as Language;
