//! A rule-based sentence splitter: a lazy scan that stops only at the bytes
//! that may end a sentence, and asks the rules of its modules there.

mod lines;
mod lists;
mod period;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::blocks::blank_line_after;
use crate::lang::Language;
use crate::text::{
    char_at, char_before, is_capitalized, is_closer, is_opener, letters_end,
    letters_start,
};

/// Splits text into sentences, by rules.
///
/// A sentence ends at one of the language pack's
/// [terminators](textclean_core::LanguagePack::terminators) (in English
/// `.`, `!`, `?` or `…`) or a run of them (`?!`, `...`, `. . .`), with any
/// closing quotes and brackets after them (`."`, `?”`, `.)`), when
/// whitespace and then something other than a lower-case letter follow.
/// A period does not end a sentence after an abbreviation of the language
/// pack (`Mr.`, `e.g.`, `No. 5`), an initial (`J. K. Rowling`), or the
/// number or letter of a list item (`1.`, `a.`); a bracketed omission
/// (`[…]`) never ends one. An inline list (`1.) Buy milk 2.) Call Ann`) and
/// a bullet (`•`) start a new sentence at each item. A blank line always
/// ends a sentence, and so does a line break unless the next line reads
/// as the same sentence going on (it starts in lower case, or the line
/// ends in a comma or a word such as "the"). Decimal numbers (`3.14`),
/// versions, domains and identifiers never split, as no whitespace
/// follows their period; a sentence glued to the next does
/// (`world.Today is`), where a word meets a sentence starter or a title.
/// A dotted abbreviation before a title ends a sentence only after a
/// clause (`At 5 a.m. Mr. Smith went` is one). In every language, the ideographic terminators of Chinese and
/// Japanese (`。`, `！`, `？`, `｡`) end a sentence with no space after
/// them, as those scripts write none.
///
/// ```
/// use textclean_sentences::SentenceSplitter;
/// let splitter = SentenceSplitter::default();
/// let texts: Vec<&str> =
///     splitter.split("It works. Mr. Smith agrees.").map(|s| s.text).collect();
/// assert_eq!(texts, ["It works.", "Mr. Smith agrees."]);
/// assert_eq!(splitter.spans("  Hi!  Bye.\n"), [2..5, 7..11]);
///
/// // Offsets in bytes and in chars (as Python and JavaScript count).
/// let last = splitter.split("Café. Thé.").last().unwrap();
/// assert_eq!((last.bytes, last.chars), (7..12, 6..10));
/// ```
#[derive(Clone)]
pub struct SentenceSplitter {
    lang: Language,
    /// What each byte is to the scan: [`PASS`], [`NEWLINE`], [`TERM`],
    /// [`LEAD`] or [`PAREN`]. Held here rather than read from the pack, so
    /// the scan touches one small table that stays in cache.
    stops: [u8; 256],
    /// French-style spacing: `Quoi ? »` (`space_before_punctuation`).
    spaced_closers: bool,
    /// Ordinals written `3.` (`ordinal_period`).
    ordinal_period: bool,
}

/// A byte the scan passes over.
/// The ideographic terminators, UTF-8: `。`, `！`, `？` and the half-width
/// `｡`, which end a sentence with no space after them.
const WIDE_TERMINATORS: [[u8; 3]; 4] = [
    [0xe3, 0x80, 0x82],
    [0xef, 0xbc, 0x81],
    [0xef, 0xbc, 0x9f],
    [0xef, 0xbd, 0xa1],
];

/// The length of the ideographic terminator `bytes` start with, or 0.
fn wide_terminator_len(bytes: &[u8]) -> usize {
    match bytes.get(..3) {
        Some(head) if WIDE_TERMINATORS.iter().any(|t| t == head) => 3,
        _ => 0,
    }
}

const PASS: u8 = 0;
/// `\n`: a line or a paragraph may end.
const NEWLINE: u8 = 1;
/// A single-byte terminator.
const TERM: u8 = 2;
/// The first byte of a longer terminator or of a bullet, perhaps.
const LEAD: u8 = 3;
/// `)`: perhaps the end of a list item's number (`2)`).
const PAREN: u8 = 4;

/// One sentence of a text: the text, trimmed of surrounding whitespace,
/// and where it is in the text, in bytes and in chars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'t> {
    /// The sentence.
    pub text: &'t str,
    /// Its byte offsets in the text.
    pub bytes: Range<usize>,
    /// Its char offsets in the text (Unicode scalar values).
    pub chars: Range<usize>,
}

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
    /// A splitter with the terminators, abbreviations, sentence starters
    /// and conventions of `lang`.
    pub fn new(lang: Language) -> SentenceSplitter {
        let mut stops = [PASS; 256];
        let terminators = lang.terminators();
        for b in 0..=255u8 {
            stops[b as usize] = if b == b'\n' {
                NEWLINE
            } else if b == b')' {
                PAREN
            } else if terminators.is_ascii(b) {
                TERM
            } else if terminators.may_start(b)
                || lists::may_start_bullet(b)
                || WIDE_TERMINATORS.iter().any(|t| t[0] == b)
            {
                LEAD
            } else {
                PASS
            };
        }
        SentenceSplitter {
            spaced_closers: lang.follows("space_before_punctuation"),
            ordinal_period: lang.follows("ordinal_period"),
            lang,
            stops,
        }
    }

    /// The language pack in use.
    pub fn language(&self) -> &Language {
        &self.lang
    }

    /// The sentences of `text`, in order, lazily. Together they cover
    /// every non-whitespace char of `text`. The scan is linear in the
    /// length of `text`.
    pub fn split<'s, 't>(&'s self, text: &'t str) -> Sentences<'s, 't> {
        Sentences {
            splitter: self,
            text,
            from: 0,
            blank_to: Some(0),
            at: 0,
            line_start: 0,
            marker: None,
            counted: (0, 0),
            done: false,
        }
    }

    /// The byte spans of the sentences of `text`, in order: those of
    /// [`split`](SentenceSplitter::split), collected.
    pub fn spans(&self, text: &str) -> Vec<Range<usize>> {
        self.split(text).map(|s| s.bytes).collect()
    }
}

/// Where the first byte at or after `at` that is not [`PASS`] is, or the
/// end: eight bytes a step while none of them stops the scan.
#[inline]
fn skip_passed(stops: &[u8; 256], bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let any = chunk.iter().fold(PASS, |any, &b| any | stops[b as usize]);
        if any != PASS {
            break;
        }
        at += 8;
    }
    while at < bytes.len() && stops[bytes[at] as usize] == PASS {
        at += 1;
    }
    at
}

/// Where the whitespace at `from` ends, at most at `to`: ASCII first, as
/// `str::trim_start` but without decoding ASCII.
fn skip_space(text: &str, mut from: usize, to: usize) -> usize {
    let bytes = text.as_bytes();
    while from < to {
        match bytes[from] {
            b' ' | b'\t'..=b'\r' => from += 1,
            0..0x80 => break,
            _ => match char_at(text, from).filter(|c| c.is_whitespace()) {
                Some(c) => from += c.len_utf8(),
                None => break,
            },
        }
    }
    from.min(to)
}

/// Where the whitespace that ends at `to` starts, not before `from`.
fn back_over_space(text: &str, from: usize, mut to: usize) -> usize {
    let bytes = text.as_bytes();
    while to > from {
        match bytes[to - 1] {
            b' ' | b'\t'..=b'\r' => to -= 1,
            0..0x80 => break,
            _ => match char_before(text, to).filter(|c| c.is_whitespace()) {
                Some(c) => to -= c.len_utf8(),
                None => break,
            },
        }
    }
    to.max(from)
}

/// The sentences of a text, from [`SentenceSplitter::split`].
#[derive(Clone, Debug)]
pub struct Sentences<'s, 't> {
    splitter: &'s SentenceSplitter,
    text: &'t str,
    /// Where the current sentence starts, untrimmed.
    from: usize,
    /// Up to where `from..` is known to be only whitespace, or `None` once
    /// the sentence has started: so that the question is linear.
    blank_to: Option<usize>,
    /// Where the scan is.
    at: usize,
    /// Where the line the scan is in starts.
    line_start: usize,
    /// The last list item marker of the paragraph, if any.
    marker: Option<lists::Marker>,
    /// Chars before byte `counted.0`: `counted.1`.
    counted: (usize, usize),
    done: bool,
}

impl<'t> Iterator for Sentences<'_, 't> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        while !self.done {
            let cut = match self.next_cut() {
                Some(cut) => cut,
                None => {
                    self.done = true;
                    self.text.len()
                }
            };
            let from = std::mem::replace(&mut self.from, cut);
            self.blank_to = Some(cut);
            if let Some(sentence) = self.sentence(from..cut) {
                return Some(sentence);
            }
        }
        None
    }
}

impl<'t> Sentences<'_, 't> {
    /// The sentence in `span`, trimmed, or `None` if it is only
    /// whitespace.
    fn sentence(&mut self, span: Range<usize>) -> Option<Sentence<'t>> {
        let text = self.text;
        let start = skip_space(text, span.start, span.end);
        let end = back_over_space(text, start, span.end);
        if start == end {
            return None;
        }
        let char_start = self.chars_to(start);
        let char_end = self.chars_to(end);
        Some(Sentence {
            text: &text[start..end],
            bytes: start..end,
            chars: char_start..char_end,
        })
    }

    /// Whether the current sentence has begun before `at`: whether
    /// anything but whitespace lies between its start and `at`.
    fn started_before(&mut self, at: usize) -> bool {
        let Some(blank_to) = self.blank_to else { return true };
        if at <= blank_to {
            return false;
        }
        if skip_space(self.text, blank_to, at) == at {
            self.blank_to = Some(at);
            false
        } else {
            self.blank_to = None;
            true
        }
    }

    /// The number of chars before byte `at`, counting on from the last
    /// call: offsets only grow, so counting is linear overall.
    fn chars_to(&mut self, at: usize) -> usize {
        let (byte, chars) = self.counted;
        let n = chars + self.text[byte..at].chars().count();
        self.counted = (at, n);
        n
    }

    /// Scans on to the next place a sentence ends (the current one is
    /// `from..cut`), or `None` at the end of the text.
    fn next_cut(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let stops = &self.splitter.stops;
        loop {
            let i = skip_passed(stops, bytes, self.at);
            if i >= bytes.len() {
                self.at = i;
                return None;
            }
            let cut = match stops[bytes[i] as usize] {
                NEWLINE => self.newline(i),
                PAREN => self.paren(i),
                _ => self.terminator_or_bullet(i),
            };
            if cut.is_some() {
                return cut;
            }
        }
    }

    /// At the `\n` at `nl`: a blank line ends the sentence and the list;
    /// a line break may end the sentence.
    fn newline(&mut self, nl: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if let Some(next) = blank_line_after(bytes, nl) {
            self.at = next;
            self.line_start = next + 1;
            self.marker = None;
            return Some(nl);
        }
        self.at = nl + 1;
        let line_start = std::mem::replace(&mut self.line_start, nl + 1);
        self.line_ends_sentence(line_start, nl).then_some(nl)
    }

    /// At a `)`: the end of a list item's number, perhaps (`2)`).
    fn paren(&mut self, at: usize) -> Option<usize> {
        self.at = at + 1;
        self.list_marker(at).flatten()
    }

    /// At a terminator, or at a byte that may start one or a bullet.
    fn terminator_or_bullet(&mut self, i: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let splitter = self.splitter;
        let terminators = splitter.lang.terminators();
        let term = i;
        let mut j = i;
        let mut wide = false;
        loop {
            match bytes.get(j).map(|&b| splitter.stops[b as usize]) {
                Some(TERM) => j += 1,
                Some(LEAD) => match terminators.len_at(&bytes[j..]) {
                    0 => match wide_terminator_len(&bytes[j..]) {
                        0 => break,
                        n => {
                            wide = true;
                            j += n;
                        }
                    },
                    n => j += n,
                },
                _ => break,
            }
        }
        if j == term {
            // Not a terminator: a bullet, or another char with this lead
            // byte.
            return self.bullet(i);
        }
        let mut single_dot = j == term + 1 && bytes[term] == b'.';
        if single_dot {
            // A spaced ellipsis, `. . .`, is one terminator.
            let mut e = j;
            let mut dots = 1;
            while bytes.get(e) == Some(&b' ')
                && bytes.get(e + 1) == Some(&b'.')
            {
                e += 2;
                dots += 1;
            }
            if dots == 3 && term > 0 && bytes[term - 1] == b' ' {
                // ` . . .` between words marks words left out inside a
                // sentence; four dots end one (`. . . .`).
                self.at = e;
                return None;
            }
            if dots >= 3 {
                j = e;
                single_dot = false;
            }
        }
        if single_dot && lists::may_end_marker(bytes, term) {
            if let Some(cut) = self.list_marker(term) {
                return cut;
            }
        }
        self.at = j;
        // A bracketed omission, `[…]`, `(...)`, ends nothing.
        if !single_dot
            && matches!(char_before(text, term), Some('[' | '('))
            && matches!(char_at(text, j), Some(']' | ')'))
        {
            self.at = j + 1;
            return None;
        }
        j = self.closers_end(j);
        self.at = j;
        let mut k = j;
        while let Some(c) = char_at(text, k).filter(|c| c.is_whitespace()) {
            k += c.len_utf8();
        }
        if wide {
            // Chinese and Japanese end a sentence with no space after it.
            return Some(j);
        }
        if k == j && k < bytes.len() {
            // No whitespace follows: `3.14`, `U.S.A`, `e.g.,`; but a
            // sentence glued to the next one ends (`world.Today`).
            return self.glued_end(term, j).then_some(j);
        }
        let Some(next) = char_at(text, k) else {
            return Some(j);
        };
        let ends = if next.is_lowercase() {
            false
        } else if single_dot {
            self.period_ends(term, k)
        } else {
            true
        };
        if ends
            && next == '('
            && lists::ends_in_terminator(text, k, |b| {
                splitter.stops[b as usize] == TERM
            })
        {
            // A citation after a quotation belongs to its sentence:
            // `“… of a wife.” (Austen, p. 1).`
            return None;
        }
        ends.then_some(j)
    }

    /// Whether the terminator at `term`, with no space before the next
    /// word at `j`, ends a sentence glued to the next one: a word of the
    /// language on the left (two letters or more, no abbreviation, not
    /// inside a domain, a path or an identifier), a sentence starter on the
    /// right (not any word: `typing.Union can`, `logging.Handler class`
    /// are code), or a title (`Tuesday.Mr. Smith`), not glued
    /// to more letters, digits or a path, and a space and a word after it
    /// (`Hello world.Today is Tuesday.`; not `Mr.Smith`, `example.Com`,
    /// `myObject.Method`, `Node.js`, `models.Model):`). A Capitalized left word (a name, perhaps, in no word
    /// list) needs a strong sentence starter or a title on the right
    /// (`in Berlin.The`), and so does a number (`bought 1,000.That is a
    /// lot`).
    fn glued_end(&self, term: usize, j: usize) -> bool {
        let text = self.text;
        let lang = &self.splitter.lang;
        let right_end = letters_end(text, j);
        let right = &text[j..right_end];
        let title = char_at(text, right_end) == Some('.')
            && lang.is_abbreviation(right)
            && !lang.is_final_abbreviation(right)
            && !lang.is_number_abbreviation(right);
        let glued_on = match char_at(text, right_end) {
            Some('.') => {
                !title
                    && char_at(text, right_end + 1)
                        .is_some_and(|c| !c.is_whitespace() && !is_closer(c))
            }
            Some(c) => c.is_alphanumeric() || matches!(c, '_' | '(' | '/'),
            None => false,
        };
        // And a sentence goes on after it: a space and a word, or a title
        // and its name (`Today is`, `Mr. Smith`); code goes on otherwise
        // (`models.Model):`, `result.Email,`, `options.Level =`).
        let after = if title { right_end + 1 } else { right_end };
        let goes_on = text[after..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic);
        if !is_capitalized(right) || glued_on || !goes_on {
            return false;
        }
        let strong = title || lang.is_strong_starter(right);
        if char_before(text, term).is_some_and(|c| c.is_ascii_digit()) {
            let start = text[..term]
                .rfind(|c: char| !(c.is_ascii_digit() || c == ','))
                .map_or(0, |i| i + 1);
            return strong
                && char_before(text, start).is_none_or(char::is_whitespace);
        }
        let start = letters_start(text, term, 64);
        let left = &text[start..term];
        let mut chars = left.chars();
        let capitalized = chars.next().is_some_and(char::is_uppercase);
        left.chars().count() >= 2
            && chars.all(char::is_lowercase)
            && (strong || !capitalized)
            && char_before(text, start).is_none_or(|c| {
                c.is_whitespace() || (is_opener(c) && !matches!(c, '(' | '['))
            })
            && !lang.is_abbreviation(left)
            && (capitalized || lang.is_word(left))
            && (title || lang.is_starter(right))
    }

    /// Where the closing quotes and brackets right after a terminator
    /// ending at `j` end; in a language that spaces its punctuation, a
    /// closing guillemet after spaces too (`! »`).
    fn closers_end(&self, mut j: usize) -> usize {
        let text = self.text;
        loop {
            // `“` and `‘` close German quotes („So?“); `」`, `』`, `）`
            // and `】` close Chinese and Japanese ones (「はい。」).
            if let Some(c) = char_at(text, j).filter(|&c| {
                is_closer(c)
                    || matches!(c, '“' | '‘' | '」' | '』' | '）' | '】')
            }) {
                j += c.len_utf8();
                continue;
            }
            if self.splitter.spaced_closers {
                let mut k = j;
                while let Some(c) = char_at(text, k)
                    .filter(|&c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                {
                    k += c.len_utf8();
                }
                if let Some(c) = char_at(text, k)
                    .filter(|c| k > j && matches!(c, '»' | '›'))
                {
                    j = k + c.len_utf8();
                    continue;
                }
            }
            return j;
        }
    }
}
