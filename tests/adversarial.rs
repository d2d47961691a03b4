//! The adversarial bench's inputs, small, through every preset: no panic,
//! one run reaches a fixed point, and explaining gives the cleaned text
//! with changes that replay to it. (`benches/adversarial.rs` times them
//! full size; these check what is timed is cleaned right.)

use textclean::{Pipeline, Preset};

#[path = "../benches/support/cases.rs"]
#[allow(dead_code)]
mod cases;

#[test]
fn adversarial_inputs_are_cleaned_soundly_by_every_preset() {
    for preset in Preset::ALL {
        let pipeline = Pipeline::preset(preset);
        for name in cases::NAMES {
            let text = cases::case(name, 20_000);
            let once = pipeline.clean(&text).into_owned();
            assert_eq!(pipeline.clean(&once), once, "{preset}: {name}");
            let report = pipeline.explain(&text);
            assert_eq!(report.text, once, "{preset}: {name}");
            assert_eq!(
                textclean::replay(&text, &report.changes).as_deref(),
                Some(once.as_str()),
                "{preset}: {name}"
            );
        }
    }
}

#[test]
fn the_cases_are_what_they_say() {
    let glued = cases::case("glued-repeated", 10_000);
    assert!(!glued.contains('\n') && glued.len() >= 10_000);
    let marks = cases::case("combining-marks", 1 << 20);
    assert_eq!(marks.matches('\u{301}').count(), 1 << 20);
    let moji = cases::case("mojibake-3-layers", 1000);
    assert!(moji.starts_with("The cafÃƒÆ’Ã‚Â© served"), "{moji}");
    let web = Pipeline::preset(Preset::Web);
    assert!(web.clean(&moji).starts_with("The café served crème brûlée"));
}
