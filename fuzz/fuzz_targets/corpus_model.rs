//! The corpus model: its loader on arbitrary bytes, and a model learned
//! from the input in the boilerplate stage.
//!
//! Checks: `CorpusModel::from_bytes` returns an error or a model, never
//! panics, and a model it accepts writes back to the same bytes; a model
//! learned from the input (its paragraphs as documents of three sites)
//! saves and reads back equal, and every cut of its file is an error;
//! its lookups stay within its document counts; the stage with it passes
//! the stage checks (clean, counts and explain agree, changes replay,
//! idempotent) and, with each document's URL, removes only whole lines
//! and cleans idempotently.
#![no_main]

use std::sync::{Arc, LazyLock};

use libfuzzer_sys::fuzz_target;
use textclean_boilerplate::{BoilerplateRemover, CorpusModel, Learner};
use textclean_core::{Doc, Meta, Record};
use textclean_fuzz::{check_idempotent, check_stage, text_of};

/// The stage whose automata every model shares, with low thresholds so
/// that the rule fires on small inputs.
static BASE: LazyLock<BoilerplateRemover> = LazyLock::new(|| {
    BoilerplateRemover::builder()
        .corpus_site(2, 30)
        .corpus_global(2, 20)
        .build()
});

const SITES: [Option<&str>; 3] =
    [Some("https://a.example/x"), Some("www.b.example"), None];

/// Lookups stay within the model's counts; for a `learned` model, a
/// line's count on a site within the site's documents too.
fn check_lookups(model: &CorpusModel, text: &str, learned: bool) {
    for line in text.lines().take(64) {
        let all = model.line_documents(line);
        assert!(all <= model.documents(), "a line on more documents than all");
        for site in SITES.iter().flatten() {
            let own = model.site_line_documents(site, line);
            let docs = model.site_documents(site);
            assert!(own <= model.documents() && docs <= model.documents());
            if learned {
                assert!(own <= docs.min(all), "{line:?}: {own} of {docs}");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    // The bytes as a model file.
    match CorpusModel::from_bytes(data) {
        Ok(model) => {
            assert_eq!(model.to_bytes(), data, "a model file reads back");
            check_lookups(&model, &text, false);
        }
        Err(e) => assert!(!e.to_string().is_empty(), "an error says why"),
    }

    // A model learned from the input.
    let mut learner = Learner::new(Default::default());
    let documents: Vec<&str> = text.split("\n\n").collect();
    for (i, doc) in documents.iter().enumerate() {
        learner.add(doc, SITES[i % 3]);
    }
    let model = learner.finish();
    let bytes = model.to_bytes();
    assert_eq!(
        CorpusModel::from_bytes(&bytes).as_ref(),
        Ok(&model),
        "a model reads back as saved"
    );
    let cut = data.len() % bytes.len();
    assert!(CorpusModel::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    check_lookups(&model, &text, true);

    let stage = BASE.with_corpus_model(Some(Arc::new(model)));
    let what = "boilerplate stage with a corpus model";
    let (out, _) = check_stage(&stage, &text, &what);
    check_idempotent(&stage, &text, &out, &what);
    for (i, doc) in documents.iter().enumerate().take(16) {
        let meta =
            Meta { url: SITES[i % 3].map(str::to_owned), language: None };
        let once =
            stage.run_doc(&Doc::new(doc).with_meta(&meta), Record::Changes);
        for c in &once.changes {
            let starts =
                c.span.start == 0 || doc.as_bytes()[c.span.start - 1] == b'\n';
            let ends = c.span.end == doc.len()
                || doc.as_bytes()[c.span.end - 1] == b'\n';
            assert!(
                starts && ends,
                "{what}: {:?} is not whole lines",
                c.original(doc)
            );
        }
        let twice = stage
            .run_doc(&Doc::new(&once.text).with_meta(&meta), Record::Nothing);
        assert_eq!(
            twice.text, once.text,
            "{what}, site {:?}: not idempotent",
            meta.url
        );
    }
});
