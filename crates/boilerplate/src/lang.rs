//! The language pack: the core's
//! [`LanguagePack`](textclean_core::LanguagePack), whose raw boilerplate
//! lists this stage normalizes and compiles.

use crate::line::normalize;

pub use textclean_core::LanguagePack as Language;

/// Normalizes each entry, dropping empty and repeated ones, keeping order.
pub(crate) fn clean_list<I, S>(entries: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out: Vec<String> = Vec::new();
    for entry in entries {
        let mut key = String::new();
        normalize(entry.as_ref(), &mut key);
        if !key.is_empty() && !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_normalized_and_covers_the_field() {
        let en = Language::english();
        let markers = clean_list(en.boilerplate_markers());
        let phrases = clean_list(en.boilerplate_phrases());
        for must in [
            "advertisement",
            "advertisements",
            "sponsored content",
            "leave a comment",
            "leave a reply",
            "cancel reply",
            "share this",
            "like this",
            "skip to content",
            "back to top",
            "previous post",
            "next post",
            "all rights reserved",
            "powered by wordpress",
        ] {
            assert!(markers.iter().any(|m| m == must), "{must}");
        }
        // The shipped lists are written normalized, so what the file says
        // is what is matched.
        assert_eq!(&markers[..], en.boilerplate_markers());
        assert_eq!(&phrases[..], en.boilerplate_phrases());
        assert!(phrases.iter().any(|p| p == "we use cookies"));
    }

    #[test]
    fn clean_list_skips_blanks_and_repeats() {
        let list = clean_list(["Ad", "AD", "  Ad!  ", "--", "Foo  Bar"]);
        assert_eq!(list, ["ad", "foo bar"]);
    }
}
