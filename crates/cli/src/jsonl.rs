//! JSON Lines mode: each line is a JSON object with a text field.
//!
//! Every input line becomes exactly one output line or one line set aside
//! (--skip-bad): a blank line stays blank, and a line whose text field is
//! cleaned keeps every other byte as it was (see [`JsonLine`]).

use std::io::BufReader;
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::{Value, json};
use textclean::{Document, Record, Stats};
use textclean_cli::json_line::{JsonLine, quote};

use crate::output::{self, Output};
use crate::{
    Failure, IoArgs, Job, blocks, display, explain, open, progress::Progress,
    read_batch,
};

/// The rule under which lone surrogate escapes of a text field are counted.
const LONE_SURROGATE: &str = "jsonl.lone_surrogate";

/// One input line and where it came from.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// What became of one good line.
struct Done {
    /// The output line, without its line break.
    bytes: Vec<u8>,
    stats: Stats,
}

/// How many lines went where.
#[derive(Default)]
struct Tally {
    written: u64,
    set_aside: u64,
    /// Lines whose text had lone surrogate escapes.
    surrogates: u64,
}

pub fn run(
    job: &Job,
    io: &IoArgs,
    inputs: &[PathBuf],
    mut out: Output,
) -> Result<Stats, Failure> {
    let mut bad = match &io.skip_bad {
        Some(path) => Some(Output::file(path)?),
        None => None,
    };
    let progress = Progress::for_files(inputs);
    let mut stats = Stats::default();
    let mut tally = Tally::default();
    for path in inputs {
        let mut reader = BufReader::with_capacity(1 << 16, open(path)?);
        let mut number = 0;
        loop {
            let batch: Vec<Line> = read_batch(&mut reader, path, &mut number)?
                .into_iter()
                .map(|(number, bytes)| Line { number, bytes })
                .collect();
            if batch.is_empty() {
                break;
            }
            let results: Vec<_> =
                batch.par_iter().map(|line| one(job, io, line)).collect();
            for (line, result) in batch.iter().zip(results) {
                progress.advance(line.bytes.len());
                match result {
                    Ok(done) => {
                        out.write(&done.bytes)?;
                        out.write(b"\n")?;
                        if done.stats.count(LONE_SURROGATE) > 0 {
                            tally.surrogates += 1;
                        }
                        stats += done.stats;
                        tally.written += 1;
                    }
                    Err(reason) => match &mut bad {
                        Some(file) => {
                            file.write(&line.bytes)?;
                            if !line.bytes.ends_with(b"\n") {
                                file.write(b"\n")?;
                            }
                            tally.set_aside += 1;
                        }
                        None => {
                            progress.finish();
                            return Err(Failure::Input(format!(
                                "{}: line {}: {reason} (use --skip-bad FILE \
                                 to set such lines aside and go on)",
                                display(path),
                                line.number
                            )));
                        }
                    },
                }
            }
        }
    }
    progress.finish();
    out.finish()?;
    if let Some(file) = bad {
        file.finish()?;
    }
    if let Some(path) = &io.skip_bad {
        if tally.set_aside > 0 {
            output::note(&format!(
                "set {} bad line(s) aside in {}",
                tally.set_aside,
                path.display()
            ));
        }
    }
    if tally.surrogates > 0 {
        output::note(&format!(
            "{} line(s) had lone surrogate escapes (\\uD800 to \\uDFFF) in \
             `{}`, read as U+FFFD",
            tally.surrogates, io.field
        ));
    }
    if matches!(job, Job::Clean { stats: true, .. }) {
        output::note(&format!(
            "{} line(s) read: {} written, {} set aside",
            tally.written + tally.set_aside,
            tally.written,
            tally.set_aside
        ));
    }
    Ok(stats)
}

/// Processes one line: its output line, or why it is bad.
fn one(job: &Job, io: &IoArgs, line: &Line) -> Result<Done, String> {
    let field = io.field.as_str();
    let bytes = line.bytes.strip_suffix(b"\n").unwrap_or(&line.bytes);
    let mut bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if line.number == 1 {
        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Done { bytes: bytes.to_vec(), stats: Stats::default() });
    }
    let object = JsonLine::parse(bytes)?;
    let Some(text) = object.string(field)? else {
        return Err(if object.has(field) {
            format!("field `{field}` is null")
        } else {
            format!("no field `{field}`")
        });
    };
    let mut stats = Stats::default();
    if text.lone_surrogates > 0 {
        stats.record(LONE_SURROGATE, text.lone_surrogates as u64);
    }
    let text = text.text;
    let mut document = Document::new(&text);
    if let Some(name) = &io.lang_field {
        if let Some(code) = object.string(name)? {
            document = document.with_language(&code.text);
        }
    }
    if let Some(name) = &io.url_field {
        if let Some(url) = object.string(name)? {
            document = document.with_url(&url.text);
        }
    }
    let blocks_field = match &io.blocks_field {
        Some(name) => match object.raw(name)? {
            None | Some(b"null") => None,
            Some(raw) => Some((name.as_str(), raw)),
        },
        None => None,
    };
    if let Some((name, raw)) = blocks_field {
        let value: Value = serde_json::from_slice(raw)
            .map_err(|e| format!("field `{name}` is not valid JSON ({e})"))?;
        let blocks = blocks::read(&value, &text)
            .map_err(|e| format!("field `{name}` {e}"))?;
        document = document.with_blocks(blocks);
    }
    let mut replace = Vec::new();
    let mut append = Vec::new();
    match job {
        Job::Clean {
            pipeline, record, changes_field, scores_field, ..
        } => {
            if *record == Record::Changes {
                refuse_to_overwrite(
                    &object,
                    changes_field,
                    "--changes-field",
                )?;
            }
            if let Some(name) = scores_field {
                refuse_to_overwrite(&object, name, "--scores-field")?;
            }
            let report = match scores_field {
                Some(_) => pipeline.run_judged(&document, *record),
                None => pipeline.run_document(&document, *record),
            };
            if let Some(name) = scores_field {
                let scores: Vec<Value> = report
                    .judgements
                    .iter()
                    .map(|j| {
                        let features: serde_json::Map<String, Value> = j
                            .features
                            .iter()
                            .map(|&(n, v)| (n.to_owned(), short(v)))
                            .collect();
                        json!({
                            "stage": j.stage,
                            "rule": j.rule,
                            "start": j.span.start,
                            "end": j.span.end,
                            "score": short(j.score),
                            "removed": j.removed,
                            "kept_by": j.kept_by,
                            "features": features,
                        })
                    })
                    .collect();
                append.push((name.as_str(), to_json(&scores)));
            }
            if *record == Record::Changes {
                let changes: Vec<Value> = report
                    .changes
                    .iter()
                    .map(|c| {
                        let span = explain::source_span(c);
                        json!({
                            "stage": c.stage,
                            "rule": c.rule,
                            "start": span.start,
                            "end": span.end,
                            "original": explain::original(c, &text),
                            "replacement": c.replacement,
                        })
                    })
                    .collect();
                append.push((changes_field.as_str(), to_json(&changes)));
            }
            stats += report.stats;
            if let Some((name, _)) = blocks_field {
                let moved = blocks::write(&report.blocks, &report.text);
                replace.push((name, to_json(&moved)));
            }
            replace.push((field, quote(&report.text)));
        }
        Job::Split { splitter, field: into } => {
            refuse_to_overwrite(&object, into, "--sentences-field")?;
            let sentences: Vec<&str> = splitter.split(&document);
            append.push((into.as_str(), to_json(&sentences)));
        }
    }
    Ok(Done { bytes: object.rewrite(&replace, &append), stats })
}

/// A field the command adds must not be one the line already has.
fn refuse_to_overwrite(
    object: &JsonLine,
    name: &str,
    flag: &str,
) -> Result<(), String> {
    if object.has(name) {
        Err(format!(
            "already has a field `{name}`, which would be overwritten \
             (name another with {flag})"
        ))
    } else {
        Ok(())
    }
}

fn to_json(value: &impl serde::Serialize) -> Vec<u8> {
    // Strings, numbers, arrays and objects always serialise.
    serde_json::to_vec(value).unwrap_or_default()
}

/// `v` as JSON in its shortest form (`0.35`, not `0.3499999940395355`);
/// NaN, which JSON has not, as null.
fn short(v: f32) -> Value {
    v.to_string()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}
