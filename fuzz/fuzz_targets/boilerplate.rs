//! The boilerplate stage alone, with its default options or the variant
//! the first input byte picks, directly and in a pipeline with and
//! without the layout passes.
//!
//! Checks: clean, counts and explain agree; borrowed exactly when
//! unchanged; the changes are in bounds, on char boundaries and replay to
//! the output; the span map maps both ways onto char boundaries and
//! exactly where nothing changed; cleaning is idempotent; and the
//! stage's own contract: it removes lines "whole and with their line
//! ending, and never changes a character inside a line it keeps", so
//! every change deletes whole lines and the output's lines are lines of
//! the input, in order.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textclean::{Layout, Stage};
use textclean_boilerplate::{
    BoilerplateOptions, BoilerplateRemover, Language, Strictness,
};
use textclean_fuzz::{
    check_idempotent, check_in_pipelines, check_stage, text_of,
};

/// One set of options, built once: the stage, and pipelines of it
/// without and with the layout passes.
type Variant = textclean_fuzz::Variant<BoilerplateRemover>;

static VARIANTS: LazyLock<Vec<Variant>> = LazyLock::new(|| {
    let default = BoilerplateOptions::default();
    let extra = || {
        vec![
            "Sponsored content".to_owned(),
            "Read more".to_owned(),
            "é".into(),
        ]
    };
    let options = [
        ("default", default.clone()),
        (
            "phrases only",
            BoilerplateOptions { heuristics: false, ..default.clone() },
        ),
        (
            "heuristics only",
            BoilerplateOptions { phrases: false, ..default.clone() },
        ),
        (
            "extra phrases",
            BoilerplateOptions { extra_phrases: extra(), ..default.clone() },
        ),
        (
            "extra phrases only",
            BoilerplateOptions {
                phrases: false,
                heuristics: false,
                extra_phrases: extra(),
                ..default.clone()
            },
        ),
        (
            "precision",
            BoilerplateOptions {
                strictness: Strictness::Precision,
                ..default.clone()
            },
        ),
        (
            "recall",
            BoilerplateOptions {
                strictness: Strictness::Recall,
                ..default.clone()
            },
        ),
    ];
    options
        .into_iter()
        .map(|(name, options)| {
            Variant::new(
                name,
                BoilerplateRemover::new(Language::english(), &options),
            )
        })
        .collect()
});

/// True when `small`'s items are items of `big`, in order.
fn subsequence<'a>(
    small: impl IntoIterator<Item = &'a str>,
    big: impl IntoIterator<Item = &'a str>,
) -> Result<(), &'a str> {
    let mut big = big.into_iter();
    for line in small {
        if !big.any(|b| b == line) {
            return Err(line);
        }
    }
    Ok(())
}

fn check(variant: &Variant, input: &str) {
    let what = format!("boilerplate stage ({})", variant.name);
    let (out, report) = check_stage(&variant.stage, input, &what);
    check_idempotent(&variant.stage, input, &out, &what);

    // Every change removes whole lines, each with its line ending: it
    // starts where a line starts and ends after a `\n` or at the end.
    for c in &report.changes {
        assert!(
            c.replacement.is_empty(),
            "{what}: change ({}) at {:?} writes {:?}: the stage only removes",
            c.rule,
            c.span,
            c.replacement
        );
        let starts_line =
            c.span.start == 0 || input.as_bytes()[c.span.start - 1] == b'\n';
        let ends_line = c.span.end == input.len()
            || input.as_bytes()[c.span.end - 1] == b'\n';
        assert!(
            starts_line && ends_line,
            "{what}: change ({}) removes {:?}, not whole lines",
            c.rule,
            c.original(input)
        );
    }
    // So the output's lines, each with its `\n`, are lines of the input in
    // order.
    if let Err(line) =
        subsequence(out.split_inclusive('\n'), input.split_inclusive('\n'))
    {
        panic!("{what}: output line {line:?} is not a line of the input");
    }

    // In a pipeline without layout, the stage's output exactly; with
    // layout, a pipeline's checks, and its lines are those of the input
    // after the head pass (`\n` endings, no trailing whitespace), less
    // blank lines the tail pass settles.
    let piped =
        check_in_pipelines(&variant.bare, &variant.full, input, &out, &what);
    let head = Layout::head().clean(input);
    let kept = piped.split('\n').filter(|l| !l.is_empty());
    if let Err(line) = subsequence(kept, head.split('\n')) {
        panic!(
            "{what} in a pipeline with layout: output line {line:?} is not \
             a line of the input after the head layout pass"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options (the default for half of its
    // values); the whole input is the text.
    let variants = &*VARIANTS;
    let pick = usize::from(data.first().copied().unwrap_or(0))
        % (2 * variants.len() - 1);
    check(&variants[pick.saturating_sub(variants.len() - 1)], &text_of(data));
});
