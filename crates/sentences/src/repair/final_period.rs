//! `sentences.final_period`: a prose paragraph's lost final period,
//! `…advanced AI systems` → `…advanced AI systems.`. Titles, headlines,
//! list items and verse keep their ending.

use std::ops::Range;

use super::code::{is_code_at, looks_like_code};
use super::{Context, Plan};
use crate::blocks::Line;
use crate::lang::Language;
use crate::text::{
    alnum_len, char_at, has_columns, is_closer, is_opener,
    starts_with_list_marker,
};

pub(super) const RULE: &str = "sentences.final_period";

/// Words a line needs to count as prose for a final period.
const PROSE_WORDS: usize = 8;
/// Words a line without commas or inner sentence ends needs to count as
/// prose: shorter ones are headlines.
const UNPUNCTUATED_PROSE_WORDS: usize = 20;
/// A line with at least this many letters and digits, in a block that is
/// not wrapped prose, is a paragraph of its own (web text with single
/// newlines). Lengths are measured in letters and digits, which repair
/// never changes, so that decisions do not move when repair adds spaces.
pub(super) const LONG_LINE: usize = textclean_core::wrap::PARAGRAPH_LINE;
/// Words of the last sentence of `span` that a final period would end.
const LAST_SENTENCE_WORDS: usize = 4;

/// Plans the final periods of one block: at its end when it is one line
/// or hard-wrapped (`wrapped`), else at the end of each long prose line.
/// `last_ok` is [`may_end_with_period`] of its last line.
pub(super) fn add_periods(
    cx: &Context<'_>,
    lines: &[Line],
    wrapped: bool,
    last_ok: bool,
    plan: &mut Vec<Plan>,
) {
    let (lang, text, splits) = (cx.lang, cx.text, cx.splits);
    let last = lines[lines.len() - 1];
    let span = lines[0].start..last.end;
    // Code gets no periods; asked last, as few paragraphs get this far.
    let mut code: Option<bool> = None;
    let mut is_code =
        || *code.get_or_insert_with(|| looks_like_code(&text[span.clone()]));
    if lines.len() == 1 || wrapped {
        let s = &text[span.clone()];
        // Columns are read line by line, as the unwrap rule reads them:
        // the blanks that end a wrapped line are no column gap.
        if last_ok
            && !starts_with_list_marker(s)
            && !lines.iter().any(|l| has_columns(&text[l.start..l.end]))
            && is_prose(s, words_of(s), splits_in(splits, span.clone()))
            && ends_a_sentence(lang, text, span.clone(), splits)
            && !is_code()
        {
            plan.push(Plan {
                span: last.end..last.end,
                with: ".",
                rule: RULE,
            });
        }
        return;
    }
    // Lines of their own: long prose lines ending a paragraph.
    for (k, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        if s.len() < LONG_LINE
            || !may_end_with_period(s)
            || alnum_len(s) < LONG_LINE
        {
            continue;
        }
        let next_upper = lines.get(k + 1).is_none_or(|n| {
            char_at(text, n.start)
                .is_some_and(|c| c.is_uppercase() || is_opener(c))
        });
        if next_upper
            && !has_columns(s)
            && is_prose(
                s,
                words_of(s),
                splits_in(splits, line.start..line.end),
            )
            && ends_a_sentence(lang, text, line.start..line.end, splits)
            && !is_code_at(text, lines, k)
        {
            plan.push(Plan {
                span: line.end..line.end,
                with: ".",
                rule: RULE,
            });
        }
    }
}

/// Word statistics of a stretch of text.
#[derive(Clone, Copy, Default)]
struct Words {
    total: usize,
    lower: usize,
}

fn words_of(text: &str) -> Words {
    let mut w = Words::default();
    for word in text.split_ascii_whitespace() {
        // Punctuation on its own (`the end .`), or what starts with it
        // (`in ."Then`), joins the word before it once `sentences.spacing`
        // has run, and a no-break space on its own goes when its line is
        // joined: neither is a word of its own.
        let mark = |c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?');
        if word.starts_with(mark)
            || word.chars().all(|c| c.is_whitespace() || mark(c))
        {
            continue;
        }
        w.total += 1;
        let first = word.chars().find(|c| !is_opener(*c));
        if first.is_some_and(char::is_lowercase) {
            w.lower += 1;
        }
    }
    w
}

/// Counts the planned splits inside `span`.
fn splits_in(splits: &[usize], span: Range<usize>) -> usize {
    let a = splits.partition_point(|&s| s < span.start);
    let b = splits.partition_point(|&s| s < span.end);
    b - a
}

/// Whether a paragraph reads as prose that lost its final period rather
/// than a heading, a headline or a menu item: enough words, mostly
/// lower-case, and the inner punctuation of prose (a comma, a semicolon,
/// a sentence end) unless it is long. Headlines are short and carry none:
/// "Renting a car could lead to your arrest".
fn is_prose(s: &str, words: Words, splits: usize) -> bool {
    // Each split adds a Capitalized word.
    let total = words.total + splits;
    // A sentence end before a wrapped line's break counts as before the
    // space that unwrapping makes of it: the decision must not move.
    let punctuated = splits > 0
        || s.contains([',', ';'])
        || s.as_bytes().windows(2).any(|w| {
            matches!(w[0], b'.' | b'?' | b'!')
                && (w[1].is_ascii_whitespace() || w[1] == 0x0B)
        })
        || has_sentence_end_before_unicode_space(s);
    total >= PROSE_WORDS
        && words.lower * 2 >= total
        && (punctuated || total >= UNPUNCTUATED_PROSE_WORDS)
}

/// Whether a terminator comes before a whitespace char that is not ASCII
/// (`.\u{a0}`): what unwrapping may turn into a space.
fn has_sentence_end_before_unicode_space(s: &str) -> bool {
    !s.is_ascii()
        && s.chars().zip(s.chars().skip(1)).any(|(a, b)| {
            matches!(a, '.' | '?' | '!') && !b.is_ascii() && b.is_whitespace()
        })
}

/// Whether a line may take a final period: it ends in a letter or digit
/// and is not a list item.
pub(super) fn may_end_with_period(line: &str) -> bool {
    // Most lines end in a terminator: the cheap test first.
    if !line.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    // A footnote number after a finished sentence: `…of storage.25`.
    let before_digits = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let footnote = before_digits.len() < line.len()
        && before_digits.ends_with(['.', '!', '?', ')', '"', '”']);
    // A period after an address would read as part of it.
    let last = line.rsplit(char::is_whitespace).next().unwrap_or(line);
    let address = last.contains(['/', '@']) || last.starts_with("www.");
    !footnote && !address && !starts_with_list_marker(line)
}

/// The last word of `s` as unwrapping will leave it: a word broken at a
/// hyphen or a dash across a line break (`aaaa-\ni`, `plan—\nor`) is one
/// word.
fn last_word(s: &str) -> &str {
    let s = s.trim_end();
    let bytes = s.as_bytes();
    let mut start = s.len();
    loop {
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut gap = start;
        while gap > 0 && bytes[gap - 1].is_ascii_whitespace() {
            gap -= 1;
        }
        // The unwrap rule joins a line that ends in a hyphen or a dash to
        // the next with no space (`plan—\nor` is `plan—or`).
        let broken = (bytes[..gap].ends_with(b"-") || s[..gap].ends_with('—'))
            && bytes[gap..start].contains(&b'\n');
        if !broken {
            return &s[start..];
        }
        start = gap;
    }
}

/// Whether the end of `span` reads as the end of a sentence that lost its
/// period: its last sentence has a few words (not a price or page number
/// after a finished sentence, `…history. 50 cents`) and does not end in a
/// function word (a cut-off line, `…assortment of`).
fn ends_a_sentence(
    lang: &Language,
    text: &str,
    span: Range<usize>,
    splits: &[usize],
) -> bool {
    let s = &text[span.clone()];
    let last = last_word(s);
    // A cut-off line, a price, a page number in a column.
    if lang.is_function_word(last)
        || last.starts_with(['$', '£', '€', '¥'])
        || s[..s.len() - last.len()].ends_with("  ")
    {
        return false;
    }
    // Planned splits end sentences too.
    let k = splits.partition_point(|&p| p < span.end);
    let floor = match k.checked_sub(1).map(|k| splits[k]) {
        Some(p) if p >= span.start => p,
        _ => span.start,
    };
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = span.end;
    while i > floor {
        let b = bytes[i - 1];
        if b.is_ascii_whitespace() {
            if in_word {
                words += 1;
                if words >= LAST_SENTENCE_WORDS {
                    return true;
                }
            }
            in_word = false;
        } else {
            // A terminator, and any closing quotes and brackets after it
            // (`said."`), before a space: the last sentence starts after.
            if matches!(b, b'.' | b'!' | b'?' | b';' | b':') {
                let closers = text[i..]
                    .chars()
                    .take_while(|&c| is_closer(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
                if bytes.get(i + closers).is_some_and(u8::is_ascii_whitespace)
                {
                    // The closers end the sentence before: no word.
                    in_word = false;
                    break;
                }
            }
            in_word = true;
        }
        i -= 1;
    }
    words + usize::from(in_word) >= LAST_SENTENCE_WORDS
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_starts_with_a_mark_is_no_word_of_its_own() {
        // A fuzz finding: `n ."t` counted `."t` as a word until spacing
        // made it `n."t`, so the paragraph read as prose only on a second
        // run.
        for text in ["n .\"t t s\u{fffd}7Moreover S N a N", "in .\"\u{b}x y"] {
            let once = web(text);
            assert_eq!(web(&once), once, "{text:?}");
        }
        assert_eq!(super::words_of("the end . of ,it \u{a0}. NET").total, 4);
    }

    #[test]
    fn a_word_wrapped_at_a_dash_is_one_word() {
        // A fuzz finding: `plan—\nor` is joined as `plan—or`, whose last
        // word is no function word; read as `or`, the joined block got its
        // period only on a second run.
        let text = "WOPDS OPDWe sold the winds, they were also plan—\nor\n";
        let once = web(text);
        assert_eq!(web(&once), once);
        assert_eq!(super::last_word("a plan—\nor"), "plan—\nor");
        assert_eq!(super::last_word("a plan—  or"), "or");
    }

    #[test]
    fn last_word_across_a_hyphen() {
        assert_eq!(super::last_word("a b-\ni"), "b-\ni");
        assert_eq!(super::last_word("a b\ni "), "i");
        assert_eq!(super::last_word("a\n-\nx"), "-\nx");
        assert_eq!(super::last_word(""), "");
    }

    use crate::repair::testing::web;

    kept! {
        title: "AI's Future Hinges on Collaboration";
        title_long: "The Adventures of Tom Sawyer and the Rest of Them";
        short_line: "Just a few words here";
        list_item: "- buy some milk and bread and eggs and butter today";
        list_number: "1. buy some milk and bread and eggs and butter today";
        colon: "Here is what we need to buy at the shop today:";
        verse_web: "The woods are lovely, dark and deep,\nBut I have promises to keep,\nAnd miles to go before I sleep";
        ends_with_address: "You may copy it, give it away or re-use it, as it says online at www.example.org";
        ends_with_url: "More details, and the full terms, can be found on the site at http://example.org/terms";
        footnote_number: "Store it all with plenty of room, and more, for all your files and photos.25";
        headline: "Renting a car could lead to your arrest in some states";
        headline_long_link: "A paragraph of text that runs on for quite a while, as paragraphs on web pages do, and that is followed by a link on the next line of the same block of text.\nShop the Newest Models Now";
        cut_off_line: "We sold them all, and more, at a price lower than the cost of";
        price_after_sentence: "It is a fine history of the town, and of its people. 50 cents";
    }

    #[test]
    fn final_period() {
        assert_eq!(
            web(
                "Title Here\n\nthe cat sat on the mat, and looked at the dog\n"
            ),
            "Title Here\n\nthe cat sat on the mat, and looked at the dog.\n"
        );
        // Prose with a sentence end inside, or long enough, without a
        // comma.
        assert_eq!(
            web("It rained. the cat sat on the mat and looked at the dog"),
            "It rained. the cat sat on the mat and looked at the dog."
        );
        let long = "the cat sat on the mat and looked at the dog for a very \
                    long time before it went to sleep in the sun";
        assert_eq!(web(long), format!("{long}."));
        // A headline carries no inner punctuation: it stays as it is.
        let headline = "the cat sat on the mat and looked at the dog";
        assert_eq!(web(headline), headline);
    }

    #[test]
    fn the_last_sentence_starts_after_a_closing_quote() {
        // `"stop." Then`, and `"stop."Then` that repair splits so, end a
        // sentence alike: the last one is three words, too short for a
        // final period, on the first run and on the second.
        for text in [
            "the man went out into the rain, and said \"stop.\" Then he left",
            "the man went out into the rainHe said \"stop.\"Then he left",
            "s y omHe ap.\"Ten e e",
        ] {
            let once = web(text);
            assert!(!once.ends_with('.'), "{once}");
            assert_eq!(web(&once), once, "{text}");
        }
    }

    #[test]
    fn a_lone_no_break_space_is_no_word() {
        // Unwrapping takes the no-break space at the line end away: the
        // paragraph is judged the same before and after (found by the
        // `sentences` fuzz target).
        let text = "he w \u{fffd}oue API expects oraarrow \u{a0}\n\u{fffd}layoutmpamp;\
                    Future Hinges on Collaborati";
        let once = crate::repair::testing::pdf(text);
        assert_eq!(crate::repair::testing::pdf(&once), once);
    }

    #[test]
    fn long_lines_of_their_own() {
        // Web text with single newlines: each long prose line is a
        // paragraph; the short one after the first is not.
        let first = "The council met on Monday evening to discuss the new \
                     budget, and most of the members agreed on the plan";
        let second = "Residents can read the full report at the library, \
                      which opens every weekday from nine until five";
        let text = format!("{first}\nShort Note\n{second}");
        assert_eq!(web(&text), format!("{first}.\nShort Note\n{second}."));
    }
}
