//! The stage on hostile inputs (`support/hostile.rs`): cleaning them gives
//! text that a second run leaves alone, the changes it reports replay to
//! that text, and nothing but `\n` and `\t` is left of the controls. Their
//! cost per MB is the `unicode/hostile` bench's.

mod support;

use textclean_unicode::{Stage, UnicodeCleaner};

#[test]
fn hostile_inputs_are_cleaned_stably() {
    let cleaner = UnicodeCleaner::default();
    for (name, text) in support::hostile::cases(50_000) {
        let out = cleaner.clean(&text);
        assert_eq!(
            cleaner.clean(&out),
            out,
            "{name}: a second run changed it"
        );
        let report = cleaner.explain(&text);
        assert_eq!(report.text, out, "{name}: explain differs from clean");
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{name}: a control character is left"
        );
    }
}
