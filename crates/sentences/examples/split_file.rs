//! Splits a UTF-8 text file into sentences, one a line on standard output,
//! each after its char offsets in the file; with `--count`, prints only how
//! many there are.
//!
//! ```sh
//! cargo run --release -p textclean-sentences --example split_file -- \
//!     [--count] FILE [LANG]
//! ```

use std::io::{BufWriter, Write};

use textclean_sentences::{Language, SentenceSplitter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).peekable();
    let count = args.next_if(|a| a == "--count").is_some();
    let path = args.next().ok_or("usage: split_file [--count] FILE [LANG]")?;
    let code = args.next().unwrap_or_else(|| "en".to_owned());
    let lang = Language::get(&code).ok_or(format!("no pack for {code}"))?;
    let text = std::fs::read_to_string(&path)?;
    let splitter = SentenceSplitter::new(lang);
    if count {
        println!("{}", splitter.split(&text).count());
        return Ok(());
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for sentence in splitter.split(&text) {
        let one_line = sentence.text.replace('\n', " ");
        let chars = sentence.chars;
        writeln!(out, "{}..{}\t{one_line}", chars.start, chars.end)?;
    }
    out.flush()?;
    Ok(())
}
