//! Plain mode: each input file is one document.

use std::path::PathBuf;

use rayon::prelude::*;
use textclean::{Document, Record, Stats};

use crate::output::{self, Output};
use crate::{
    Failure, Job, display, explain, open, progress::Progress, read_text,
};

/// How many documents are read before they are cleaned in parallel.
const BATCH: usize = 64;

/// Runs `job` on each input in turn and writes the results to `out`,
/// which is put in place only if every input was good; an input that is
/// not UTF-8 is decoded with a warning, or with `strict` is bad.
pub fn run(
    job: &Job,
    inputs: &[PathBuf],
    strict: bool,
    mut out: Output,
) -> Result<Stats, Failure> {
    let progress = Progress::for_files(inputs);
    let mut stats = Stats::default();
    // Whether the last document written did not end its last line: the
    // next one starts on a line of its own.
    let mut open_line = false;
    for batch in inputs.chunks(BATCH) {
        let mut docs = Vec::with_capacity(batch.len());
        for path in batch {
            let (text, warning) = read_text(path, open(path)?, strict)?;
            if let Some(warning) = warning {
                progress.suspend(|| output::note(&warning));
            }
            docs.push((path, text));
        }
        let results: Vec<_> =
            docs.par_iter().map(|(path, text)| one(job, path, text)).collect();
        for (done, (_, text)) in results.into_iter().zip(&docs) {
            if !done.explanation.is_empty() {
                // The document's explanation, then its output: flushing
                // what came before keeps them together when both streams
                // go to the same place (`2>&1`).
                out.flush()?;
                progress.suspend(|| {
                    output::to_stderr(done.explanation.as_bytes())
                })?;
            }
            if open_line {
                out.write(b"\n")?;
            }
            out.write(done.output.as_bytes())?;
            open_line =
                !done.output.is_empty() && !done.output.ends_with('\n');
            stats += done.stats;
            progress.advance(text.len());
        }
    }
    progress.finish();
    out.finish()?;
    Ok(stats)
}

/// What one document came to.
struct Done {
    /// Its output.
    output: String,
    /// With --explain, its changes, one line each, for standard error.
    explanation: String,
    stats: Stats,
}

/// Processes one document.
fn one(job: &Job, path: &std::path::Path, text: &str) -> Done {
    match job {
        Job::Clean { pipeline, record, scores_field, .. } => {
            let document = Document::new(text);
            let report = if scores_field.is_some() {
                pipeline.run_judged(&document, *record)
            } else {
                pipeline.run_document(&document, *record)
            };
            let mut explanation = String::new();
            if *record == Record::Changes {
                let name = display(path);
                explanation = explain::render(&name, text, &report.changes);
                explanation +=
                    &explain::render_scores(&name, text, &report.judgements);
            }
            Done { output: report.text, explanation, stats: report.stats }
        }
        Job::Split { splitter, .. } => {
            let mut output = String::new();
            for sentence in splitter.split(&Document::new(text)) {
                let words: Vec<&str> = sentence.split_whitespace().collect();
                output.push_str(&words.join(" "));
                output.push('\n');
            }
            Done {
                output,
                explanation: String::new(),
                stats: Stats::default(),
            }
        }
    }
}
