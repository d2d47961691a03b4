//! `sentences.unwrap`: hard-wrapped lines inside a paragraph, `a long\nline`
//! → `a long line`. Only blocks that look hard-wrapped ([`is_wrapped`])
//! are joined; where a line ends in a word hyphenated across the break,
//! [`dehyphenate`] decides first.

use super::{Context, Options, Plan, dehyphenate};
use crate::blocks::Line;
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

/// Plans the joins of a wrapped block's lines: each line break becomes a
/// space (none after a dash), or goes with its hyphen when
/// [`Hyphen::keeps`](super::dehyphenate::Hyphen::keeps) says the hyphen
/// goes. `word` is scratch space.
pub(super) fn join_lines(
    cx: &Context<'_>,
    opts: &Options,
    lines: &[Line],
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
                && opts.dehyphenate
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
        if !opts.unwrap {
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
        // Off by default.
        assert_eq!(web(text), text);
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
