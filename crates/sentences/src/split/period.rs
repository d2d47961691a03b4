//! Whether a period followed by whitespace and a word that is not in lower
//! case ends a sentence, or an abbreviation, an initial or an ordinal.

use super::Sentences;
use crate::text::{char_at, is_acronym, is_opener, letters_end};

/// The longest part, in bytes, of a dotted abbreviation written with
/// spaces (`z. B.`, `u. a.`, `S. A.`).
const SPACED_PART: usize = 3;

impl Sentences<'_, '_> {
    /// Whether the period at `dot` ends a sentence; the next word starts
    /// at `at`, after whitespace.
    pub(super) fn period_ends(&self, dot: usize, at: usize) -> bool {
        let text = self.text;
        let bytes = text.as_bytes();
        let lang = &self.splitter.lang;
        // Not back past the sentence's start: a sentence glued to the one
        // before begins a word there (`late.Mr. Smith`).
        let start = word_start(bytes, dot).max(self.from);
        let Some(word) = text.get(start..dot) else { return true };
        let word = word.trim_start_matches(|c: char| {
            is_opener(c) || matches!(c, '-' | '—' | '–' | '¿' | '¡')
        });
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return true };
        let rest = chars.as_str();
        let next = || Next::at(text, at);
        if rest.is_empty() && first.is_alphabetic() {
            return self.letter_ends(word, first, start, &next());
        }
        if word.bytes().all(|b| b.is_ascii_digit()) {
            // `am 3. Mai`: in German an ordinal; `won 3. The` in English.
            return !self.splitter.ordinal_period
                || next().starts_sentence(lang);
        }
        // A quotation or bracket closed right after the period closes a
        // sentence there, whatever the word before it (`"It's 5 p.m."
        // Then`), if one starts after it.
        let closed = text
            .get(dot + 1..at)
            .is_some_and(|between| !between.trim_end().is_empty());
        if closed && next().starts_sentence(lang) {
            return true;
        }
        if word.len() <= SPACED_PART {
            if self.spaced_abbreviation(word, &next()) {
                return false;
            }
            if self.spaced_abbreviation_ends(word, start) {
                return next().starts_sentence_strongly(lang);
            }
        }
        if word.bytes().any(|b| b == b'.') {
            // Dotted: `U.S.`, `e.g.`, `Ph.D.`, `a.m.`; ends a sentence only
            // before a word that starts one.
            let dotted = lang.is_abbreviation(word)
                || word.split('.').all(|p| {
                    (1..=2).contains(&p.chars().count())
                        && p.chars().all(char::is_alphabetic)
                });
            if !dotted {
                return true;
            }
            let next = next();
            // Before a title or a capitalized function word, only after a
            // clause: "At 5 a.m. Mr. Smith went" is one sentence, "He
            // left at 6 P.M. Mr. Smith then went" and "I live in the
            // U.S. My brother" two.
            return next.is_strong_starter(lang)
                || ((next.is_title(lang) || next.is_function_starter(lang))
                    && self.words_before(start, 4) >= 4)
                // A starter that is no part of names (`Then`, `Even`; not
                // `In`, `Today`) after a clause: "He studied at M.I.T.
                // Then he moved" is two sentences, "the U.S. Army" one.
                || (lang.is_sure_starter(next.word)
                    && self.words_before(start, 3) >= 3);
        }
        // Most periods end a word that is no abbreviation: one lookup.
        if !lang.is_abbreviation(word) {
            return true;
        }
        let next = next();
        if is_acronym(word) {
            // An acronym written as an abbreviation is (`EST`, `est.`):
            // it ends a sentence before a word that starts one.
            return next.starts_sentence(lang);
        }
        if lang.is_number_abbreviation(word) {
            // `No. 5`, `p. xii`; but `I said no. Then`.
            return !next.is_number(lang);
        }
        if lang.is_final_abbreviation(word) {
            // `etc. The`, `& Co. It`; but `& Co. at noon`, `Jr. Day`.
            return next.starts_sentence(lang);
        }
        if lang.is_word(word) {
            // `sun`, `mar`: abbreviations only as `Sun. 5`, `Mar. 3`.
            return !(next.is_number(lang) || first.is_uppercase());
        }
        false
    }

    /// How many words of the current sentence stand before `at`, counted
    /// back up to `most` (and over at most 64 bytes a word), so that the
    /// count costs the same in any sentence.
    fn words_before(&self, at: usize, most: usize) -> usize {
        let bytes = self.text.as_bytes();
        let floor = self.from;
        let mut i = at;
        let mut words = 0;
        while words < most {
            while i > floor && bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            if i == floor {
                break;
            }
            let word_floor = i.saturating_sub(64).max(floor);
            while i > word_floor && !bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            words += 1;
        }
        words
    }

    /// Whether the period after the single letter `word` (at `start`)
    /// ends a sentence: an initial (`J. K. Rowling`, `Henry V. Smith`)
    /// does not, but a one-letter pronoun does (`Tom and I. Then`), and so
    /// does a letter before a word that rarely follows a name (`vitamin
    /// C. The`).
    fn letter_ends(
        &self,
        word: &str,
        first: char,
        start: usize,
        next: &Next<'_>,
    ) -> bool {
        let lang = &self.splitter.lang;
        if self.spaced_abbreviation(word, next) {
            return false;
        }
        if self.spaced_abbreviation_ends(word, start) {
            return next.starts_sentence_strongly(lang);
        }
        if first.is_uppercase() {
            if self.opens_sentence(start) {
                // A letter that opens a sentence marks it (`Q. What is
                // it? A. A test.`, `B. Second point`) or is an initial
                // (`J. Smith said`): it ends none.
                return false;
            }
            // `I` after a lower-case word ends a sentence before any
            // capital; another letter there is an initial (`by A. A.
            // Milne`) unless a strong starter follows.
            let pronoun = lang.is_pronoun(word)
                && previous_word(self.text, start).is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_lowercase)
                });
            return (pronoun && next.first.is_some_and(char::is_uppercase))
                || next.starts_sentence_strongly(lang);
        }
        // A lower-case letter: an abbreviation (`p. 12`, `v. Wade`), or
        // the end of a sentence.
        if lang.is_number_abbreviation(word) {
            return !next.is_number(lang);
        }
        !lang.is_abbreviation(word) || next.starts_sentence_strongly(lang)
    }

    /// Whether nothing but whitespace and opening brackets or quotes
    /// stands between the current sentence's start and `at`. It looks
    /// back over the space before one word only, so costs nothing.
    fn opens_sentence(&self, at: usize) -> bool {
        let before = &self.text[self.from..at];
        before
            .trim_end_matches(|c: char| c.is_whitespace() || is_opener(c))
            .is_empty()
    }

    /// Whether `word.` and the next word form a dotted abbreviation
    /// written with a space: `z. B.`, `d. h.`, `e. g.`.
    fn spaced_abbreviation(&self, word: &str, next: &Next<'_>) -> bool {
        next.word.len() <= SPACED_PART
            && char_at(self.text, next.word_end) == Some('.')
            && self.joined_abbreviation(word, next.word)
    }

    /// Whether `word` (at `start`) ends a dotted abbreviation written
    /// with a space: the `B` of `z. B.`.
    fn spaced_abbreviation_ends(&self, word: &str, start: usize) -> bool {
        word.len() <= SPACED_PART
            && previous_word(self.text, start)
                .and_then(|w| w.strip_suffix('.'))
                .is_some_and(|previous| {
                    self.joined_abbreviation(previous, word)
                })
    }

    /// Whether `first.second` is a known abbreviation; both are short
    /// and undotted.
    fn joined_abbreviation(&self, first: &str, second: &str) -> bool {
        let joined = first.len() + 1 + second.len();
        let mut buf = [0u8; 8];
        if first.is_empty()
            || second.is_empty()
            || joined > buf.len()
            || first.contains('.')
        {
            return false;
        }
        buf[..first.len()].copy_from_slice(first.as_bytes());
        buf[first.len()] = b'.';
        buf[first.len() + 1..joined].copy_from_slice(second.as_bytes());
        std::str::from_utf8(&buf[..joined])
            .is_ok_and(|w| self.splitter.lang.is_abbreviation(w))
    }
}

/// The word after a period.
struct Next<'t> {
    /// Its first char, after opening quotes and brackets.
    first: Option<char>,
    /// Its letters.
    word: &'t str,
    /// Where its letters end.
    word_end: usize,
    /// The text from its first char on.
    rest: &'t str,
}

impl<'t> Next<'t> {
    fn at(text: &'t str, mut at: usize) -> Next<'t> {
        while let Some(c) = char_at(text, at).filter(|&c| is_opener(c)) {
            at += c.len_utf8();
        }
        let end = letters_end(text, at);
        Next {
            first: char_at(text, at),
            word: &text[at..end],
            word_end: end,
            rest: &text[at..],
        }
    }

    /// A number: digits, or a roman numeral (`Vol. II`, `p. xii`), but not
    /// the pronoun `I` ("The answer is no. I won't go").
    fn is_number(&self, lang: &crate::lang::Language) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit())
            || (!self.word.is_empty()
                && self.word.len() <= 6
                && (self.word.bytes().all(|b| b"IVXLCDM".contains(&b))
                    || self.word.bytes().all(|b| b"ivxlcdm".contains(&b)))
                && !self.is_pronoun_i(lang))
    }

    /// The word `I` before an apostrophe (`I'm`) or before a space and a
    /// lower-case word that is no function word (`I think`, `I won't`):
    /// the pronoun. A numeral is followed by a function word (`Vol. I of
    /// the set`), and so may the pronoun be (`I was`), which stays a
    /// numeral: a false split costs more than a missed one.
    fn is_pronoun_i(&self, lang: &crate::lang::Language) -> bool {
        if self.word != "I" {
            return false;
        }
        let after = &self.rest[1..];
        if after.starts_with(['\'', '’']) {
            return true;
        }
        let Some(next) = after.strip_prefix(' ') else { return false };
        let end = letters_end(next, 0);
        let word = &next[..end];
        word.chars().next().is_some_and(char::is_lowercase)
            && !lang.is_function_word(word)
    }

    /// A word that starts a sentence: a sentence starter of the pack, or
    /// a title (`Dr.`) after an abbreviation.
    fn starts_sentence(&self, lang: &crate::lang::Language) -> bool {
        lang.is_starter(self.word)
            || self.contraction(|c| lang.is_starter(c))
            || self.is_title(lang)
    }

    /// A word that starts a sentence and rarely continues a name: a strong
    /// starter (`The`, `It`, `However`) or a title (`at 9 a.m. Dr. Lee`).
    fn starts_sentence_strongly(&self, lang: &crate::lang::Language) -> bool {
        self.is_strong_starter(lang) || self.is_title(lang)
    }

    /// A strong starter of the pack, alone or with its contraction
    /// (`It`, `Don't`, `It’s`).
    fn is_strong_starter(&self, lang: &crate::lang::Language) -> bool {
        lang.is_strong_starter(self.word)
            || self.contraction(|c| lang.is_strong_starter(c))
    }

    /// Whether the word, with the apostrophe and the letters after it
    /// (`Don't`, `Let’s`), written with a straight apostrophe, is `is`:
    /// packs list contractions that start sentences (`Don't`, `C'est`)
    /// among their starters, and no name is written so.
    fn contraction(&self, is: impl Fn(&str) -> bool) -> bool {
        let after = &self.rest[self.word.len()..];
        let Some(tail) =
            after.strip_prefix('\'').or_else(|| after.strip_prefix('’'))
        else {
            return false;
        };
        let tail = &tail[..letters_end(tail, 0)];
        let mut buf = [0u8; 24];
        let len = self.word.len() + 1 + tail.len();
        if self.word.is_empty() || tail.is_empty() || len > buf.len() {
            return false;
        }
        buf[..self.word.len()].copy_from_slice(self.word.as_bytes());
        buf[self.word.len()] = b'\'';
        buf[self.word.len() + 1..len].copy_from_slice(tail.as_bytes());
        std::str::from_utf8(&buf[..len]).is_ok_and(is)
    }

    /// A sentence starter that is a function word (`My`, `For`, `At`):
    /// written so only at a sentence's start, or in a title.
    fn is_function_starter(&self, lang: &crate::lang::Language) -> bool {
        lang.is_starter(self.word) && lang.is_function_word(self.word)
    }

    /// A Capitalized abbreviation that stands before a name: `Dr.`, `Mr.`
    /// (not an acronym that is written as one too: `10:30 a.m. EST. It`).
    fn is_title(&self, lang: &crate::lang::Language) -> bool {
        self.first.is_some_and(char::is_uppercase)
            && !is_acronym(self.word)
            && self.rest[self.word.len()..].starts_with('.')
            && lang.is_abbreviation(self.word)
            && !lang.is_final_abbreviation(self.word)
            && !lang.is_number_abbreviation(self.word)
    }
}

/// Where the word that ends at `dot` starts: after the last whitespace,
/// looking back at most 40 bytes.
fn word_start(bytes: &[u8], dot: usize) -> usize {
    let floor = dot.saturating_sub(40);
    let mut s = dot;
    while s > floor && !bytes[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    s
}

/// The word before the one starting at `start`, if it is within 40 bytes.
fn previous_word(text: &str, start: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut e = start;
    while e > 0 && bytes[e - 1].is_ascii_whitespace() && start - e < 8 {
        e -= 1;
    }
    if e == start || e == 0 {
        return None;
    }
    let s = word_start(bytes, e);
    text.get(s..e).filter(|w| !w.is_empty())
}
