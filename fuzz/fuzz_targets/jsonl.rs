//! The command's JSON Lines record handling (`textclean_cli::json_line`):
//! a line is read as a JSON object exactly when serde_json reads it (but
//! for what JSON allows and serde_json refuses: lone surrogate escapes,
//! nesting past its depth limit); rewriting nothing gives the line back;
//! the text field decodes as serde_json decodes it; and a line with its
//! text cleaned and a field added is valid JSON whose other members are
//! byte for byte those of the input, in order, and whose text reads back
//! as the cleaned text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use textclean::{Pipeline, Preset};
use textclean_cli::json_line::{JsonLine, quote};

static WEB: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::preset(Preset::Web));

/// Whether serde_json may refuse `line` (with `error`) though JSON allows
/// it: a number beyond an f64 (`1e400`), a `\u` escape of a surrogate
/// (serde_json refuses one standing alone), or more brackets than its
/// nesting limit (128).
fn serde_json_may_refuse(line: &[u8], error: &serde_json::Error) -> bool {
    if error.to_string().starts_with("number out of range") {
        return true;
    }
    let surrogate = line.windows(4).any(|w| {
        w[0] == b'\\'
            && w[1] == b'u'
            && matches!(w[2], b'd' | b'D')
            && matches!(w[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
    });
    let brackets = line.iter().filter(|&&b| b == b'[' || b == b'{').count();
    surrogate || brackets > 127
}

fuzz_target!(|data: &[u8]| {
    // One line, as the command reads it (its line ending removed).
    let line = data.split(|&b| b == b'\n').next().unwrap_or(data);
    let ours = JsonLine::parse(line);
    let theirs = serde_json::from_slice::<Map<String, Value>>(line);
    match (&ours, &theirs) {
        (Err(e), Ok(_)) => panic!(
            "serde_json reads a line that JsonLine refuses ({e}): {:?}",
            String::from_utf8_lossy(line)
        ),
        (Ok(_), Err(e)) => assert!(
            serde_json_may_refuse(line, e),
            "JsonLine reads a line that serde_json refuses ({e}): {:?}",
            String::from_utf8_lossy(line)
        ),
        _ => {}
    }
    let Ok(object) = ours else { return };
    assert_eq!(
        object.rewrite(&[], &[]),
        line,
        "rewriting nothing changes the line"
    );
    let text = match object.string("text") {
        Ok(Some(text)) => text,
        // Absent, null, not a string, or given twice: the command sets
        // the line aside, untouched.
        _ => return,
    };
    if let Ok(map) = &theirs {
        if text.lone_surrogates == 0 {
            assert_eq!(
                map.get("text").and_then(Value::as_str),
                Some(text.text.as_ref()),
                "the text decodes as serde_json decodes it"
            );
        }
    }
    let cleaned = WEB.clean(&text.text);
    let added = b"[{\"rule\":\"x\"}]".to_vec();
    let adds: &[(&str, Vec<u8>)] =
        if object.has("changes") { &[] } else { &[("changes", added)] };
    let out = object.rewrite(&[("text", quote(&cleaned))], adds);
    let again = JsonLine::parse(&out).expect("the output line is valid JSON");
    if theirs.is_ok() {
        assert!(
            serde_json::from_slice::<Map<String, Value>>(&out).is_ok(),
            "serde_json reads the output line"
        );
    }
    assert_eq!(
        again.string("text").expect("one text field").expect("a string").text,
        cleaned.as_ref(),
        "the text reads back as the cleaned text"
    );
    let others = |o: &JsonLine<'_>| -> Vec<(Vec<u8>, Vec<u8>)> {
        o.members()
            .filter(|(k, _)| *k != b"\"text\"" && *k != b"\"changes\"")
            .map(|(k, v)| (k.to_vec(), v.to_vec()))
            .collect()
    };
    // Keys spelled with escapes (`"t\u0065xt"`) are the text field too.
    if object.members().all(|(k, _)| !k.contains(&b'\\')) {
        assert_eq!(
            others(&object),
            others(&again),
            "the other members are kept byte for byte"
        );
    }
    assert_eq!(again.has("changes"), true, "the added field is there");
});
