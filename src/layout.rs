//! The layout pass that ends every pipeline: the structure of clean text.

use textclean_core::{Edits, Stage};

/// Normalizes the structure of text: `\n` line endings, no trailing
/// whitespace, paragraphs separated by exactly one blank line, no blank
/// lines at the start or end, and one final newline (none for text with no
/// content at all). Leading whitespace is kept: indentation carries meaning
/// in verse, lists and code.
///
/// | rule | before | after |
/// | --- | --- | --- |
/// | `layout.line_ending` | `a\r\nb` | `a\nb` |
/// | `layout.trailing_space` | `a  \nb` | `a\nb` |
/// | `layout.blank_lines` | `a\n\n\n\nb` | `a\n\nb` |
/// | `layout.final_newline` | `a` | `a\n` |
///
/// ```
/// use textclean::{Layout, Stage};
/// assert_eq!(Layout.clean("\n\nTitle  \r\n\n\n\nBody"), "Title\n\nBody\n");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout;

impl Stage for Layout {
    fn name(&self) -> &'static str {
        "layout"
    }

    fn rewrite(&self, edits: &mut Edits<'_>) {
        let text = edits.input();
        // Where the current run of blank lines started, if in one.
        let mut blank_run: Option<usize> = None;
        let mut seen_content = false;
        let mut start = 0;
        while start < text.len() {
            let rest = &text[start..];
            let (line_len, ending_len) =
                match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
                    Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
                    Some(i) => (i, 1),
                    None => (rest.len(), 0),
                };
            let line = &rest[..line_len];
            let content = line.trim_end();
            let next = start + line_len + ending_len;
            if content.is_empty() {
                blank_run.get_or_insert(start);
                start = next;
                continue;
            }
            if let Some(run) = blank_run.take() {
                let separator = if seen_content { "\n" } else { "" };
                edits.replace(run..start, separator, "layout.blank_lines");
            }
            seen_content = true;
            // Most lines need nothing: check before calling the builder.
            let content_end = start + content.len();
            if content_end < start + line_len {
                edits.delete(
                    content_end..start + line_len,
                    "layout.trailing_space",
                );
            }
            let ending = start + line_len..next;
            match ending_len {
                0 => edits.insert(next, "\n", "layout.final_newline"),
                1 if rest.as_bytes()[line_len] == b'\n' => {}
                _ => edits.replace(ending, "\n", "layout.line_ending"),
            }
            start = next;
        }
        if let Some(run) = blank_run {
            edits.delete(run..text.len(), "layout.blank_lines");
        }
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
                assert_eq!(Layout.clean($input), $expected);
            }
        };
    }

    t!(empty, "", "");
    t!(only_whitespace, " \n\t\r\n  ", "");
    t!(adds_final_newline, "a", "a\n");
    t!(crlf_and_cr, "a\r\nb\rc\r\n", "a\nb\nc\n");
    t!(trailing_space, "a \t\nb  ", "a\nb\n");
    t!(keeps_indentation, "  verse\n    line\n", "  verse\n    line\n");
    t!(collapses_blank_runs, "a\n\n \n\t\n\nb\n", "a\n\nb\n");
    t!(drops_leading_and_trailing_blanks, "\n\n a\n\n\n", " a\n");
    t!(blank_line_with_spaces, "a\n   \nb\n", "a\n\nb\n");

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Title\n\nOne paragraph.\nAnother line.\n";
        assert!(matches!(Layout.clean(text), Cow::Borrowed(_)));
    }

    #[test]
    fn reports_each_rule() {
        let done = Layout.explain("a  \r\n\n\n\nb");
        let rules: Vec<_> = done.changes.iter().map(|c| c.rule).collect();
        assert_eq!(
            rules,
            [
                "layout.trailing_space",
                "layout.line_ending",
                "layout.blank_lines",
                "layout.final_newline"
            ]
        );
    }

    proptest! {
        #[test]
        fn output_is_normalized(text in "[ab \t\r\n\u{a0}]{0,40}") {
            let out = Layout.clean(&text);
            prop_assert!(!out.contains('\r'));
            prop_assert!(!out.contains("\n\n\n"));
            prop_assert!(!out.starts_with('\n'));
            prop_assert!(out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")));
            for line in out.lines() {
                prop_assert_eq!(line, line.trim_end());
            }
        }

        #[test]
        fn idempotent_and_keeps_words(text in "\\PC{0,60}") {
            let once = Layout.clean(&text).into_owned();
            let twice = Layout.clean(&once);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
            let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
            prop_assert_eq!(words(&text), words(&once));
        }
    }
}
