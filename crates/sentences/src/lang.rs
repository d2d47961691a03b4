//! Language packs: the word lists that the repair rules and the splitter
//! consult, so that adding a language is data, not code.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// A language pack: abbreviations, function words, sentence starters, a
/// word list and known camel-case names.
///
/// Cloning is cheap (the lists are shared). Build one from your own lists
/// with [`Language::from_lists`]; [`Language::english`] is the shipped
/// English pack.
///
/// ```
/// use textclean_sentences::Language;
/// let en = Language::english();
/// assert!(en.is_word("garden"));
/// assert!(en.is_abbreviation("Mr"));
/// assert!(en.is_camel_case_name("iPhone"));
/// ```
#[derive(Clone)]
pub struct Language {
    inner: Arc<Lists>,
}

struct Lists {
    name: String,
    abbreviations: HashSet<String>,
    final_abbreviations: HashSet<String>,
    function_words: HashSet<String>,
    starters: HashSet<String>,
    strong_starters: HashSet<String>,
    camel_case_names: HashSet<String>,
    words: HashSet<String>,
}

/// The raw lists a [`Language`] is built from: plain text, one entry a
/// line; empty lines and lines starting with `#` are ignored.
///
/// Every field defaults to an empty list.
#[derive(Clone, Copy, Debug, Default)]
pub struct LanguageLists<'a> {
    /// A name for reports, such as `en`.
    pub name: &'a str,
    /// Abbreviations without their final period (`mr`, `e.g`), compared
    /// case-insensitively. A leading `=` marks one that may also end a
    /// sentence (`=etc`): it does when a Capitalized word follows.
    pub abbreviations: &'a str,
    /// Lower-case words a sentence does not end in (`the`, `of`, `to`).
    pub function_words: &'a str,
    /// Capitalized words that often start a sentence (`However`).
    pub sentence_starters: &'a str,
    /// Capitalized starters that rarely continue a name (`The`, `It`), so
    /// that `ChinaThe` may be split.
    pub strong_starters: &'a str,
    /// Camel-case names as written (`iPhone`, `YouTube`): never split.
    pub camel_case_names: &'a str,
    /// Lower-case dictionary words.
    pub words: &'a str,
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Language {
    /// The shipped English pack (SCOWL words up to size 50, see
    /// `lang/README.md`). Parsed once per process; later calls share it.
    pub fn english() -> Language {
        static ENGLISH: OnceLock<Language> = OnceLock::new();
        ENGLISH
            .get_or_init(|| {
                Language::from_lists(LanguageLists {
                    name: "en",
                    abbreviations: include_str!(
                        "../lang/en/abbreviations.txt"
                    ),
                    function_words: include_str!(
                        "../lang/en/function_words.txt"
                    ),
                    sentence_starters: include_str!(
                        "../lang/en/sentence_starters.txt"
                    ),
                    strong_starters: include_str!(
                        "../lang/en/strong_starters.txt"
                    ),
                    camel_case_names: include_str!(
                        "../lang/en/camel_case_names.txt"
                    ),
                    words: include_str!("../lang/en/words.txt"),
                })
            })
            .clone()
    }

    /// Builds a language pack from your own lists.
    ///
    /// ```
    /// use textclean_sentences::{Language, LanguageLists};
    /// let nl = Language::from_lists(LanguageLists {
    ///     name: "nl",
    ///     abbreviations: "dhr\nmevr\nbijv",
    ///     function_words: "de\nhet\neen\nvan",
    ///     sentence_starters: "De\nHet\nMaar",
    ///     strong_starters: "De\nHet",
    ///     words: "tuin\nhuis",
    ///     ..Default::default()
    /// });
    /// assert_eq!(nl.name(), "nl");
    /// assert!(nl.is_abbreviation("Dhr"));
    /// ```
    pub fn from_lists(lists: LanguageLists<'_>) -> Language {
        let mut abbreviations = HashSet::new();
        let mut final_abbreviations = HashSet::new();
        for entry in entries(lists.abbreviations) {
            let (word, fin) = match entry.strip_prefix('=') {
                Some(word) => (word, true),
                None => (entry, false),
            };
            let word = word.trim_end_matches('.').to_lowercase();
            if fin {
                final_abbreviations.insert(word.clone());
            }
            abbreviations.insert(word);
        }
        let set = |list: &str| entries(list).map(str::to_owned).collect();
        let lower =
            |list: &str| entries(list).map(str::to_lowercase).collect();
        Language {
            inner: Arc::new(Lists {
                name: lists.name.to_owned(),
                abbreviations,
                final_abbreviations,
                function_words: lower(lists.function_words),
                starters: set(lists.sentence_starters),
                strong_starters: set(lists.strong_starters),
                camel_case_names: set(lists.camel_case_names),
                words: lower(lists.words),
            }),
        }
    }

    /// The pack's name, such as `en`.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// Whether `word` (without its final period, any case) is a known
    /// abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.with_lower(word, |w| self.inner.abbreviations.contains(w))
    }

    /// Whether `word` is an abbreviation that may also end a sentence.
    pub fn is_final_abbreviation(&self, word: &str) -> bool {
        self.with_lower(word, |w| self.inner.final_abbreviations.contains(w))
    }

    /// Whether `word` (any case) is a function word.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.with_lower(word, |w| self.inner.function_words.contains(w))
    }

    /// Whether `word` (as written) is a sentence starter.
    pub fn is_starter(&self, word: &str) -> bool {
        self.inner.starters.contains(word)
            || self.inner.strong_starters.contains(word)
    }

    /// Whether `word` (as written) is a strong sentence starter.
    pub fn is_strong_starter(&self, word: &str) -> bool {
        self.inner.strong_starters.contains(word)
    }

    /// Whether `word` (as written) is a known camel-case name.
    pub fn is_camel_case_name(&self, word: &str) -> bool {
        self.inner.camel_case_names.contains(word)
    }

    /// Whether `word` (any case) is in the word list.
    pub fn is_word(&self, word: &str) -> bool {
        self.with_lower(word, |w| self.inner.words.contains(w))
    }

    /// Calls `f` with `word` lower-cased, without allocating for short
    /// ASCII words.
    fn with_lower(&self, word: &str, f: impl FnOnce(&str) -> bool) -> bool {
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let buf = &mut buf[..word.len()];
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            // ASCII in, ASCII out: always valid UTF-8.
            f(std::str::from_utf8(buf).unwrap_or(""))
        } else {
            f(&word.to_lowercase())
        }
    }
}

impl Default for Language {
    /// English.
    fn default() -> Language {
        Language::english()
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Language")
            .field("name", &self.inner.name)
            .field("words", &self.inner.words.len())
            .field("abbreviations", &self.inner.abbreviations.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lists_load() {
        let en = Language::english();
        assert!(en.inner.words.len() > 50_000);
        assert!(en.is_word("Algorithms"));
        assert!(en.is_function_word("The"));
        assert!(en.is_strong_starter("However"));
        assert!(en.is_starter("However"));
        assert!(en.is_abbreviation("e.g"));
        assert!(en.is_final_abbreviation("etc"));
        assert!(!en.is_word("zzqx"));
    }
}
