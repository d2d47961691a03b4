//! Language packs: every per-language datum every stage uses, in one
//! type keyed by language code, so that adding a language is data, not
//! code.

use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::word_set::WordSet;

/// A language pack: everything a stage knows about one language.
///
/// - the sentence stage's lists: abbreviations, function words, sentence
///   starters, known camel-case names, a word list and the sentence
///   terminators;
/// - the boilerplate stage's lists: whole-line markers, contained phrases,
///   count words and copyright words (raw: the stage normalizes and
///   compiles them);
/// - stopwords, for measures of how much a line reads as prose.
///
/// Shipped packs live in `lang/<code>/<list>.txt` of this crate, one file
/// a list (named as the fields of [`LanguageLists`]; a list a folder lacks
/// is empty), found by the build script: adding `lang/nl/*.txt` adds
/// Dutch, with no code. [`LanguagePack::get`] gives one by code, parsed
/// once per process; [`LanguagePack::codes`] lists them. Your own packs
/// come from [`LanguagePack::from_lists`].
///
/// Cloning is cheap (the lists are shared), lookups are hash-set probes
/// that do not allocate for short ASCII words.
///
/// ```
/// use textclean_core::LanguagePack;
///
/// let en = LanguagePack::get("en").unwrap();
/// assert_eq!(en.code(), "en");
/// assert!(en.is_word("garden") && en.is_word("Garden"));
/// assert!(en.is_abbreviation("Mr") && en.is_final_abbreviation("etc"));
/// assert!(en.is_camel_case_name("iPhone"));
/// assert!(en.is_stopword("The"));
/// assert_eq!(en.terminators().list(), [".", "!", "?", "…"]);
/// assert!(LanguagePack::codes().contains(&"en"));
/// assert!(LanguagePack::get("xx").is_none());
/// ```
#[derive(Clone)]
pub struct LanguagePack {
    inner: Arc<Pack>,
}

struct Pack {
    code: String,
    abbreviations: WordSet,
    final_abbreviations: WordSet,
    number_abbreviations: WordSet,
    /// The lower-case endings of abbreviated compounds (`-str`).
    compound_endings: Vec<String>,
    function_words: WordSet,
    /// The function words marked `~`: they may end a sentence.
    final_function_words: WordSet,
    starters: WordSet,
    /// The starters marked `~`: also common parts of identifiers.
    identifier_starters: WordSet,
    strong_starters: WordSet,
    /// The strong starters marked `+`: personal pronouns.
    pronouns: WordSet,
    identifier_followers: WordSet,
    /// The followers marked `+`: they follow only a word not ending in `s`.
    singular_followers: WordSet,
    camel_case_names: WordSet,
    /// The word list as given, parsed into `words` on the first lookup:
    /// most of a pack's start-up cost, which pipelines without sentence
    /// repair never pay.
    words_list: String,
    words: OnceLock<WordSet>,
    stopwords: WordSet,
    terminators: Terminators,
    boilerplate_markers: Vec<String>,
    boilerplate_phrases: Vec<String>,
    counter_words: Vec<String>,
    copyright_words: Vec<String>,
    consent_words: Vec<String>,
    conventions: WordSet,
}

/// The raw lists a [`LanguagePack`] is built from: plain text, one entry
/// a line; blank lines and lines starting with `#` are ignored, and
/// entries are trimmed.
///
/// Every field defaults to an empty list. A shipped pack's file
/// `lang/<code>/<field>.txt` fills the field of that name.
#[derive(Clone, Copy, Debug, Default)]
pub struct LanguageLists<'a> {
    /// Abbreviations without their final period (`mr`, `e.g`), compared
    /// case-insensitively. A leading `=` marks one that may also end a
    /// sentence (`=etc`): it does when a Capitalized word follows. A
    /// leading `+` marks one that is an abbreviation only before a number
    /// (`+no`: "No. 5", but "I said no. Then"; `+p`: "p. 12"). A leading
    /// `-` marks an ASCII ending that compounds abbreviate with (`-str`:
    /// German "Hauptstr. 5", "Goethestr."): a word of three letters or
    /// more before it, all letters, that ends in it is an abbreviation
    /// that does not end a sentence.
    pub abbreviations: &'a str,
    /// Lower-case words a sentence does not end in (`the`, `of`, `to`). A
    /// leading `~` marks one that may end a sentence all the same (`all`,
    /// `up`: "at all.", "gave up."): glued to a [personal
    /// pronoun](Self::strong_starters), or to a starter that is neither a
    /// function word nor marked as part of identifiers, it is split (`at
    /// allHe`, `dried upEven`; not `allThe`).
    pub function_words: &'a str,
    /// Capitalized words that often start a sentence (`However`). A
    /// leading `~` marks one that is as common a part of identifiers
    /// (`sortBy`, `findFirst`, `signIn`): glued to a lower-case word, it
    /// starts no sentence before an [identifier's
    /// follower](Self::identifier_followers).
    pub sentence_starters: &'a str,
    /// Capitalized starters that rarely continue a name (`The`, `It`), so
    /// that `ChinaThe` may be split. A leading `+` marks a personal pronoun
    /// (`+He`), which may follow a function word marked `~` across a
    /// glued boundary.
    pub strong_starters: &'a str,
    /// Lower-case words that follow an identifier in prose: what it is
    /// (`function`, `property`) and words that go on a noun phrase (`and`,
    /// `with`). After a word glued to a lower-case one that could also be
    /// the end of an identifier, one of these shows that it is one
    /// (`sortBy helper`, `fileName property`, but `entryBy steadily`). A
    /// leading `+` marks one that does only after a word that does not end
    /// in `s` (`+to`: `fileName to`, but `futureAttempts to`).
    pub identifier_followers: &'a str,
    /// Camel-case names as written (`iPhone`, `YouTube`): never split.
    pub camel_case_names: &'a str,
    /// Lower-case dictionary words.
    pub words: &'a str,
    /// Lower-case stopwords: the most common function words, whose share
    /// of a line's words tells prose from boilerplate.
    pub stopwords: &'a str,
    /// What ends a sentence (`.`, `!`, `?`, `…`), each a line. Empty, no
    /// sentence ends but at a blank line.
    pub terminators: &'a str,
    /// Whole-line boilerplate markers (`Advertisement`, `Leave a Reply`).
    pub boilerplate_markers: &'a str,
    /// Contained boilerplate phrases (`we use cookies`): a line mostly
    /// made of them is boilerplate.
    pub boilerplate_phrases: &'a str,
    /// Count words: a line of numbers and these is a counter
    /// (`12 Comments`).
    pub counter_words: &'a str,
    /// Copyright words: a short line that starts with one, or has one
    /// before a year, is a copyright notice.
    pub copyright_words: &'a str,
    /// The words of cookie and consent banners: entries starting with `*`
    /// name their subject (`*cookies`), those starting with `+` the site's
    /// voice (`+we`), the others what they ask (`accept`, `settings`). A
    /// line that holds a subject, a voice word and two of the others is a
    /// consent banner.
    pub consent_words: &'a str,
    /// How the language writes, one convention a line, from a fixed
    /// vocabulary the stages know (an unknown one is ignored):
    /// `ordinal_period` (ordinals are written "3." as in German "am 3.
    /// Mai", so a period after a number ends a sentence only before a
    /// sentence starter); `capitalized_nouns` (every noun is Capitalized,
    /// so a capital letter alone does not start a sentence); `space_before_punctuation`
    /// (French "Quoi ?": a space may stand before `?`, `!`, `:`, `;` and
    /// a closing guillemet).
    pub conventions: &'a str,
}

/// The fewest letters before a compound ending (see
/// [`LanguageLists::abbreviations`]): `Hauptstr` is a compound of `str`,
/// `Astr` is not.
const COMPOUND_HEAD: usize = 3;

impl LanguageLists<'_> {
    /// No lists at all.
    pub const EMPTY: LanguageLists<'static> = LanguageLists {
        abbreviations: "",
        function_words: "",
        sentence_starters: "",
        strong_starters: "",
        identifier_followers: "",
        camel_case_names: "",
        words: "",
        stopwords: "",
        terminators: "",
        boilerplate_markers: "",
        boilerplate_phrases: "",
        counter_words: "",
        copyright_words: "",
        consent_words: "",
        conventions: "",
    };
}

// `COUNT`, `CODES` and `LISTS`, written by build.rs from `lang/*/*.txt`.
include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// The shipped packs, each parsed on first use.
static PACKS: [OnceLock<LanguagePack>; COUNT] =
    [const { OnceLock::new() }; COUNT];

/// The entries of a list: trimmed lines, without blanks and `#` comments.
fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of `list` with a leading `mark` taken off, and those that
/// had it, each through `case`.
fn marked(
    list: &str,
    mark: char,
    case: fn(&str) -> String,
) -> (WordSet, WordSet) {
    let all = entries(list).map(|w| case(w.trim_start_matches(mark)));
    let marked = entries(list).filter_map(|w| w.strip_prefix(mark)).map(case);
    (all.collect(), marked.collect())
}

impl LanguagePack {
    /// The shipped pack for `code`, parsed once per process; later calls
    /// share it. The code is compared without regard to case and without
    /// a region (`en`, `EN`, `en-US` and `en_GB` are all English).
    pub fn get(code: &str) -> Option<LanguagePack> {
        LanguagePack::shipped(code).cloned()
    }

    /// The shipped pack for `code`, as [`get`](LanguagePack::get), by
    /// reference: no reference count is touched.
    pub fn shipped(code: &str) -> Option<&'static LanguagePack> {
        let at = LanguagePack::index_of(code)?;
        Some(
            PACKS[at].get_or_init(|| {
                LanguagePack::from_lists(CODES[at], LISTS[at])
            }),
        )
    }

    /// Where `code` is in [`codes`](LanguagePack::codes), compared as
    /// [`get`](LanguagePack::get) does.
    pub fn index_of(code: &str) -> Option<usize> {
        let primary = code.split(['-', '_']).next().unwrap_or(code);
        CODES.iter().position(|c| c.eq_ignore_ascii_case(primary))
    }

    /// The codes of the shipped packs, sorted: `["de", "en", "es", "fr"]`
    /// so far (English with every list; German, Spanish and French with
    /// every list but `words` and `camel_case_names`).
    ///
    /// ```
    /// use textclean_core::LanguagePack;
    /// assert_eq!(LanguagePack::codes(), ["de", "en", "es", "fr"]);
    /// ```
    pub fn codes() -> &'static [&'static str] {
        &CODES
    }

    /// The shipped English pack (SCOWL words up to size 50, see
    /// `lang/README.md`).
    ///
    /// ```
    /// use textclean_core::LanguagePack;
    /// assert_eq!(LanguagePack::english().code(), "en");
    /// ```
    pub fn english() -> LanguagePack {
        match LanguagePack::get("en") {
            Some(en) => en,
            None => unreachable!("lang/en/ ships with textclean-core"),
        }
    }

    /// A pack from your own lists, with the code `code` (for reports, and
    /// to tell packs apart: a stage keeps its own pack for documents in
    /// the language of its code).
    ///
    /// ```
    /// use textclean_core::{LanguageLists, LanguagePack};
    ///
    /// let nl = LanguagePack::from_lists("nl", LanguageLists {
    ///     abbreviations: "dhr\nmevr\nbijv",
    ///     function_words: "de\nhet\neen\nvan",
    ///     sentence_starters: "De\nHet\nMaar",
    ///     strong_starters: "De\nHet",
    ///     words: "tuin\nhuis",
    ///     terminators: ".\n!\n?",
    ///     boilerplate_markers: "Advertentie\nReageer",
    ///     ..Default::default()
    /// });
    /// assert_eq!(nl.code(), "nl");
    /// assert!(nl.is_abbreviation("Dhr") && nl.is_word("Tuin"));
    /// assert_eq!(nl.boilerplate_markers(), ["Advertentie", "Reageer"]);
    /// assert!(nl.counter_words().is_empty());
    /// ```
    pub fn from_lists(code: &str, lists: LanguageLists<'_>) -> LanguagePack {
        let mut abbreviations = WordSet::default();
        let mut final_abbreviations = WordSet::default();
        let mut number_abbreviations = WordSet::default();
        let mut compound_endings = Vec::new();
        for entry in entries(lists.abbreviations) {
            let (word, kind) = match entry.split_at_checked(1) {
                Some((k @ ("=" | "+" | "-"), word)) => (word, k),
                _ => (entry, ""),
            };
            let word = word.trim_end_matches('.').to_lowercase();
            match kind {
                "=" => final_abbreviations.insert(word.clone()),
                "+" => number_abbreviations.insert(word.clone()),
                "-" if word.is_ascii() && !word.is_empty() => {
                    compound_endings.push(word);
                    continue;
                }
                "-" => continue,
                _ => {}
            }
            abbreviations.insert(word);
        }
        let set = |list: &str| -> WordSet {
            entries(list).map(str::to_owned).collect()
        };
        let lower = |list: &str| -> WordSet {
            entries(list).map(str::to_lowercase).collect()
        };
        let raw = |list: &str| entries(list).map(str::to_owned).collect();
        let (function_words, final_function_words) =
            marked(lists.function_words, '~', str::to_lowercase);
        let (starters, identifier_starters) =
            marked(lists.sentence_starters, '~', str::to_owned);
        let (strong_starters, pronouns) =
            marked(lists.strong_starters, '+', str::to_owned);
        let (identifier_followers, singular_followers) =
            marked(lists.identifier_followers, '+', str::to_lowercase);
        LanguagePack {
            inner: Arc::new(Pack {
                code: code.to_owned(),
                abbreviations,
                final_abbreviations,
                number_abbreviations,
                compound_endings,
                function_words,
                final_function_words,
                starters,
                identifier_starters,
                strong_starters,
                pronouns,
                identifier_followers,
                singular_followers,
                camel_case_names: set(lists.camel_case_names),
                words_list: lists.words.to_owned(),
                words: OnceLock::new(),
                stopwords: lower(lists.stopwords),
                terminators: Terminators::new(entries(lists.terminators)),
                boilerplate_markers: raw(lists.boilerplate_markers),
                boilerplate_phrases: raw(lists.boilerplate_phrases),
                counter_words: raw(lists.counter_words),
                copyright_words: raw(lists.copyright_words),
                consent_words: raw(lists.consent_words),
                conventions: set(lists.conventions),
            }),
        }
    }

    /// The pack's language code, such as `en`.
    pub fn code(&self) -> &str {
        &self.inner.code
    }

    /// Whether this pack is the shipped one for its code (not your own
    /// from [`from_lists`](LanguagePack::from_lists)).
    pub fn is_shipped(&self) -> bool {
        LanguagePack::shipped(&self.inner.code)
            .is_some_and(|p| Arc::ptr_eq(&p.inner, &self.inner))
    }

    /// Whether `word` (without its final period, any case) is a known
    /// abbreviation.
    #[inline]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.inner.abbreviations.contains_lower(word)
            || self.is_abbreviated_compound(word)
    }

    /// Whether `word` is a compound that ends in one of the pack's
    /// compound endings after at least `COMPOUND_HEAD` letters
    /// (`Hauptstr` for `-str`).
    fn is_abbreviated_compound(&self, word: &str) -> bool {
        self.inner.compound_endings.iter().any(|ending| {
            let Some(head) = word.len().checked_sub(ending.len()) else {
                return false;
            };
            word.is_char_boundary(head)
                && word[head..].eq_ignore_ascii_case(ending)
                && word[..head].chars().all(char::is_alphabetic)
                && word[..head].chars().count() >= COMPOUND_HEAD
        })
    }

    /// Whether `word` is an abbreviation that may also end a sentence.
    #[inline]
    pub fn is_final_abbreviation(&self, word: &str) -> bool {
        self.inner.final_abbreviations.contains_lower(word)
    }

    /// Whether `word` is an abbreviation only before a number (`No. 5`,
    /// `p. 12`).
    #[inline]
    pub fn is_number_abbreviation(&self, word: &str) -> bool {
        self.inner.number_abbreviations.contains_lower(word)
    }

    /// Whether the language follows `convention` (see
    /// [`LanguageLists::conventions`]), such as `ordinal_period`.
    #[inline]
    pub fn follows(&self, convention: &str) -> bool {
        self.inner.conventions.contains(convention)
    }

    /// Whether `word` (any case) is a function word.
    #[inline]
    pub fn is_function_word(&self, word: &str) -> bool {
        self.inner.function_words.contains_lower(word)
    }

    /// Whether `word` (as written) is a sentence starter.
    #[inline]
    pub fn is_starter(&self, word: &str) -> bool {
        self.inner.starters.contains(word)
            || self.inner.strong_starters.contains(word)
    }

    /// Whether `word` (any case) is a function word that may end a
    /// sentence all the same (`all`, `up`), marked `~` in
    /// [`LanguageLists::function_words`].
    ///
    /// ```
    /// let en = textclean_core::LanguagePack::get("en").unwrap();
    /// assert!(en.is_function_word("all") && en.is_final_function_word("all"));
    /// assert!(en.is_function_word("the") && !en.is_final_function_word("the"));
    /// ```
    #[inline]
    pub fn is_final_function_word(&self, word: &str) -> bool {
        self.inner.final_function_words.contains_lower(word)
    }

    /// Whether `word` (as written) is a personal pronoun among the strong
    /// starters (`He`, `They`), marked `+` there.
    ///
    /// ```
    /// let en = textclean_core::LanguagePack::get("en").unwrap();
    /// assert!(en.is_pronoun("He") && en.is_strong_starter("He"));
    /// assert!(!en.is_pronoun("The") && en.is_strong_starter("The"));
    /// ```
    #[inline]
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.inner.pronouns.contains(word)
    }

    /// Whether `word` (as written) is a sentence starter that is as common
    /// a part of identifiers (`By` of `sortBy`): marked `~` in
    /// [`LanguageLists::sentence_starters`].
    ///
    /// ```
    /// let en = textclean_core::LanguagePack::get("en").unwrap();
    /// assert!(en.is_starter("By") && en.is_identifier_starter("By"));
    /// assert!(en.is_starter("But") && !en.is_identifier_starter("But"));
    /// ```
    #[inline]
    pub fn is_identifier_starter(&self, word: &str) -> bool {
        self.inner.identifier_starters.contains(word)
    }

    /// Whether `word` (as written) starts a sentence on its own evidence:
    /// a starter that is no common part of identifiers or names.
    ///
    /// ```
    /// let en = textclean_core::LanguagePack::get("en").unwrap();
    /// assert!(en.is_sure_starter("But") && en.is_sure_starter("Then"));
    /// assert!(!en.is_sure_starter("By") && !en.is_sure_starter("Army"));
    /// ```
    #[inline]
    pub fn is_sure_starter(&self, word: &str) -> bool {
        self.is_starter(word) && !self.is_identifier_starter(word)
    }

    /// Whether `word` (any case) follows identifiers in prose (`function`,
    /// `and`) when it comes after `before` (`to` only after a word that
    /// does not end in `s`).
    ///
    /// ```
    /// let en = textclean_core::LanguagePack::get("en").unwrap();
    /// assert!(en.is_identifier_follower("Buffer", "function"));
    /// assert!(!en.is_identifier_follower("By", "steadily"));
    /// assert!(en.is_identifier_follower("Name", "to"));
    /// assert!(!en.is_identifier_follower("Attempts", "to"));
    /// ```
    #[inline]
    pub fn is_identifier_follower(&self, before: &str, word: &str) -> bool {
        self.inner.identifier_followers.contains_lower(word)
            && (!before.ends_with('s')
                || !self.inner.singular_followers.contains_lower(word))
    }

    /// Whether `word` (as written) is a strong sentence starter.
    #[inline]
    pub fn is_strong_starter(&self, word: &str) -> bool {
        self.inner.strong_starters.contains(word)
    }

    /// Whether `word` (as written) is a known camel-case name.
    #[inline]
    pub fn is_camel_case_name(&self, word: &str) -> bool {
        self.inner.camel_case_names.contains(word)
    }

    /// Whether `word` (any case) is in the word list.
    #[inline]
    pub fn is_word(&self, word: &str) -> bool {
        let words = self.inner.words.get_or_init(|| {
            entries(&self.inner.words_list).map(str::to_lowercase).collect()
        });
        words.contains_lower(word)
    }

    /// Whether `word` (any case) is a stopword.
    #[inline]
    pub fn is_stopword(&self, word: &str) -> bool {
        self.inner.stopwords.contains_lower(word)
    }

    /// What ends a sentence.
    #[inline]
    pub fn terminators(&self) -> &Terminators {
        &self.inner.terminators
    }

    /// The whole-line boilerplate markers, as listed.
    pub fn boilerplate_markers(&self) -> &[String] {
        &self.inner.boilerplate_markers
    }

    /// The contained boilerplate phrases, as listed.
    pub fn boilerplate_phrases(&self) -> &[String] {
        &self.inner.boilerplate_phrases
    }

    /// The count words, as listed.
    pub fn counter_words(&self) -> &[String] {
        &self.inner.counter_words
    }

    /// The copyright words, as listed.
    pub fn copyright_words(&self) -> &[String] {
        &self.inner.copyright_words
    }

    /// The consent-banner words, as listed (with their `*` and `+`).
    pub fn consent_words(&self) -> &[String] {
        &self.inner.consent_words
    }
}

impl Default for LanguagePack {
    /// English.
    fn default() -> LanguagePack {
        LanguagePack::english()
    }
}

impl fmt::Debug for LanguagePack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LanguagePack")
            .field("code", &self.inner.code)
            .field("words", &entries(&self.inner.words_list).count())
            .field("abbreviations", &self.inner.abbreviations.len())
            .field("terminators", &self.inner.terminators.list)
            .finish_non_exhaustive()
    }
}

/// The sentence terminators of a [`LanguagePack`], with the tables byte
/// scans need: the single-byte (ASCII) ones, found with `memchr`, and the
/// first bytes of all.
///
/// ```
/// use textclean_core::LanguagePack;
/// let t = LanguagePack::english().terminators().clone();
/// assert_eq!(t.ascii(), b".!?");
/// assert_eq!(t.len_at("…!".as_bytes()), 3);
/// assert_eq!(t.len_at(b"!?"), 1);
/// assert_eq!(t.len_at(b"a."), 0);
/// assert_eq!(t.find_ascii(b"one. two"), Some(3));
/// ```
#[derive(Clone)]
pub struct Terminators {
    list: Vec<String>,
    /// The single-byte terminators, in list order.
    ascii: Vec<u8>,
    /// The longer ones, longest first, so a prefix never shadows one.
    others: Vec<String>,
    /// Whether a byte is a single-byte terminator.
    is_ascii: [bool; 256],
    /// Whether a byte starts any terminator.
    first: [bool; 256],
}

impl Terminators {
    fn new<'a>(entries: impl Iterator<Item = &'a str>) -> Terminators {
        let mut t = Terminators {
            list: Vec::new(),
            ascii: Vec::new(),
            others: Vec::new(),
            is_ascii: [false; 256],
            first: [false; 256],
        };
        for entry in entries {
            if t.list.iter().any(|e| e == entry) {
                continue;
            }
            t.list.push(entry.to_owned());
            let first = entry.as_bytes()[0];
            t.first[first as usize] = true;
            if entry.len() == 1 {
                t.ascii.push(first);
                t.is_ascii[first as usize] = true;
            } else {
                t.others.push(entry.to_owned());
            }
        }
        t.others.sort_by_key(|o| std::cmp::Reverse(o.len()));
        t
    }

    /// The terminators, as listed.
    pub fn list(&self) -> &[String] {
        &self.list
    }

    /// The single-byte (ASCII) terminators, as listed.
    pub fn ascii(&self) -> &[u8] {
        &self.ascii
    }

    /// Whether `byte` is a single-byte terminator.
    #[inline]
    pub fn is_ascii(&self, byte: u8) -> bool {
        self.is_ascii[byte as usize]
    }

    /// Whether `byte` may start a terminator: a byte scan stops only at
    /// these.
    #[inline]
    pub fn may_start(&self, byte: u8) -> bool {
        self.first[byte as usize]
    }

    /// The length of the terminator `bytes` starts with, or 0 if none: 1
    /// for a single-byte one, else the longest longer one that matches.
    #[inline]
    pub fn len_at(&self, bytes: &[u8]) -> usize {
        match bytes.first() {
            Some(&b) if self.is_ascii(b) => 1,
            Some(&b) if self.may_start(b) => self
                .others
                .iter()
                .find(|o| bytes.starts_with(o.as_bytes()))
                .map_or(0, String::len),
            _ => 0,
        }
    }

    /// The offset of the first single-byte terminator in `haystack`.
    pub fn find_ascii(&self, haystack: &[u8]) -> Option<usize> {
        match *self.ascii.as_slice() {
            [] => None,
            [a] => memchr::memchr(a, haystack),
            [a, b] => memchr::memchr2(a, b, haystack),
            [a, b, c] => memchr::memchr3(a, b, c, haystack),
            _ => haystack.iter().position(|&b| self.is_ascii(b)),
        }
    }
}

impl fmt::Debug for Terminators {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Terminators").field(&self.list).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_ships_and_loads_once() {
        assert_eq!(LanguagePack::codes(), ["de", "en", "es", "fr"]);
        let en = LanguagePack::get("en").unwrap();
        let again = LanguagePack::get("EN-us").unwrap();
        assert!(Arc::ptr_eq(&en.inner, &again.inner));
        assert!(en.is_shipped());
        assert_eq!(LanguagePack::index_of("en_GB"), Some(1));
        assert!(LanguagePack::get("nl").is_none());
        assert!(LanguagePack::get("").is_none());
    }

    #[test]
    fn german_french_spanish_ship_and_load() {
        let terminators = [".", "!", "?", "…"];
        for code in ["de", "fr", "es"] {
            let pack = LanguagePack::get(code).unwrap();
            assert_eq!(pack.code(), code);
            assert!(pack.is_shipped());
            assert_eq!(pack.terminators().list(), terminators, "{code}");
            // No dictionary lists ship for them.
            assert!(!pack.is_word("a") && !pack.is_camel_case_name("iPhone"));
            for list in [
                pack.boilerplate_markers(),
                pack.boilerplate_phrases(),
                pack.counter_words(),
                pack.copyright_words(),
                pack.consent_words(),
            ] {
                assert!(!list.is_empty(), "{code}");
                assert!(list.iter().all(|e| !e.starts_with('#')), "{code}");
            }
        }
        let get = |code| LanguagePack::get(code).unwrap();

        let de = get("de-AT");
        assert_eq!(de.code(), "de");
        assert!(de.is_abbreviation("z.B") && de.is_abbreviation("Dr"));
        assert!(!de.is_final_abbreviation("z.b"));
        assert!(de.is_final_abbreviation("usw") && de.is_abbreviation("usw"));
        assert!(de.is_number_abbreviation("Nr") && de.is_abbreviation("nr"));
        assert!(de.is_number_abbreviation("Art"));
        assert!(!de.is_abbreviation("so") && !de.is_abbreviation("Haus"));
        assert!(de.is_stopword("Und") && de.is_stopword("über"));
        assert!(!de.is_stopword("Haus"));
        assert!(de.is_starter("Jedoch") && de.is_strong_starter("Die"));
        assert!(!de.is_starter("jedoch"));
        assert!(de.is_function_word("der") && !de.is_function_word("mit"));
        assert!(
            de.follows("ordinal_period") && de.follows("capitalized_nouns")
        );
        assert!(!de.follows("space_before_punctuation"));
        assert!(de.boilerplate_markers().iter().any(|m| m == "impressum"));

        let fr = get("fr");
        assert!(fr.is_abbreviation("Mme") && fr.is_abbreviation("c.-à-d"));
        assert!(
            fr.is_abbreviation("p.ex") && !fr.is_final_abbreviation("mme")
        );
        assert!(
            fr.is_final_abbreviation("etc") && fr.is_final_abbreviation("Cie")
        );
        assert!(
            fr.is_number_abbreviation("p") && fr.is_number_abbreviation("TÉL")
        );
        assert!(fr.is_stopword("Les") && fr.is_stopword("où"));
        assert!(fr.is_starter("Cependant") && fr.is_strong_starter("Il"));
        assert!(fr.is_function_word("avec") && !fr.is_function_word("y"));
        assert!(fr.follows("space_before_punctuation"));
        assert!(!fr.follows("ordinal_period"));
        assert!(fr.boilerplate_markers().iter().any(|m| m == "lire la suite"));

        let es = get("ES_mx");
        assert_eq!(es.code(), "es");
        assert!(es.is_abbreviation("Sra") && es.is_abbreviation("EE.UU"));
        assert!(
            es.is_abbreviation("p.ej") && !es.is_final_abbreviation("sra")
        );
        assert!(
            es.is_final_abbreviation("S.A") && es.is_final_abbreviation("cía")
        );
        assert!(
            es.is_number_abbreviation("Pág")
                && es.is_number_abbreviation("núm")
        );
        assert!(!es.is_abbreviation("pp") && !es.is_abbreviation("no"));
        assert!(es.is_stopword("Los") && es.is_stopword("también"));
        assert!(es.is_starter("Además") && es.is_strong_starter("El"));
        assert!(es.is_function_word("para") && !es.is_function_word("es"));
        assert!(!es.follows("ordinal_period"));
        assert!(!es.terminators().list().iter().any(|t| t == "¿" || t == "¡"));
        assert!(es.boilerplate_markers().iter().any(|m| m == "leer más"));
    }

    #[test]
    fn english_lists_load() {
        let en = LanguagePack::english();
        assert!(en.is_word("Algorithms"));
        assert!(en.inner.words.get().is_some_and(|w| w.len() > 50_000));
        assert!(!en.is_word("zzqx"));
        assert!(en.is_function_word("The"));
        assert!(en.is_strong_starter("However"));
        assert!(en.is_starter("However") && en.is_starter("The"));
        assert!(!en.is_starter("however"));
        assert!(en.is_abbreviation("e.g") && en.is_abbreviation("MR"));
        assert!(en.is_final_abbreviation("etc"));
        assert!(!en.is_final_abbreviation("mr"));
        assert!(en.is_camel_case_name("YouTube"));
        assert!(!en.is_camel_case_name("youtube"));
        for word in ["the", "And", "of", "is", "which"] {
            assert!(en.is_stopword(word), "{word}");
        }
        assert!(!en.is_stopword("garden"));
        assert_eq!(en.terminators().list(), [".", "!", "?", "…"]);
        assert!(en.boilerplate_markers().iter().any(|m| m == "advertisement"));
        assert!(
            en.boilerplate_phrases().iter().any(|m| m == "we use cookies")
        );
        assert!(en.counter_words().iter().any(|m| m == "comments"));
        assert_eq!(en.copyright_words(), ["copyright"]);
        assert!(en.consent_words().iter().any(|m| m == "*cookies"));
        assert!(en.consent_words().iter().any(|m| m == "accept"));
        // Comments and blank lines are not entries.
        for list in [en.boilerplate_markers(), en.boilerplate_phrases()] {
            assert!(list.iter().all(|e| !e.is_empty() && !e.starts_with('#')));
        }
    }

    #[test]
    fn user_lists() {
        let pack = LanguagePack::from_lists(
            "xx",
            LanguageLists {
                abbreviations: "# comment\n\n  Abc.  \n=Fin\n-str\n-ü\n",
                words: "Tuin\n",
                stopwords: "De\n",
                terminators: "。\n.\n.\n！\n",
                boilerplate_phrases: "  Alle Rechte  \n",
                ..LanguageLists::EMPTY
            },
        );
        assert_eq!(pack.code(), "xx");
        assert!(!pack.is_shipped());
        assert!(
            pack.is_abbreviation("ABC") && !pack.is_final_abbreviation("abc")
        );
        assert!(
            pack.is_abbreviation("fin") && pack.is_final_abbreviation("FIN")
        );
        // Compounds of an ending, after three letters or more.
        assert!(
            pack.is_abbreviation("Hauptstr")
                && pack.is_abbreviation("GoetheSTR")
        );
        assert!(!pack.is_abbreviation("str") && !pack.is_abbreviation("Astr"));
        assert!(
            !pack.is_abbreviation("A1bstr")
                && !pack.is_final_abbreviation("Hauptstr")
        );
        assert!(!pack.is_abbreviation("Grüü"), "endings are ASCII");
        assert!(pack.is_word("tuin") && pack.is_stopword("de"));
        assert!(!pack.is_function_word("de") && !pack.is_starter("De"));
        assert_eq!(pack.boilerplate_phrases(), ["Alle Rechte"]);
        assert!(pack.boilerplate_markers().is_empty());
        let t = pack.terminators();
        assert_eq!(t.list(), ["。", ".", "！"]);
        assert_eq!(t.ascii(), b".");
        assert_eq!(t.find_ascii("a。b.".as_bytes()), Some(5));
        assert_eq!(t.len_at("。x".as_bytes()), "。".len());
        assert_eq!(t.len_at("！".as_bytes()), "！".len());
        assert_eq!(t.len_at("\u{3001}".as_bytes()), 0);
        assert!(t.may_start("。".as_bytes()[0]) && !t.may_start(b'!'));
    }

    #[test]
    fn no_lists_no_terminators() {
        let pack = LanguagePack::from_lists("zz", LanguageLists::default());
        let t = pack.terminators();
        assert!(t.list().is_empty());
        assert_eq!(t.find_ascii(b"a. b! c?"), None);
        assert_eq!(t.len_at(b"."), 0);
        assert!(!pack.is_word("a"));
    }

    #[test]
    fn find_ascii_with_many_terminators() {
        let pack = LanguagePack::from_lists(
            "zz",
            LanguageLists { terminators: ".\n!\n?\n;", ..Default::default() },
        );
        assert_eq!(pack.terminators().find_ascii(b"ab;c.d"), Some(2));
        assert_eq!(pack.terminators().find_ascii(b"abcd"), None);
    }
}
