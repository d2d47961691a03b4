//! A corpus model: learn which lines recur across the pages of a crawl
//! (`examples/data/pages.jsonl`: pages of three made-up sites, each page
//! its site's header and footer around its own text), save it, load it in
//! a pipeline, and clean a new page of one of the sites with it, printing
//! what was removed and why.
//!
//! ```text
//! cargo run --release --example corpus_model
//! ```
//!
//! The same with the command line:
//!
//! ```text
//! textclean learn --jsonl --url-field url -o site.model examples/data/pages.jsonl
//! textclean clean --model site.model examples/data/page.txt
//! ```
//! (a plain file has no URL, so there only lines that recur across the
//! whole corpus would go; give records a URL with `--jsonl --url-field`).

use std::process::ExitCode;

use serde::Deserialize;
use textclean::boilerplate::{CorpusModel, LearnOptions, Learner};
use textclean::{Document, Pipeline, Record};

const PAGES: &str = include_str!("data/pages.jsonl");
const PAGE: &str = include_str!("data/page.txt");
/// Where the new page was fetched from: a site of the crawl.
const PAGE_URL: &str = "https://www.riverside-bakery.example/blog/sourdough";

#[derive(Deserialize)]
struct PageRecord {
    url: Option<String>,
    text: String,
}

fn main() -> ExitCode {
    // 1. Learn, in one pass over the records, with bounded memory.
    let mut learner = Learner::new(LearnOptions::default());
    for (n, line) in PAGES.lines().enumerate() {
        let record: PageRecord = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(e) => {
                eprintln!("corpus_model: pages.jsonl line {}: {e}", n + 1);
                return ExitCode::FAILURE;
            }
        };
        learner.add(&record.text, record.url.as_deref());
    }
    let model = learner.finish();
    let (lines, sites) = model.len();
    println!(
        "learned from {} pages: {lines} recurring lines, {sites} sites",
        model.documents()
    );

    // 2. Save it, and load it back (what `textclean learn` and `clean
    //    --model` do).
    let path = std::env::temp_dir()
        .join(format!("textclean-example-{}.model", std::process::id()));
    if let Err(e) = model.save(&path) {
        eprintln!("corpus_model: {e}");
        return ExitCode::FAILURE;
    }
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!("saved {} ({size} bytes)", path.display());
    match CorpusModel::load(&path) {
        Ok(loaded) => assert_eq!(loaded, model, "a model loads as saved"),
        Err(e) => {
            eprintln!("corpus_model: {e}");
            return ExitCode::FAILURE;
        }
    }

    // 3. A pipeline whose boilerplate stage reads the model file, as a
    //    configuration names it.
    let config = format!(
        "preset = \"web\"\n[[stage]]\nkind = \"boilerplate\"\n\
         corpus_model = {:?}\n",
        path.display().to_string()
    );
    let pipeline = Pipeline::from_toml(&config);
    let _ = std::fs::remove_file(&path);
    let pipeline = match pipeline {
        Ok(pipeline) => pipeline,
        Err(e) => {
            eprintln!("corpus_model: {e}");
            return ExitCode::FAILURE;
        }
    };

    // 4. Clean a new page of one of the sites: the site is its URL's host.
    let page = Document::new(PAGE).with_url(PAGE_URL);
    let report = pipeline.run_document(&page, Record::Changes);
    println!("\nremoved from {PAGE_URL}:");
    for change in report.changes.iter().filter(|c| c.replacement.is_empty()) {
        let line = change.original(PAGE).trim_end();
        if !line.is_empty() {
            println!("  {:<22} {line:?}", change.rule);
        }
    }
    println!("\nthe clean page:\n{}", report.text);

    // The site's template went, by the corpus rule; the caption on only
    // two of its six pages stayed.
    let by_corpus = report.stats.count("boilerplate.corpus");
    let ok = by_corpus == 5
        && report.text.starts_with("Sourdough for beginners\n")
        && report.text.contains("Photo: Maya Lindqvist");
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
