//! The configuration loader: `Config::from_toml`, `Config::from_json` and
//! `Pipeline::from_config`.
//!
//! Each input is read three ways: as TOML text, as JSON text, and (through
//! `arbitrary`) as the parts of a configuration (preset, language, layout,
//! stages with options of the right and wrong names and types) that are
//! written out both as TOML and as JSON.
//!
//! Checks: nothing panics; a configuration that parses writes out
//! (`to_toml`, `to_json`) to text that parses back to an equal one; the
//! same configuration as TOML and as JSON gives the same configuration or
//! the same error ("the same schema as TOML, and the same errors"); and a
//! pipeline built from one cleans a short text consistently (explain gives
//! the clean text, the changes replay, and with the layout passes on,
//! cleaning twice gives what cleaning once gave).
#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use textclean::{Config, LayoutMode, Pipeline};
use textclean_fuzz::{check_pipeline, check_pipeline_idempotent};

/// What a built pipeline cleans: a bit of everything the stages fix.
const TEXT: &str = "Caf\u{c3}\u{a9}\u{a0}menu \r\n\r\nAdvertisement\n\n\
    the end.The dog ran home across the wide and empty fields of the farm \
    arenaUnlike the cat, which stayed in the old barn all night long, and \
    it was hy-\nphenated\u{200b} &amp; late\n\n\n";

/// The parts of a configuration.
#[derive(Arbitrary, Debug)]
struct Spec {
    preset: Option<Name<6>>,
    language: Option<Name<6>>,
    layout: Option<Layout>,
    stages: Vec<StageSpec>,
}

/// One of the first `N` names of a list, or any string.
#[derive(Arbitrary, Debug)]
enum Name<const N: usize> {
    Known(u8),
    Other(String),
}

impl<const N: usize> Name<N> {
    fn pick(&self, names: &[&str]) -> Value {
        match self {
            Name::Known(i) => Value::from(names[usize::from(*i) % N]),
            Name::Other(s) => Value::from(s.as_str()),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Layout {
    Yes,
    No,
    LineEndings,
    Other(Val),
}

#[derive(Arbitrary, Debug)]
struct StageSpec {
    kind: Name<4>,
    options: Vec<(u8, Val)>,
}

/// An option's value: mostly of the types options have, sometimes not.
/// Never a table: TOML writes tables after the plain values, so the two
/// texts would meet their errors in another order.
#[derive(Arbitrary, Debug)]
enum Val {
    Bool(bool),
    Form(u8),
    Phrases(Vec<String>),
    Str(String),
    Int(i64),
    Float(f64),
}

impl Val {
    fn value(&self) -> Value {
        match self {
            Val::Bool(b) => Value::from(*b),
            Val::Form(i) => Value::from(
                ["nfc", "nfkc", "none", "NFC"][usize::from(*i) % 4],
            ),
            Val::Phrases(p) => Value::from(p.clone()),
            Val::Str(s) => Value::from(s.as_str()),
            Val::Int(i) => Value::from(*i),
            // JSON has no NaN or infinity.
            Val::Float(f) if f.is_finite() => Value::from(*f),
            Val::Float(_) => Value::from(0.5),
        }
    }
}

const PRESETS: [&str; 6] =
    ["web", "pdf", "unicode", "boilerplate", "ftfy", "wb"];
const LANGUAGES: [&str; 6] = ["en", "auto", "xx", "EN", "en-GB", ""];
const KINDS: [&str; 4] = ["unicode", "boilerplate", "sentences", "Unicode"];
/// Every option of every stage kind, and two that none has.
const OPTIONS: [&str; 31] = [
    "mojibake",
    "code_pages",
    "lost_bytes",
    "html_entities",
    "surrogate_escapes",
    "control_chars",
    "invisible",
    "spaces",
    "ligatures",
    "width",
    "quotes",
    "dashes",
    "normalization",
    "phrases",
    "heuristics",
    "extra_phrases",
    "strictness",
    "corpus_model",
    "corpus_site_percent",
    "corpus_min_site_docs",
    "corpus_global_percent",
    "corpus_min_docs",
    "precision",
    "recall",
    "glued",
    "missing_space",
    "final_period",
    "unwrap",
    "dehyphenate",
    "kind",
    "quote",
];

impl Spec {
    /// The configuration as a JSON value, its settings in the order TOML
    /// writes them (plain values first, the stage tables last), so that
    /// both texts meet their mistakes in the same order.
    fn value(&self) -> Value {
        let mut map = Map::new();
        if let Some(p) = &self.preset {
            map.insert("preset".into(), p.pick(&PRESETS));
        }
        if let Some(l) = &self.language {
            map.insert("language".into(), l.pick(&LANGUAGES));
        }
        if let Some(l) = &self.layout {
            let value = match l {
                Layout::Yes => Value::from(true),
                Layout::No => Value::from(false),
                Layout::LineEndings => Value::from("line_endings"),
                Layout::Other(v) => v.value(),
            };
            map.insert("layout".into(), value);
        }
        if !self.stages.is_empty() {
            let stages = self.stages.iter().take(5).map(|s| {
                let mut table = Map::new();
                table.insert("kind".into(), s.kind.pick(&KINDS));
                for (name, v) in &s.options {
                    let name = OPTIONS[usize::from(*name) % OPTIONS.len()];
                    table.insert(name.into(), v.value());
                }
                Value::Object(table)
            });
            map.insert("stage".into(), Value::Array(stages.collect()));
        }
        Value::Object(map)
    }
}

/// `read` (of `text`, written from `config`) gave `config` back.
fn assert_reads_back(
    config: &Config,
    read: Result<Config, textclean::Error>,
    text: &str,
    how: &str,
    from: &str,
) {
    assert!(
        read.as_ref() == Ok(config),
        "a configuration read from {from} does not read back from its \
         {how} text {text:?}: {config:?} became {read:?}"
    );
}

/// A configuration that parsed: it writes out and reads back equal, and
/// the pipeline it describes (if it builds) works.
fn check_config(config: &Config, from: &str) {
    let json = config.to_json();
    assert_reads_back(
        config,
        Config::from_json(&json),
        &json,
        "to_json()",
        from,
    );
    // TOML has no null: `to_toml` refuses a configuration that holds one
    // (and only such a one), naming the option.
    let null = config.stages.iter().find_map(|s| {
        s.options.iter().find(|(_, v)| holds_null(v)).map(|(k, _)| k)
    });
    match (config.to_toml(), null) {
        (Ok(toml), None) => assert_reads_back(
            config,
            Config::from_toml(&toml),
            &toml,
            "to_toml()",
            from,
        ),
        (Err(e), Some(name)) => assert!(
            e.to_string().contains(name.as_str()),
            "to_toml() of a configuration from {from} with the null option \
             {name:?} fails without naming it: {e}"
        ),
        (Ok(toml), Some(name)) => panic!(
            "to_toml() of a configuration from {from} with the null option \
             {name:?} gives {toml:?}"
        ),
        (Err(e), None) => panic!(
            "to_toml() of a configuration from {from} with no null fails: \
             {e} ({config:?})"
        ),
    }
    let Some(pipeline) = pipeline_of(config) else { return };
    let what = format!("a pipeline from {from} ({config:?})");
    let (_, report) = check_pipeline(&pipeline, TEXT, false, &what);
    // Idempotence holds with the layout passes on and the stages in the
    // presets' order: a stage that runs after one it feeds (sentences
    // before unicode: "&amp; late" decoded after repair read it) changes
    // what the earlier one decided on, so a second run may differ.
    let order = ["unicode", "boilerplate", "sentences"];
    let mut rank =
        config.stages.iter().map(|s| order.iter().position(|k| *k == s.kind));
    let in_order = rank
        .try_fold(None, |last, r| match (last, r) {
            (_, None) => Err(()),
            (Some(l), Some(r)) if r <= l => Err(()),
            (_, r) => Ok(r),
        })
        .is_ok();
    if config.layout.unwrap_or_default() == LayoutMode::Full && in_order {
        check_pipeline_idempotent(&pipeline, TEXT, &report, &what);
    }
}

/// The pipeline `config` describes, if it builds. Building compiles the
/// boilerplate automata, so the last few are kept: the fuzzer tries the
/// same configuration many times.
fn pipeline_of(config: &Config) -> Option<Pipeline> {
    thread_local! {
        static BUILT: RefCell<HashMap<String, Option<Pipeline>>> =
            RefCell::default();
    }
    let key = config.to_json();
    BUILT.with_borrow_mut(|built| {
        if built.len() >= 64 {
            built.clear();
        }
        built
            .entry(key)
            .or_insert_with(|| Pipeline::from_config(config).ok())
            .clone()
    })
}

/// True when `value` is or holds a null.
fn holds_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.iter().any(holds_null),
        Value::Object(map) => map.values().any(holds_null),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    // The input as configuration text.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(config) = Config::from_toml(text) {
            check_config(&config, "TOML");
        }
        if let Ok(config) = Config::from_json(text) {
            check_config(&config, "JSON");
        }
    }

    // The input as the parts of a configuration, written both ways.
    let Ok(spec) = Spec::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let value = spec.value();
    let json = serde_json::to_string(&value).expect("JSON of a value");
    let Ok(toml) = toml::to_string(&value) else { return };
    let from_json = Config::from_json(&json);
    let from_toml = Config::from_toml(&toml);
    match (&from_json, &from_toml) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "TOML {toml:?} and JSON {json:?} differ");
            check_config(a, "built JSON");
        }
        (Err(a), Err(b)) => assert_eq!(
            a.to_string(),
            b.to_string(),
            "TOML {toml:?} and JSON {json:?} fail differently"
        ),
        _ => panic!(
            "TOML {toml:?} gives {from_toml:?} but JSON {json:?} gives \
             {from_json:?}"
        ),
    }
});
