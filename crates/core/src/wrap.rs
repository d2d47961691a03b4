//! Hard-wrapped text: whether the lines of a block were broken by a
//! wrapper at a fixed width rather than ended by their content. One
//! criterion for every stage, so that a stage that joins wrapped lines and
//! a stage that reads a joined paragraph as one block agree on which
//! blocks those are: cleaning twice then gives what cleaning once gave.
//!
//! ```
//! use textclean_core::wrap::{BlockLine, is_evidently_wrapped};
//!
//! let text = "The council met on Tuesday evening and agreed after a long\n\
//!             debate to repair the roads and the old school before the\n\
//!             winter comes, as the town had asked.";
//! let lines = BlockLine::of(text, 0..text.len());
//! assert!(is_evidently_wrapped(text, &lines));
//! let menu = "Home\nAbout us\nContact";
//! assert!(!is_evidently_wrapped(menu, &BlockLine::of(menu, 0..menu.len())));
//! ```

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::letters;

/// A line of a block: its content, without surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockLine {
    /// Where the content starts.
    pub start: usize,
    /// Where the content ends.
    pub end: usize,
    /// Whether whitespace comes before the content.
    pub indented: bool,
}

impl BlockLine {
    /// The line whose raw span (without its `\n`) is `raw`.
    pub fn new(text: &str, raw: Range<usize>) -> BlockLine {
        let s = &text[raw.clone()];
        // Most lines start and end with a visible ASCII character: nothing
        // to trim.
        let visible = |b: Option<&u8>| {
            b.is_some_and(|&b| b.is_ascii() && !matches!(b, 9..=13 | b' '))
        };
        let bytes = s.as_bytes();
        if visible(bytes.first()) && visible(bytes.last()) {
            return BlockLine {
                start: raw.start,
                end: raw.end,
                indented: false,
            };
        }
        let trimmed = s.trim_start();
        let start = raw.start + (s.len() - trimmed.len());
        BlockLine {
            start,
            end: start + trimmed.trim_end().len(),
            indented: start > raw.start,
        }
    }

    /// The lines of `text[span]`, split at `\n`.
    pub fn of(text: &str, span: Range<usize>) -> Vec<BlockLine> {
        let mut out = Vec::new();
        let mut at = span.start;
        for line in text[span.clone()].split('\n') {
            out.push(BlockLine::new(text, at..at + line.len()));
            at += line.len() + 1;
        }
        out
    }
}

/// Hard-wrapped text wraps at 60 to 100 columns: a block with a line of
/// more letters and digits than this is not wrapped, whatever its shape
/// (web text puts a paragraph and a short link in one block).
const WRAP_MAX: usize = 120;
/// Letters and digits every line of a wrapped block has, but the last.
const WRAP_FLOOR: usize = 24;
/// A line with at least this many letters and digits, in a block that is
/// not wrapped prose, is a paragraph of its own (web text with single
/// newlines): sentence repair may give it a final period. Shorter lines
/// gain one only at the end of their block.
pub const PARAGRAPH_LINE: usize = 80;

/// Whether a multi-line block is shaped like hard-wrapped prose: lines
/// of similar width, no indented lines after the first, no list markers,
/// no prompts after the first line, no aligned columns, not mostly
/// capitals, not verse.
pub fn is_wrap_shaped(text: &str, lines: &[BlockLine]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let mut max = 0;
    let mut upper_starts = 0;
    let mut letters = 0usize;
    let mut caps = 0usize;
    // The fewest letters and digits of a line but the last.
    let mut narrowest = usize::MAX;
    // Every line but the last must be at least `WRAP_FLOOR` wide, and no
    // line but the first indented: a short one (a menu item, a verse
    // line) ends the test before any line is read.
    let all_but_last = &lines[..lines.len() - 1];
    if all_but_last.iter().any(|l| l.end - l.start < WRAP_FLOOR)
        || lines[1..].iter().any(|l| l.indented)
    {
        return false;
    }
    for (k, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        // One pass over the line: its width and its capitals, stopped as
        // soon as it is too wide (a paragraph on one line); then its
        // columns and list marker.
        let Some(shape) = Shape::of(s, WRAP_MAX) else { return false };
        if has_columns(s)
            || starts_with_list_marker(s)
            || (k > 0 && starts_with_prompt(s))
        {
            return false;
        }
        letters += shape.letters;
        caps += shape.caps;
        max = max.max(shape.alnum);
        if k + 1 < lines.len() {
            narrowest = narrowest.min(shape.alnum);
        }
        if s.chars().next().is_some_and(char::is_uppercase) {
            upper_starts += 1;
        }
    }
    if caps * 2 > letters {
        return false;
    }
    // Verse: every line starts upper-case.
    if lines.len() >= 3 && upper_starts == lines.len() {
        return false;
    }
    if max < 36 {
        return false;
    }
    narrowest >= (max / 2).max(WRAP_FLOOR)
}

/// Whether `line` starts, after blanks, with a shell or quote prompt
/// (`$ `, `# `, `% `, `> `): a command, a comment or a quoted line, whose
/// marks are its own. Such a line after the first is no wrapped prose
/// line, so it never joins the one before (and stays a line of its own
/// for every rule that reads it so).
///
/// ```
/// use textclean_core::wrap::starts_with_prompt;
/// assert!(starts_with_prompt("  $ go get ."));
/// assert!(!starts_with_prompt("$5 a day"));
/// ```
pub fn starts_with_prompt(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    ["$ ", "# ", "% ", "> "].iter().any(|p| line.starts_with(p))
}

/// A line's letters and digits, letters and capitals.
struct Shape {
    alnum: usize,
    letters: usize,
    caps: usize,
}

impl Shape {
    /// The shape of `s`, unless it has more than `most` letters and
    /// digits (the count stops there).
    fn of(s: &str, most: usize) -> Option<Shape> {
        let mut shape = Shape { alnum: 0, letters: 0, caps: 0 };
        if s.is_ascii() {
            for &b in s.as_bytes() {
                if b.is_ascii_alphanumeric() {
                    shape.alnum += 1;
                    if shape.alnum > most {
                        return None;
                    }
                    if b.is_ascii_alphabetic() {
                        shape.letters += 1;
                        shape.caps += usize::from(b.is_ascii_uppercase());
                    }
                }
            }
            return Some(shape);
        }
        for c in s.chars().filter(|&c| letters::is_alphanumeric(c)) {
            shape.alnum += 1;
            if shape.alnum > most {
                return None;
            }
            if letters::is_alphabetic(c) {
                shape.letters += 1;
                shape.caps += usize::from(c.is_uppercase());
            }
        }
        Some(shape)
    }
}

/// Whether a block shaped like hard-wrapped text ([`is_wrap_shaped`]) was
/// evidently wrapped at a fixed width, as e-mail, mailing-list archives and
/// plain-text documents are: no code (nor a line that starts like a
/// comment, a quote or a prompt), and every line break where a greedy
/// wrapper puts one: the next line's first word would not have fit on the
/// line (the widest line that ends at a space sets the width), unless a
/// word is hyphenated across it. At least half of the breaks fall
/// mid-sentence, before a line that starts with a lower-case word; of two
/// lines, the one break does, the second line is no wider than the first,
/// and both read as plain prose (no code or markup characters, words of
/// letters). Lines of page text that are
/// blocks of their own (headlines, list items, links, code) end where
/// their content ends, not at a width.
pub fn is_evidently_wrapped(text: &str, lines: &[BlockLine]) -> bool {
    is_wrap_shaped(text, lines) && is_wrapped_at_width(text, lines)
}

/// The rest of [`is_evidently_wrapped`] for a block already known to be
/// [shaped](is_wrap_shaped) like hard-wrapped text: no code, and its line
/// breaks where a greedy wrapper puts them.
pub fn is_wrapped_at_width(text: &str, lines: &[BlockLine]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let line = |l: &BlockLine| &text[l.start..l.end];
    // Line by line, so that the lines need not be next to each other in
    // `text` (a stage may judge a block as it will be once others go).
    if lines.iter().any(|l| {
        let l = line(l);
        l.starts_with(['#', '>', '$', '/', '*'])
            || has_code_tokens(l)
            || looks_like_code(l)
    }) {
        return false;
    }
    // The width is set by the lines that end at a space: where a word is
    // hyphenated, the cut may overhang. Sentence repair only widens lines,
    // so that a second run finds the width the same or wider, and each
    // line is measured as wide as repair may make it: a block that is not
    // evident stays so.
    let width = lines
        .iter()
        .map(&line)
        .filter(|l| !l.ends_with('-'))
        .map(|l| l.chars().count() - unspaced(l))
        .max()
        .unwrap_or(0);
    let mut mid = 0;
    for (k, pair) in lines.windows(2).enumerate() {
        let (a, b) = (line(&pair[0]), line(&pair[1]));
        // The next line's first word, as wide as a second run sees it.
        let first = b.split_whitespace().next().unwrap_or("");
        let lower = first.chars().next().is_some_and(char::is_lowercase)
            && !first.contains("://");
        let lead = lead_width(b, k + 2 == lines.len());
        // A word hyphenated across the break was cut to fit already.
        let period = alnum_len(a) >= PARAGRAPH_LINE;
        if !a.ends_with('-') && split_width(a, period) + 1 + lead <= width {
            // The word would have fit: the line ended for another reason.
            return false;
        }
        if lower && !a.ends_with(['.', '!', '?', ':', ';']) {
            mid += 1;
        }
    }
    if let [a, b] = lines {
        // Two lines give the width nothing to go on: they must read as one
        // sentence of prose broken in its middle.
        return mid == 1
            && split_width(line(b), true) <= split_width(line(a), false)
            && is_broken_sentence(line(a), line(b));
    }
    2 * mid >= lines.len() - 1
}

/// Whether lines `a` and `b` read as one sentence of prose broken between
/// them: `a` of [`PAIR_LETTERS`] letters and digits or more, both of plain
/// words (at least [`PLAIN_A`] and [`PLAIN_B`] of their letters and digits,
/// all around the break), and neither with a character of code or markup.
/// Every measure is one sentence repair leaves as it is: a glued sentence
/// (`cityThe`, `end.The`) is as plain as the two it is split into.
fn is_broken_sentence(a: &str, b: &str) -> bool {
    let coded = |l: &str| {
        l.contains(['|', '$', '=', '{', '}', '<', '>', '\\', '`'])
            || l.contains("://")
    };
    if alnum_len(a) < PAIR_LETTERS || coded(a) || coded(b) {
        return false;
    }
    // Words, not the marks repair may join to them (`said ,`), in the
    // pieces repair may split them into (`aver?Yes`).
    let word = |w: &&str| alnum_len(w) > 0;
    let last = a.split_whitespace().rev().find(word);
    let ends_plain = last.and_then(|w| pieces(w).pop()).is_some_and(is_plain);
    let first = b.split_whitespace().find(word);
    let starts_plain =
        first.and_then(|w| pieces(w).into_iter().next()).is_some_and(is_plain);
    ends_plain
        && starts_plain
        && plain_share(a) >= PLAIN_A
        && plain_share(b) >= PLAIN_B
}

/// Letters and digits the first of two lines needs to be judged wrapped.
const PAIR_LETTERS: usize = 36;
/// The share of plain words' letters and digits the first and the second
/// of two wrapped lines need.
const PLAIN_A: f32 = 0.9;
const PLAIN_B: f32 = 0.75;

/// The share of `line`'s letters and digits in [plain](is_plain) words,
/// each word read in the [pieces] repair may split it into.
fn plain_share(line: &str) -> f32 {
    let (mut plain, mut all) = (0, 0);
    for piece in line.split_whitespace().flat_map(pieces) {
        let n = alnum_len(piece);
        all += n;
        if is_plain(piece) {
            plain += n;
        }
    }
    plain as f32 / all.max(1) as f32
}

/// The pieces sentence repair may split `word` into: before a capital
/// after a lower-case letter or a digit (`cityThe`, `2019The`), or after
/// a terminator and any closing quotes (`end.The`, `said."They`,
/// `over?Yes`). A word repair splits is, piece by piece, the words it
/// makes.
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut prev, mut ended) = (0, ' ', false);
    for (i, c) in word.char_indices() {
        if c.is_uppercase()
            && i > start
            && (prev.is_lowercase() || prev.is_numeric() || ended)
        {
            out.push(&word[start..i]);
            start = i;
        }
        if matches!(c, '.' | '!' | '?') {
            ended = true;
        } else if !is_closing(c) {
            ended = false;
        }
        prev = c;
    }
    out.push(&word[start..]);
    out
}

/// Whether `word` (a word, or a piece of one) is a word of prose:
/// letters, with punctuation around them and an apostrophe or a hyphen
/// inside; not a number, a name with dots (`com.example`) or an
/// identifier (`set_value`).
fn is_plain(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut chars = core.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if letters::is_alphabetic(c) {
            letters += 1;
            continue;
        }
        let next = chars.peek().copied();
        let inner = matches!(c, '\'' | '’' | '-')
            && next.is_some_and(letters::is_alphabetic);
        if !inner {
            return false;
        }
    }
    letters > 0
}

/// The width of `line` once sentence repair has split every glued
/// sentence it might (`cityThe` → `city. The`, `end.The` → `end. The`),
/// without a final period if repair may add one (`period`): the same
/// before the repair and after it.
fn split_width(line: &str, period: bool) -> usize {
    let unspaced = unspaced(line);
    let line =
        if period { line.strip_suffix('.').unwrap_or(line) } else { line };
    let mut width = 0;
    let mut chars = line.chars().peekable();
    let (mut prev, mut before) = (' ', ' ');
    while let Some(c) = chars.next() {
        width += 1;
        if c.is_uppercase() {
            let next = chars.peek().copied().unwrap_or(' ');
            if prev.is_lowercase()
                || (prev.is_uppercase() && next.is_lowercase())
            {
                // A case boundary: `. ` may come before `c`.
                width += 2;
            } else if matches!(prev, '.' | '!' | '?')
                || (is_closing(prev) && matches!(before, '.' | '!' | '?'))
            {
                // Punctuation glued to `c`: a space may come between.
                width += 1;
            }
        }
        before = prev;
        prev = c;
    }
    width - unspaced
}

/// How many spaces of `line` stand before sentence punctuation that
/// closes a word (`the end .`): sentence repair may remove them, so the
/// widths leave them out.
fn unspaced(line: &str) -> usize {
    // One pass: the spaces of each run that punctuation ends.
    let (mut count, mut run) = (0, 0);
    for &b in line.as_bytes() {
        if b == b' ' {
            run += 1;
            continue;
        }
        if b",.;:!?".contains(&b) {
            count += run;
        }
        run = 0;
    }
    count
}

/// Closing quotes and brackets, which may stand between a sentence's
/// terminator and the next sentence.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

/// The width of the first word of `line` (the next line of a block) as a
/// greedy wrapper measured it, as far as sentence repair cannot change it:
/// up to the first place where repair may split the word, with the period
/// it would put there (`refresh.` of `refreshLoad`, `end.` of `end.The`,
/// `end."` of `end."The`), and with the words that start with punctuation
/// after it counted in, as `sentences.spacing` joins them to it (`said ,`
/// becomes `said,`, `in ."The` becomes `in."The`). The block's `last` word
/// counts as ending with a period: repair may add one. Repair never makes
/// it wider, so a block that is not evident stays so.
fn lead_width(line: &str, last: bool) -> usize {
    let mut words = line.split_whitespace().peekable();
    let (mut prev, mut before) = (' ', ' ');
    let mut n = 0;
    let mut word = words.next();
    while let Some(w) = word {
        for c in w.chars() {
            if c.is_uppercase() {
                if prev.is_lowercase() {
                    return n + 1;
                }
                if matches!(prev, '.' | '!' | '?')
                    || (is_closing(prev) && matches!(before, '.' | '!' | '?'))
                {
                    return n;
                }
            }
            n += 1;
            (before, prev) = (prev, c);
        }
        word =
            words.next_if(|w| w.starts_with([',', '.', ';', ':', '!', '?']));
    }
    if last && prev != '.' && words.peek().is_none() {
        n += 1;
    }
    n
}

/// Whether a line holds what prose does not: a call of a dotted or
/// snake_case name (`icu.Locale.getRoot()`, `set_value(`), or an
/// assignment to a name at its start (`count_matches = 0`).
fn has_code_tokens(line: &str) -> bool {
    let called = line.match_indices('(').any(|(at, _)| {
        let name = line[..at]
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .next()
            .unwrap_or("");
        name.len() > 1
            && !name.ends_with('.')
            && (name.contains('_')
                || name.trim_start_matches('.').contains('.'))
    });
    let assigned = line.split_once(" = ").is_some_and(|(name, _)| {
        !name.is_empty()
            && name.chars().all(|c| {
                c.is_alphanumeric() || matches!(c, '_' | '.' | ',' | ' ')
            })
            && name.split_whitespace().count() <= 3
    });
    called || assigned
}

/// Letters and digits in `s`.
pub fn alnum_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    s.chars().filter(|&c| letters::is_alphanumeric(c)).count()
}

/// Aligned columns: a run of three spaces or a tab inside the text.
pub fn has_columns(s: &str) -> bool {
    // One pass over the bytes: searching for a three-byte needle costs
    // more to set up than most lines take to read.
    let mut spaces = 0;
    for &b in s.as_bytes() {
        match b {
            b' ' => {
                spaces += 1;
                if spaces == 3 {
                    return true;
                }
            }
            b'\t' => return true,
            _ => spaces = 0,
        }
    }
    false
}

/// A leading list marker: a bullet, or a number or letter followed by `.`
/// or `)`, or in parentheses.
pub fn starts_with_list_marker(line: &str) -> bool {
    let line = line.trim_start();
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    // Most lines start with a capital, which no marker does but a roman
    // numeral's.
    if first.is_ascii_uppercase() && !matches!(first, 'I' | 'V' | 'X') {
        return false;
    }
    if matches!(first, '-' | '*' | '•' | '–' | '·' | '+' | '▪' | '◦' | '‣')
    {
        return chars.next().is_none_or(char::is_whitespace);
    }
    let token = line.split_whitespace().next().unwrap_or("");
    let inner = token.strip_prefix('(').unwrap_or(token);
    let Some(body) =
        inner.strip_suffix('.').or_else(|| inner.strip_suffix(')'))
    else {
        return false;
    };
    if body.is_empty() || body.len() > 4 {
        return false;
    }
    body.chars().all(|c| c.is_ascii_digit())
        || (body.len() == 1 && body.chars().all(|c| c.is_ascii_lowercase()))
        || body.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// Whether a block holds code: braces, backticks, or one of `==` `=>`
/// `->` `();` `::` `</` `/>` `#include` `!=`.
pub fn looks_like_code(block: &str) -> bool {
    // The patterns are fixed: built once per process.
    static CODE: OnceLock<AhoCorasick> = OnceLock::new();
    CODE.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build([
                "{", "}", "`", "==", "=>", "->", "();", "::", "</", "/>",
                "#include", "!=",
            ])
            .expect("fixed patterns build")
    })
    .is_match(block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_those_repair_leaves() {
        // Glue split, a space added, a final period, a space removed: the
        // width a block is judged by stays.
        for (before, after) in [
            (
                "walked in the cityThe streets",
                "walked in the city. The streets",
            ),
            ("it was the end.The next", "it was the end. The next"),
            ("it was the end", "it was the end."),
            ("the end , and more", "the end, and more"),
            ("said so.\"Then he", "said so.\" Then he"),
        ] {
            assert_eq!(
                split_width(before, true),
                split_width(after, true),
                "{before}"
            );
        }
        // The first word of a line, before and after repair.
        for (before, after, width) in [
            ("refreshLoad more", "refresh. Load more", 8),
            ("end.The next", "end. The next", 4),
            ("said , and", "said, and", 5),
            ("chin, and", "chin, and", 5),
            // A fuzz finding: `in ."They` is `in."They` once spacing has
            // run, and `in." They` once the space is back.
            ("in .\"They were", "in.\" They were", 4),
            ("in .\"TIt", "in.\"TIt", 4),
            ("in ...more", "in...more", 9),
            ("a.b", "a.b", 3),
        ] {
            assert_eq!(lead_width(before, false), width, "{before}");
            assert_eq!(lead_width(after, false), width, "{after}");
        }
        // A final period may be added to the block's last word.
        assert_eq!(lead_width("acorn", true), lead_width("acorn.", true));
        assert_eq!(lead_width("acorn.", true), 6);
        assert_eq!(lead_width("acorn", false), 5);
        // A short line keeps its period: repair adds none there.
        assert_eq!(split_width("but one copy.", false), 13);
        assert_eq!(split_width("but one copy.", true), 12);
    }

    #[test]
    fn two_lines_are_wrapped_when_they_read_as_one_broken_sentence() {
        let wrapped =
            |t: &str| is_evidently_wrapped(t, &BlockLine::of(t, 0..t.len()));
        for yes in [
            "The council met on Tuesday evening and agreed after a long\n\
             debate to repair the roads.",
            "Use your business email for a faster, more helpful, and\n\
             tailored response!",
            "He said that the old bridge would stand for another ten ,\n\
             years at least.",
            "It was the end of the season.The players went home in the\n\
             rain.",
        ] {
            assert!(wrapped(yes), "{yes}");
        }
        for no in [
            // Ends a sentence, or the next line starts one.
            "The council met on Tuesday evening and agreed after a debate.\n\
             then they left.",
            "The council met on Tuesday evening and agreed after a long\n\
             Debate to repair the roads.",
            // Commands, code, addresses: not prose.
            "curl -fsSL https://example.com/install.sh | sh and then run\n\
             sudo example up",
            "Respond to an incoming text message with the Java library\n\
             import com.example.messaging.Response;",
            "The best home theater projectors of the year that sell below\n\
             www.example.com",
            "Logistics made it difficult to deliver the amount of tutoring\n\
             by Jill Barshay August 25, 2025August 29, 2025",
            // The second line wider than the first: no wrapper did that.
            "remember your login, general, and regional preferences\n\
             personalize content, search, recommendations, and offers",
            // Too short a first line to tell.
            "Read the rest of this short\nstory here",
        ] {
            assert!(!wrapped(no), "{no}");
        }
    }

    #[test]
    fn pieces_are_the_words_repair_makes() {
        assert_eq!(pieces("cityThe"), ["city", "The"]);
        assert_eq!(pieces("2019The"), ["2019", "The"]);
        assert_eq!(pieces("said.\"They"), ["said.\"", "They"]);
        assert_eq!(pieces("aver?Ye"), ["aver?", "Ye"]);
        assert_eq!(pieces("U.S.A."), ["U.", "S.", "A."]);
        assert_eq!(pieces("word"), ["word"]);
        assert_eq!(pieces("Word"), ["Word"]);
        // As plain before the split as after it.
        for (before, after) in [
            ("over?Yes it is", "over? Yes it is"),
            ("the cityThe end", "the city. The end"),
            ("in 2019The end", "in 2019. The end"),
            ("said.\"They went", "said.\" They went"),
        ] {
            assert_eq!(plain_share(before), plain_share(after), "{before}");
        }
    }

    #[test]
    fn code_tokens() {
        assert!(has_code_tokens("x = icu.Locale.getRoot()"));
        assert!(has_code_tokens("then call set_value(3) on it"));
        assert!(!has_code_tokens("It was late (too late) and dark."));
        assert!(!has_code_tokens("Mr. Smith (the elder) said so."));
    }
}
