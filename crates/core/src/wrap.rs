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

/// Whether a multi-line block is shaped like hard-wrapped prose: lines
/// of similar width, no indented lines after the first, no list markers,
/// no aligned columns, not mostly capitals, not verse.
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
        if has_columns(s) || starts_with_list_marker(s) {
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
/// plain-text documents are: three lines or more, no code (nor a line that
/// starts like a comment, a quote or a prompt), and every line
/// break where a greedy wrapper puts one: the next line's first word would
/// not have fit on the line (the widest line that ends at a space sets the
/// width), unless a word is hyphenated across it. At least half
/// of the breaks fall mid-sentence, before a line that starts with a
/// lower-case word. Lines of page text that are blocks of their own
/// (headlines, list items, links, code) end where their content ends, not
/// at a width.
pub fn is_evidently_wrapped(text: &str, lines: &[BlockLine]) -> bool {
    if lines.len() < 3 || !is_wrap_shaped(text, lines) {
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
    for pair in lines.windows(2) {
        let (a, b) = (line(&pair[0]), line(&pair[1]));
        // The next line's first word, up to where a sentence rule might
        // split it (`refreshLoad` → `refresh. Load`, `end.The` → `end.
        // The`): what stays on this line's side the same on a second run.
        let first = b.split_whitespace().next().unwrap_or("");
        let lower = first.chars().next().is_some_and(char::is_lowercase)
            && !first.contains("://");
        let lead = unsplit_len(first);
        // A word hyphenated across the break was cut to fit already.
        if !a.ends_with('-') && split_width(a) + 1 + lead <= width {
            // The word would have fit: the line ended for another reason.
            return false;
        }
        if lower && !a.ends_with(['.', '!', '?', ':', ';']) {
            mid += 1;
        }
    }
    2 * mid >= lines.len() - 1
}

/// The width of `line` once sentence repair has split every glued
/// sentence it might (`cityThe` → `city. The`, `end.The` → `end. The`),
/// without a final period: the same before the repair and after it.
fn split_width(line: &str) -> usize {
    let unspaced = unspaced(line);
    let line = line.strip_suffix('.').unwrap_or(line);
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

/// The width of `word` before the first place where sentence repair may
/// split it, without the punctuation it ends with: `refresh` of
/// `refreshLoad`, of `refresh.` and of `refresh,` (which is what `refresh
/// ,` becomes).
fn unsplit_len(word: &str) -> usize {
    let mut prev = ' ';
    let (mut n, mut punct) = (0, 0);
    for c in word.chars() {
        if c.is_uppercase()
            && (prev.is_lowercase() || matches!(prev, '.' | '!' | '?'))
        {
            break;
        }
        n += 1;
        // The punctuation that ends the part so far: sentence repair may
        // split after it, or join a spaced mark to the word (`said ,` →
        // `said,`), so it does not count either way.
        punct = if matches!(c, '.' | '!' | '?' | ',' | ';' | ':') {
            punct + 1
        } else {
            0
        };
        prev = c;
    }
    n - punct
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
            assert_eq!(split_width(before), split_width(after), "{before}");
        }
        assert_eq!(unsplit_len("refreshLoad"), unsplit_len("refresh."));
        assert_eq!(unsplit_len("end.The"), unsplit_len("end."));
        assert_eq!(unsplit_len("a.b"), 3);
        assert_eq!(unsplit_len("said,"), unsplit_len("said"));
    }

    #[test]
    fn code_tokens() {
        assert!(has_code_tokens("x = icu.Locale.getRoot()"));
        assert!(has_code_tokens("then call set_value(3) on it"));
        assert!(!has_code_tokens("It was late (too late) and dark."));
        assert!(!has_code_tokens("Mr. Smith (the elder) said so."));
    }
}
