//! `textclean learn`: a corpus model from plain files or JSON Lines.
//!
//! Records are read and parsed in parallel batches, and counted in input
//! order by one [`Learner`], so the model is the same on any number of
//! cores. Bad JSON lines are handled as `clean` handles them: an error
//! naming the line, or set aside with --skip-bad.

use std::io::BufReader;
use std::path::PathBuf;

use rayon::prelude::*;
use textclean::boilerplate::{LearnOptions, Learner};
use textclean_cli::json_line::JsonLine;

use crate::output::{self, Output};
use crate::{
    Failure, LearnArgs, display, open, progress::Progress, read_batch,
    read_text,
};

/// One document as read: its text and URL.
struct Record {
    text: String,
    url: Option<String>,
}

pub fn run(args: &LearnArgs, inputs: &[PathBuf]) -> Result<(), Failure> {
    let memory = args.memory.saturating_mul(1 << 20);
    let mut learner = Learner::new(LearnOptions { memory });
    let progress = Progress::for_files(inputs);
    let mut set_aside = 0u64;
    let mut bad = match &args.skip_bad {
        Some(path) => Some(Output::file(path)?),
        None => None,
    };
    for path in inputs {
        let mut reader = BufReader::with_capacity(1 << 16, open(path)?);
        if !args.jsonl {
            let (text, warning) = read_text(path, &mut reader, args.strict)?;
            if let Some(warning) = warning {
                progress.suspend(|| output::note(&warning));
            }
            progress.advance(text.len());
            learner.add(&text, None);
            continue;
        }
        let mut number = 0;
        loop {
            let batch = read_batch(&mut reader, path, &mut number)?;
            if batch.is_empty() {
                break;
            }
            let records: Vec<_> = batch
                .par_iter()
                .map(|(number, bytes)| record(args, *number, bytes))
                .collect();
            for ((number, bytes), record) in batch.iter().zip(records) {
                progress.advance(bytes.len());
                match record {
                    Ok(Some(r)) => learner.add(&r.text, r.url.as_deref()),
                    Ok(None) => {}
                    Err(reason) => match &mut bad {
                        Some(file) => {
                            file.write(bytes)?;
                            if !bytes.ends_with(b"\n") {
                                file.write(b"\n")?;
                            }
                            set_aside += 1;
                        }
                        None => {
                            progress.finish();
                            return Err(Failure::Input(format!(
                                "{}: line {number}: {reason} (use --skip-bad \
                                 FILE to set such lines aside and go on)",
                                display(path),
                            )));
                        }
                    },
                }
            }
        }
    }
    progress.finish();
    let documents = learner.documents();
    let model = learner.finish();
    let mut out = Output::file(&args.output)?;
    out.write(&model.to_bytes())?;
    out.finish()?;
    if let Some(file) = bad {
        file.finish()?;
    }
    if let (Some(path), true) = (&args.skip_bad, set_aside > 0) {
        output::note(&format!(
            "set {set_aside} bad line(s) aside in {}",
            path.display()
        ));
    }
    let (lines, sites) = model.len();
    let mut message = format!(
        "learned {} from {documents} document(s): {lines} recurring \
         line(s), {sites} site(s) of 2 or more documents",
        args.output.display()
    );
    if model.slack() > 0 {
        message.push_str(&format!(
            "; memory was short, so counts may miss up to {} document(s) \
             (give more with --memory)",
            model.slack()
        ));
    }
    output::note(&message);
    Ok(())
}

/// Reads one JSON line: its document, none for a blank line, or why it is
/// bad.
fn record(
    args: &LearnArgs,
    number: usize,
    line: &[u8],
) -> Result<Option<Record>, String> {
    let bytes = line.strip_suffix(b"\n").unwrap_or(line);
    let mut bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if number == 1 {
        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let object = JsonLine::parse(bytes)?;
    let field = args.field.as_str();
    let Some(text) = object.string(field)? else {
        return Err(if object.has(field) {
            format!("field `{field}` is null")
        } else {
            format!("no field `{field}`")
        });
    };
    let url = match &args.url_field {
        Some(name) => object.string(name)?.map(|u| u.text.into_owned()),
        None => None,
    };
    Ok(Some(Record { text: text.text.into_owned(), url }))
}
