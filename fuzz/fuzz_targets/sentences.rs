//! The sentence-repair stage alone, with its default (web) options or the
//! variant the first input byte picks, directly and in a pipeline with
//! and without the layout passes.
//!
//! Checks: clean, counts and explain agree; borrowed exactly when
//! unchanged; the changes are in bounds, on char boundaries and replay to
//! the output; the span map maps both ways onto char boundaries and
//! exactly where nothing changed; cleaning is idempotent; and the stage's
//! own contract: "Repair never changes, adds or removes a letter or
//! digit: it only inserts `". "`, a space or a final `"."`, joins lines
//! and removes line-end hyphens", so the letters and digits of the output
//! are those of the input and each change has the shape its rule names.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textclean_core::Change;
use textclean_fuzz::{
    alnum, check_idempotent, check_in_pipelines, check_stage, text_of,
};
use textclean_sentences::{Language, RepairOptions, SentenceRepair};

/// One set of options, built once: the stage, and pipelines of it
/// without and with the layout passes.
type Variant = textclean_fuzz::Variant<SentenceRepair>;

static VARIANTS: LazyLock<Vec<Variant>> = LazyLock::new(|| {
    let none = RepairOptions::none();
    let options = [
        ("web", RepairOptions::default()),
        ("pdf", RepairOptions::pdf()),
        ("glued", RepairOptions { glued: true, ..none }),
        ("missing_space", RepairOptions { missing_space: true, ..none }),
        ("final_period", RepairOptions { final_period: true, ..none }),
        ("spacing", RepairOptions { spacing: true, ..none }),
        ("unwrap", RepairOptions { unwrap: true, ..none }),
        ("unwrap_evident", RepairOptions { unwrap_evident: true, ..none }),
        ("dehyphenate", RepairOptions { dehyphenate: true, ..none }),
        (
            "unwrap+dehyphenate",
            RepairOptions { unwrap: true, dehyphenate: true, ..none },
        ),
        ("none", none),
    ];
    options
        .into_iter()
        .map(|(name, options)| {
            Variant::new(
                name,
                SentenceRepair::new(Language::english(), options),
            )
        })
        .collect()
});

/// The shape each rule's changes must have (the crate docs' rule table).
fn check_shape(c: &Change, input: &str, options: RepairOptions, what: &str) {
    let original = c.original(input);
    let with = c.replacement.as_str();
    let shape = match c.rule {
        "sentences.glued" => original.is_empty() && with == ". ",
        "sentences.space" => original.is_empty() && with == " ",
        "sentences.final_period" => original.is_empty() && with == ".",
        // Blanks before punctuation go.
        "sentences.spacing" => {
            !original.is_empty()
                && original.bytes().all(|b| b == b' ' || b == b'\t')
                && with.is_empty()
        }
        // A line break (and the whitespace around it) becomes a space, or
        // nothing after a dash.
        "sentences.unwrap" => {
            original.contains('\n')
                && original.chars().all(char::is_whitespace)
                && (with == " " || with.is_empty())
        }
        // A hyphen, then the line break.
        "sentences.dehyphenate" => {
            let rest = original.strip_prefix('-');
            rest.is_some_and(|r| {
                r.contains('\n') && r.chars().all(char::is_whitespace)
            }) && with.is_empty()
        }
        _ => false,
    };
    assert!(
        shape,
        "{what}: change ({}) replaces {original:?} with {with:?}, not the \
         shape of its rule",
        c.rule
    );
    let enabled = match c.rule {
        "sentences.glued" => options.glued,
        "sentences.space" => options.missing_space,
        "sentences.final_period" => options.final_period,
        "sentences.spacing" => options.spacing,
        "sentences.unwrap" => options.unwrap || options.unwrap_evident,
        _ => options.dehyphenate,
    };
    assert!(enabled, "{what}: rule {} is off, yet it made a change", c.rule);
}

fn check(variant: &Variant, input: &str) {
    let what = format!("sentence repair ({})", variant.name);
    let options = variant.stage.options();
    let (out, report) = check_stage(&variant.stage, input, &what);
    assert_eq!(
        alnum(&out),
        alnum(input),
        "{what}: the letters and digits changed: {input:?} became {out:?}"
    );
    for c in &report.changes {
        check_shape(c, input, options, &what);
    }
    // Alone, repair is idempotent (its own tests check it on text with
    // `\r\n` too, so on any structure, not only what a pipeline gives).
    check_idempotent(&variant.stage, input, &out, &what);

    // In a pipeline without layout, the stage's output exactly; with
    // layout, a pipeline's checks.
    // With layout, idempotent on any text; the layout passes change only
    // whitespace, so letters and digits stay too.
    let piped =
        check_in_pipelines(&variant.bare, &variant.full, input, &out, &what);
    assert_eq!(
        alnum(&piped),
        alnum(input),
        "{what} in a pipeline with layout: the letters and digits changed: \
         {input:?} became {piped:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options (web and pdf for over half of its
    // values); the whole input is the text.
    let variants = &*VARIANTS;
    let pick = usize::from(data.first().copied().unwrap_or(0)) % 16;
    let variant = match pick {
        0..=5 => &variants[0],
        6..=8 => &variants[1],
        n => &variants[(n - 7) % variants.len()],
    };
    check(variant, &text_of(data));
});
