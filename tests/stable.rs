//! Cleaning twice gives what cleaning once gave, for every preset; and a
//! report's changes, applied in order, give its text.

use proptest::prelude::*;
use textclean::{Block, BlockKind, Document, Pipeline, Preset, Record};

/// One piece of a messy document: each alternative exercises a rule.
fn piece() -> impl Strategy<Value = String> {
    let word = "[a-z]{1,9}";
    prop_oneof![
        // Prose words and sentence ends.
        4 => proptest::collection::vec(word, 1..12).prop_map(|w| w.join(" ")),
        1 => Just(". ".to_owned()),
        1 => Just(", ".to_owned()),
        // Glued sentences and lost spaces.
        2 => (word, "[A-Z][a-z]{2,8}").prop_map(|(a, b)| format!(" {a}{b} ")),
        1 => (word, "[A-Z][a-z]{2,8}").prop_map(|(a, b)| format!(" {a}.{b} ")),
        1 => Just(" the GPUsThey ".to_owned()),
        // Line endings of every kind, blank lines, trailing spaces.
        3 => prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\u{2028}", "\u{2029}",
            "\u{b}", "\u{c}", "\u{85}", "  \n", "\t\r\n", " \n \n"]).prop_map(str::to_owned),
        // Hard wraps and hyphenation: a line that does not start with a space.
        2 => (word, word).prop_map(|(a, b)| format!("{a}-\n{b} ")),
        // Markup and entities, next to each other or not.
        1 => prop::sample::select(vec!["<b>", "</p>", "&amp;", "&lt;b&gt;", "&nbsp;",
            "&#13;", "&#8232;", "&quot;", "&#x1F600;", "&amp;amp;"]).prop_map(str::to_owned),
        // Mojibake, odd spaces, invisibles, controls, emoji.
        1 => prop::sample::select(vec!["caf\u{c3}\u{a9}", "don\u{e2}\u{80}\u{99}t", "\u{a0}",
            "\u{200b}", "\u{feff}", "\u{7}", "\u{1b}[31m", "\u{1F600}", "\u{1F44D}\u{1F3FD}",
            "e\u{301}", "\u{fb01}", "\u{ff21}"]).prop_map(str::to_owned),
        // Boilerplate lines.
        1 => prop::sample::select(vec!["\nAdvertisements\n", "\nLeave a Reply\n",
            "\nShare this:\n", "\nHome | About | Contact\n", "\n3 Comments\n",
            "\nCopyright 2024 Example Inc. All rights reserved.\n", "\nRead more\n"])
            .prop_map(str::to_owned),
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_preset_is_idempotent(text in document()) {
        for preset in Preset::ALL {
            let pipeline = Pipeline::preset(preset);
            let once = pipeline.clean(&text).into_owned();
            let twice = pipeline.clean(&once);
            prop_assert_eq!(twice.as_ref(), once.as_str(), "preset {}", preset);
        }
    }

    #[test]
    fn reports_replay(text in document()) {
        for preset in Preset::ALL {
            let report = Pipeline::preset(preset).explain(&text);
            let replayed = textclean::replay(&text, &report.changes);
            prop_assert_eq!(replayed.as_deref(), Some(report.text.as_str()), "preset {}", preset);
            // Literally, one change after the other.
            let mut step = text.clone();
            for change in &report.changes {
                step.replace_range(change.at.clone(), &change.replacement);
            }
            prop_assert_eq!(&step, &report.text);
            for change in &report.changes {
                prop_assert!(change.span.end <= text.len() && text.is_char_boundary(change.span.start));
            }
        }
    }

    /// Blocks given on the input come out on the output where their text
    /// went: a block whose text survived still starts with its first
    /// surviving word.
    #[test]
    fn blocks_follow_their_text(text in document()) {
        let mut blocks = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let span = at..at + line.trim_end_matches('\n').len();
            if !span.is_empty() {
                blocks.push(Block::new(span, BlockKind::Paragraph));
            }
            at += line.len();
        }
        let doc = Document::new(&text).with_blocks(blocks.clone());
        let pipeline = Pipeline::default();
        let report = pipeline.run_document(&doc, Record::Changes);
        prop_assert_eq!(&report.text, &pipeline.clean(&text).into_owned());
        let mut last = 0;
        for block in &report.blocks {
            prop_assert!(block.span.start >= last && block.span.end <= report.text.len());
            prop_assert!(report.text.is_char_boundary(block.span.start));
            prop_assert!(report.text.is_char_boundary(block.span.end));
            last = block.span.end;
            // It maps back inside the input.
            let source = report.map.to_source_range(block.span.clone());
            prop_assert!(source.end <= text.len());
        }
        prop_assert!(report.blocks.len() <= blocks.len());
    }
}

/// The reproductions of the core v2 issue: each once needed a second run.
#[test]
fn structure_is_settled_before_the_stages_run() {
    for (preset, input) in [
        (Preset::Boilerplate, "Welcome\r3 Comments\n"),
        (Preset::Unicode, "&amp;\u{2028}<b>x</b>"),
        (Preset::Web, "<b>&#13;&amp;"),
        // A boilerplate line glued to the next: sentence repair splits it,
        // and a second run must not then remove what the first kept.
        (
            Preset::Web,
            "Skip to main contentSkip to footer\nMenu\n\nThe article starts here, and goes on for a good while longer.",
        ),
        (
            Preset::Web,
            "Leave a ReplyCancel reply\n\nThe comments are open to everyone who reads the blog.",
        ),
        (Preset::Web, "&lt;i&gt;&#x2028;<p>"),
    ] {
        let pipeline = Pipeline::preset(preset);
        let once = pipeline.clean(input).into_owned();
        assert_eq!(pipeline.clean(&once), once, "{preset}: {input:?}");
    }
    assert_eq!(
        Pipeline::preset(Preset::Boilerplate).clean("Welcome\r3 Comments\n"),
        "Welcome\n"
    );
}

#[test]
fn a_glued_sentence_at_a_wrapped_line_end_is_repaired_in_one_pass() {
    let pdf = Pipeline::preset(Preset::Pdf);
    let input = "It was late in the day when we came back to the cityThe\n\
                 streets were empty and the shops had closed their doors for the night.\n";
    let once = pdf.clean(input).into_owned();
    assert_eq!(pdf.clean(&once), once);
}

/// The pipeline's buffers are per thread and reused: a pipeline inside a
/// stage of another still works, and results do not depend on what ran
/// before on the thread.
#[test]
fn runs_do_not_depend_on_earlier_runs() {
    let web = Pipeline::default();
    let a = "Caf\u{c3}\u{a9}\u{a0}du coin\r\n\r\nAdvertisements\r\nThe text goes on";
    let first = web.clean(a).into_owned();
    let _ = web.clean(&"x ".repeat(10_000));
    let _ = web.explain("short\u{a0}one");
    assert_eq!(web.clean(a), first);
}
