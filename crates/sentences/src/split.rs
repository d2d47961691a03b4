//! A rule-based sentence splitter.

use std::ops::Range;

use crate::blocks::blank_line_after;
use crate::lang::Language;
use crate::text::{char_at, is_closer, is_opener, letters_end};

/// Splits text into sentences, by rules.
///
/// A sentence ends at one of the language pack's
/// [terminators](textclean_core::LanguagePack::terminators) (in English
/// `.`, `!`, `?` or `…`) or a run of them (`?!`, `...`), with any closing
/// quotes and brackets after them (`."`, `?”`, `.)`), when whitespace and
/// then something other than a lower-case letter follow. A period does not end a sentence after an abbreviation
/// of the language pack (`Mr.`, `e.g.`, `No. 5`) or an initial (`J. K.
/// Rowling`); a blank line always does. Decimal numbers (`3.14`, `$4.50`)
/// never split, as no whitespace follows their period.
///
/// ```
/// use textclean_sentences::SentenceSplitter;
/// let splitter = SentenceSplitter::default();
/// assert_eq!(
///     splitter.split("It works. Mr. Smith agrees."),
///     ["It works.", "Mr. Smith agrees."],
/// );
/// assert_eq!(
///     splitter.spans("  Hi!  Bye.\n"),
///     [2..5, 7..11],
/// );
/// ```
#[derive(Clone)]
pub struct SentenceSplitter {
    lang: Language,
    /// What each byte is to the scan: [`PASS`], [`NEWLINE`], [`TERM`] or
    /// [`FIRST`]. Held here rather than read from the pack, so the scan
    /// touches one small table that stays in cache.
    stops: [u8; 256],
}

/// A byte the scan passes over.
const PASS: u8 = 0;
/// `\n`: a blank line may follow.
const NEWLINE: u8 = 1;
/// A single-byte terminator.
const TERM: u8 = 2;
/// The first byte of a longer terminator, perhaps.
const FIRST: u8 = 3;

impl Default for SentenceSplitter {
    /// English.
    fn default() -> SentenceSplitter {
        SentenceSplitter::new(Language::english())
    }
}

impl std::fmt::Debug for SentenceSplitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentenceSplitter").field("lang", &self.lang).finish()
    }
}

impl SentenceSplitter {
    /// A splitter with the terminators and abbreviations of `lang`.
    pub fn new(lang: Language) -> SentenceSplitter {
        let mut stops = [PASS; 256];
        let terminators = lang.terminators();
        for b in 0..=255u8 {
            stops[b as usize] = if b == b'\n' {
                NEWLINE
            } else if terminators.is_ascii(b) {
                TERM
            } else if terminators.may_start(b) {
                FIRST
            } else {
                PASS
            };
        }
        SentenceSplitter { lang, stops }
    }

    /// The language pack in use.
    pub fn language(&self) -> &Language {
        &self.lang
    }

    /// The byte spans of the sentences of `text`, in order, each trimmed of
    /// surrounding whitespace. Together they cover every non-whitespace
    /// char of `text`.
    pub fn spans(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let terminators = self.lang.terminators();
        let mut out = Vec::new();
        let mut from = 0;
        let mut i = 0;
        while i < bytes.len() {
            if self.stops[bytes[i] as usize] == PASS {
                i += 1;
                continue;
            }
            if bytes[i] == b'\n' {
                // A blank line ends a sentence.
                match blank_line_after(bytes, i) {
                    Some(j) => {
                        push(text, from..i, &mut out);
                        from = j;
                        i = j;
                    }
                    None => i += 1,
                }
                continue;
            }
            let term = i;
            let mut j = i;
            loop {
                match bytes.get(j).map(|&b| self.stops[b as usize]) {
                    Some(TERM) => j += 1,
                    Some(FIRST) => match terminators.len_at(&bytes[j..]) {
                        0 => break,
                        n => j += n,
                    },
                    _ => break,
                }
            }
            if j == term {
                // The first byte of a terminator, not the terminator: an
                // 0xE2 that is not `…`.
                i += 1;
                continue;
            }
            let single_dot = j == term + 1 && bytes[term] == b'.';
            while let Some(c) = char_at(text, j).filter(|&c| is_closer(c)) {
                j += c.len_utf8();
            }
            i = j;
            let mut k = j;
            while let Some(c) = char_at(text, k).filter(|c| c.is_whitespace())
            {
                k += c.len_utf8();
            }
            if k == j && k < bytes.len() {
                // No whitespace follows: `3.14`, `U.S.A`, `e.g.,`.
                continue;
            }
            let Some(next) = char_at(text, k) else {
                push(text, from..j, &mut out);
                from = j;
                continue;
            };
            let ends = if next.is_lowercase() {
                false
            } else if single_dot {
                !self.abbreviation_before(text, term, k, next)
            } else {
                true
            };
            if ends {
                push(text, from..j, &mut out);
                from = j;
            }
        }
        push(text, from..bytes.len(), &mut out);
        out
    }

    /// The sentences of `text`, trimmed of surrounding whitespace.
    pub fn split<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.spans(text).into_iter().map(|span| &text[span]).collect()
    }

    /// Whether the period at `dot` ends an abbreviation or an initial
    /// rather than a sentence; `next` (at `at`) starts the next word.
    fn abbreviation_before(
        &self,
        text: &str,
        dot: usize,
        at: usize,
        next: char,
    ) -> bool {
        let bytes = text.as_bytes();
        let floor = dot.saturating_sub(40);
        let mut s = dot;
        while s > floor && !bytes[s - 1].is_ascii_whitespace() {
            s -= 1;
        }
        if s == floor && floor > 0 && !bytes[s - 1].is_ascii_whitespace() {
            return false;
        }
        let Some(word) = text.get(s..dot) else { return false };
        let word = word.trim_start_matches(|c: char| {
            is_opener(c) || matches!(c, '-' | '—' | '–')
        });
        let mut chars = word.chars();
        let (Some(first), rest) = (chars.next(), chars.as_str()) else {
            return false;
        };
        // An initial: `J. K. Rowling`.
        if rest.is_empty() && first.is_uppercase() {
            return true;
        }
        let next_word = &text[at..letters_end(text, at)];
        let lang = &self.lang;
        if word.contains('.') {
            // Dotted: `U.S.`, `e.g.`, `Ph.D.`; ends a sentence only before
            // a word that starts one.
            let dotted = lang.is_abbreviation(word)
                || word.split('.').all(|p| {
                    (1..=2).contains(&p.chars().count())
                        && p.chars().all(char::is_alphabetic)
                });
            return dotted && !lang.is_strong_starter(next_word);
        }
        if !lang.is_abbreviation(word) {
            return false;
        }
        if lang.is_final_abbreviation(word) {
            return !next.is_uppercase();
        }
        if lang.is_word(word) {
            // `no`, `art`, `sun`: abbreviations only as `No. 5`, `Art. 3`.
            return next.is_ascii_digit() || first.is_uppercase();
        }
        true
    }
}

fn push(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[span.clone()];
    let trimmed = s.trim_start();
    let start = span.start + (s.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::default().split(text)
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($s),*];
                assert_eq!(split($text), want);
            }
        };
    }

    t!(
        simple,
        "It works. Mr. Smith agrees.",
        ["It works.", "Mr. Smith agrees."]
    );
    t!(empty, "", []);
    t!(blank, " \n\t ", []);
    t!(no_terminator, "no end here", ["no end here"]);
    t!(question_bang, "Really?! Yes. Ok!", ["Really?!", "Yes.", "Ok!"]);
    t!(
        initials,
        "J. K. Rowling wrote it. Fine.",
        ["J. K. Rowling wrote it.", "Fine."]
    );
    t!(
        titles,
        "Dr. Who met Mrs. Hudson. St. Louis is far.",
        ["Dr. Who met Mrs. Hudson.", "St. Louis is far."]
    );
    t!(
        numbers,
        "It cost $4.50 today. Pi is 3.14 or so.",
        ["It cost $4.50 today.", "Pi is 3.14 or so."]
    );
    t!(
        number_abbrev,
        "See No. 5 and vol. 3 here. Then go.",
        ["See No. 5 and vol. 3 here.", "Then go."]
    );
    t!(no_word, "I said no. Then I left.", ["I said no.", "Then I left."]);
    t!(
        eg,
        "Fruit, e.g. apples, is good. Yes.",
        ["Fruit, e.g. apples, is good.", "Yes."]
    );
    t!(
        etc,
        "Apples, pears, etc. The end.",
        ["Apples, pears, etc.", "The end."]
    );
    t!(
        us,
        "He lives in the U.S. The weather is fine.",
        ["He lives in the U.S.", "The weather is fine."]
    );
    t!(us_mid, "The U.S. Navy sailed.", ["The U.S. Navy sailed."]);
    // After a dotted abbreviation, a question word or a pronoun starts a
    // sentence; a noun does not (cases after pySBD's Golden Rules, MIT).
    t!(
        eu_question,
        "I live in the E.U. How about you?",
        ["I live in the E.U.", "How about you?"]
    );
    t!(
        us_pronoun,
        "I moved to the U.S. I like it here.",
        ["I moved to the U.S.", "I like it here."]
    );
    t!(
        us_noun,
        "I work for the U.S. Government in Virginia.",
        ["I work for the U.S. Government in Virginia."]
    );
    t!(
        company,
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        [
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday."
        ]
    );
    t!(
        company_mid,
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        ["They closed the deal with Pitt, Briggs & Co. at noon."]
    );
    t!(
        email_and_url,
        "Mail Jane.Doe@example.com. See https://example.org/a.html. Bye.",
        [
            "Mail Jane.Doe@example.com.",
            "See https://example.org/a.html.",
            "Bye."
        ]
    );
    t!(
        quotes,
        "He said \"Stop.\" Then he left. 'Why?' she asked.",
        ["He said \"Stop.\"", "Then he left.", "'Why?' she asked."]
    );
    t!(
        curly,
        "“Go!” He went. (It was late.) Next.",
        ["“Go!”", "He went.", "(It was late.)", "Next."]
    );
    t!(
        ellipsis,
        "Wait... what? Well… Then go.",
        ["Wait... what?", "Well…", "Then go."]
    );
    t!(
        paragraphs,
        "A title\n\nThe text starts\nhere and goes on.",
        ["A title", "The text starts\nhere and goes on."]
    );
    t!(crlf, "One.\r\n\r\nTwo", ["One.", "Two"]);

    proptest! {
        #[test]
        fn spans_cover_all_text(text in "[a-zA-Z .!?\"\n”…3]{0,80}") {
            let spans = SentenceSplitter::default().spans(&text);
            let mut at = 0;
            let mut covered = String::new();
            for span in &spans {
                prop_assert!(span.start >= at && span.start < span.end);
                let s = &text[span.clone()];
                prop_assert_eq!(s.trim(), s);
                prop_assert!(text[at..span.start].trim().is_empty());
                covered.push_str(s);
                at = span.end;
            }
            prop_assert!(text[at..].trim().is_empty());
            let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let got: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(all, got);
        }

        #[test]
        fn never_panics(text in "\\PC{0,200}") {
            let _ = SentenceSplitter::default().spans(&text);
        }
    }
}
