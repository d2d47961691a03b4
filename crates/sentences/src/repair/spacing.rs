//! `sentences.spacing`: a space before sentence punctuation, `the end .`
//! → `the end.`, `Really ?` → `Really?`.

use textclean_core::Lines;
use textclean_core::wrap::starts_with_prompt;

use super::Plan;
use super::code::CodeBlocks;
use crate::lang::Language;
use crate::text::{char_at, char_before, is_closer};

pub(super) const RULE: &str = "sentences.spacing";

/// Which marks the rule takes the space away before, in one document.
#[derive(Clone, Copy, Debug)]
pub(super) struct Marks {
    /// `;` `:` `!` `?` too, not only `,` and `.`: the document writes
    /// them against the word more often than after a space (not French
    /// `Quoi ?`, whether its pack says so or not).
    all: bool,
}

impl Marks {
    /// The marks for `text` in `lang`. Counted so that the rule's own
    /// edits, and those of the other rules, never change the answer on a
    /// second run: a mark against its word counts whatever follows it.
    pub(super) fn of(lang: &Language, text: &str) -> Marks {
        if lang.follows("space_before_punctuation") {
            return Marks { all: false };
        }
        let bytes = text.as_bytes();
        let (mut tight, mut spaced) = (0usize, 0usize);
        let marks = memchr::memchr3_iter(b';', b':', b'!', bytes)
            .chain(memchr::memchr_iter(b'?', bytes));
        for at in marks.filter(|&at| at > 0) {
            let p = bytes[at - 1];
            if p.is_ascii_alphanumeric() || p >= 0x80 {
                tight += 1;
            } else if p == b' '
                && at >= 2
                && (bytes[at - 2].is_ascii_alphanumeric()
                    || bytes[at - 2] >= 0x80)
            {
                spaced += 1;
            }
        }
        Marks { all: tight > spaced }
    }

    fn takes(self, punct: u8) -> bool {
        match punct {
            b',' | b'.' => true,
            b';' | b':' | b'!' | b'?' => self.all,
            _ => false,
        }
    }
}

/// Plans the removal of the one or two spaces before `,` and `.` (and `;`
/// `:` `!` `?`, as [`Marks`] says) where they end a word: after a letter,
/// a digit or a closing quote or bracket, before whitespace or the end of
/// the text. Left alone: spaced ellipses (`. . .`), a mark that starts
/// something (`.NET`, `.5`, `:)`), a URL before the space, aligned
/// columns, code.
pub(super) fn plan(
    marks: Marks,
    text: &str,
    index: &Lines,
    plan: &mut Vec<Plan>,
) {
    let bytes = text.as_bytes();
    let mut code = CodeBlocks::default();
    // The marks, in order, and a blank before each: found by searching
    // for the marks, which are rarer than spaces (`;` is dropped below
    // unless `marks.all`).
    let usual = memchr::memchr3_iter(b',', b'.', b';', bytes);
    let others = marks
        .all
        .then(|| memchr::memchr3_iter(b':', b'!', b'?', bytes))
        .into_iter()
        .flatten();
    for p in merged(usual, others) {
        let punct = bytes[p];
        if !marks.takes(punct) {
            continue;
        }
        // The blank before it: its first space, in a run of spaces and
        // tabs. One or two spaces: more, or a tab, align columns.
        let run = bytes[..p]
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b' ' | b'\t'))
            .count();
        let Some(first) = bytes[p - run..p].iter().position(|&b| b == b' ')
        else {
            continue;
        };
        let blank = p - run + first;
        if p - blank > 2 || bytes[blank..p].contains(&b'\t') {
            continue;
        }
        if removes_before(text, blank, p, punct)
            && !code.is_code(text, index, blank)
            && !is_command(text, index, blank)
        {
            plan.push(Plan { span: blank..p, with: "", rule: RULE });
        }
    }
}

/// The positions of two ascending iterators, in order.
fn merged(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Whether the rule would remove a space between the word that ends at
/// `end` and the punctuation at `punct` (code aside): what unwrapping
/// asks before it puts a space there.
pub(super) fn removes(
    marks: Marks,
    text: &str,
    end: usize,
    punct: usize,
) -> bool {
    let Some(&b) = text.as_bytes().get(punct) else { return false };
    marks.takes(b) && removes_before(text, end, punct, b)
}

/// Whether the line that holds `at` is a command at a prompt (`$ go get
/// .`), whose marks are arguments.
fn is_command(text: &str, index: &Lines, at: usize) -> bool {
    if index.is_empty() {
        return false;
    }
    starts_with_prompt(&text[index.get(index.line_of(at))])
}

/// Whether a blank from `blank` to the punctuation `punct` at `at` stands
/// between a word and punctuation that closes it.
fn removes_before(text: &str, blank: usize, at: usize, punct: u8) -> bool {
    ends_a_word(text, blank)
        && closes(text, at + 1, punct)
        && !after_url(text, blank)
        && !(punct == b';' && after_reference_name(text, blank))
}

/// Whether the word before the blank at `at` is the start of an HTML
/// character reference (`&amp`, `&#38`): joined to a `;` it would read as
/// `&amp;`, which a second cleaning would decode.
fn after_reference_name(text: &str, at: usize) -> bool {
    let name = text[..at]
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
        .trim_end_matches('#');
    name.len() < at && name.ends_with('&')
}

/// Whether a word ends at `at`: a letter, a digit or a closing quote or
/// bracket comes before it.
fn ends_a_word(text: &str, at: usize) -> bool {
    char_before(text, at).is_some_and(|c| c.is_alphanumeric() || is_closer(c))
}

/// Whether the punctuation `punct` that ends at `after` closes what comes
/// before: whitespace, a closing quote or bracket, or the end follows, and
/// it is no spaced ellipsis (`. . .`).
fn closes(text: &str, after: usize, punct: u8) -> bool {
    let rest = &text.as_bytes()[after..];
    if punct == b'.' {
        let next = rest.iter().position(|&b| b != b' ' && b != b'\t');
        if next.is_some_and(|n| rest[n] == b'.') {
            return false;
        }
    }
    let closing = match char_at(text, after) {
        None => true,
        // `:)` and `;)` are faces.
        Some(c) if matches!(punct, b':' | b';') => c.is_whitespace(),
        Some(c) => c.is_whitespace() || (is_closer(c) && c != '('),
    };
    // A mark before a lower-case word is a symbol as often (`the ?
    // operator`, `missing : after`); a comma or period is not.
    let symbol = matches!(punct, b';' | b':' | b'!' | b'?')
        && text[after..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    closing && !symbol
}

/// Whether the word before the blank at `at` is a URL, whose end a period
/// would blur (`see http://example.com .`).
fn after_url(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..at];
    let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
    word.contains("://") || word.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use crate::repair::testing::web;

    kept! {
        spaced_ellipsis: "I wasn't sure . . . and then it came to me at last.";
        ellipsis_after_space: "It went on and on ... until the very end of the day.";
        dot_net: "We wrote it all in C# and .NET for the big client.";
        decimal: "The value rose by .5 points in the second week of May.";
        emoticon: "That was a good one :) and we all laughed at it then.";
        url: "You can read it all at http://example.com . It is free.";
        reference_name: "Tom &amp ; Jerry went home; then they ate it all.";
        symbol: "See what the ? operator does! Yes! It works: well. Really!";
        prompt: "Fetch it all at once, then type:\n$ go get .\nIt is done.";
        code_line: "Call it as if (a , b) { return x . y } from the function.";
    }

    #[test]
    fn a_prompt_line_stays_a_line_of_its_own() {
        // A fuzz finding: in `pdf`, a `$ ` line was joined to the line
        // before, where it was no command any more, so its blank before
        // `.` went only on a second run. A prompt line is never joined.
        for text in [
            "666666666666666666666666666666666666\n$ n .",
            "We ran the tool on every page of the long report we had\n$ go get .",
        ] {
            let once = crate::repair::testing::pdf(text);
            assert_eq!(crate::repair::testing::pdf(&once), once, "{text:?}");
            assert!(once.contains("\n$ "), "{once:?}");
        }
    }

    #[test]
    fn french_style_is_kept() {
        // More marks after a space than against a word: the document
        // spaces them on purpose.
        let text = "Quel barbecue choisir ? Il faut voir : le prix compte !";
        assert_eq!(web(text), text);
        // Commas and periods go against the word in every language.
        assert_eq!(
            web("Quel barbecue choisir ? Le prix , enfin ."),
            "Quel barbecue choisir ? Le prix, enfin."
        );
    }

    #[test]
    fn space_before_punctuation() {
        assert_eq!(
            web("They have already reported this . Then they left the room."),
            "They have already reported this. Then they left the room."
        );
        // The document writes its other marks against the word.
        assert_eq!(
            web(
                "Did you forget your password ? Make a new one now! It's easy: \
                 click here."
            ),
            "Did you forget your password? Make a new one now! It's easy: \
             click here."
        );
        assert_eq!(
            web("It was a family owned , licensed and insured firm in town."),
            "It was a family owned, licensed and insured firm in town."
        );
        assert_eq!(
            web("He said \"yes\" . Then he went home for the rest of it."),
            "He said \"yes\". Then he went home for the rest of it."
        );
    }
}
