//! Code detection: no rule edits a block that holds code, where
//! `fooBar` and `obj.Name` are identifiers, not glued sentences.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use textclean_core::Lines;

use crate::blocks::block_around;

/// Remembers whether the blank-line block around a position looks like
/// code, computing each block once.
#[derive(Default)]
pub(super) struct CodeBlocks {
    block: Range<usize>,
    code: bool,
}

impl CodeBlocks {
    /// Whether the block that holds `at` looks like code.
    pub(super) fn is_code(
        &mut self,
        text: &str,
        index: &Lines,
        at: usize,
    ) -> bool {
        if !(self.block.start <= at && at < self.block.end) {
            self.block = block_around(index, at);
            self.code = looks_like_code(&text[self.block.clone()]);
        }
        self.code
    }
}

/// Whether a block holds code: braces, backticks, or one of `==` `=>`
/// `->` `();` `::` `</` `/>` `#include` `!=`.
pub(super) fn looks_like_code(block: &str) -> bool {
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
