//! The repair rules: glued sentences, missing spaces, lost final periods,
//! hard-wrap unwrapping and dehyphenation.
//!
//! The rules are planned first (each as an edit on the input) and applied
//! in order at the end, so that their decisions read the input alone and
//! not each other's output: that keeps repair idempotent.
//!
//! Planning goes in three passes. Candidates of [`glued`] and
//! [`dehyphenate`] are found and ask [`counts`] for the tokens their
//! decisions need, which one counting pass then counts over the whole
//! document. The sentence-level rules ([`glued`], [`space`]) then decide
//! in text order, outside [`code`]; their splits feed the block-level
//! rules ([`unwrap`], [`dehyphenate`], [`final_period`]), which see the
//! document block by block.

use textclean_core::{Doc, Edits, Lines};

use crate::blocks::{self, Line};
use crate::lang::Language;

/// A test per case: the web preset returns the text unchanged.
#[cfg(test)]
macro_rules! kept {
    ($($name:ident: $text:expr;)*) => {$(
        #[test]
        fn $name() {
            let text: String = $text.into();
            assert_eq!($crate::repair::testing::web(&text), text);
        }
    )*};
}

mod code;
mod counts;
mod dehyphenate;
mod final_period;
mod glued;
mod sentence;
mod space;
mod spacing;
mod unwrap;

use code::CodeBlocks;
use counts::Counts;
use dehyphenate::Hyphen;
use glued::Glue;
use textclean_core::wrap::is_wrap_shaped;
use unwrap::Joins;

/// Which rules run.
type Options = crate::RepairOptions;

/// One planned edit: `span` of the input becomes `with`, under `rule`.
#[derive(Debug)]
struct Plan {
    span: std::ops::Range<usize>,
    with: &'static str,
    rule: &'static str,
}

/// What the block-level rules read besides the block: the document and
/// what the earlier passes found in it.
struct Context<'a> {
    lang: &'a Language,
    text: &'a str,
    /// Where the sentence-level rules split, in order.
    splits: &'a [usize],
    /// The line-end hyphens, in order.
    hyphens: &'a [Hyphen],
    counts: &'a Counts,
    /// Which line breaks the block rules join.
    joins: &'a Joins<'a>,
    /// What `sentences.spacing` takes the space away before, if it is on.
    spacing: Option<spacing::Marks>,
    /// Where the blocks shaped like hard-wrapped text start, when they are
    /// known already.
    shaped: Option<&'a [usize]>,
}

/// Plans the edits of the rules `opts` enables and applies them to
/// `edits`, in order.
pub(crate) fn repair(
    lang: &Language,
    opts: &Options,
    doc: &Doc<'_>,
    edits: &mut Edits<'_>,
) {
    let text = doc.text();
    let index = doc.lines();
    let mut plan = Vec::new();
    let mut counts = Counts::default();
    // Scratch space for the words that hyphens join.
    let mut word = String::new();

    // Find candidates; keep those that the local evidence allows; count
    // over the whole document only what their decisions still need.
    // Which line breaks the block rules will join: the sentence-level
    // rules read across them, so that a second run decides nothing new.
    let shapes = (opts.unwrap_evident && !opts.unwrap)
        .then(|| unwrap::Shapes::of(text, index));
    let joins = match &shapes {
        _ if opts.unwrap => Joins::All,
        Some(shapes) => Joins::Within(&shapes.evident),
        None => Joins::Within(&[]),
    };
    let glues = if opts.glued {
        glued::candidates(lang, text, &joins)
    } else {
        Vec::new()
    };
    for g in &glues {
        g.want(text, &mut counts);
    }
    let hyphens = if opts.dehyphenate {
        dehyphenate::candidates(text, index)
    } else {
        Vec::new()
    };
    for h in &hyphens {
        h.want(text, &mut counts, &mut word);
    }
    if !counts.is_empty() {
        counts.count(text);
    }

    let splits = sentence_rules(
        lang, opts, text, index, &joins, &glues, &counts, &mut plan,
    );
    let marks = opts.spacing.then(|| spacing::Marks::of(lang, text));
    if let Some(marks) = marks {
        spacing::plan(marks, text, index, &mut plan);
    }

    if opts.final_period
        || opts.unwrap
        || opts.unwrap_evident
        || opts.dehyphenate
    {
        let cx = Context {
            lang,
            text,
            splits: &splits,
            hyphens: &hyphens,
            counts: &counts,
            joins: &joins,
            spacing: marks,
            shaped: shapes.as_ref().map(|s| s.shaped.as_slice()),
        };
        blocks::blocks(text, index, |lines| {
            block_rules(&cx, opts, lines, &mut word, &mut plan)
        });
    }

    plan.sort_by_key(|p| (p.span.start, p.span.end));
    let mut at = 0;
    for p in plan {
        if p.span.start < at {
            continue;
        }
        at = p.span.end;
        edits.replace(p.span, p.with, p.rule);
    }
}

/// Plans the sentence-level insertions, glued boundaries and missing
/// spaces, in text order; returns where they split.
#[allow(clippy::too_many_arguments)]
fn sentence_rules(
    lang: &Language,
    opts: &Options,
    text: &str,
    index: &Lines,
    joins: &Joins<'_>,
    glues: &[Glue],
    counts: &Counts,
    plan: &mut Vec<Plan>,
) -> Vec<usize> {
    let mut splits: Vec<usize> = Vec::new();
    if !(opts.glued || opts.missing_space) {
        return splits;
    }
    let spaces = if opts.missing_space {
        space::candidates(lang, text, joins)
    } else {
        Vec::new()
    };
    let mut code = CodeBlocks::default();
    let (mut gi, mut si) = (0, 0);
    // The last split: a glued boundary's sentence starts after it.
    let mut floor = 0;
    loop {
        let next_glue = glues.get(gi).map(|g| g.at);
        let next_space = spaces.get(si).copied();
        let take_glue = match (next_glue, next_space) {
            (None, None) => break,
            (Some(g), Some(s)) => g < s,
            (Some(_), None) => true,
            (None, Some(_)) => false,
        };
        if take_glue {
            let g = &glues[gi];
            gi += 1;
            if !code.is_code(text, index, g.at)
                && g.holds(lang, text, counts, floor)
            {
                plan.push(Plan {
                    span: g.at..g.at,
                    with: ". ",
                    rule: glued::RULE,
                });
                splits.push(g.at);
                floor = g.at;
            }
        } else {
            let at = spaces[si];
            si += 1;
            if !code.is_code(text, index, at) {
                plan.push(Plan { span: at..at, with: " ", rule: space::RULE });
                splits.push(at);
                floor = at;
            }
        }
    }
    splits
}

/// Plans the block-level rules for one block: unwrapping and
/// dehyphenation when it is hard-wrapped, then final periods.
fn block_rules(
    cx: &Context<'_>,
    opts: &Options,
    lines: &[Line],
    word: &mut String,
    plan: &mut Vec<Plan>,
) {
    let last = lines[lines.len() - 1];
    let last_ok =
        final_period::may_end_with_period(&cx.text[last.start..last.end]);
    // Only look at the block's shape when some rule needs it.
    let wrapped = lines.len() > 1
        && (opts.unwrap
            || opts.unwrap_evident
            || opts.dehyphenate
            || (opts.final_period
                && (last_ok
                    || lines.iter().any(|l| {
                        l.end - l.start >= final_period::LONG_LINE
                    }))))
        && match cx.shaped {
            Some(starts) => starts.binary_search(&lines[0].start).is_ok(),
            None => is_wrap_shaped(cx.text, lines),
        };
    // The evident blocks are known already: a block is joined when its
    // first line break is.
    let joins = wrapped
        && (opts.unwrap || (opts.unwrap_evident && cx.joins.at(lines[0].end)));
    let unwrapping = opts.unwrap || opts.unwrap_evident;
    let dehyphenates = opts.dehyphenate && (joins || (wrapped && !unwrapping));
    if joins || dehyphenates {
        unwrap::join_lines(cx, lines, joins, dehyphenates, word, plan);
    }
    if opts.final_period {
        final_period::add_periods(cx, lines, joins, last_ok, plan);
    }
}

/// Helpers for the tests of every rule.
#[cfg(test)]
mod testing {
    use textclean_core::Stage;

    use crate::SentenceRepair;

    /// `text` through the web preset.
    pub(super) fn web(text: &str) -> String {
        SentenceRepair::default().clean(text).into_owned()
    }

    /// `text` through the pdf preset.
    pub(super) fn pdf(text: &str) -> String {
        SentenceRepair::pdf().clean(text).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;
    use textclean_core::{Record, Stage};

    use crate::SentenceRepair;

    kept! {
        clean: "A clean sentence. Another one!";
        empty: "";
    }

    #[test]
    fn records_rules() {
        let done = SentenceRepair::pdf().run(
            "It rained all day in the cityThe streets were wet and grey",
            Record::Changes,
        );
        let rules: Vec<_> = done.changes.iter().map(|c| c.rule).collect();
        assert_eq!(rules, ["sentences.glued", "sentences.final_period"]);
    }

    #[test]
    fn options_turn_rules_off() {
        let text = "It rained all day in the cityThe streets were wet, and \
                    cold.It was late";
        let only = |opts: crate::RepairOptions| {
            SentenceRepair::new(crate::Language::english(), opts)
                .clean(text)
                .into_owned()
        };
        let none = crate::RepairOptions::none();
        assert_eq!(only(none), text);
        assert_eq!(
            only(crate::RepairOptions { glued: true, ..none }),
            "It rained all day in the city. The streets were wet, and \
             cold.It was late"
        );
        assert_eq!(
            only(crate::RepairOptions { missing_space: true, ..none }),
            "It rained all day in the cityThe streets were wet, and \
             cold. It was late"
        );
        assert_eq!(
            only(crate::RepairOptions { final_period: true, ..none }),
            format!("{text}.")
        );
    }

    fn alnum(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    /// Text made of words that provoke the rules.
    fn wordy() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "the",
            "arena",
            "Unlike",
            "cityThe",
            "AIDiverse",
            "AI",
            "end.The",
            "over?Yes",
            "exam-",
            "ple",
            "well-",
            "known",
            "\n",
            "\n\n",
            "DeepSeek",
            "iPhone",
            "China",
            "ChinaThe",
            "foo.barBaz()",
            "1.",
            "-",
            "  ",
            "x",
            "é",
            "ÉtéThe",
            "\r\n",
            "—",
            "--",
            "a",
            "river",
            "walking",
            "we",
            "and",
            ".",
            "?",
            ",",
            ". . .",
            "2019The",
            "GPUsThey",
            "meThen",
            "headHe'll",
            "indicateI",
            "seasons.A",
            "Berlin.The",
            // Dotted names: identifiers where the text shows code.
            "strings.Split",
            "on",
            "oak.Phosphates",
            "is",
            "{",
            // Quotes that open or close after a period.
            "\"",
            "other.\"You",
            "gate.“Where",
        ]);
        proptest::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
    }

    /// Paragraphs hard-wrapped at 40 to 70 columns, some with a word
    /// hyphenated across a line end, some glued, some with a space before
    /// their punctuation.
    fn wrapped() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "the",
            "river",
            "was",
            "wide",
            "and",
            "slow",
            "walking",
            "along",
            "its",
            "banks",
            "we",
            "saw",
            "example",
            "understanding",
            "cityThe",
            "end.The",
            "well-known",
            "birds",
            "of",
            "many",
            "kinds",
            "it",
            ",",
            ".",
            "said",
            "that",
            "morning",
            "continued",
        ]);
        (
            proptest::collection::vec(word, 8..60),
            40..70usize,
            proptest::bool::ANY,
        )
            .prop_map(|(words, width, hyphenate)| {
                let mut out = String::new();
                let mut line = 0;
                for w in words {
                    if line > 0 && line + 1 + w.len() > width {
                        if hyphenate && w.len() >= 8 {
                            out.push(' ');
                            out.push_str(&w[..4]);
                            out.push_str("-\n");
                            out.push_str(&w[4..]);
                            line = w.len() - 4;
                            continue;
                        }
                        out.push('\n');
                        line = 0;
                    } else if line > 0 {
                        out.push(' ');
                        line += 1;
                    }
                    out.push_str(w);
                    line += w.len();
                }
                out
            })
    }

    /// The generators reach every rule: over a fixed sample of their texts,
    /// each rule changes something, in one preset or the other.
    #[test]
    fn wordy_texts_fire_every_rule() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let mut runner = TestRunner::deterministic();
        let mut fired = std::collections::BTreeMap::new();
        for k in 0..400 {
            let text = if k % 2 == 0 {
                wordy().new_tree(&mut runner).unwrap().current()
            } else {
                wrapped().new_tree(&mut runner).unwrap().current()
            };
            for stage in stages() {
                let done = stage.run(&text, Record::Counts);
                for (rule, n) in done.stats.counts() {
                    *fired.entry(rule).or_insert(0) += n;
                }
            }
        }
        for rule in [
            "sentences.glued",
            "sentences.space",
            "sentences.final_period",
            "sentences.spacing",
            "sentences.unwrap",
            "sentences.dehyphenate",
        ] {
            assert!(
                fired.get(rule).is_some_and(|&n| n > 0),
                "{rule}: {fired:?}"
            );
        }
    }

    /// A second run of either preset changes nothing and borrows; letters
    /// and digits are those of the input.
    fn idempotent_in_both(text: &str) -> Result<(), TestCaseError> {
        for stage in stages() {
            let once = stage.clean(text).into_owned();
            let twice = stage.clean(&once);
            prop_assert_eq!(&once, &twice);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
            prop_assert_eq!(alnum(&once), alnum(text));
        }
        Ok(())
    }

    fn stages() -> [SentenceRepair; 2] {
        [SentenceRepair::default(), SentenceRepair::pdf()]
    }

    /// What the fuzz targets found: each once needed a second run.
    #[test]
    fn fuzz_findings_settle_in_one_run() {
        for text in [
            // A sentence end before a vertical tab at a wrapped line's end
            // reads as one once the line is joined.
            "He saiop.\" Then he meft the room.\u{b}\nsentences.final_per\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}���������\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}.\" Then he meft the room.\u{b}\nsentences.final_per\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}I's:Future Hinges on Collaboration\n",
            // A family counted with a member split for its starter.
            "d a NASAMod NASAMoreover NASA",
            "We saw the NASAMod and then NASAMoreover the NASA team",
            // A glued run before a CR line end that unwrapping joins.
            "Whrelayouttsemeit wor fmeAdvertisement\r\ne",
            // Trailing tabs before a line that unwrapping joins.
            "Weold them llnd more, ata and more,athaprice\t\t\nth",
        ] {
            for stage in stages() {
                let once = stage.clean(text).into_owned();
                assert_eq!(stage.clean(&once), once, "{text:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            for stage in stages() {
                let _ = stage.clean(&text);
            }
        }

        #[test]
        fn letters_and_digits_never_change(text in wordy()) {
            for stage in stages() {
                prop_assert_eq!(alnum(&stage.clean(&text)), alnum(&text));
            }
        }

        #[test]
        fn letters_and_digits_never_change_any(text in "\\PC{0,200}") {
            for stage in stages() {
                prop_assert_eq!(alnum(&stage.clean(&text)), alnum(&text));
            }
        }

        #[test]
        fn idempotent_wrapped(text in wrapped()) {
            idempotent_in_both(&text)?;
        }

        #[test]
        fn idempotent(text in wordy()) {
            idempotent_in_both(&text)?;
        }

        #[test]
        fn recording_does_not_change_text(text in wordy()) {
            for stage in stages() {
                let off = stage.run(&text, Record::Nothing);
                let on = stage.run(&text, Record::Changes);
                prop_assert_eq!(&off.text, &on.text);
                prop_assert_eq!(
                    matches!(off.text, Cow::Borrowed(_)),
                    on.changes.is_empty()
                );
            }
        }

        #[test]
        fn clean_input_is_borrowed(text in "([a-z ]{0,40}[a-z])?\\.") {
            let text = format!("This is fine. {text}");
            let out = SentenceRepair::default().clean(&text);
            prop_assert!(matches!(out, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn huge_lines_are_fine() {
        for text in [
            "A".repeat(1 << 20),
            "aB".repeat(1 << 19),
            "a.".repeat(1 << 19),
            "ab-\n".repeat(1 << 17),
            "word ".repeat(1 << 18),
        ] {
            for stage in stages() {
                assert_eq!(alnum(&stage.clean(&text)), alnum(&text));
            }
        }
    }
}
