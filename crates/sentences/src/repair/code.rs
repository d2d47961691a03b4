//! Code detection: no rule edits a block that holds code, where
//! `fooBar` and `obj.Name` are identifiers, not glued sentences.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use textclean_core::Lines;
pub(super) use textclean_core::wrap::looks_like_code;

use crate::blocks::Line;

/// A blank-line block of at most this many lines is code or prose as a
/// whole; in a longer one (page text, where every line is a paragraph)
/// each line is judged with its neighbours, so that one line of code does
/// not make a whole page code.
const WHOLE_BLOCK_LINES: usize = 6;

/// Remembers whether the code around a position looks like code ([the
/// block or the lines around it](WHOLE_BLOCK_LINES)), computing each block
/// or window once.
#[derive(Default)]
pub(super) struct CodeBlocks {
    /// The block of the last position, as line numbers.
    block: Range<usize>,
    /// The lines judged last, as line numbers.
    judged: Range<usize>,
    code: bool,
}

impl CodeBlocks {
    /// Whether the code around `at` looks like code.
    pub(super) fn is_code(
        &mut self,
        text: &str,
        index: &Lines,
        at: usize,
    ) -> bool {
        if index.is_empty() {
            return false;
        }
        let i = index.line_of(at);
        if !self.block.contains(&i) {
            self.block = index.block_of(i);
        }
        let block = self.block.clone();
        let judged = if block.len() <= WHOLE_BLOCK_LINES {
            block
        } else {
            i.saturating_sub(1).max(block.start)..(i + 2).min(block.end)
        };
        if judged != self.judged || judged.is_empty() {
            self.code = looks_like_code(&text[index.span(judged.clone())]);
            self.judged = judged;
        }
        self.code
    }
}

/// Whether line `k` of a block's `lines` is in code, judged as
/// [`CodeBlocks::is_code`] judges it.
pub(super) fn is_code_at(text: &str, lines: &[Line], k: usize) -> bool {
    let judged = if lines.len() <= WHOLE_BLOCK_LINES {
        0..lines.len()
    } else {
        k.saturating_sub(1)..(k + 2).min(lines.len())
    };
    let span = lines[judged.start].start..lines[judged.end - 1].end;
    looks_like_code(&text[span])
}

/// Whether the document shows code: at least one mark of code per
/// [`LETTERS_PER_CODE_MARK`] ASCII letters, a mark being braces, a
/// backtick, `()`, `==`, `!=`, `=>`, `->`, `&&`, `||`, markup (`</`, `/>`)
/// or `#include`. Where it does not, a dotted name (`strings.Split on`)
/// is no identifier but two sentences that lost a space (`an
/// oak.Phosphates and`), and a stray mark in a long text (a transcribed
/// `C^{y}ar` in a book) does not change that. No rule of the stage makes or
/// unmakes a mark or a letter (`sentences.spacing` takes blanks away only
/// before `, . ; : ! ?`), so a second run sees what the first saw.
pub(super) fn shows_code(text: &str) -> bool {
    static MARKS: OnceLock<AhoCorasick> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build([
                "{", "}", "`", "()", "==", "!=", "=>", "->", "&&", "||", "</",
                "/>", "#include",
            ])
            .expect("fixed patterns build")
    });
    let found = marks.find_iter(text).count();
    found > 0 && {
        let letters = text.bytes().filter(u8::is_ascii_alphabetic).count();
        found * LETTERS_PER_CODE_MARK >= letters
    }
}

/// See [`shows_code`]: a page about code has marks of it every few lines.
const LETTERS_PER_CODE_MARK: usize = 3000;

#[cfg(test)]
mod tests {
    use super::*;

    kept! {
        code_block: "if (x == 1) { return userName; } and then the rest";
        // Split as prose (see the glued tests), kept beside code.
        glued_beside_code: "It rained all day in the cityThe streets were \
                            wet and grey.\nconfig = { city: 1 }";
    }

    #[test]
    fn code_markers() {
        for code in ["a { b", "x == y", "f();", "std::io", "</p>", "`x`"] {
            assert!(looks_like_code(code), "{code}");
        }
        for prose in ["It was late (too late).", "A = B", "Go -- now!"] {
            assert!(!looks_like_code(prose), "{prose}");
        }
    }

    #[test]
    fn documents_that_show_code() {
        for code in [
            "call time.Now() first",
            "the {config} file",
            "use `strings.Split` on it",
            "if a == b",
            "x -> y",
            "a && b",
            "<br/>",
            "#include <stdio.h>",
        ] {
            assert!(shows_code(code), "{code}");
        }
        for prose in [
            "the oak.Phosphates and all",
            "It was late (too late).",
            "A = B; then C - D",
            "Go -- now!",
            "a _horse_man, well; and so",
        ] {
            assert!(!shows_code(prose), "{prose}");
        }
        // A stray mark in a long text.
        let book = "The road was long and the day was hot. ".repeat(200);
        assert!(!shows_code(&format!("{book} C^{{y}}ar {book}")));
        assert!(shows_code(&format!("{book} C^{{y}}ar")));
    }

    #[test]
    fn one_line_of_code_in_a_long_block() {
        // A page whose lines are paragraphs: the line with braces and its
        // neighbours are code, the rest is prose.
        let lines: Vec<String> =
            (0..10).map(|i| format!("Prose line {i} goes here.")).collect();
        let mut text = lines.join("\n");
        text = text.replace("line 5", "line {5}");
        let index = Lines::new(&text);
        let mut code = CodeBlocks::default();
        let at = |s: &str| text.find(s).unwrap();
        assert!(code.is_code(&text, &index, at("line 4")));
        assert!(code.is_code(&text, &index, at("line {5}")));
        assert!(!code.is_code(&text, &index, at("line 2")));
        assert!(!code.is_code(&text, &index, at("line 8")));
        assert!(code.is_code(&text, &index, at("line 6")));
    }

    #[test]
    fn code_is_decided_per_block() {
        let text = "Plain prose here.\n\nlet x = a::b();\n\nMore prose.";
        let index = Lines::new(text);
        let mut code = CodeBlocks::default();
        let at = |s: &str| text.find(s).unwrap();
        assert!(!code.is_code(text, &index, at("prose here")));
        assert!(code.is_code(text, &index, at("a::b")));
        assert!(code.is_code(text, &index, at("let")));
        assert!(!code.is_code(text, &index, at("More")));
    }
}
