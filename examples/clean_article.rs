//! The main job: the sample article through the default (`web`) pipeline.
//!
//! The cleaned text goes to stdout and a summary of the changes, by rule, to
//! stderr. Give another file as the first argument to clean that instead.
//!
//! ```text
//! cargo run --release --example clean_article
//! cargo run --release --example clean_article -- page.txt
//! ```

use std::io::Write;
use std::process::ExitCode;

const ARTICLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/article.txt");

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| ARTICLE.into());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("clean_article: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = textclean::Pipeline::default().explain(&text);
    // A reader that stops early (`| head`) is not an error.
    let _ = std::io::stdout().write_all(report.text.as_bytes());
    eprintln!(
        "{path}: {} bytes in, {} bytes out, {} changes",
        report.stats.bytes_in,
        report.stats.bytes_out,
        report.stats.changes()
    );
    for (rule, n) in report.stats.counts() {
        eprintln!("  {rule:<26} {n:>5}");
    }
    ExitCode::SUCCESS
}
