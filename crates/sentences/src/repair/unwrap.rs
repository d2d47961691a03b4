//! `sentences.unwrap`: hard-wrapped lines inside a paragraph, `a long\nline`
//! → `a long line`. Only blocks that look hard-wrapped
//! ([`textclean_core::wrap`]) are joined; where a line ends in a word hyphenated across the break,
//! [`dehyphenate`] decides first.

use std::ops::Range;

use textclean_core::Lines;

use textclean_core::wrap::{is_wrap_shaped, is_wrapped_at_width};

use super::{Context, Plan, dehyphenate, spacing};
use crate::blocks::{self, Line};
use crate::text::{char_at, char_before};

pub(super) const RULE: &str = "sentences.unwrap";

/// What the shape of each block says, found once for the rules that read
/// it: the spans of the blocks that are [evidently
/// wrapped](textclean_core::wrap::is_evidently_wrapped), where `unwrap_evident` joins lines, and
/// where every block [shaped](is_wrap_shaped) like hard-wrapped text
/// starts, in order.
#[derive(Default)]
pub(super) struct Shapes {
    pub(super) evident: Vec<Range<usize>>,
    pub(super) shaped: Vec<usize>,
}

impl Shapes {
    pub(super) fn of(text: &str, index: &Lines) -> Shapes {
        let mut out = Shapes::default();
        blocks::blocks(text, index, |lines| {
            if lines.len() < 2 || !is_wrap_shaped(text, lines) {
                return;
            }
            out.shaped.push(lines[0].start);
            if is_wrapped_at_width(text, lines) {
                out.evident.push(lines[0].start..lines[lines.len() - 1].end);
            }
        });
        out
    }
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
        // No space after a dash, nor where `sentences.spacing` would take
        // it away again (a line that starts with `,`).
        let tight = line.ends_with('—')
            || line.ends_with("--")
            || (line.ends_with('-')
                && char_before(text, a.end - 1)
                    .is_some_and(char::is_alphabetic)
                && char_at(text, b.start).is_some_and(char::is_alphabetic))
            || cx.spacing.is_some_and(|marks| {
                spacing::removes(marks, text, a.end, b.start)
            });
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
        // Code, whose lines read like words: a dotted call is no prose.
        let text = "for needle in needles: count = search(needle, hay) and keep\n\
                    going while the searcher.next_match() returns a match here\n\
                    result = sorted(found, key=len) if found else the empty";
        assert_eq!(web(text), text);
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
    fn two_lines_are_judged_alike_before_and_after_glue_repair() {
        // `aver?Ye` is as plain a word as `aver? Ye` (found by the
        // `sentences` fuzz target).
        for text in [
            "efirstlinelongparagraphthatwrapshere\naver?Ye i",
            // A vertical tab the join takes away with the line break.
            "cameWdTitovermeit wor fmeAdvertisement\u{b}\ne",
            "The council met on Tuesday evening and agreed after a long\n\
             debate.Then it went home to the city.",
        ] {
            let once = web(text);
            assert_eq!(web(&once), once, "{text:?}");
        }
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
