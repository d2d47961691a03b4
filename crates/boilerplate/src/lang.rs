use crate::line::normalize;

/// A language pack: the boilerplate markers and phrases of one language.
///
/// Markers are whole lines ("Advertisement", "Leave a Reply"); phrases are
/// removed when they make up most of a line ("Your email address will not
/// be published"). Entries are compared after [normalization]: lower-case,
/// with punctuation and runs of white space reduced to single spaces, so
/// `"Share this:"` and `"share  this"` are the same entry.
///
/// The data is plain text shipped in the crate (`lang/en/*.txt`); other
/// languages are data too: [`Language::parse`] reads the same format,
/// [`Language::from_lists`] takes lists.
///
/// [normalization]: crate#matching
///
/// ```
/// use textclean_boilerplate::Language;
///
/// let de = Language::from_lists(["Anzeige", "Werbung"], ["Alle Rechte vorbehalten"]);
/// assert_eq!(de.markers(), ["anzeige", "werbung"]);
/// assert_eq!(de.phrases(), ["alle rechte vorbehalten"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    markers: Vec<String>,
    phrases: Vec<String>,
    counters: Vec<String>,
    copyright: Vec<String>,
}

impl Default for Language {
    fn default() -> Self {
        Language::english()
    }
}

impl Language {
    /// English: the lists in `lang/en/`.
    pub fn english() -> Language {
        Language::parse(
            include_str!("../lang/en/markers.txt"),
            include_str!("../lang/en/phrases.txt"),
        )
        .with_counters(entries(include_str!("../lang/en/counters.txt")))
        .with_copyright(entries(include_str!("../lang/en/copyright.txt")))
    }

    /// A language from the text of a markers file and a phrases file: one
    /// entry a line; blank lines and lines starting with `#` are skipped.
    pub fn parse(markers: &str, phrases: &str) -> Language {
        Language::from_lists(entries(markers), entries(phrases))
    }

    /// A language from the user's own lists of whole-line markers and
    /// contained phrases. Entries are normalized; empty and repeated
    /// entries are dropped.
    pub fn from_lists<M, P, S, T>(markers: M, phrases: P) -> Language
    where
        M: IntoIterator<Item = S>,
        P: IntoIterator<Item = T>,
        S: AsRef<str>,
        T: AsRef<str>,
    {
        Language {
            markers: clean_list(markers),
            phrases: clean_list(phrases),
            counters: Vec::new(),
            copyright: Vec::new(),
        }
    }

    /// Sets the count words: a line of only numbers and these words is a
    /// counter (`12 Comments`), removed as `boilerplate.counter`. Empty by
    /// default in [`Language::from_lists`].
    pub fn with_counters<I, S>(mut self, words: I) -> Language
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.counters = clean_list(words);
        self
    }

    /// Sets the copyright words: a short line where one stands first, or is
    /// followed by a year, is a copyright notice, removed as
    /// `boilerplate.copyright` (the `©` sign needs no word). Empty by default
    /// in [`Language::from_lists`].
    pub fn with_copyright<I, S>(mut self, words: I) -> Language
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.copyright = clean_list(words);
        self
    }

    /// The normalized whole-line markers.
    pub fn markers(&self) -> &[String] {
        &self.markers
    }

    /// The normalized contained phrases.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// The normalized count words.
    pub fn counters(&self) -> &[String] {
        &self.counters
    }

    /// The normalized copyright words.
    pub fn copyright(&self) -> &[String] {
        &self.copyright
    }
}

/// The entries of a list file: trimmed lines, without blanks and `#`
/// comments.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

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
            assert!(en.markers().iter().any(|m| m == must), "{must}");
        }
        for entry in en.markers().iter().chain(en.phrases()) {
            let mut again = String::new();
            normalize(entry, &mut again);
            assert_eq!(&again, entry);
        }
        assert!(en.phrases().iter().any(|p| p == "we use cookies"));
    }

    #[test]
    fn parse_skips_comments_blanks_and_repeats() {
        let lang = Language::parse("# c\n\nAd\nAD\n  Ad!  \n", "Foo  Bar\n");
        assert_eq!(lang.markers(), ["ad"]);
        assert_eq!(lang.phrases(), ["foo bar"]);
    }
}
