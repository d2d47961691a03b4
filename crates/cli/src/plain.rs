//! Plain mode: each input file is one document.

use std::io::{Read, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use textclean::Stats;

use crate::{Failure, Job, display, open, progress::Progress};

/// How many documents are read before they are cleaned in parallel.
const BATCH: usize = 64;

pub fn run(
    job: &Job,
    inputs: &[PathBuf],
    out: &mut impl Write,
) -> Result<Stats, Failure> {
    let progress = Progress::for_files(inputs);
    let mut stats = Stats::default();
    for batch in inputs.chunks(BATCH) {
        let mut docs = Vec::with_capacity(batch.len());
        for path in batch {
            let mut bytes = Vec::new();
            open(path)?.read_to_end(&mut bytes).map_err(|e| {
                Failure::Input(format!("{}: {e}", display(path)))
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Failure::Input(format!(
                    "{}: not valid UTF-8 at byte {}; convert it to UTF-8 \
                     first (for example with iconv)",
                    display(path),
                    e.utf8_error().valid_up_to()
                ))
            })?;
            docs.push((path, text));
        }
        let results: Vec<_> =
            docs.par_iter().map(|(path, text)| one(job, path, text)).collect();
        for ((output, doc_stats), (_, text)) in results.into_iter().zip(&docs)
        {
            out.write_all(output.as_bytes())?;
            stats += doc_stats;
            progress.advance(text.len());
        }
    }
    progress.finish();
    Ok(stats)
}

/// Processes one document: its output and its stats.
fn one(job: &Job, path: &std::path::Path, text: &str) -> (String, Stats) {
    match job {
        Job::Clean { pipeline, record, .. } => {
            let report = pipeline.run(text, *record);
            for change in &report.changes {
                let (line, column) = line_column(text, change.span.start);
                eprintln!(
                    "{}:{line}:{column}: {:<24} {:?} -> {:?}",
                    display(path),
                    change.rule,
                    change.original(text),
                    change.replacement,
                );
            }
            (report.text, report.stats)
        }
        Job::Split(splitter) => {
            let mut output = String::new();
            for sentence in splitter.split(text) {
                let words: Vec<&str> = sentence.split_whitespace().collect();
                output.push_str(&words.join(" "));
                output.push('\n');
            }
            (output, Stats::default())
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
