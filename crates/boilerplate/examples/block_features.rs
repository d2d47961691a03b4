//! Dumps the block model's training data from the WCXB dev pages: one JSON
//! object per page, with each block's text and features, scored in the
//! context of every other block (none removed), as the model is trained.
//!
//! ```text
//! cargo run --release -p textclean-boilerplate --example block_features -- \
//!     /work/shared/data/boilerplate-dev/cases.jsonl.gz > blocks.jsonl
//! python3 tools/train_boilerplate.py blocks.jsonl
//! ```
//!
//! Every fifth page (position 4, 9, 14, …) is marked `"held_out": true`:
//! the trainer neither trains nor tunes on it (the same pages
//! `eval_wcxb --final` reports on).
//!
//! With `--judged`, each block's features are those of its last context
//! when the shipped model judges the page (its neighbours removed as the
//! model removes them): what the model sees at run time. Training on both
//! (`train_boilerplate.py` takes several dumps) teaches the model the
//! contexts its own removals make.

use std::io::{BufRead, BufReader, BufWriter, Write};

use serde::Deserialize;
use textclean_boilerplate::BoilerplateRemover;

#[derive(Deserialize)]
struct Case {
    id: String,
    page_type: String,
    text: String,
    gold: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let judged = args.iter().any(|a| a == "--judged");
    let path = args.iter().find(|a| !a.starts_with("--")).ok_or(
        "usage: block_features [--judged] CASES.jsonl.gz > blocks.jsonl",
    )?;
    let file = std::fs::File::open(path)?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let remover = BoilerplateRemover::default();
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{}",
        serde_json::json!({ "features": BoilerplateRemover::block_feature_names() })
    )?;
    for (i, line) in reader.lines().enumerate() {
        let case: Case = serde_json::from_str(&line?)?;
        let scores = if judged {
            remover.block_scores(&case.text)
        } else {
            remover.block_scores_unjudged(&case.text)
        };
        let blocks: Vec<serde_json::Value> = scores
            .into_iter()
            .map(|b| {
                serde_json::json!({
                    "text": &case.text[b.span],
                    "f": b.features,
                })
            })
            .collect();
        let page = serde_json::json!({
            "id": case.id,
            "type": case.page_type,
            "held_out": i % 5 == 4,
            "gold": case.gold,
            "blocks": blocks,
        });
        writeln!(out, "{page}")?;
    }
    Ok(())
}
