//! A pipeline composed in code, with a stage of your own; then the same
//! stage registered as a kind and named in a configuration file.
//!
//! ```text
//! cargo run --release --example custom_pipeline
//! ```

use textclean::boilerplate::BoilerplateRemover;
use textclean::sentences::SentenceRepair;
use textclean::unicode::{Normalization, UnicodeCleaner};
use textclean::{Doc, Edits, Pipeline, Registry, Stage};

/// Replaces e-mail addresses with `<email>`, so a corpus carries no
/// personal addresses.
struct MaskEmails;

impl Stage for MaskEmails {
    fn name(&self) -> &'static str {
        "mask"
    }

    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        let text = doc.text();
        let mut start = 0;
        for piece in text.split_inclusive(char::is_whitespace) {
            let word = piece.trim_end();
            let word = word.trim_end_matches(['.', ',', ';', ':', ')']);
            let at = word.find('@');
            if at.is_some_and(|at| at > 0 && word[at..].contains('.')) {
                edits.replace(
                    start..start + word.len(),
                    "<email>",
                    "mask.email",
                );
            }
            start += piece.len();
        }
    }
}

fn main() {
    let pipeline = Pipeline::builder()
        .stage(
            UnicodeCleaner::builder()
                .quotes(true)
                .normalization(Normalization::Nfkc)
                .build(),
        )
        .stage(
            BoilerplateRemover::builder().extra_phrases(["Promoted"]).build(),
        )
        .stage(MaskEmails)
        .stage(SentenceRepair::default())
        .build();

    let page = "Opening Hours\n\nPromoted\n\nWrite to \u{201c}the desk\u{201d} at \
                desk@example.org and we answer within two working days\
                Our office is open on weekdays\n\nLeave a Reply\n";
    let report = pipeline.explain(page);
    print!("{}", report.text);
    eprintln!("stages: {:?}", pipeline.stage_names());
    for (rule, n) in report.stats.counts() {
        eprintln!("  {rule:<24} {n}");
    }

    // The same stage as a kind a configuration can name: `web` with the
    // mask added would be listed stage by stage; here, a short pipeline.
    let mut registry = Registry::builtin();
    registry.register("mask_emails", |_: NoOptions, _| Ok(MaskEmails));
    let config =
        "[[stage]]\nkind = \"unicode\"\n\n[[stage]]\nkind = \"mask_emails\"\n";
    match registry.build_toml(config) {
        Ok(pipeline) => {
            eprintln!("from a configuration: {:?}", pipeline.stage_names());
            eprint!(
                "{}",
                pipeline.clean("Mail\u{a0}me at desk@example.org today")
            );
        }
        Err(e) => eprintln!("custom_pipeline: {e}"),
    }
}

/// The mask stage has no options: its table holds only its `kind`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoOptions {}
