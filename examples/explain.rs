//! Every change the default pipeline makes to the article (or the file given
//! as the first argument), with its rule and the original text around it.
//!
//! ```text
//! cargo run --release --example explain
//! ```

use std::io::Write;
use std::process::ExitCode;

const ARTICLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/article.txt");

/// How many characters of context to show on each side.
const CONTEXT: usize = 24;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| ARTICLE.into());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("explain: cannot read {path} as UTF-8 text");
        return ExitCode::FAILURE;
    };
    let report = textclean::Pipeline::default().explain(&text);
    let mut out = std::io::stdout().lock();
    for change in &report.changes {
        let before = tail(&text[..change.span.start], CONTEXT);
        let after = head(&text[change.span.end..], CONTEXT);
        let line = writeln!(
            out,
            "{:>6}..{:<6} {:<24} {before:?} [{:?} -> {:?}] {after:?}",
            change.span.start,
            change.span.end,
            change.rule,
            change.original(&text),
            change.replacement,
        );
        if line.is_err() {
            // The reader stopped reading (`| head`): nothing more to do.
            return ExitCode::SUCCESS;
        }
    }
    let _ = writeln!(out, "{} changes", report.changes.len());
    ExitCode::SUCCESS
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    let start =
        s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &s[start..]
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}
