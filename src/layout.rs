//! The structure of clean text, owned in one place: the head pass that
//! starts every pipeline and the tail pass that ends it.

use textclean_core::{Doc, Edits, Stage};

/// Rule names: stable, documented on [`Layout`].
const LINE_ENDING: &str = "layout.line_ending";
const TRAILING_SPACE: &str = "layout.trailing_space";
const BLANK_LINES: &str = "layout.blank_lines";
const FINAL_NEWLINE: &str = "layout.final_newline";

/// Normalizes the structure of text: `\n` line endings, no trailing
/// whitespace, paragraphs separated by exactly one blank line, no blank
/// lines at the start or end, and one final newline (none for text with no
/// content at all). Leading whitespace is kept: indentation carries meaning
/// in verse, lists and code.
///
/// A pipeline runs it twice. The *head* pass ([`Layout::head`]) comes first,
/// so that every stage sees `\n`-only lines without trailing whitespace and
/// no two blank lines in a row; the *tail* pass ([`Layout::default`]) comes
/// last and also settles the blank lines at the edges and the final newline (and any line ending a stage decoded, such as
/// `&#13;`). Both are this one type, so each rule has one owner.
///
/// | rule | before | after |
/// | --- | --- | --- |
/// | `layout.line_ending` | `a\r\nb`, `a\rb`, VT, FF, U+2028, U+2029, U+0085 | `a\nb` |
/// | `layout.trailing_space` | `a  \nb` | `a\nb` |
/// | `layout.blank_lines` | `a\n\n\n\nb` | `a\n\nb` |
/// | `layout.final_newline` | `a` | `a\n` |
///
/// U+0085 (NEL) is also the C1 control that Windows-1252 text decoded as
/// Latin-1 makes of "…": the head pass leaves it to a stage that reads C1
/// controls as Windows-1252 ([`Stage::decodes_c1`]), and the tail pass
/// makes a line break of any that is left.
///
/// ```
/// use textclean::{Layout, Stage};
/// assert_eq!(Layout::default().clean("\n\nTitle  \r\n\n\n\nBody"), "Title\n\nBody\n");
/// assert_eq!(Layout::head().clean("a \r\n\r\n\r\nb"), "a\n\nb");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Layout {
    /// `layout.line_ending`.
    pub line_endings: bool,
    /// Whether U+0085 is a line ending (with `line_endings`).
    pub nel: bool,
    /// `layout.trailing_space`.
    pub trailing_space: bool,
    /// `layout.blank_lines`.
    pub blank_lines: bool,
    /// `layout.blank_lines` as the head pass has it: a run of blank lines
    /// becomes one blank line, at the edges too (with `blank_lines` off).
    /// No stage reads two blank lines differently from one, and a text of
    /// millions of them then costs the stages nothing.
    pub blank_runs: bool,
    /// `layout.final_newline`.
    pub final_newline: bool,
}

impl Default for Layout {
    /// The tail pass: every rule.
    fn default() -> Layout {
        Layout {
            line_endings: true,
            nel: true,
            trailing_space: true,
            blank_lines: true,
            blank_runs: true,
            final_newline: true,
        }
    }
}

impl Layout {
    /// The head pass: line endings and trailing whitespace, U+0085 too,
    /// and runs of blank lines made one.
    pub fn head() -> Layout {
        Layout {
            blank_lines: false,
            final_newline: false,
            ..Layout::default()
        }
    }

    /// Only line endings, as ftfy's `fix_line_breaks` does.
    pub fn line_endings_only() -> Layout {
        Layout {
            trailing_space: false,
            blank_lines: false,
            blank_runs: false,
            final_newline: false,
            ..Layout::default()
        }
    }

    /// True when the pass changes nothing at all.
    pub fn is_off(&self) -> bool {
        !(self.line_endings
            || self.trailing_space
            || self.blank_lines
            || self.blank_runs
            || self.final_newline)
    }

    /// The length of the line ending at the start of `rest`, if one is
    /// there and is to be normalized; `\n` is `Some(1)` but needs nothing.
    fn ending_at(&self, rest: &[u8]) -> Option<usize> {
        match rest {
            [b'\n', ..] => Some(1),
            [b'\r', b'\n', ..] => Some(2),
            [b'\r' | 0x0b | 0x0c, ..] => Some(1),
            [0xe2, 0x80, 0xa8 | 0xa9, ..] => Some(3),
            [0xc2, 0x85, ..] if self.nel => Some(2),
            _ => None,
        }
    }
}

/// How to find the line endings of a text, decided once per text.
#[derive(Clone, Copy)]
enum Scan {
    /// Only `\n` is a line ending.
    Newline,
    /// `\n` and `\r`.
    Returns,
    /// Also U+2028/U+2029 (lead byte 0xE2), VT, FF and U+0085 (lead byte
    /// 0xC2): the text has some.
    Every,
}

impl Scan {
    fn of(layout: &Layout, bytes: &[u8]) -> Scan {
        if !layout.line_endings {
            return Scan::Newline;
        }
        let has = |needle: &str| {
            memchr::memmem::find(bytes, needle.as_bytes()).is_some()
        };
        // Vectorized scans for bytes the rare endings hold rule them out for
        // nearly every text (0x85, 0xA8 and 0xA9 also end other characters,
        // such as "Å" and "é": only then is the whole ending looked for).
        let rare = (memchr::memchr2(0x0b, 0x0c, bytes).is_some())
            || (layout.nel
                && memchr::memchr(0x85, bytes).is_some()
                && has("\u{85}"))
            || (memchr::memchr2(0xa8, 0xa9, bytes).is_some()
                && (has("\u{2028}") || has("\u{2029}")));
        if rare {
            Scan::Every
        } else if memchr::memchr(b'\r', bytes).is_some() {
            Scan::Returns
        } else {
            Scan::Newline
        }
    }

    /// The offsets where a line ending may start, in order.
    fn candidates(self, bytes: &[u8]) -> Candidates<'_> {
        match self {
            Scan::Newline => {
                Candidates::Newline(textclean_core::newlines(bytes))
            }
            Scan::Returns => {
                Candidates::Returns(memchr::memchr2_iter(b'\n', b'\r', bytes))
            }
            Scan::Every => Candidates::Every(bytes, 0),
        }
    }
}

/// The iterator of [`Scan::candidates`]: one vectorized search over the
/// whole text, not one per line.
enum Candidates<'a> {
    Newline(textclean_core::Newlines<'a>),
    Returns(memchr::Memchr2<'a>),
    Every(&'a [u8], usize),
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Newline(it) => it.next(),
            Candidates::Returns(it) => it.next(),
            Candidates::Every(bytes, at) => {
                let i = *at
                    + bytes[*at..].iter().position(|&b| {
                        matches!(b, b'\n' | b'\r' | 0x0b | 0x0c | 0xe2 | 0xc2)
                    })?;
                *at = i + 1;
                Some(i)
            }
        }
    }
}

impl Stage for Layout {
    fn name(&self) -> &'static str {
        "layout"
    }

    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        if self.is_off() {
            return;
        }
        let text = doc.text();
        let bytes = text.as_bytes();
        // Where the current run of blank lines started, if in one.
        let mut blank_run: Option<usize> = None;
        let mut seen_content = false;
        let mut candidates = Scan::of(self, bytes).candidates(bytes);
        let mut start = 0;
        while start < text.len() {
            // The end of this line and the length of its ending.
            let (line_end, ending_len) = loop {
                match candidates.next() {
                    None => break (text.len(), 0),
                    // The `\n` of a `\r\n` already taken.
                    Some(at) if at < start => {}
                    Some(at) => {
                        let ending = if self.line_endings {
                            self.ending_at(&bytes[at..])
                        } else {
                            Some(1)
                        };
                        if let Some(len) = ending {
                            break (at, len);
                        }
                    }
                }
            };
            let line = &text[start..line_end];
            // Most lines end in a character that is not a space.
            let settled = line
                .as_bytes()
                .last()
                .is_some_and(|&b| b < 0x80 && !b.is_ascii_whitespace());
            let content = if self.trailing_space && !settled {
                line.trim_end()
            } else {
                line
            };
            let mut next = line_end + ending_len;
            if (self.blank_lines || self.blank_runs) && content.is_empty() {
                blank_run.get_or_insert(start);
                // The `\n`s that follow are blank lines too: skipped at
                // once, as are their candidates.
                let run = bytes[next..].iter().take_while(|&&b| b == b'\n');
                next += run.count();
                start = next;
                continue;
            }
            if let Some(run) = blank_run.take() {
                self.end_blank_run(run..start, seen_content, edits);
            }
            seen_content |= !content.is_empty();
            let content_end = start + content.len();
            if content_end < line_end {
                edits.delete(content_end..line_end, TRAILING_SPACE);
            }
            if ending_len == 0 {
                if self.final_newline && !content.is_empty() {
                    edits.insert(next, "\n", FINAL_NEWLINE);
                }
            } else if bytes[line_end] != b'\n' || ending_len > 1 {
                edits.replace(line_end..next, "\n", LINE_ENDING);
            }
            start = next;
        }
        if let Some(run) = blank_run {
            self.end_blank_run(run..text.len(), false, edits);
        }
    }
}

impl Layout {
    /// Settles the blank lines of `run`: with `blank_lines`, one between
    /// paragraphs (`inside`: content came before, and comes after unless
    /// the run ends the text), none at the edges; else (`blank_runs`) one
    /// wherever it stands.
    fn end_blank_run(
        &self,
        run: std::ops::Range<usize>,
        inside: bool,
        edits: &mut Edits<'_>,
    ) {
        let one = if self.blank_lines {
            if inside { "\n" } else { "" }
        } else {
            "\n"
        };
        edits.replace(run, one, BLANK_LINES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::borrow::Cow;

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(Layout::default().clean($input), $expected);
            }
        };
    }

    t!(empty, "", "");
    t!(only_whitespace, " \n\t\r\n  ", "");
    t!(adds_final_newline, "a", "a\n");
    t!(crlf_and_cr, "a\r\nb\rc\r\n", "a\nb\nc\n");
    t!(
        other_endings,
        "a\u{b}b\u{c}c\u{2028}d\u{2029}e\u{85}f",
        "a\nb\nc\nd\ne\nf\n"
    );
    t!(trailing_space, "a \t\nb  ", "a\nb\n");
    t!(keeps_indentation, "  verse\n    line\n", "  verse\n    line\n");
    t!(collapses_blank_runs, "a\n\n \n\t\n\nb\n", "a\n\nb\n");
    t!(drops_leading_and_trailing_blanks, "\n\n a\n\n\n", " a\n");
    t!(blank_line_with_spaces, "a\n   \nb\n", "a\n\nb\n");
    t!(
        other_lead_bytes_are_text,
        "\u{e9}\u{2019}\u{a0}x",
        "\u{e9}\u{2019}\u{a0}x\n"
    );

    #[test]
    fn head_leaves_blank_lines_and_the_end() {
        let head = Layout::head();
        assert_eq!(head.clean("\r\n a \r\r\r\nb  "), "\n a\n\nb");
        // A run of blank lines is one blank line, at the edges too.
        assert_eq!(head.clean("\n\n\na\n\n\n \n\t\nb\n\n\n"), "\na\n\nb\n\n");
        assert_eq!(head.clean("a\n\nb\n"), "a\n\nb\n");
        let keep_nel = Layout { nel: false, ..head };
        assert_eq!(keep_nel.clean("a\u{85}b\u{2028}"), "a\u{85}b\n");
        assert_eq!(
            Layout::line_endings_only().clean("a \r\n\n\n"),
            "a \n\n\n"
        );
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Title\n\nOne paragraph.\nAnother line.\n";
        assert!(matches!(Layout::default().clean(text), Cow::Borrowed(_)));
        assert!(matches!(Layout::head().clean(text), Cow::Borrowed(_)));
    }

    #[test]
    fn reports_each_rule() {
        let done = Layout::default().explain("a  \r\n\n\n\nb");
        let rules: Vec<_> = done.changes.iter().map(|c| c.rule).collect();
        assert_eq!(
            rules,
            [TRAILING_SPACE, LINE_ENDING, BLANK_LINES, FINAL_NEWLINE]
        );
    }

    proptest! {
        #[test]
        fn output_is_normalized(text in "[ab \t\r\n\u{a0}\u{b}\u{c}\u{85}\u{2028}]{0,40}") {
            let out = Layout::default().clean(&text);
            for ending in ['\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}'] {
                prop_assert!(!out.contains(ending));
            }
            prop_assert!(!out.contains("\n\n\n"));
            prop_assert!(!out.starts_with('\n'));
            prop_assert!(out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")));
            for line in out.lines() {
                prop_assert_eq!(line, line.trim_end());
            }
            // The head pass, then the tail, is the tail alone.
            let head = Layout::head().clean(&text).into_owned();
            prop_assert_eq!(Layout::default().clean(&head), out.clone());
            prop_assert!(matches!(Layout::head().clean(&head), Cow::Borrowed(_)));
        }

        #[test]
        fn idempotent_and_keeps_words(text in "\\PC{0,60}") {
            let once = Layout::default().clean(&text).into_owned();
            let twice = Layout::default().clean(&once);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
            let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
            prop_assert_eq!(words(&text), words(&once));
        }
    }
}
