//! The Unicode stage alone, with its default options and with the
//! variant the first input byte picks, directly and in a pipeline with
//! and without the layout passes.
//!
//! Checks: clean, counts and explain agree; borrowed exactly when
//! unchanged; the changes are in bounds, on char boundaries and replay to
//! the output; the span map maps both ways onto char boundaries and
//! exactly where nothing changed; cleaning is idempotent; the output is in
//! the chosen normalization form; line endings stay as they are; a
//! pipeline of the stage without layout gives exactly the stage's output.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textclean_fuzz::{
    check_idempotent, check_in_pipelines, check_stage, text_of,
};
use textclean_unicode::{Normalization, UnicodeCleaner, UnicodeOptions};
use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd};

/// One set of options, built once: the stage, and pipelines of it
/// without and with the layout passes.
type Variant = textclean_fuzz::Variant<UnicodeCleaner>;

/// Every rule off: the stage must change nothing.
fn all_off() -> UnicodeOptions {
    UnicodeOptions::none()
}

static VARIANTS: LazyLock<Vec<Variant>> = LazyLock::new(|| {
    let default = UnicodeOptions::default();
    let typographic = UnicodeOptions {
        ligatures: true,
        width: true,
        quotes: true,
        dashes: true,
        ..default
    };
    let off = all_off();
    let options = [
        ("default", default),
        ("ftfy", UnicodeOptions::ftfy()),
        ("typographic", typographic),
        (
            "typographic+nfkc",
            UnicodeOptions {
                normalization: Normalization::Nfkc,
                ..typographic
            },
        ),
        (
            "nfc only",
            UnicodeOptions { normalization: Normalization::Nfc, ..off },
        ),
        (
            "nfkc only",
            UnicodeOptions { normalization: Normalization::Nfkc, ..off },
        ),
        ("nfd", UnicodeOptions { normalization: Normalization::Nfd, ..default }),
        (
            "typographic+nfkd",
            UnicodeOptions {
                normalization: Normalization::Nfkd,
                ..typographic
            },
        ),
        (
            "no normalization",
            UnicodeOptions { normalization: Normalization::None, ..default },
        ),
        ("no mojibake", UnicodeOptions { mojibake: false, ..default }),
        (
            "Windows-1252 mojibake only, no lost bytes",
            UnicodeOptions { code_pages: false, lost_bytes: false, ..default },
        ),
        ("no entities", UnicodeOptions { html_entities: false, ..default }),
        (
            "no surrogate escapes",
            UnicodeOptions { surrogate_escapes: false, ..default },
        ),
        (
            "no controls, no invisible",
            UnicodeOptions {
                control_chars: false,
                invisible: false,
                ..default
            },
        ),
        (
            "mojibake+entities only",
            UnicodeOptions { mojibake: true, html_entities: true, ..off },
        ),
        ("all off", off),
    ];
    options
        .into_iter()
        .map(|(name, options)| {
            Variant::new(name, UnicodeCleaner::new(options))
        })
        .collect()
});

/// The line endings of `text`, in order (U+0085 aside: with mojibake
/// repair on it is read as the Windows-1252 "…").
fn endings(text: &str) -> Vec<char> {
    let ending = |c: &char| {
        matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}')
    };
    text.chars().filter(ending).collect()
}

/// True when `small` is a subsequence of `big`.
fn subsequence(small: &[char], big: &[char]) -> bool {
    let mut big = big.iter();
    small.iter().all(|c| big.any(|b| b == c))
}

fn check(variant: &Variant, input: &str) {
    let what = format!("unicode stage ({})", variant.name);
    let options = variant.stage.options();
    let (out, _) = check_stage(&variant.stage, input, &what);
    check_idempotent(&variant.stage, input, &out, &what);
    match options.normalization {
        Normalization::Nfc => {
            assert!(is_nfc(&out), "{what}: output {out:?} is not NFC")
        }
        Normalization::Nfkc => {
            assert!(is_nfkc(&out), "{what}: output {out:?} is not NFKC")
        }
        Normalization::Nfd => {
            assert!(is_nfd(&out), "{what}: output {out:?} is not NFD")
        }
        Normalization::Nfkd => {
            assert!(is_nfkd(&out), "{what}: output {out:?} is not NFKD")
        }
        Normalization::None => {}
    }
    if options == all_off() {
        assert_eq!(out, input, "{what}: every rule is off, yet it changed");
    }
    // "This stage leaves line endings as they are": every line ending
    // stays, and only a decoded entity (`&#13;`) makes one.
    let (before, after) = (endings(input), endings(&out));
    if options.html_entities {
        assert!(
            subsequence(&before, &after),
            "{what}: line endings {before:?} became {after:?}"
        );
    } else {
        assert_eq!(before, after, "{what}: line endings changed");
    }

    // In a pipeline without layout, the stage's output exactly; with
    // layout, a pipeline's checks.
    check_in_pipelines(&variant.bare, &variant.full, input, &out, &what);
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options (the default for over a third of
    // its values); the whole input is the text.
    let variants = &*VARIANTS;
    let pick =
        usize::from(data.first().copied().unwrap_or(0)) % (variants.len() + 6);
    check(&variants[pick.saturating_sub(6)], &text_of(data));
});
