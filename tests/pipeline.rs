//! Pipelines: presets, configuration files, explain, batches, user stages.

use std::borrow::Cow;

use proptest::prelude::*;
use textclean::{Config, Doc, Edits, Pipeline, Preset, Stage};

const ARTICLE: &str = include_str!("../examples/data/article.txt");

/// The serialized form of every preset is pinned: a configuration file
/// written today must load tomorrow, and mean the same.
#[test]
fn preset_configurations_are_pinned() {
    let unicode = "[[stage]]\nkind = \"unicode\"\nmojibake = true\n\
        code_pages = true\nlost_bytes = true\nlossy_sequences = false\nhtml_entities = true\nsurrogate_escapes = true\ncontrol_chars = true\ninvisible = true\n\
        spaces = true\nligatures = false\n\
        width = false\nquotes = false\ndashes = false\n\
        normalization = \"nfc\"\n";
    let boilerplate = "[[stage]]\nkind = \"boilerplate\"\nphrases = true\nheuristics = true\nstrictness = \"balanced\"\n";
    let sentences = |unwrap: bool| {
        format!(
            "[[stage]]\nkind = \"sentences\"\n\
             glued = true\nmissing_space = true\nfinal_period = true\n\
             spacing = true\n\
             unwrap = {unwrap}\nunwrap_evident = true\n\
             dehyphenate = true\n"
        )
    };
    let web = format!(
        "language = \"en\"\nlayout = true\n\n{unicode}\n{boilerplate}\n{}",
        sentences(false)
    );
    assert_eq!(Preset::Web.config().to_toml().unwrap(), web);
    let pdf = format!(
        "language = \"en\"\nlayout = true\n\n{unicode}\n{}",
        sentences(true)
    );
    assert_eq!(Preset::Pdf.config().to_toml().unwrap(), pdf);
    let ftfy = Preset::Ftfy.config().to_toml().unwrap();
    assert!(
        ftfy.starts_with("language = \"en\"\nlayout = \"line_endings\"\n"),
        "{ftfy}"
    );
    assert!(ftfy.contains("quotes = true") && ftfy.contains("spaces = false"));
    for name in Preset::NAMES {
        let preset: Preset = name.parse().unwrap();
        let config = preset.config();
        assert_eq!(
            Config::from_toml(&config.to_toml().unwrap()).unwrap(),
            config
        );
        let named = format!("preset = \"{name}\"\n");
        assert_eq!(Config::from_toml(&named).unwrap(), config);
        assert_eq!(Config::from_json(&config.to_json()).unwrap(), config);
        let named = format!("{{\"preset\": \"{name}\"}}");
        assert_eq!(Config::from_json(&named).unwrap(), config);
    }
}

#[test]
fn configuration_errors_name_the_field_and_the_fix() {
    let error =
        |toml: &str| Pipeline::from_toml(toml).unwrap_err().to_string();
    let e = error("preset = \"webb\"\n");
    assert!(
        e.contains("unknown preset `webb`") && e.contains("web, pdf"),
        "{e}"
    );
    let e = error("[[stage]]\nkind = \"unicode\"\nquote = true\n");
    assert!(
        e.contains("unknown field `quote`") && e.contains("quotes"),
        "{e}"
    );
    let e = error("[[stage]]\nkind = \"spelling\"\n");
    assert!(e.contains("unknown stage kind `spelling`"), "{e}");
    assert!(e.contains("unicode") && e.contains("boilerplate"), "{e}");
    let e = error("[[stage]]\nkind = \"sentences\"\nunwrap = \"yes\"\n");
    assert!(e.contains("in the `sentences` stage"), "{e}");
    assert!(e.contains("expected a boolean") && e.contains("`unwrap`"), "{e}");
    let e = error("[[stage]]\nquotes = true\n");
    assert!(e.contains("`stage 1`: every stage needs a `kind`"), "{e}");
    let e = error("language = \"xx\"\n[[stage]]\nkind = \"sentences\"\n");
    assert!(
        e.contains("no language pack for `xx`") && e.contains("en"),
        "{e}"
    );
    let e = error("preset = \"pdf\"\n[[stage]]\nkind = \"boilerplate\"\n");
    assert!(e.contains("`pdf` preset has no `boilerplate` stage"), "{e}");
    assert!(e.contains("unicode, sentences"), "{e}");
    let e = error("layout = 3\n");
    assert!(e.contains("`layout`: expected true, false"), "{e}");
    let e = error("stages = []\n");
    assert!(e.contains("unknown setting `stages`"), "{e}");
    let e =
        error("[[stage]]\nkind = \"boilerplate\"\nextra_phrases = [\"..\"]\n");
    assert!(e.contains("in the `boilerplate` stage: `extra_phrases`"), "{e}");
    let e = error("[[stage]\nkind = 1\n");
    assert!(e.starts_with("line 1: "), "{e}");
}

/// The corpus model's options: written only when set (so the presets'
/// pinned forms stay as they were), read back equal, and a model file that
/// cannot be used is an error that names the option and the file.
#[test]
fn corpus_model_options_are_pinned() {
    let stage = "[[stage]]\nkind = \"boilerplate\"\nphrases = true\n\
        heuristics = true\nstrictness = \"balanced\"\n\
        corpus_model = \"no/such/site.model\"\ncorpus_site_percent = 60\n\
        corpus_min_site_docs = 5\ncorpus_global_percent = 20\n\
        corpus_min_docs = 50\n";
    let toml = format!("language = \"en\"\nlayout = true\n\n{stage}");
    let options = textclean::boilerplate::BoilerplateOptions {
        corpus_model: Some("no/such/site.model".into()),
        corpus_site_percent: 60,
        corpus_min_site_docs: 5,
        corpus_global_percent: 20,
        corpus_min_docs: 50,
        ..Default::default()
    };
    let mut config = Preset::Boilerplate.config();
    config.stages[0] = textclean::StageConfig::of("boilerplate", options);
    assert_eq!(config.to_toml().unwrap(), toml);
    assert_eq!(Config::from_toml(&toml).unwrap(), config);
    assert_eq!(Config::from_json(&config.to_json()).unwrap(), config);
    let e = Pipeline::from_config(&config).unwrap_err().to_string();
    assert!(
        e.contains("in the `boilerplate` stage: `corpus_model`: no/such/site.model: cannot read it"),
        "{e}"
    );
    let e = Pipeline::from_toml(
        "[[stage]]\nkind = \"boilerplate\"\ncorpus_site_percent = 0\n",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("`corpus_site_percent`: 0 is not a percentage"), "{e}");
}

/// The same configuration as TOML and as JSON: the same pipeline, and the
/// same error for the same mistake.
#[test]
fn toml_and_json_are_one_schema() {
    let toml = "preset = \"web\"\nlayout = \"line_endings\"\n\
                [[stage]]\nkind = \"boilerplate\"\nextra_phrases = [\"Promoted\"]\n";
    let json = r#"{"preset": "web", "layout": "line_endings",
                   "stage": [{"kind": "boilerplate", "extra_phrases": ["Promoted"]}]}"#;
    assert_eq!(
        Config::from_toml(toml).unwrap(),
        Config::from_json(json).unwrap()
    );
    let (a, b) = (
        Pipeline::from_toml(toml).unwrap(),
        Pipeline::from_json(json).unwrap(),
    );
    assert_eq!(a.stage_names(), b.stage_names());
    let text =
        "Title\r\nPromoted\r\nThe text of the page goes on for a while here";
    assert_eq!(a.clean(text), b.clean(text));
    for (toml, json) in [
        (
            "[[stage]]\nkind = \"unicode\"\nquote = true\n",
            r#"{"stage": [{"kind": "unicode", "quote": true}]}"#,
        ),
        (
            "[[stage]]\nkind = \"sentences\"\nunwrap = \"yes\"\n",
            r#"{"stage": [{"kind": "sentences", "unwrap": "yes"}]}"#,
        ),
        ("language = \"nl\"\n", r#"{"language": "nl"}"#),
        (
            "[[stage]]\nkind = \"spelling\"\n",
            r#"{"stage": [{"kind": "spelling"}]}"#,
        ),
        // Two mistakes: both report the first as written, not the first
        // in alphabetical order.
        (
            "[[stage]]\nkind = \"unicode\"\nzzz = 1\naaa = 2\n",
            r#"{"stage": [{"kind": "unicode", "zzz": 1, "aaa": 2}]}"#,
        ),
        ("zzz = 1\naaa = 2\n", r#"{"zzz": 1, "aaa": 2}"#),
    ] {
        let (t, j) = (
            Pipeline::from_toml(toml).unwrap_err(),
            Pipeline::from_json(json).unwrap_err(),
        );
        assert_eq!(t, j);
    }
    // What the fuzzer found: TOML's nan used to become a null that
    // `to_toml` could not write back (it gave ""); a float option read
    // back one unit in the last place off.
    let e = Config::from_toml("[[stage]]\nkind = \"mine\"\nweight = nan\n")
        .unwrap_err();
    assert!(e.to_string().contains("`weight` is not a finite number"), "{e}");
    let null =
        Config::from_json(r#"{"stage": [{"kind": "mine", "w": [1, null]}]}"#)
            .unwrap();
    assert!(null.to_toml().unwrap_err().to_string().contains("`w` is null"));
    let json =
        r#"{"stage": [{"kind": "mine", "weight": 1.1428167940887975e243}]}"#;
    let config = Config::from_json(json).unwrap();
    assert_eq!(Config::from_json(&config.to_json()).unwrap(), config);
    assert_eq!(Config::from_toml(&config.to_toml().unwrap()).unwrap(), config);
    let e = Pipeline::from_json("{\"stage\": [\n{\"kind\": }]}").unwrap_err();
    assert_eq!(e.kind(), textclean::ErrorKind::Syntax);
    assert_eq!(e.line(), Some(2), "{e}");
}

/// A preset with settings and stage options laid over it: what is given
/// replaces the preset's, what is not given stays.
#[test]
fn presets_take_overrides() {
    let config = Config::from_toml(
        "preset = \"web\"\nlayout = false\n[[stage]]\nkind = \"unicode\"\nquotes = true\n",
    )
    .unwrap();
    let web = Preset::Web.config();
    assert_eq!(config.preset, None, "resolved");
    assert_eq!(config.layout, Some(textclean::LayoutMode::Off));
    assert_eq!(config.language, web.language);
    let kinds: Vec<&str> =
        config.stages.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds, ["unicode", "boilerplate", "sentences"]);
    let unicode = &config.stages[0].options;
    assert_eq!(unicode["quotes"], true);
    assert_eq!(unicode["mojibake"], true, "the preset's other options stay");
    assert_eq!(config.stages[1..], web.stages[1..]);
    let pipeline = Pipeline::from_config(&config).unwrap();
    assert_eq!(
        pipeline.stage_names(),
        ["unicode", "boilerplate", "sentences"]
    );
    assert_eq!(pipeline.clean("\u{201c}Hi\u{201d}  "), "\"Hi\"  ");
    // pdf with one of its sentence options changed keeps the others.
    let pdf = Config::from_toml(
        "preset = \"pdf\"\n[[stage]]\nkind = \"sentences\"\nglued = false\n",
    )
    .unwrap();
    assert_eq!(pdf.stages[1].options["glued"], false);
    assert_eq!(pdf.stages[1].options["unwrap"], true);
}

/// A stage kind of the user's, registered in code and named in a
/// configuration file.
#[test]
fn user_stage_kinds_come_from_the_registry() {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Options {
        mask: char,
    }
    struct Digits(char);
    impl Stage for Digits {
        fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
            let mut buf = [0; 4];
            let with = self.0.encode_utf8(&mut buf);
            for (at, c) in
                doc.text().char_indices().filter(|(_, c)| c.is_ascii_digit())
            {
                edits.replace(at..at + c.len_utf8(), with, "digits.masked");
            }
        }
    }
    let mut registry = textclean::Registry::builtin();
    registry.register("digits", |o: Options, _| Ok(Digits(o.mask)));
    assert!(registry.kinds().eq([
        "boilerplate",
        "digits",
        "sentences",
        "unicode"
    ]));
    let pipeline = registry
        .build_toml("[[stage]]\nkind = \"digits\"\nmask = \"#\"\n")
        .unwrap();
    assert_eq!(pipeline.clean("PIN 1234"), "PIN ####\n");
    let e =
        registry.build_json(r#"{"stage": [{"kind": "digits"}]}"#).unwrap_err();
    assert!(
        e.to_string().contains("in the `digits` stage: missing field `mask`"),
        "{e}"
    );
    let e = Pipeline::from_toml("[[stage]]\nkind = \"digits\"\n").unwrap_err();
    assert_eq!(e.kind(), textclean::ErrorKind::UnknownStage);
}

#[test]
fn a_configured_pipeline_runs_its_stages_in_order() {
    let pipeline = Pipeline::from_toml(
        "[[stage]]\nkind = \"unicode\"\nquotes = true\n\
         [[stage]]\nkind = \"boilerplate\"\n",
    )
    .unwrap();
    assert_eq!(
        pipeline.stage_names(),
        ["layout", "unicode", "boilerplate", "layout"]
    );
    assert_eq!(
        pipeline.clean("\u{201c}Hi\u{201d}\nAdvertisements\n"),
        "\"Hi\"\n"
    );
}

#[test]
fn clean_text_comes_back_borrowed() {
    let text = "Plain text.\n\nAnother paragraph that is clean already.\n";
    for name in Preset::NAMES {
        let pipeline = Pipeline::preset(name.parse().unwrap());
        assert!(
            matches!(pipeline.clean(text), Cow::Borrowed(_)),
            "preset {name}"
        );
    }
}

#[test]
fn explain_maps_every_change_to_the_original_input() {
    let input = "Caf\u{c3}\u{a9} &amp; bar\u{a0}\r\n\r\n\r\nAdvertisements\r\n\
                 The caf\u{c3}\u{a9} serves good coffee to everyone who comes \
                 in from the cold streetThe owner is kind";
    let pipeline = Pipeline::default();
    let report = pipeline.explain(input);
    assert_eq!(report.text, pipeline.clean(input));
    for change in &report.changes {
        assert!(change.span.end <= input.len());
        assert!(input.is_char_boundary(change.span.start));
    }
    let originals: Vec<(&str, &str)> =
        report.changes.iter().map(|c| (c.rule, c.original(input))).collect();
    assert!(originals.contains(&("mojibake.cp1252", "\u{c3}\u{a9}")));
    assert!(originals.contains(&("entity.html", "&amp;")));
    // Text the pipeline kept maps back exactly.
    let at = report.text.find("serves good coffee").unwrap();
    let source = report.map.to_source_range(at..at + 18);
    assert_eq!(&input[source], "serves good coffee");
    assert_eq!(report.stats.bytes_in as usize, input.len());
}

#[test]
fn batches_equal_one_by_one() {
    let docs: Vec<String> = (0..40)
        .map(|i| format!("Doc {i}\u{a0}here\n\nAdvertisement\n\n{ARTICLE}"))
        .collect();
    let pipeline = Pipeline::default();
    let one_by_one: Vec<String> =
        docs.iter().map(|d| pipeline.clean(d).into_owned()).collect();
    assert_eq!(pipeline.clean_batch(&docs), one_by_one);
}

/// Redacts digits: a user's own stage in a pipeline.
struct Redact;

impl Stage for Redact {
    fn name(&self) -> &'static str {
        "redact"
    }

    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        let text = doc.text();
        for (at, c) in text.char_indices().filter(|(_, c)| c.is_ascii_digit())
        {
            edits.replace(at..at + c.len_utf8(), "#", "redact.digit");
        }
    }
}

#[test]
fn user_stages_join_a_pipeline_and_its_report() {
    let pipeline = Pipeline::builder()
        .stage(textclean::unicode::UnicodeCleaner::default())
        .stage(Redact)
        .build();
    let report = pipeline.explain("Call\u{a0}555 0100");
    assert_eq!(report.text, "Call ### ####\n");
    assert_eq!(report.stats.count("redact.digit"), 7);
    let first = report.changes.iter().find(|c| c.stage == "redact").unwrap();
    assert_eq!(first.span, 6..7, "span in the original input");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever comes in, the web pipeline leaves normalized structure and
    /// cleaning again changes nothing.
    #[test]
    fn web_output_is_normalized_and_stable(
        text in "(\\PC|[\n\r\t \u{a0}]|Advertisement|[a-z]{2,8}[A-Z][a-z]{2,8}|\\. ){0,60}"
    ) {
        let pipeline = Pipeline::default();
        let once = pipeline.clean(&text).into_owned();
        prop_assert!(!once.contains('\r') && !once.contains("\n\n\n"));
        prop_assert!(once.is_empty() || (once.ends_with('\n') && !once.ends_with("\n\n")));
        prop_assert!(once.lines().all(|line| line == line.trim_end()));
        let twice = pipeline.clean(&once);
        prop_assert_eq!(twice.as_ref(), once.as_str());
    }

    /// The report's text is the cleaned text, and its spans fit the input.
    #[test]
    fn explain_agrees_with_clean(text in "\\PC{0,80}") {
        let pipeline = Pipeline::preset(Preset::Pdf);
        let report = pipeline.explain(&text);
        let cleaned = pipeline.clean(&text);
        prop_assert_eq!(report.text.as_str(), cleaned.as_ref());
        for change in &report.changes {
            prop_assert!(change.span.start <= change.span.end);
            prop_assert!(change.span.end <= text.len());
        }
    }
}

#[test]
fn judgements_have_spans_in_the_original_input() {
    // The Unicode stage shortens the text before the boilerplate stage
    // judges it: the blocks' spans are still the original's.
    let prose = "The river rose overnight and the town\u{2019}s main street \
                 was under water by dawn, as it was in the spring of 1998.";
    let page = format!(
        "Caf\u{c3}\u{a9}&nbsp;news\n\n{}\n\nMore stories\nFloods close the school\n",
        [prose; 6].join("\n\n")
    );
    let report = textclean::Pipeline::default().run_judged(
        &textclean::Document::new(&page),
        textclean::Record::Nothing,
    );
    assert!(report.judgements.len() >= 8);
    let texts: Vec<&str> =
        report.judgements.iter().map(|j| &page[j.span.clone()]).collect();
    assert_eq!(texts[0], "Caf\u{c3}\u{a9}&nbsp;news\n");
    assert_eq!(texts.iter().filter(|t| t.trim_end() == prose).count(), 6);
    assert!(report.judgements.iter().all(|j| j.rule == "boilerplate.block"));
    // Without asking, no judgements, and the same text.
    let plain =
        textclean::Pipeline::default().run(&page, textclean::Record::Nothing);
    assert!(plain.judgements.is_empty());
    assert_eq!(plain.text, report.text);
}
