//! Languages: the pipeline's default, a document's own, and `auto`.

use textclean::{
    Doc, Document, Edits, LanguageLists, LanguagePack, Pipeline, Record,
    Registry, Stage,
};

const ARTICLE: &str = include_str!("../examples/data/article.txt");
const EXPECTED: &str = include_str!("../examples/data/article.expected.txt");

/// Writes the code of the document's language pack (or `none`) at the
/// start of the text.
struct Probe;

impl Stage for Probe {
    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        let code = doc.language().map_or("none", LanguagePack::code);
        edits.replace(0..0, &format!("[{code}] "), "probe.language");
    }
}

/// The language code `Probe` saw in `document` through `pipeline`.
fn seen(registry: &Registry, config: &str, document: &Document<'_>) -> String {
    let pipeline = registry.build_toml(config).unwrap();
    let text = pipeline.run_document(document, Record::Nothing).text;
    text[1..text.find(']').unwrap()].to_owned()
}

fn registry() -> Registry {
    let mut registry = Registry::builtin();
    registry.register("probe", |_: serde_json::Value, _| Ok(Probe));
    registry
}

const ENGLISH: &str = "The council met on Tuesday evening and agreed, \
    after a long debate, to repair the roads and the old school before \
    the winter comes.";

#[test]
fn an_unknown_language_fails_naming_the_packs() {
    let e = Pipeline::from_toml("language = \"xx\"\n").unwrap_err();
    let e = e.to_string();
    assert!(e.contains("language"), "{e}");
    assert!(e.contains("no language pack for `xx`"), "{e}");
    assert!(e.contains("use one of de, en, es, fr, or auto"), "{e}");
    assert_eq!(
        Pipeline::from_toml("language = \"xx\"\n").unwrap_err().kind(),
        textclean::ErrorKind::UnknownLanguage
    );
}

#[test]
fn stages_see_the_pipeline_language() {
    let r = registry();
    let probe = "[[stage]]\nkind = \"probe\"\n";
    let plain = Document::new(ENGLISH);
    assert_eq!(seen(&r, probe, &plain), "en");
    let en = format!("language = \"EN\"\n{probe}");
    assert_eq!(seen(&r, &en, &plain), "en");
    // A pipeline built in code without a language: none, each stage uses
    // its own pack.
    let bare = Pipeline::builder().stage(Probe).layout(false).build();
    assert!(bare.language().default.is_none());
    assert_eq!(bare.clean("x"), "[none] x");
}

#[test]
fn a_document_names_its_own_language() {
    let r = registry();
    let probe = "[[stage]]\nkind = \"probe\"\n";
    let tagged = Document::new(ENGLISH).with_language("en-GB");
    assert_eq!(seen(&r, probe, &tagged), "en");
    let german = Document::new(ENGLISH).with_language("de");
    assert_eq!(seen(&r, probe, &german), "de");
    // Tagged with a language that has no pack: the pipeline's default.
    let dutch = Document::new(ENGLISH).with_language("nl");
    assert_eq!(seen(&r, probe, &dutch), "en");
    let bare = Pipeline::builder().stage(Probe).layout(false).build();
    let report = bare.run_document(&dutch, Record::Nothing);
    assert!(report.text.starts_with("[none] "));
}

#[test]
fn a_document_tagged_with_an_unshipped_language_is_cleaned_as_the_default() {
    let web = Pipeline::default();
    let text = "Advertisement\n\nThe rain fell on the roofs of the old town all nightIt stopped at dawn, and the streets were quiet again";
    let plain = web.run_document(&Document::new(text), Record::Nothing);
    for code in ["nl", "xx", "auto"] {
        let tagged = Document::new(text).with_language(code);
        let report = web.run_document(&tagged, Record::Nothing);
        assert_eq!(report.text, plain.text, "{code}");
    }
    assert!(plain.text.starts_with("The rain fell"));
    assert!(plain.text.contains("all night. It stopped"));
}

#[test]
fn auto_detects_english_and_cleans_the_article_byte_for_byte() {
    let auto = Pipeline::from_toml("preset = \"web\"\nlanguage = \"auto\"\n")
        .unwrap();
    assert!(auto.language().detect);
    assert_eq!(auto.language().default.as_ref().unwrap().code(), "en");
    let document = Document::new(ARTICLE);
    assert_eq!(auto.language().pack_for(&document).unwrap().code(), "en");
    assert!(auto.language().pack_for(&document).unwrap().is_shipped());
    assert_eq!(auto.clean(ARTICLE), EXPECTED);

    let r = registry();
    let probe = "language = \"auto\"\n[[stage]]\nkind = \"probe\"\n";
    assert_eq!(seen(&r, probe, &Document::new(ARTICLE)), "en");
    // Unsure (too short) or no pack (Italian): the default, English.
    assert_eq!(seen(&r, probe, &Document::new("Ok")), "en");
    let italian = "Il consiglio si è riunito martedì sera e ha deciso, dopo \
                   un lungo dibattito, di riparare le strade e la vecchia \
                   scuola prima dell'inverno.";
    assert_eq!(seen(&r, probe, &Document::new(italian)), "en");
    // French has its pack.
    let french = "Le conseil s'est réuni mardi soir et a décidé, après un \
                  long débat, de réparer les routes et la vieille école \
                  avant l'hiver.";
    assert_eq!(seen(&r, probe, &Document::new(french)), "fr");
}

#[test]
fn the_configured_pack_reaches_the_stage_builders() {
    let mut registry = Registry::builtin();
    registry.register("code", |_: serde_json::Value, settings| {
        let code = format!("{}/{}", settings.language, settings.pack.code());
        Ok(Tag(code))
    });
    let pipeline = registry
        .build_toml("language = \"auto\"\nlayout = false\n[[stage]]\nkind = \"code\"\n")
        .unwrap();
    assert_eq!(pipeline.clean("x"), "auto/en x");
}

/// Writes its tag at the start of the text.
struct Tag(String);

impl Stage for Tag {
    fn rewrite(&self, _: &Doc<'_>, edits: &mut Edits<'_>) {
        edits.replace(0..0, &format!("{} ", self.0), "tag");
    }
}

#[test]
fn a_user_pack_serves_documents_in_its_language() {
    // An English pack with no abbreviations and no words: the splitter of
    // the sentence stage then splits after `Mr.`.
    let lists =
        LanguageLists { terminators: ".\n!\n?", ..LanguageLists::EMPTY };
    let mine = LanguagePack::from_lists("en", lists);
    let splitter = textclean::sentences::SentenceSplitter::new(mine.clone());
    let texts = |splitter: &textclean::sentences::SentenceSplitter| {
        let text = "I met Mr. Smith.";
        splitter.split(text).map(|s| s.text).collect::<Vec<_>>()
    };
    assert_eq!(texts(&splitter), ["I met Mr.", "Smith."]);
    let default = textclean::sentences::SentenceSplitter::default();
    assert_eq!(texts(&default), ["I met Mr. Smith."]);
    // In a pipeline whose default is English, a stage built with this pack
    // keeps it for English documents: its (empty) word list finds no
    // glued sentence to split.
    let repair = textclean::sentences::SentenceRepair::new(
        mine,
        textclean::sentences::RepairOptions::default(),
    );
    let pipeline = Pipeline::builder()
        .stage(repair)
        .language(LanguagePack::english())
        .build();
    let glued = "The rain fell on the roofs of the old town all nightIt stopped at dawn, and the streets were quiet again.";
    let tagged = Document::new(glued).with_language("en");
    let report = pipeline.run_document(&tagged, Record::Nothing);
    assert!(report.text.contains("nightIt"), "{}", report.text);
}

/// A real page in `code` (see `tests/data/README.md`).
fn real_page(code: &str) -> String {
    let path = format!(
        "{}/tests/data/debian-reference-ch01.{code}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

/// The page's lines of prose (ten words or more, ending a sentence) that
/// `cleaned` still holds (spacing aside: sentence repair may settle it), of
/// all of them.
fn prose_kept(page: &str, cleaned: &str) -> (usize, usize) {
    let squeeze = |l: &str| l.split_whitespace().collect::<String>();
    let kept: std::collections::HashSet<String> =
        cleaned.lines().map(squeeze).collect();
    let prose: Vec<&str> = page
        .lines()
        .filter(|l| l.split_whitespace().count() >= 10)
        .filter(|l| {
            l.trim_end_matches(['»', '“', '"', ')'])
                .trim_end()
                .ends_with(['.', '!', '?'])
        })
        .collect();
    (prose.iter().filter(|l| kept.contains(&squeeze(l))).count(), prose.len())
}

#[test]
fn real_pages_keep_their_prose_with_their_own_pack() {
    for code in ["de", "es", "fr"] {
        let page = real_page(code);
        let own = Pipeline::from_toml(&format!(
            "preset = \"web\"\nlanguage = \"{code}\"\n"
        ))
        .unwrap()
        .clean(&page)
        .into_owned();
        let auto =
            Pipeline::from_toml("preset = \"web\"\nlanguage = \"auto\"\n")
                .unwrap()
                .clean(&page)
                .into_owned();
        assert_eq!(auto, own, "{code}: auto detects the page's language");
        let (kept, prose) = prose_kept(&page, &own);
        assert!(prose >= 20, "{code}: {prose} lines of prose");
        // Not all: tables of one-word cells part these pages' prose, and
        // the block model judges prose away from the main content.
        assert!(kept * 100 >= prose * 85, "{code}: kept {kept} of {prose}");
        // The navigation footer (the previous and the next chapter) goes.
        let footer: Vec<&str> = page.lines().rev().take(2).collect();
        for line in footer {
            assert!(!own.lines().any(|l| l == line), "{code}: {line:?} kept");
        }
    }
}
