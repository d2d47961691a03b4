//! Whole pipelines: the preset the first input byte picks (`web`, `pdf`,
//! `unicode`, `boilerplate`, `sentences`, `ftfy`).
//!
//! Checks: `clean`, `clean_into`, `run` (nothing, counts) and `explain`
//! agree; the same passes run one by one as separate stages give the same
//! text; borrowed exactly when unchanged; `clean_into` appends what
//! `clean` gives and says whether it changed; the report's changes are in
//! bounds of the input, on char boundaries, and replay to the output; its
//! span map maps both ways onto char boundaries and exactly where nothing
//! changed; cleaning is idempotent ("cleaning twice gives what cleaning
//! once gave"); naming the default language changes nothing; and with
//! block attributes, the blocks come back in order, apart, in bounds and
//! on char boundaries, and that run's report replays too; judgements
//! (`run_judged`) come in order, in bounds and on char boundaries.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textclean::boilerplate::BoilerplateRemover;
use textclean::sentences::SentenceRepair;
use textclean::unicode::UnicodeCleaner;
use textclean::{
    Block, BlockKind, Document, Layout, Lines, Pipeline, Preset, Record, Stage,
};
use textclean_fuzz::{
    check_changes, check_map, check_pipeline, check_pipeline_idempotent,
    text_of,
};

/// A preset's pipeline, and the same passes as separate stages.
struct Built {
    preset: Preset,
    pipeline: Pipeline,
    stages: Vec<Box<dyn Stage>>,
    tail: Layout,
}

static PIPELINES: LazyLock<Vec<Built>> = LazyLock::new(|| {
    Preset::ALL
        .iter()
        .map(|&preset| {
            let unicode =
                || Box::new(UnicodeCleaner::default()) as Box<dyn Stage>;
            let boilerplate =
                || Box::new(BoilerplateRemover::default()) as Box<dyn Stage>;
            let sentences =
                || Box::new(SentenceRepair::default()) as Box<dyn Stage>;
            let (stages, tail) = match preset {
                Preset::Web => (
                    vec![unicode(), boilerplate(), sentences()],
                    Layout::default(),
                ),
                Preset::Pdf => (
                    vec![
                        unicode(),
                        Box::new(SentenceRepair::pdf()) as Box<dyn Stage>,
                    ],
                    Layout::default(),
                ),
                Preset::Unicode => (vec![unicode()], Layout::default()),
                Preset::Boilerplate => {
                    (vec![boilerplate()], Layout::default())
                }
                Preset::Sentences => (vec![sentences()], Layout::default()),
                Preset::Ftfy => (
                    vec![Box::new(UnicodeCleaner::ftfy()) as Box<dyn Stage>],
                    Layout::line_endings_only(),
                ),
            };
            Built { preset, pipeline: Pipeline::preset(preset), stages, tail }
        })
        .collect()
});

/// What the pipeline's passes make of `input` run one by one: the head
/// layout rules first and after every stage (the pipeline runs them after
/// a stage only when its edits may have unsettled the structure: on
/// settled text they change nothing), the tail pass last. The head rules
/// leave U+0085 to a later stage that reads it as Windows-1252.
fn chained(built: &Built, input: &str) -> String {
    let tail = built.tail;
    let head = |i: usize| Layout {
        blank_lines: false,
        final_newline: false,
        nel: tail.nel && !built.stages[i..].iter().any(|s| s.decodes_c1()),
        ..tail
    };
    let mut text = head(0).clean(input).into_owned();
    for (i, stage) in built.stages.iter().enumerate() {
        text = stage.clean(&text).into_owned();
        if i + 1 < built.stages.len() {
            text = head(i + 1).clean(&text).into_owned();
        }
    }
    tail.clean(&text).into_owned()
}

/// A paragraph block for each block of lines of `text`, every other one a
/// heading, with some link text.
fn blocks_of(text: &str) -> Vec<Block> {
    let lines = Lines::new(text);
    lines
        .blocks()
        .enumerate()
        .map(|(i, range)| {
            let span = lines.span(range);
            let kind = if i % 2 == 0 {
                BlockKind::Paragraph
            } else {
                BlockKind::Heading(2)
            };
            let links = span.len() / 3;
            Block::new(span, kind).with_link_bytes(links)
        })
        .collect()
}

fn check(built: &Built, input: &str) {
    let (preset, pipeline) = (built.preset, &built.pipeline);
    let what = format!("the `{preset}` pipeline");
    let (once, report) = check_pipeline(pipeline, input, true, &what);
    // The pipeline's plumbing (lent buffers, settling between stages) is
    // the passes run one by one.
    let by_hand = chained(built, input);
    assert_eq!(
        once, by_hand,
        "{what}: differs from its passes run one by one on {input:?}"
    );
    check_pipeline_idempotent(pipeline, input, &report, &what);
    assert_eq!(report.stats.documents, 1, "{what}: documents counted");

    // The pipeline's language is English: saying so changes nothing.
    let named = Document::new(input).with_language("en");
    let named = pipeline.run_document(&named, Record::Nothing);
    assert_eq!(
        named.text, once,
        "{what}: a document in `en` is cleaned otherwise than one in no \
         language"
    );

    // Judgements come in text order, in bounds of the input, on char
    // boundaries, and asking for them changes nothing.
    let judged = pipeline.run_judged(&Document::new(input), Record::Nothing);
    assert_eq!(judged.text, once, "{what}: judging changes the text");
    let mut start = 0;
    for (i, j) in judged.judgements.iter().enumerate() {
        let span = &j.span;
        assert!(
            span.start >= start
                && span.start <= span.end
                && span.end <= input.len()
                && input.is_char_boundary(span.start)
                && input.is_char_boundary(span.end),
            "{what}: judgement {i} {span:?} is out of order, out of bounds \
             or not on char boundaries of {input:?}"
        );
        start = span.start;
    }

    // Block attributes follow their text.
    let blocks = blocks_of(input);
    let document = Document::new(input).with_blocks(blocks.clone());
    let with = format!("{what} with blocks");
    let done = pipeline.run_document(&document, Record::Changes);
    let origins = check_changes(input, &done.text, &done.changes, &with);
    check_map(input, &done.text, &done.map, &origins, &with);
    let plain = pipeline.run_document(&document, Record::Nothing);
    assert_eq!(
        plain.text, done.text,
        "{with}: recording the changes changes the text"
    );
    assert_eq!(plain.blocks, done.blocks, "{with}: recording moves blocks");
    assert!(
        done.blocks.len() <= blocks.len(),
        "{with}: more blocks came out than went in"
    );
    let mut end = 0;
    for (i, block) in done.blocks.iter().enumerate() {
        let span = &block.span;
        assert!(
            span.start >= end
                && span.start < span.end
                && span.end <= done.text.len(),
            "{with}: block {i} {span:?} is empty, out of order or out of \
             bounds (after {end}, in 0..{})",
            done.text.len()
        );
        assert!(
            done.text.is_char_boundary(span.start)
                && done.text.is_char_boundary(span.end),
            "{with}: block {i} {span:?} is not on char boundaries"
        );
        end = span.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let pipelines = &*PIPELINES;
    let pick =
        usize::from(data.first().copied().unwrap_or(0)) % pipelines.len();
    check(&pipelines[pick], &text_of(data));
});
