//! `textclean`: clean text files and JSON Lines corpora from the command
//! line. See `textclean --help`.
#![forbid(unsafe_code)]

mod blocks;
mod explain;
mod jsonl;
mod learn;
mod output;
mod plain;
mod position;
mod progress;

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use textclean::sentences::SentenceSplitter;
use textclean::unicode::{Encoding, decode};
use textclean::{
    Config, Document, LanguagePack, Pipeline, PipelineLanguage, Preset,
    Record, Stats,
};

/// Turns messy real-world text into clean text: repairs broken Unicode
/// (mojibake, HTML entities, invisible characters), removes boilerplate from
/// scraped pages (ads, comment forms, cookie banners) and repairs sentences
/// (glued sentences, lost periods, hard-wrapped lines).
///
/// Exit status: 0 done, 1 bad input, 2 bad usage (including a bad --config
/// or --model file), 3 the output could not be written. A run that fails leaves a file output (-o, --skip-bad) as it
/// was: results are written beside it and put in place only when the whole
/// run succeeded. A reader of standard output or standard error that stops
/// early (`| head`) ends the run quietly, with status 0, or 3 if a file
/// output was therefore not written.
#[derive(Parser, Debug)]
#[command(name = "textclean", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Clean documents (by default with the `web` preset).
    ///
    /// Each input file is one document, and its cleaned text goes to
    /// standard output; a document that does not end with a line break is
    /// given one before the next; a file that is not UTF-8 is decoded, with
    /// a warning (see --strict). With --jsonl, each input line is a JSON
    /// object whose text field is cleaned, every other byte of the line kept
    /// as it was; a blank line stays a blank line.
    ///
    /// Examples:
    ///   textclean clean page.txt
    ///   textclean clean --preset pdf --stats book.txt -o book.clean.txt
    ///   textclean clean --jsonl --field body --skip-bad bad.jsonl corpus.jsonl
    ///   textclean clean --jsonl --lang auto --lang-field lang corpus.jsonl
    ///   textclean clean --jsonl --model site.model --url-field url corpus.jsonl
    #[command(verbatim_doc_comment)]
    Clean(CleanArgs),
    /// Learn a corpus model: the lines that recur across many documents.
    ///
    /// Counts, in one pass with bounded memory (--memory), how many
    /// documents hold each line (case, digits and punctuation folded), in
    /// the whole corpus and, with --url-field, per site (the host of each
    /// record's URL); `clean --model` then removes the lines on at least
    /// half of their site's documents (sites of 3 or more), or on 10% of
    /// all documents and 10 or more (rule `boilerplate.corpus`). Each input
    /// file is one document; with --jsonl, each line is one.
    ///
    /// Examples:
    ///   textclean learn --jsonl --url-field url -o site.model crawl.jsonl
    ///   textclean learn -o site.model pages/*.txt
    #[command(verbatim_doc_comment)]
    Learn(LearnArgs),
    /// Split documents into sentences.
    ///
    /// Prints each sentence on its own line. With --jsonl, adds a
    /// `sentences` array of strings to each JSON object.
    Split(SplitArgs),
}

#[derive(Args, Debug)]
struct SplitArgs {
    /// With --jsonl, the field to add the sentences in (a line that already
    /// has it is bad input: nothing of the input is overwritten).
    #[arg(long, value_name = "NAME", default_value = "sentences")]
    sentences_field: String,
    #[command(flatten)]
    io: IoArgs,
}

#[derive(Args, Debug)]
struct CleanArgs {
    /// The pipeline: web, pdf, unicode, boilerplate, sentences or ftfy.
    #[arg(long, value_name = "NAME", value_parser = parse_preset)]
    preset: Option<Preset>,
    /// A pipeline configuration: TOML, or JSON when the name ends in .json
    /// (see examples/pipeline.toml).
    #[arg(long, value_name = "FILE", conflicts_with = "preset")]
    config: Option<PathBuf>,
    /// Report every change: on standard error, or with --jsonl as a
    /// `changes` array in each output object.
    #[arg(long)]
    explain: bool,
    /// With --jsonl --explain, the field to add the changes in (a line that
    /// already has it is bad input: nothing of the input is overwritten).
    #[arg(long, value_name = "NAME", default_value = "changes")]
    changes_field: String,
    /// With --explain, also report how the block model scored each block
    /// (`boilerplate.block`): its score (log-odds of main content; below
    /// the strictness's threshold it is removed) and whether it went; with
    /// --jsonl, in a `scores` array (start, end, rule, score, removed,
    /// features), NaN scores (pages too short to judge) as null.
    #[arg(long, requires = "explain")]
    scores: bool,
    /// With --jsonl --explain --scores, the field to add the scores in.
    #[arg(long, value_name = "NAME", default_value = "scores")]
    scores_field: String,
    /// Print the changes per rule and the throughput on standard error.
    #[arg(long)]
    stats: bool,
    /// A corpus model made by `textclean learn`, for the boilerplate stage
    /// (rule `boilerplate.corpus`): lines that recur on many pages of their
    /// site (name each record's URL with --url-field) or of the corpus are
    /// removed. A file that is not a model, or is damaged, is bad usage
    /// (exit 2).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    #[command(flatten)]
    io: IoArgs,
}

#[derive(Args, Debug)]
struct LearnArgs {
    /// Read JSON Lines: one document per line, a JSON object.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl, the field that holds the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    field: String,
    /// With --jsonl, the field that holds each document's URL: its host is
    /// the site whose lines are counted apart. A line without it, or with
    /// null, counts for the whole corpus only.
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    url_field: Option<String>,
    /// With --jsonl, write lines that are not valid JSON objects with the
    /// text field to FILE, untouched, and go on (otherwise they stop the run
    /// with exit status 1).
    #[arg(long, value_name = "FILE", requires = "jsonl")]
    skip_bad: Option<PathBuf>,
    /// Refuse input files that are not UTF-8 (exit status 1), as a run
    /// that must not guess. Without it, such a file is decoded: as UTF-16
    /// after a byte order mark, else as the legacy code page its bytes
    /// suggest (windows-1252, windows-1251, Shift_JIS, ...), with a warning
    /// on standard error that names the file and the encoding. JSON Lines
    /// are always read as UTF-8.
    #[arg(long)]
    strict: bool,
    /// The most memory the counts take, in MiB; beyond it the rarest lines
    /// are forgotten (counts may then fall short, never over).
    #[arg(long, value_name = "MIB", default_value_t = 128)]
    memory: usize,
    /// Where to write the model; replaced only when the run succeeds.
    #[arg(short, long, value_name = "MODEL")]
    output: PathBuf,
    /// Input files; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    inputs: Vec<PathBuf>,
}

#[derive(Args, Debug)]
struct IoArgs {
    /// Read and write JSON Lines: one JSON object per line.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl, the field that holds the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    field: String,
    /// The language of the documents: a language code (en), or auto to
    /// detect each document's, falling back on English when unsure or when
    /// no pack ships for it. By default, the configuration's (en).
    #[arg(long, value_name = "CODE|auto", value_parser = parse_language)]
    lang: Option<String>,
    /// With --jsonl, the field that holds each document's language code
    /// (or auto); a line without it, or with null, takes --lang's. A code
    /// with no pack also takes --lang's.
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    lang_field: Option<String>,
    /// With --jsonl, the field that holds each document's URL (its host
    /// names the site for --model); a line without it, or with null, has
    /// none.
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    url_field: Option<String>,
    /// With --jsonl, the field that holds each document's block attributes:
    /// an array of {"start", "end" (character offsets of the text), "kind"
    /// (heading, paragraph, list_item, table_cell, code, quote, caption),
    /// "level", "link_chars", "tag"}. Every stage sees them where its text
    /// has them, and the field is written back with offsets in the cleaned
    /// text (blocks whose text was removed are gone).
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    blocks_field: Option<String>,
    /// With --jsonl, write lines that are not valid JSON objects with the
    /// text field to FILE, untouched, and go on (otherwise they stop the run
    /// with exit status 1). Every input line is either in the output or in
    /// FILE.
    #[arg(long, value_name = "FILE", requires = "jsonl")]
    skip_bad: Option<PathBuf>,
    /// Refuse input files that are not UTF-8 (exit status 1), as a run
    /// that must not guess. Without it, such a file is decoded: as UTF-16
    /// after a byte order mark, else as the legacy code page its bytes
    /// suggest (windows-1252, windows-1251, Shift_JIS, ...), with a warning
    /// on standard error that names the file and the encoding. JSON Lines
    /// are always read as UTF-8.
    #[arg(long)]
    strict: bool,
    /// Write the output to OUT instead of standard output; OUT is replaced
    /// only when the run succeeds, and may not be one of the inputs.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Input files; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    inputs: Vec<PathBuf>,
}

impl IoArgs {
    /// Whether the run writes files (which a failed run leaves as they
    /// were).
    fn writes_files(&self) -> bool {
        self.output.is_some() || self.skip_bad.is_some()
    }
}

fn parse_preset(name: &str) -> Result<Preset, String> {
    name.parse().map_err(|e: textclean::Error| e.to_string())
}

fn parse_language(code: &str) -> Result<String, String> {
    match PipelineLanguage::parse(code) {
        Some(_) => Ok(code.to_owned()),
        None => Err(format!(
            "no language pack for `{code}`: use one of {}, or auto",
            LanguagePack::codes().join(", ")
        )),
    }
}

/// Why a run failed, and so its exit status.
#[derive(Debug)]
enum Failure {
    /// Bad input (exit 1): unreadable, not UTF-8 with --strict, a bad
    /// JSON line.
    Input(String),
    /// Bad usage (exit 2): a bad configuration file, an output that is
    /// also an input.
    Usage(String),
    /// The output could not be written (exit 3), named in the message.
    Write(String),
    /// Whoever reads standard output stopped reading (`textclean … |
    /// head`): not an error, so exit quietly.
    Closed,
    /// Standard error is closed, so the run cannot report what it does:
    /// it stops at once, quietly (exit 3 if a file output is therefore not
    /// written).
    Gone,
}

/// What a command does to each document.
enum Job {
    /// `record` is what the output needs: every change for --explain,
    /// counts for --stats, else nothing.
    Clean {
        pipeline: Pipeline,
        record: Record,
        stats: bool,
        /// Where --jsonl --explain puts the changes.
        changes_field: String,
        /// With --scores, where --jsonl puts them.
        scores_field: Option<String>,
    },
    Split {
        splitter: Box<Splitter>,
        /// Where --jsonl puts the sentences.
        field: String,
    },
}

/// Splits each document with the pack of its language.
struct Splitter {
    language: PipelineLanguage,
    /// The splitter of the default language.
    default: SentenceSplitter,
}

impl Splitter {
    fn new(lang: Option<&str>) -> Splitter {
        let language =
            lang.and_then(PipelineLanguage::parse).unwrap_or_else(|| {
                PipelineLanguage {
                    default: Some(LanguagePack::english()),
                    detect: false,
                }
            });
        let pack = language.default.clone().unwrap_or_default();
        Splitter { language, default: SentenceSplitter::new(pack) }
    }

    fn split<'t>(&self, document: &Document<'t>) -> Vec<&'t str> {
        let own = self.default.language();
        match self.language.pack_for(document) {
            Some(pack) if pack.code() != own.code() => {
                SentenceSplitter::new(pack.clone())
                    .split(document.text)
                    .map(|s| s.text)
                    .collect()
            }
            _ => self.default.split(document.text).map(|s| s.text).collect(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let writes_files = match &cli.command {
        Command::Clean(args) => args.io.writes_files(),
        Command::Split(args) => args.io.writes_files(),
        Command::Learn(_) => true,
    };
    match run(cli) {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            output::note(&message);
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            output::note(&message);
            ExitCode::from(2)
        }
        Err(Failure::Write(message)) => {
            output::note(&format!("cannot write {message}"));
            ExitCode::from(3)
        }
        Err(Failure::Gone) if writes_files => ExitCode::from(3),
        Err(Failure::Gone) => ExitCode::SUCCESS,
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let (job, io) = match cli.command {
        Command::Clean(args) => {
            let usage = |e: textclean::Error| Failure::Usage(e.to_string());
            let mut config = match (&args.config, args.preset) {
                (Some(path), _) => Config::load(path).map_err(usage)?,
                (None, preset) => preset.unwrap_or_default().config(),
            };
            if let Some(lang) = &args.io.lang {
                config.language = Some(lang.clone());
            }
            if let Some(model) = &args.model {
                use_model(&mut config, model)?;
            }
            let pipeline = Pipeline::from_config(&config).map_err(usage)?;
            let record = match (args.explain, args.stats) {
                (true, _) => Record::Changes,
                (false, true) => Record::Counts,
                (false, false) => Record::Nothing,
            };
            let job = Job::Clean {
                pipeline,
                record,
                stats: args.stats,
                changes_field: args.changes_field,
                scores_field: args.scores.then_some(args.scores_field),
            };
            (job, args.io)
        }
        Command::Split(args) => {
            let splitter = Box::new(Splitter::new(args.io.lang.as_deref()));
            (Job::Split { splitter, field: args.sentences_field }, args.io)
        }
        Command::Learn(args) => {
            let inputs = if args.inputs.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                args.inputs.clone()
            };
            let output = Some(args.output.clone());
            check_paths(&output, &args.skip_bad, &inputs)?;
            return learn::run(&args, &inputs);
        }
    };
    let inputs = if io.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        io.inputs.clone()
    };
    check_paths(&io.output, &io.skip_bad, &inputs)?;
    let out = match &io.output {
        Some(path) => output::Output::file(path)?,
        None => output::Output::stdout(),
    };
    let started = Instant::now();
    let stats = if io.jsonl {
        jsonl::run(&job, &io, &inputs, out)?
    } else {
        plain::run(&job, &inputs, io.strict, out)?
    };
    if let Job::Clean { stats: true, .. } = job {
        print_stats(&stats, started.elapsed().as_secs_f64());
    }
    Ok(())
}

/// Refuses, before anything is opened for writing, a run that would
/// overwrite one of its own inputs (or write its output and its bad lines
/// to one file), and one whose inputs cannot all be found.
fn check_paths(
    output: &Option<PathBuf>,
    skip_bad: &Option<PathBuf>,
    inputs: &[PathBuf],
) -> Result<(), Failure> {
    let files: Vec<&Path> = inputs
        .iter()
        .map(PathBuf::as_path)
        .filter(|p| p.as_os_str() != "-")
        .collect();
    let writes = [("-o", output), ("--skip-bad", skip_bad)];
    for (flag, target) in writes {
        let Some(target) = target else { continue };
        if let Some(input) =
            files.iter().find(|i| output::same_file(i, target))
        {
            return Err(Failure::Usage(format!(
                "{flag} {} is also an input ({}): write to another file",
                target.display(),
                input.display()
            )));
        }
    }
    if let (Some(out), Some(bad)) = (output, skip_bad) {
        if output::same_file(out, bad) {
            return Err(Failure::Usage(format!(
                "-o and --skip-bad name the same file ({}): give two files",
                out.display()
            )));
        }
    }
    for path in files {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(Failure::Input(format!(
                    "{}: is a directory",
                    path.display()
                )));
            }
            Ok(_) => {}
            Err(e) => {
                return Err(Failure::Input(format!(
                    "{}: {e}",
                    path.display()
                )));
            }
        }
    }
    Ok(())
}

/// Gives the configuration's boilerplate stage the corpus model at `path`
/// (which the stage loads when the pipeline is built).
fn use_model(config: &mut Config, path: &Path) -> Result<(), Failure> {
    let Some(stage) =
        config.stages.iter_mut().find(|s| s.kind == "boilerplate")
    else {
        return Err(Failure::Usage(format!(
            "--model {}: the pipeline has no boilerplate stage to use it \
             (use the web or boilerplate preset, or a configuration with one)",
            path.display()
        )));
    };
    let Some(name) = path.to_str() else {
        return Err(Failure::Usage(format!(
            "--model {}: the file name is not UTF-8: rename it",
            path.display()
        )));
    };
    stage.options.insert("corpus_model".to_owned(), name.into());
    Ok(())
}

fn print_stats(stats: &Stats, seconds: f64) {
    let mb = stats.bytes_in as f64 / 1e6;
    let mut message = format!(
        "{} document(s), {} bytes in, {} bytes out, {} changes, {:.1} MB/s",
        stats.documents,
        stats.bytes_in,
        stats.bytes_out,
        stats.changes(),
        if seconds > 0.0 { mb / seconds } else { 0.0 },
    );
    for (rule, n) in stats.counts() {
        message.push_str(&format!("\n  {rule:<28} {n:>10}"));
    }
    output::note(&message);
}

/// A display name for an input path.
fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// All of `reader`, the input at `path`, as text, with the warning to
/// show if it was not UTF-8.
///
/// UTF-8 is taken as it is, less a byte order mark. Other bytes are
/// decoded as [`decode`] reads them, and the warning names the encoding
/// it chose; with `strict` they are an error that names the input and the
/// byte where it stops being UTF-8.
fn read_text(
    path: &Path,
    mut reader: impl io::Read,
    strict: bool,
) -> Result<(String, Option<String>), Failure> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Input(format!("{}: {e}", display(path))))?;
    let bytes = match String::from_utf8(bytes) {
        Ok(mut text) => {
            // What decode does, without copying the text.
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            return Ok((text, None));
        }
        Err(e) if strict => {
            return Err(Failure::Input(format!(
                "{}: not valid UTF-8 at byte {}; convert it to UTF-8 first \
                 (for example with iconv)",
                display(path),
                e.utf8_error().valid_up_to()
            )));
        }
        Err(e) => e.into_bytes(),
    };
    let decoded = decode(&bytes);
    let not = match decoded.encoding {
        Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Cesu8 => {
            "not valid UTF-8"
        }
        _ => "not UTF-8",
    };
    let mut warning =
        format!("{}: {not}; read as {}", display(path), decoded.encoding);
    if decoded.lossy {
        warning.push_str(", with unreadable bytes replaced");
    }
    Ok((decoded.text.into_owned(), Some(warning)))
}

/// JSON Lines are read, and handled in parallel, in batches of about this
/// many bytes.
const BATCH_BYTES: usize = 8 << 20;

/// The next batch of lines of `reader`, the input at `path`, with their
/// numbers (`number` is the last one read): empty at the end.
fn read_batch(
    reader: &mut impl io::BufRead,
    path: &Path,
    number: &mut usize,
) -> Result<Vec<(usize, Vec<u8>)>, Failure> {
    let mut batch = Vec::new();
    let mut size = 0;
    while size < BATCH_BYTES {
        let mut bytes = Vec::new();
        let read = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|e| Failure::Input(format!("{}: {e}", display(path))))?;
        if read == 0 {
            break;
        }
        *number += 1;
        size += read;
        batch.push((*number, bytes));
    }
    Ok(batch)
}

/// Opens an input: a file, or standard input for `-`.
fn open(path: &Path) -> Result<Box<dyn io::Read>, Failure> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::stdin().lock()))
    } else {
        let file = File::open(path)
            .map_err(|e| Failure::Input(format!("{}: {e}", path.display())))?;
        Ok(Box::new(file))
    }
}
