//! `sentences.unwrap`: hard-wrapped lines inside a paragraph, `a long\nline`
//! → `a long line`. Only blocks that look hard-wrapped ([`is_wrapped`])
//! are joined; where a line ends in a word hyphenated across the break,
//! [`dehyphenate`] decides first.

use std::ops::Range;

use textclean_core::Lines;

use super::code::looks_like_code;
use super::{Context, Plan, dehyphenate};
use crate::blocks::{self, Line};
use crate::text::{
    alnum_len, char_at, char_before, has_columns, starts_with_list_marker,
};

pub(super) const RULE: &str = "sentences.unwrap";

/// Hard-wrapped text wraps at 60 to 100 columns: a block with a line of
/// more letters and digits than this is not wrapped, whatever its shape
/// (web text puts a paragraph and a short link in one block).
const WRAP_MAX: usize = 120;
/// Letters and digits every line of a wrapped block has, but the last.
const WRAP_FLOOR: usize = 24;

/// Whether a multi-line block is hard-wrapped prose, to be joined: lines
/// of similar width, no indented lines after the first, no list markers,
/// no aligned columns, not mostly capitals, not verse.
pub(super) fn is_wrapped(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let mut max = 0;
    let mut upper_starts = 0;
    let mut letters = 0usize;
    let mut caps = 0usize;
    for (k, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        // Every line but the last must be at least `WRAP_FLOOR` wide: a
        // short one (a menu item, a verse line) ends the test at once.
        if k + 1 < lines.len() && s.len() < WRAP_FLOOR {
            return false;
        }
        if (k > 0 && line.indented)
            || starts_with_list_marker(s)
            || has_columns(s)
        {
            return false;
        }
        // One pass over the line's chars: its width and its capitals.
        let mut len = 0;
        for c in s.chars().filter(|c| c.is_alphanumeric()) {
            len += 1;
            if c.is_alphabetic() {
                letters += 1;
                caps += usize::from(c.is_uppercase());
            }
        }
        if len > WRAP_MAX {
            return false;
        }
        max = max.max(len);
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
    let floor = (max / 2).max(WRAP_FLOOR);
    lines[..lines.len() - 1]
        .iter()
        .all(|l| alnum_len(&text[l.start..l.end]) >= floor)
}

/// Whether a block shaped like hard-wrapped text ([`is_wrapped`]) was
/// evidently wrapped at a fixed width, as e-mail, mailing-list archives and
/// plain-text documents are: three lines or more, no code, and every line
/// break where a greedy wrapper puts one: the next line's first word would
/// not have fit on the line (the widest line sets the width), unless a
/// word is hyphenated across it. At least half
/// of the breaks fall mid-sentence, before a line that starts with a
/// lower-case word. Lines of page text that are blocks of their own
/// (headlines, list items, links, code) end where their content ends, not
/// at a width.
pub(super) fn is_evident(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let line = |l: &Line| &text[l.start..l.end];
    if lines.iter().any(|l| line(l).starts_with(['#', '>', '$', '/', '*']))
        || looks_like_code(&text[lines[0].start..lines[lines.len() - 1].end])
    {
        return false;
    }
    let width = lines.iter().map(|l| line(l).chars().count()).max();
    let width = width.unwrap_or(0);
    let mut mid = 0;
    for pair in lines.windows(2) {
        let (a, b) = (line(&pair[0]), line(&pair[1]));
        let first = b.split_whitespace().next().unwrap_or("");
        // A word hyphenated across the break was cut to fit already.
        let hyphenated = a.ends_with('-');
        if !hyphenated
            && a.chars().count() + 1 + first.chars().count() <= width
        {
            // The word would have fit: the line ended for another reason.
            return false;
        }
        let word = first.trim_end_matches([',', ';', ':', '.', '!', '?', ')']);
        let ends = a.ends_with(['.', '!', '?', ':', ';']);
        if !ends && !word.is_empty() && word.chars().all(char::is_lowercase) {
            mid += 1;
        }
    }
    2 * mid >= lines.len() - 1
}

/// The spans of the blocks that [`is_wrapped`] and [`is_evident`], in
/// order: where `unwrap_evident` joins lines.
pub(super) fn evident_blocks(text: &str, index: &Lines) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    blocks::blocks(text, index, |lines| {
        if is_wrapped(text, lines) && is_evident(text, lines) {
            out.push(lines[0].start..lines[lines.len() - 1].end);
        }
    });
    out
}

/// The line breaks the block rules join: every one (`unwrap`), or those
/// inside some blocks (`unwrap_evident`; none when that is off too).
pub(super) enum Joins<'a> {
    All,
    Within(&'a [Range<usize>]),
}

impl Joins<'_> {
    /// Whether the line break at `nl` is joined.
    pub(super) fn at(&self, nl: usize) -> bool {
        match self {
            Joins::All => true,
            Joins::Within(blocks) => {
                let k = blocks.partition_point(|b| b.end <= nl);
                blocks.get(k).is_some_and(|b| b.start <= nl)
            }
        }
    }
}

/// Plans the joins of a wrapped block's lines: each line break becomes a
/// space (none after a dash) when `unwrap`, or goes with its hyphen when
/// `dehyphenate` and [`Hyphen::keeps`](super::dehyphenate::Hyphen::keeps)
/// says the hyphen goes. `word` is scratch space.
pub(super) fn join_lines(
    cx: &Context<'_>,
    lines: &[Line],
    unwrap: bool,
    dehyphenate: bool,
    word: &mut String,
    plan: &mut Vec<Plan>,
) {
    let text = cx.text;
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let gap = a.end..b.start;
        let line = &text[a.start..a.end];
        if let Some(h) = dehyphenate::at(cx.hyphens, a.end - 1) {
            if h.next() == b.start
                && dehyphenate
                && !h.keeps(cx.lang, text, cx.counts, word)
            {
                plan.push(Plan {
                    span: a.end - 1..b.start,
                    with: "",
                    rule: dehyphenate::RULE,
                });
                continue;
            }
        }
        if !unwrap {
            continue;
        }
        let tight = line.ends_with('—')
            || line.ends_with("--")
            || (line.ends_with('-')
                && char_before(text, a.end - 1)
                    .is_some_and(char::is_alphabetic)
                && char_at(text, b.start).is_some_and(char::is_alphabetic));
        plan.push(Plan {
            span: gap,
            with: if tight { "" } else { " " },
            rule: RULE,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::repair::testing::{pdf, web};

    #[test]
    fn unwrap_and_dehyphenate() {
        let text = "It was a fine and rather long exam-\n\
                    ple of wrapped text from an old book, and a well-\n\
                    known one, to be found in every library of the\n\
                    land, and it ended here.\n\nNext paragraph.";
        assert_eq!(
            pdf(text),
            "It was a fine and rather long example of wrapped text from \
             an old book, and a well-known one, to be found in every \
             library of the land, and it ended here.\n\nNext paragraph."
        );
        // Its breaks fall mid-sentence: the web defaults join it too.
        assert_eq!(web(text), pdf(text));
    }

    #[test]
    fn web_keeps_lines_that_are_blocks() {
        // Shaped like wrapped text, but every line starts a new block of
        // page text (headlines): only the pdf preset joins it.
        let text = "Ten ways to save money on your groceries this winter\n\
                    How the council plans to fix the roads before the snow";
        assert_eq!(web(text), text);
        assert_ne!(pdf(text), text);
        // Half of the breaks mid-sentence is evidence enough.
        let text = "The council met on Tuesday evening and agreed after a\n\
                    long debate to repair the roads and the old school.\n\
                    Work starts in May and should be finished by winter,\n\
                    when the snow comes.";
        assert_eq!(
            web(text),
            "The council met on Tuesday evening and agreed after a long \
             debate to repair the roads and the old school. Work starts in \
             May and should be finished by winter, when the snow comes."
        );
    }

    #[test]
    fn unwrap_handles_crlf() {
        let text = "The first line of a long paragraph that wraps here\r\n\
                    and the second line of the same paragraph ends.\r\n";
        assert_eq!(
            pdf(text),
            "The first line of a long paragraph that wraps here and the \
             second line of the same paragraph ends.\r\n"
        );
    }

    #[test]
    fn verse_and_lists_stay() {
        for text in [
            "    The woods are lovely, dark and deep,\n    But I have \
             promises to keep,\n    And miles to go before I sleep.",
            "1. The first item of a long list of many things to do\n\
             2. The second item of a long list of many things to do",
            "Introduction            2\nOrigin of Arbor Day      2\n\
             Readings for Arbor Day   3",
        ] {
            assert_eq!(pdf(text), text);
        }
    }
}
