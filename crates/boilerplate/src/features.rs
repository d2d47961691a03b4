//! What the block model reads: numbers that describe one block (a line, or
//! a hard-wrapped paragraph read as one line) on its own, and the blocks
//! around it.
//!
//! A block's own features are pure functions of its text, computed once.
//! Its context features read the blocks that are still on the page around
//! it, so they are computed anew whenever a neighbour is removed (see
//! `page::Rules::judge_blocks`).

use textclean_core::{LanguagePack, letters};

use crate::line::Quotes;

/// A block of at least this many words may have lost its final period,
/// which sentence repair puts back: such a block ending in a letter or a
/// digit counts as ending a sentence, so that a second run reads it as the
/// first did.
const PERIOD_RESTORED_WORDS: usize = 8;

/// How many blocks before and after a block its context reads one by one.
pub(crate) const NEIGHBOURS: usize = 2;
/// How many blocks before and after a block its density features sum up.
pub(crate) const WINDOW: usize = 5;

/// A block the model never removes has at least this many words.
const PROTECTED_WORDS: f32 = 8.0;
/// The words of protected prose for each menu separator it holds: a menu,
/// a breadcrumb or a footer of links has a separator every few words.
const WORDS_PER_SEPARATOR: f32 = 25.0;

/// A block of at least this many words, half of them stopwords or so,
/// reads as prose to the density features.
const PROSE_WORDS: f32 = 10.0;
const PROSE_STOPWORDS: f32 = 0.2;

/// What a block is on its own.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Own {
    /// Words, counting the places sentence repair may split glued words.
    pub(crate) words: f32,
    /// Mean letters and digits per word.
    pub(crate) word_len: f32,
    /// Share of words that are stopwords.
    pub(crate) stopwords: f32,
    /// Ends like a sentence: `.` `!` `?` (before closing quotes or
    /// brackets), or a long block ends in a letter or digit.
    pub(crate) ends_sentence: bool,
    /// Ends with `:`.
    pub(crate) ends_colon: bool,
    /// Ends with other punctuation or a symbol (`,` `|` `>` `»` …).
    pub(crate) ends_other: bool,
    /// Starts with a lower-case letter.
    pub(crate) starts_lower: bool,
    /// Starts with a digit.
    pub(crate) starts_digit: bool,
    /// Share of words that start with a capital.
    pub(crate) capitalized: f32,
    /// Share of letters that are capitals.
    pub(crate) caps: f32,
    /// Share of non-space characters that are digits.
    pub(crate) digits: f32,
    /// Share of non-space characters that are neither letters nor digits.
    pub(crate) symbols: f32,
    /// Commas per word.
    pub(crate) commas: f32,
    /// Holds a URL, an e-mail address, a handle or a hashtag.
    pub(crate) link: bool,
    /// Holds a menu separator (`|` `·` `»` `›` `•`; not guillemets used as
    /// quotes, see [`Quotes`]).
    pub(crate) separator: bool,
    /// How many menu separators it holds.
    pub(crate) separators: u32,
    /// Holds a price or currency sign.
    pub(crate) currency: bool,
    /// Several lines joined (a hard-wrapped paragraph).
    pub(crate) wrapped: bool,
    /// Reads like a title: three to fifteen words, starting with a capital
    /// or a digit, ending in a word, `?` or `!` (or, from eight words on,
    /// a period sentence repair may have put there).
    pub(crate) title_like: bool,
}

/// The pieces of a word that sentence repair may split: at a lower-case
/// letter or digit before a capital (`endThe`), and before the last capital
/// of an acronym glued to a capitalized word (`AIDiverse`), as
/// [`crate::line::case_boundaries`] counts them.
fn pieces(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.len();
        let chars = rest.char_indices();
        let (mut before, mut before2): (Option<char>, Option<char>) =
            (None, None);
        for (i, c) in chars {
            if i > 0 {
                let after_lower = before
                    .is_some_and(|b| b.is_lowercase() || b.is_ascii_digit());
                if after_lower && c.is_uppercase() {
                    cut = i;
                    break;
                }
                let acronym = before2.is_some_and(char::is_uppercase)
                    && before.is_some_and(char::is_uppercase)
                    && c.is_lowercase();
                if acronym {
                    let b = before.map_or(0, char::len_utf8);
                    cut = i - b;
                    break;
                }
            }
            (before2, before) = (before, Some(c));
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// What one pass over a block's characters counts.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    words: usize,
    stop: usize,
    capitalized: usize,
    letters: usize,
    upper: usize,
    digits: usize,
    symbols: usize,
    visible: usize,
    commas: usize,
    word_chars: usize,
}

impl Tally {
    /// [`Tally::word`] of an ASCII `word`: one piece unless a capital
    /// follows its first letter.
    fn ascii_word(&mut self, word: &str, lang: &LanguagePack) {
        let simple = !word.as_bytes()[1..].iter().any(u8::is_ascii_uppercase);
        self.word(word, simple, lang);
    }

    /// Counts `word`, a run of letters and digits, as the words sentence
    /// repair will make of it when it is glued to the next sentence
    /// (`endThe`). `simple`: it is ASCII with no capital after its first
    /// letter, as most words are, and so one piece.
    fn word(&mut self, word: &str, simple: bool, lang: &LanguagePack) {
        if simple {
            self.words += 1;
            self.stop += usize::from(lang.is_stopword(word));
            self.capitalized +=
                usize::from(word.as_bytes()[0].is_ascii_uppercase());
            return;
        }
        for piece in pieces(word) {
            self.words += 1;
            self.stop += usize::from(lang.is_stopword(piece));
            self.capitalized += usize::from(
                piece.chars().next().is_some_and(char::is_uppercase),
            );
        }
    }
}

impl Own {
    /// Describes `text`, one block, with `lang`'s stopwords.
    pub(crate) fn of(text: &str, lang: &LanguagePack, wrapped: bool) -> Own {
        let text = text.trim();
        let mut own = Own { wrapped, ..Own::default() };
        let t = if text.is_ascii() {
            read_ascii(text, lang, &mut own)
        } else {
            read_chars(text, lang, &mut own)
        };
        let Tally {
            words,
            stop,
            capitalized,
            letters,
            upper,
            digits,
            symbols,
            visible,
            commas,
            word_chars,
        } = t;
        let per = |n: usize, of: usize| n as f32 / of.max(1) as f32;
        own.words = words as f32;
        own.word_len = per(word_chars, words);
        own.stopwords = per(stop, words);
        own.capitalized = per(capitalized, words);
        own.caps = per(upper, letters);
        own.digits = per(digits, visible);
        own.symbols = per(symbols, visible);
        own.commas = per(commas, words);
        let last = text
            .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
            .chars()
            .next_back();
        own.ends_sentence = matches!(last, Some('.' | '!' | '?' | '…'))
            || (words >= PERIOD_RESTORED_WORDS
                && last.is_some_and(char::is_alphanumeric));
        own.ends_colon = last == Some(':');
        own.ends_other = !own.ends_sentence
            && !own.ends_colon
            && last.is_some_and(|c| !c.is_alphanumeric());
        let first = text.chars().next();
        let title_end = last.is_some_and(char::is_alphanumeric)
            || matches!(last, Some('?' | '!'))
            || (last == Some('.') && words >= PERIOD_RESTORED_WORDS);
        own.title_like = (3..=15).contains(&words)
            && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && title_end;
        own.starts_lower = first.is_some_and(char::is_lowercase);
        own.starts_digit = first.is_some_and(|c| c.is_ascii_digit());
        own
    }

    /// Whether the block reads as prose on its own, so plainly that the
    /// block model never removes it: a sentence or more of at least
    /// [`PROTECTED_WORDS`] words, a quarter of them stopwords, with no
    /// menu separator, or so many words that its few separators are marks
    /// of the text ([`WORDS_PER_SEPARATOR`] each), not of a menu.
    pub(crate) fn is_protected(&self) -> bool {
        self.words >= PROTECTED_WORDS
            && self.stopwords >= 0.25
            && self.ends_sentence
            && self.words >= WORDS_PER_SEPARATOR * self.separators as f32
    }

    /// Whether the density features count this block as prose.
    pub(crate) fn is_prose(&self) -> bool {
        self.words >= PROSE_WORDS && self.stopwords >= PROSE_STOPWORDS
    }
}

/// Reads `text` (trimmed) character by character: its tally, and the
/// marks it sets on `own` (separator, currency, link).
fn read_chars(text: &str, lang: &LanguagePack, own: &mut Own) -> Tally {
    let mut t = Tally::default();
    let quotes = Quotes::of(text);
    let bytes = text.as_bytes();
    // The word being read: where it starts, and whether it is ASCII
    // with no capital after its first letter.
    let mut word: Option<(usize, bool)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII letters and digits, most of any text, on a short path.
        if b.is_ascii_alphanumeric() {
            match &mut word {
                None => word = Some((i, true)),
                Some((_, simple)) => *simple &= !b.is_ascii_uppercase(),
            }
            t.word_chars += 1;
            t.visible += 1;
            if b.is_ascii_alphabetic() {
                t.letters += 1;
                t.upper += usize::from(b.is_ascii_uppercase());
            } else {
                t.digits += 1;
            }
            i += 1;
            continue;
        }
        // A hyphen between letters is part of its word, which is then
        // the same word that dehyphenation makes of it or leaves.
        if b == b'-' && is_inner_hyphen(text, i) {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            text[i..].chars().next().unwrap_or_default()
        };
        if letters::is_alphanumeric(c) {
            match &mut word {
                None => word = Some((i, false)),
                Some((_, simple)) => *simple = false,
            }
            t.word_chars += 1;
            t.visible += 1;
            if letters::is_alphabetic(c) {
                t.letters += 1;
                t.upper += usize::from(c.is_uppercase());
            } else {
                t.digits += usize::from(c.is_numeric());
            }
        } else {
            if let Some((start, simple)) = word.take() {
                t.word(&text[start..i], simple, lang);
            }
            if !c.is_whitespace() {
                t.symbols += 1;
                t.visible += 1;
            }
            match c {
                ',' => t.commas += 1,
                '|' | '·' | '»' | '›' | '•' | '«' | '‹'
                    if quotes.separates(c) =>
                {
                    own.separator = true;
                    own.separators += 1;
                }
                '$' | '€' | '£' | '¥' | '₹' => own.currency = true,
                '@' | '#' => own.link = true,
                // `://` and `www.`, found where they end or start:
                // `str::contains` costs more on the short lines most
                // blocks are.
                ':' if bytes[i..].starts_with(b"://") => own.link = true,
                '.' if bytes[..i].ends_with(b"www") => own.link = true,
                _ => {}
            }
        }
        i += c.len_utf8();
    }
    if let Some((start, simple)) = word {
        t.word(&text[start..], simple, lang);
    }
    t
}

/// Whether the `-` at `at` stands between two letters (`well-known`).
fn is_inner_hyphen(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(letters::is_alphabetic)
        && after.is_some_and(letters::is_alphabetic)
}

/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// [`read_chars`] for ASCII text, eight bytes at a time: letters, digits
/// and spaces counted from masks, words found where a byte's kind
/// changes, and only the other bytes (punctuation, symbols) looked at one
/// by one.
fn read_ascii(text: &str, lang: &LanguagePack, own: &mut Own) -> Tally {
    let bytes = text.as_bytes();
    let mut t = Tally::default();
    let mut word: Option<usize> = None;
    let count = |mask: u64| mask.count_ones() as usize;
    for (k, chunk) in bytes.chunks(8).enumerate() {
        let base = 8 * k;
        // Spaces after the end: they end the last word there.
        let mut padded = [b' '; 8];
        padded[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(padded);
        let upper = letters::ascii_bytes_in(x, b'A', b'Z');
        let lower = letters::ascii_bytes_in(x, b'a', b'z');
        let digit = letters::ascii_bytes_in(x, b'0', b'9');
        // A hyphen between letters is part of its word (see
        // `read_chars`): a letter before it and after it, in this chunk
        // or the ones beside it.
        let letter = upper | lower;
        let is_letter = |at: Option<&u8>| {
            u64::from(at.is_some_and(u8::is_ascii_alphabetic))
        };
        let before =
            letter << 8 | is_letter(bytes.get(base.wrapping_sub(1))) << 7;
        let after = letter >> 8 | is_letter(bytes.get(base + 8)) << 63;
        let inner = letters::ascii_bytes_in(x, b'-', b'-') & before & after;
        let alnum = upper | lower | digit;
        // `char::is_whitespace` of ASCII: tab to carriage return, space.
        let space = letters::ascii_bytes_in(x, 0x09, 0x0d)
            | letters::ascii_bytes_in(x, b' ', b' ');
        let other = HIGH_BITS & !(alnum | space | inner);
        t.letters += count(upper | lower);
        t.upper += count(upper);
        t.digits += count(digit);
        t.word_chars += count(alnum);
        t.visible += count(alnum | other);
        t.symbols += count(other);
        // Where a byte's kind (letter or digit, or not) differs from the
        // byte before's: a word starts, or one ends.
        let wordy = alnum | inner;
        let before = wordy << 8 | u64::from(word.is_some()) << 7;
        let mut changes = wordy ^ before;
        while changes != 0 {
            let at = base + changes.trailing_zeros() as usize / 8;
            changes &= changes - 1;
            match word.take() {
                None => word = Some(at),
                Some(start) => t.ascii_word(&text[start..at], lang),
            }
        }
        let mut marks = other;
        while marks != 0 {
            let at = base + marks.trailing_zeros() as usize / 8;
            marks &= marks - 1;
            match bytes[at] {
                b',' => t.commas += 1,
                b'|' if Quotes::default().separates('|') => {
                    own.separator = true;
                    own.separators += 1;
                }
                b'$' => own.currency = true,
                b'@' | b'#' => own.link = true,
                b':' if bytes[at..].starts_with(b"://") => own.link = true,
                b'.' if bytes[..at].ends_with(b"www") => own.link = true,
                _ => {}
            }
        }
    }
    if let Some(start) = word {
        t.ascii_word(&text[start..], lang);
    }
    t
}

/// The number of features [`vector`] writes.
pub(crate) const COUNT: usize = 17 + 2 * NEIGHBOURS * 4 + 6 + 5;

/// [`names`], made once for the life of the program.
pub(crate) fn static_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        names().into_iter().map(String::leak).map(|s| &*s).collect()
    })
}

/// The names of the features, in [`vector`]'s order (for the model file
/// and for explain output).
pub(crate) fn names() -> Vec<String> {
    let mut names: Vec<String> = [
        "words",
        "word_len",
        "stopwords",
        "ends_sentence",
        "ends_colon",
        "ends_other",
        "starts_lower",
        "starts_digit",
        "capitalized",
        "caps",
        "digits",
        "symbols",
        "commas",
        "link",
        "separator",
        "currency",
        "wrapped",
    ]
    .map(String::from)
    .to_vec();
    for side in ["prev", "next"] {
        for k in 1..=NEIGHBOURS {
            for f in ["words", "stopwords", "ends_sentence", "separated"] {
                names.push(format!("{side}{k}_{f}"));
            }
        }
    }
    for side in ["before", "after"] {
        for f in ["prose", "words", "blocks"] {
            names.push(format!("{side}_{f}"));
        }
    }
    for f in ["blocks_before", "words_before", "blocks_after", "words_after"] {
        names.push(format!("protected_{f}"));
    }
    names.push("protected_share_before".into());
    names
}

/// A neighbouring block as the context features see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Neighbour {
    pub(crate) own: Own,
    /// A blank line stands between it and the block nearer to the one
    /// being judged.
    pub(crate) separated: bool,
}

/// The context of a block: its nearest neighbours on each side (nearest
/// first), and sums over the [`WINDOW`] blocks on each side.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Context {
    pub(crate) before: [Option<Neighbour>; NEIGHBOURS],
    pub(crate) after: [Option<Neighbour>; NEIGHBOURS],
    /// Prose blocks, words and blocks within the window, before and after.
    pub(crate) before_sums: [f32; 3],
    pub(crate) after_sums: [f32; 3],
    /// Where the block stands beside the page's main content: its
    /// paragraphs (and their words) before and after it. The model never
    /// removes those, so these do not change as it removes others.
    pub(crate) region: Region,
}

/// The protected blocks before and after a block: see [`Context::region`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Region {
    pub(crate) blocks_before: f32,
    pub(crate) words_before: f32,
    pub(crate) blocks_after: f32,
    pub(crate) words_after: f32,
}

/// Writes the features of a block with `own` in `context` into `out`.
/// Counts go in as they are, not as logarithms: trees only compare, so a
/// monotone transform would change nothing but their thresholds, and
/// without libm every platform computes the same vector.
pub(crate) fn vector(own: &Own, context: &Context, out: &mut [f32; COUNT]) {
    let b = |yes: bool| f32::from(u8::from(yes));
    let head = [
        own.words,
        own.word_len,
        own.stopwords,
        b(own.ends_sentence),
        b(own.ends_colon),
        b(own.ends_other),
        b(own.starts_lower),
        b(own.starts_digit),
        own.capitalized,
        own.caps,
        own.digits,
        own.symbols,
        own.commas,
        b(own.link),
        b(own.separator),
        b(own.currency),
        b(own.wrapped),
    ];
    out[..head.len()].copy_from_slice(&head);
    let mut i = head.len();
    for side in [&context.before, &context.after] {
        for n in side {
            let fs = match n {
                Some(n) => [
                    n.own.words,
                    n.own.stopwords,
                    b(n.own.ends_sentence),
                    b(n.separated),
                ],
                None => [-1.0; 4],
            };
            out[i..i + 4].copy_from_slice(&fs);
            i += 4;
        }
    }
    for sums in [&context.before_sums, &context.after_sums] {
        out[i] = sums[0];
        out[i + 1] = sums[1];
        out[i + 2] = sums[2];
        i += 3;
    }
    let r = &context.region;
    let all = r.words_before + r.words_after;
    out[i..i + 5].copy_from_slice(&[
        r.blocks_before,
        r.words_before,
        r.blocks_after,
        r.words_after,
        if all > 0.0 { r.words_before / all } else { -1.0 },
    ]);
    i += 5;
    debug_assert_eq!(i, COUNT);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(text: &str) -> Own {
        Own::of(text, &LanguagePack::english(), false)
    }

    proptest::proptest! {
        /// ASCII text read eight bytes at a time reads as it does
        /// character by character: every count, and every mark, with each
        /// kind of byte at every place of the eight.
        #[test]
        fn ascii_reads_as_characters_do(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "q", "0", "9", " ", "  ", "\t", "\u{b}", "\r",
                    ",", "|", "$", "@", "#", ":", "/", "w", ".", "www.",
                    "http://x", "AIDiverse", "endThe", "the", "And", "\u{1}",
                    "\u{7f}", "-", "'", "GPUsThey", "x9Y", "well-known",
                ]),
                0..24,
            ),
        ) {
            let text: String = pieces.concat();
            let lang = LanguagePack::english();
            let (mut a, mut b) = (Own::default(), Own::default());
            let fast = read_ascii(&text, &lang, &mut a);
            let slow = read_chars(&text, &lang, &mut b);
            proptest::prop_assert_eq!(fast, slow, "{:?}", text);
            proptest::prop_assert_eq!(a, b, "{:?}", text);
        }
    }

    #[test]
    fn a_hyphen_between_letters_is_part_of_the_word() {
        // What dehyphenation makes of a word cut across a line break, or
        // leaves of it, is one word either way, with the same letters.
        let lang = LanguagePack::english();
        let read = |text: &str| {
            let mut own = Own::default();
            (
                read_chars(text, &lang, &mut own),
                read_ascii(text, &lang, &mut own),
            )
        };
        let (cut, cut_ascii) = read("the words were hy-phenated here");
        let (whole, _) = read("the words were hyphenated here");
        assert_eq!(cut, whole);
        assert_eq!(cut_ascii, whole);
        let (compound, _) = read("a well-known name");
        assert_eq!(compound.words, 3);
        assert_eq!(compound.symbols, 0);
        // Not between letters: a dash, a range, a cut at the end.
        assert_eq!(read("a - b").0.symbols, 1);
        assert_eq!(read("pages 10-12").0.words, 3);
        assert_eq!(read("we con-").0.symbols, 1);
    }

    #[test]
    fn prose_and_menu_items_differ() {
        let prose = own(
            "The council voted on Tuesday to close the old bridge, which \
             has carried traffic over the river since 1921.",
        );
        assert!(prose.is_prose());
        assert!(prose.ends_sentence);
        assert!(prose.stopwords > 0.2);
        assert!(prose.commas > 0.0);
        let item = own("Privacy Policy");
        assert!(!item.is_prose());
        assert!(!item.ends_sentence);
        assert_eq!(item.words, 2.0);
        assert_eq!(item.capitalized, 1.0);
        // Guillemets quote in French and German prose; one way, they
        // separate a breadcrumb.
        assert!(!own("Il a dit « oui » hier soir.").separator);
        assert!(!own("Er las »Das Shell-Skript« zu Ende.").separator);
        assert!(own("Accueil » Actualités » Sport").separator);
    }

    #[test]
    fn a_long_block_without_its_period_ends_a_sentence() {
        let lost = own("The council voted on Tuesday to close the old bridge");
        assert!(lost.ends_sentence);
        assert!(!own("Read the full story").ends_sentence);
        assert!(own("Home | News | Sport").separator);
        // A stray separator in a long paragraph is a mark of its text.
        let prose = "The teachers and pupils of the schools were invited to \
                     unite in its observance, and instead of trees being \
                     planted merely as screens from the winds | they were also \
                     planted for ornamental purposes and as memorials.";
        assert!(own(prose).is_protected());
        let footer = "Home | About us | Contact | Privacy Policy | Terms of \
                      Use for all the readers of this site.";
        assert!(!own(footer).is_protected());
        assert!(own("Contact us:").ends_colon);
        assert!(own("Tags: news, sport,").ends_other);
        assert!(own("Follow @example").link);
        assert!(own("Only $19.99 today").currency);
        assert!(own("Europe's Open Models Gain Ground").title_like);
        assert!(own("Why the Tram Line Took Ten Years?").title_like);
        assert!(!own("Home").title_like);
        assert!(!own("Contact us:").title_like);
        assert!(!own("read the full story").title_like);
    }

    #[test]
    fn glued_words_count_as_sentence_repair_will_split_them() {
        let glued = own("the endThe start");
        assert_eq!(glued.words, 4.0);
        assert_eq!(glued.stopwords, 0.5);
        assert_eq!(glued.capitalized, 0.25);
        let split: Vec<&str> = pieces("theAIDiverse2019Sales").collect();
        assert_eq!(split, ["the", "AI", "Diverse2019", "Sales"]);
        for word in ["endThe", "AIDiverse", "x2Y", "ÉtéÀ", "ABC", "abc", "Abc"]
        {
            let n = pieces(word).count();
            assert_eq!(n, 1 + crate::line::case_boundaries(word), "{word}");
            // Counted alone, the word is as many words.
            assert_eq!(own(word).words, n as f32, "{word}");
        }
    }

    #[test]
    fn the_vector_has_a_name_per_feature() {
        assert_eq!(names().len(), COUNT);
        let mut out = [0.0; COUNT];
        vector(&own("Home"), &Context::default(), &mut out);
        assert_eq!(out[0], 1.0);
        // No neighbours: their features read -1.
        assert_eq!(out[17], -1.0);
        // No prose on the page: no share of it before.
        assert_eq!(out[COUNT - 1], -1.0);
    }
}
