//! JSON Lines mode: each line is a JSON object with a text field.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::{Map, Value, json};
use textclean::{Document, Record, Stats};

use crate::{
    Failure, IoArgs, Job, blocks, display, explain, open, progress::Progress,
};

/// Lines are cleaned in parallel in batches of about this many bytes.
const BATCH_BYTES: usize = 8 << 20;

/// One input line and where it came from.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

pub fn run(
    job: &Job,
    io: &IoArgs,
    inputs: &[PathBuf],
    out: &mut impl Write,
) -> Result<Stats, Failure> {
    let mut bad = match &io.skip_bad {
        Some(path) => Some((
            path,
            BufWriter::new(File::create(path).map_err(|e| {
                Failure::Input(format!("{}: {e}", path.display()))
            })?),
            0usize,
        )),
        None => None,
    };
    let progress = Progress::for_files(inputs);
    let mut stats = Stats::default();
    for path in inputs {
        let mut reader = BufReader::with_capacity(1 << 16, open(path)?);
        let mut number = 0;
        loop {
            let mut batch = Vec::new();
            let mut size = 0;
            while size < BATCH_BYTES {
                let mut bytes = Vec::new();
                let read =
                    reader.read_until(b'\n', &mut bytes).map_err(|e| {
                        Failure::Input(format!("{}: {e}", display(path)))
                    })?;
                if read == 0 {
                    break;
                }
                number += 1;
                size += read;
                batch.push(Line { number, bytes });
            }
            if batch.is_empty() {
                break;
            }
            let results: Vec<_> =
                batch.par_iter().map(|line| one(job, io, line)).collect();
            for (line, result) in batch.iter().zip(results) {
                progress.advance(line.bytes.len());
                match result {
                    Ok(None) => {}
                    Ok(Some((output, line_stats))) => {
                        out.write_all(output.as_bytes())?;
                        out.write_all(b"\n")?;
                        stats += line_stats;
                    }
                    Err(reason) => match &mut bad {
                        Some((_, file, count)) => {
                            file.write_all(&line.bytes)?;
                            if !line.bytes.ends_with(b"\n") {
                                file.write_all(b"\n")?;
                            }
                            *count += 1;
                        }
                        None => {
                            progress.finish();
                            out.flush()?;
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
    if let Some((path, mut file, count)) = bad {
        file.flush()?;
        if count > 0 {
            eprintln!(
                "textclean: set {count} bad line(s) aside in {}",
                path.display()
            );
        }
    }
    Ok(stats)
}

/// Processes one line: its output line, or nothing for a blank line, or why
/// it is bad.
fn one(
    job: &Job,
    io: &IoArgs,
    line: &Line,
) -> Result<Option<(String, Stats)>, String> {
    let field = io.field.as_str();
    let bytes = line.bytes.strip_suffix(b"\n").unwrap_or(&line.bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let mut object: Map<String, Value> = match serde_json::from_slice(bytes) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("not valid JSON ({e})")),
    };
    let text = match object.get(field) {
        Some(Value::String(text)) => text.as_str(),
        Some(_) => return Err(format!("field `{field}` is not a string")),
        None => return Err(format!("no field `{field}`")),
    };
    let mut document = Document::new(text);
    if let Some(name) = &io.lang_field {
        match object.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::String(code)) => {
                document = document.with_language(code)
            }
            Some(_) => return Err(format!("field `{name}` is not a string")),
        }
    }
    let blocks_field = io
        .blocks_field
        .as_deref()
        .filter(|name| !matches!(object.get(*name), None | Some(Value::Null)));
    if let Some(name) = blocks_field {
        let blocks = blocks::read(&object[name], text)
            .map_err(|e| format!("field `{name}` {e}"))?;
        document = document.with_blocks(blocks);
    }
    let mut stats = Stats::default();
    match job {
        Job::Clean { pipeline, record, .. } => {
            let report = pipeline.run_document(&document, *record);
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
                            "original": explain::original(c, text),
                            "replacement": c.replacement,
                        })
                    })
                    .collect();
                object.insert("changes".to_owned(), Value::Array(changes));
            }
            stats = report.stats;
            if let Some(name) = blocks_field {
                let moved = blocks::write(&report.blocks, &report.text);
                object.insert(name.to_owned(), moved);
            }
            object.insert(field.to_owned(), Value::String(report.text));
        }
        Job::Split(splitter) => {
            let sentences: Vec<Value> = splitter
                .split(&document)
                .into_iter()
                .map(|s| Value::String(s.to_owned()))
                .collect();
            object.insert("sentences".to_owned(), Value::Array(sentences));
        }
    }
    let output = serde_json::to_string(&object)
        .map_err(|e| format!("cannot write the line as JSON ({e})"))?;
    Ok(Some((output, stats)))
}
