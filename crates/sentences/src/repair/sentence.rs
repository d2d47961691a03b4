//! The sentence around a candidate boundary, as the sentence-level rules
//! ([`glued`](super::glued), [`space`](super::space)) read it.

use super::unwrap::Joins;
use crate::lang::Language;
use crate::text::is_opener;

/// Whether the word that ends at `end` can start a sentence that goes on:
/// more words follow on its line (`Unlike its`), or a comma and more words
/// (`Yes, I`). A lone word before `)`, `.`, `(` or a line end is a name or
/// code (`forms.Form):`, `orderDate (camelCase)`, `string.Template.`).
///
/// A line break that `joins` joins, followed by more words, counts as a
/// space: the decision is the one the joined line will get, so a second
/// run decides nothing new.
pub(super) fn continues_sentence(
    text: &str,
    end: usize,
    joins: &Joins<'_>,
) -> bool {
    let mut after = after_contraction(&text[end..]);
    let mut comma = false;
    loop {
        let Some((rest, spaced)) = skip_blanks(text, after, joins) else {
            return false;
        };
        // A comma or semicolon goes on, once, and after blanks that
        // `sentences.spacing` may take away: `Yes, I`, `Yes , I`.
        if let Some(rest) = rest.strip_prefix([',', ';']).filter(|_| !comma) {
            comma = true;
            after = rest;
            continue;
        }
        return spaced
            && rest.chars().next().is_some_and(|c| {
                c.is_alphanumeric() || (is_opener(c) && c != '(')
            });
    }
}

/// `after`, a tail of `text`, past its spaces and tabs and past the line
/// breaks that `joins` joins (with the blanks the unwrap rule joins over:
/// a CR, a vertical tab, a no-break space), as the repaired text reads
/// it: what follows, and whether anything was skipped. `None` at a line
/// break that is not joined, or a blank line.
fn skip_blanks<'t>(
    text: &'t str,
    mut after: &'t str,
    joins: &Joins<'_>,
) -> Option<(&'t str, bool)> {
    let blank = |c: char| c.is_whitespace() && c != '\n';
    let mut spaced = false;
    loop {
        let blanks = after.trim_start_matches([' ', '\t']);
        spaced |= blanks.len() < after.len();
        after = blanks;
        let line_end = after.trim_start_matches(blank);
        let Some(next) = line_end.strip_prefix('\n') else {
            return Some((after, spaced));
        };
        let nl = text.len() - line_end.len();
        let next = next.trim_start_matches(blank);
        if !joins.at(nl) || next.starts_with('\n') {
            return None;
        }
        after = next;
        spaced = true;
    }
}

/// Whether the right part `right` of a boundary, which ends at `end`,
/// reads as the start of a sentence rather than as the end of an
/// identifier: a sentence starter that is no common part of identifiers
/// (`The`, `But`, `However`) always does; any other starter or dictionary
/// word (`By`, `Now`, `Buffer`) unless the next word is one that follows
/// an identifier in prose: a word for what it is, or one that goes on a
/// noun phrase (`sortBy helper`, `readBuffer function`, `fileName
/// property`, `settingsPage and`, `strings.Split on`; but `entryBy
/// steadily`, `futureAttempts to`). `right` is a starter or a dictionary
/// word already.
///
/// The next word is read as far as a case boundary (`her` of `herThe`),
/// after a line break that `joins` joins, and across a hyphen and a line
/// break (`func-\ntion` is `function`), so that the decision is the one
/// the repaired text gets.
pub(super) fn starts_sentence(
    lang: &Language,
    text: &str,
    right: &str,
    end: usize,
    joins: &Joins<'_>,
) -> bool {
    if lang.is_sure_starter(right) {
        return true;
    }
    // What follows is no word after a blank (`continues_sentence`
    // judges it) or no lower-case one: nothing to go on.
    match skip_blanks(text, &text[end..], joins) {
        Some((after, true)) if after.starts_with(char::is_lowercase) => {
            !follows_identifier(lang, right, after)
        }
        _ => true,
    }
}

/// Whether the lower-case word that `after` starts with follows
/// identifiers after `right`, read as far as a case boundary, and with the
/// letters after a hyphen (and a line break after it) as one word: what
/// dehyphenation may make of it, and what it is if it keeps its hyphen.
fn follows_identifier(lang: &Language, right: &str, after: &str) -> bool {
    let run = |s: &str| {
        s.find(|c: char| !c.is_alphanumeric() || c.is_uppercase())
            .unwrap_or(s.len())
    };
    let len = run(after);
    let (word, rest) = after.split_at(len);
    let Some(tail) = rest.strip_prefix('-') else {
        return lang.is_identifier_follower(right, word);
    };
    let tail = tail.strip_prefix('\r').unwrap_or(tail);
    let tail = tail.strip_prefix('\n').unwrap_or(tail);
    let tail = &tail[..run(tail)];
    let mut buf = [0u8; 48];
    let joined = word.len() + tail.len();
    if joined > buf.len() {
        return false;
    }
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[word.len()..joined].copy_from_slice(tail.as_bytes());
    std::str::from_utf8(&buf[..joined])
        .is_ok_and(|w| lang.is_identifier_follower(right, w))
}

/// `rest` after the contraction or possessive that ends a word there
/// (`He'll`, `Don't`, `Poe's`): the word goes on to the space after it.
fn after_contraction(rest: &str) -> &str {
    let Some(tail) = rest.strip_prefix(['\'', '’']) else { return rest };
    let letters = tail.bytes().take_while(u8::is_ascii_lowercase).count();
    let ends =
        tail.as_bytes().get(letters).is_none_or(|b| !b.is_ascii_alphabetic());
    if (1..=2).contains(&letters) && ends { &tail[letters..] } else { rest }
}

/// Whether `at` is inside parentheses opened earlier on its line (after
/// `floor`, and at most 300 bytes back): a sentence does not end inside an
/// open parenthesis (`JavaScript (as of ECMAScript 5.1)`). Only that window
/// is read, so a long line costs no more per candidate than a short one.
pub(super) fn inside_parentheses(text: &str, at: usize, floor: usize) -> bool {
    let lo = floor.max(at.saturating_sub(300)).min(at);
    let lo = memchr::memrchr(b'\n', &text.as_bytes()[lo..at])
        .map_or(lo, |nl| lo + nl + 1);
    let mut depth = 0usize;
    for &b in text.as_bytes()[lo..at].iter().rev() {
        match b {
            b')' => depth += 1,
            b'(' if depth == 0 => return true,
            b'(' => depth -= 1,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parentheses_are_read_on_the_line_within_reach() {
        let inside =
            |text: &str| inside_parentheses(text, text.find('|').unwrap(), 0);
        assert!(inside("JavaScript (as of ECMAScript 5.|1)"));
        assert!(!inside("done (really) and then|."));
        assert!(!inside("an open (\nline then|."), "the line ended");
        let far = format!("(an aside {}|.", "word ".repeat(80));
        assert!(!inside(&far), "beyond 300 bytes");
        // A long line before the window costs nothing and changes nothing.
        let long = format!("{}(near|.", "word ".repeat(100_000));
        assert!(inside(&long));
    }

    #[test]
    fn sentence_goes_on() {
        let ends = |text: &str| {
            continues_sentence(
                text,
                text.find('|').unwrap() + 1,
                &Joins::Within(&[]),
            )
        };
        assert!(ends("Unlike| its"));
        assert!(ends("Yes|, I"));
        assert!(ends("He|'ll go"));
        assert!(ends("Don|’t go"));
        assert!(!ends("He|'ll"));
        assert!(!ends("It|'sure"));
        assert!(ends("So| \"quoted\""));
        assert!(!ends("Form|):"));
        assert!(!ends("orderDate| (camelCase)"));
        assert!(!ends("Template|."));
        assert!(!ends("Word|\nNext"));
        // A wrapped line's break is a space when the stage unwraps.
        let joined = |text: &str| {
            continues_sentence(text, text.find('|').unwrap() + 1, &Joins::All)
        };
        assert!(joined("Word|\nNext"));
        assert!(!joined("Word|\n\nNext"), "a paragraph ends there");
        assert!(!joined("Form|):"));
        assert!(joined("Yes|,\nI"));
        assert!(joined("Yes|\n, I"));
        assert!(!joined("Yes|,I"));
    }

    #[test]
    fn open_parentheses() {
        let text = "JavaScript (as of ECMAScript 5.1) works (mostly here";
        let at = |s: &str| text.find(s).unwrap();
        assert!(inside_parentheses(text, at("ECMAScript"), 0));
        assert!(!inside_parentheses(text, at("works"), 0));
        assert!(inside_parentheses(text, at("here"), 0));
        // Not past `floor` or the line start.
        assert!(!inside_parentheses(text, at("here"), at("mostly")));
        assert!(!inside_parentheses("a (b\nc", 5, 0));
    }
}
