//! Unwraps a hard-wrapped public-domain text: clean paragraphs on standard
//! output, and on standard error how many line breaks were joined and how
//! many words were put back together across a hyphen.
//!
//! ```sh
//! # Chapter I of The Adventures of Tom Sawyer (public domain), as shipped:
//! cargo run --release -p textclean-sentences --example unwrap_book
//! # Any UTF-8 text, such as a Project Gutenberg book:
//! cargo run --release -p textclean-sentences --example unwrap_book -- FILE
//! ```
//!
//! It uses the `pdf` options, which join every block shaped like wrapped
//! prose; the default options join only blocks that are evidently wrapped,
//! which is what the `web` pipeline does.

use std::io::Write;

use textclean_core::{Record, Stage};
use textclean_sentences::SentenceRepair;

/// Project Gutenberg #74, chapter I (see `tests/data/README.md`).
const TOM_SAWYER: &str = include_str!("../tests/data/tom-sawyer-ch1.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path)
            .map_err(|e| format!("{path}: {e}"))?,
        None => TOM_SAWYER.to_owned(),
    };
    let done = SentenceRepair::pdf().run(&text, Record::Counts);
    std::io::stdout().lock().write_all(done.text.as_bytes())?;
    let lines = |s: &str| s.lines().count();
    eprintln!(
        "{} lines in, {} out: {} line breaks joined, {} words dehyphenated, \
         {} final periods, {} glued sentences split",
        lines(&text),
        lines(&done.text),
        done.stats.count("sentences.unwrap"),
        done.stats.count("sentences.dehyphenate"),
        done.stats.count("sentences.final_period"),
        done.stats.count("sentences.glued"),
    );
    Ok(())
}
