//! The stage kinds a configuration can name, and how each is built.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use textclean_boilerplate::{BoilerplateOptions, BoilerplateRemover};
use textclean_core::{LanguagePack, Stage};
use textclean_sentences::{RepairOptions, SentenceRepair};
use textclean_unicode::{UnicodeCleaner, UnicodeOptions};

use crate::config::DEFAULT_LANGUAGE;
use crate::language::AUTO;
use crate::{Config, Error, ErrorKind, Pipeline, PipelineLanguage, Preset};

/// What a stage's builder knows besides its options.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Settings<'a> {
    /// The pipeline's language as configured: a code such as `en`, or
    /// `auto`.
    pub language: &'a str,
    /// The pipeline's default language pack, to build the stage with: the
    /// configured language's, or with `auto` the one detection falls back
    /// on (English). Documents in another shipped language reach the stage
    /// with that pack as their [`Doc::language`](crate::Doc::language).
    pub pack: &'a LanguagePack,
}

type Build = dyn Fn(Map<String, Value>, &Settings<'_>) -> Result<Arc<dyn Stage>, Error>
    + Send
    + Sync;

/// Maps each stage `kind` of a configuration to the code that builds it.
///
/// [`Registry::builtin`] knows textclean's stages (`unicode`,
/// `boilerplate`, `sentences`); [`register`](Registry::register) adds your
/// own, whose options are any serde type, so a configuration file can name
/// them like the built-in ones.
///
/// ```
/// use serde::Deserialize;
/// use textclean::{Doc, Edits, Registry, Stage};
///
/// #[derive(Deserialize, Default)]
/// #[serde(default, deny_unknown_fields)]
/// struct MaskOptions { with: String }
///
/// struct Mask(String);
///
/// impl Stage for Mask {
///     fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
///         for (at, _) in doc.text().match_indices("secret") {
///             edits.replace(at..at + 6, &self.0, "mask.secret");
///         }
///     }
/// }
///
/// let mut registry = Registry::builtin();
/// registry.register("mask", |options: MaskOptions, _| Ok(Mask(options.with)));
/// let pipeline = registry.build_toml(
///     "[[stage]]\nkind = \"mask\"\nwith = \"***\"\n[[stage]]\nkind = \"unicode\"\n",
/// ).unwrap();
/// assert_eq!(pipeline.clean("a secret\u{a0}plan"), "a *** plan\n");
/// let err = registry.build_toml("[[stage]]\nkind = \"mask\"\nwit = 1\n").unwrap_err();
/// assert!(err.to_string().contains("in the `mask` stage: `wit`: unknown field"), "{err}");
/// ```
#[derive(Clone)]
pub struct Registry {
    kinds: BTreeMap<String, Arc<Build>>,
}

impl Registry {
    /// A registry that knows no stage kind.
    pub fn empty() -> Registry {
        Registry { kinds: BTreeMap::new() }
    }

    /// A registry of textclean's own stages.
    pub fn builtin() -> Registry {
        let mut registry = Registry::empty();
        registry
            .register("unicode", |options: UnicodeOptions, _| {
                Ok(UnicodeCleaner::new(options))
            })
            .register(
                "boilerplate",
                |options: BoilerplateOptions, settings| {
                    BoilerplateRemover::try_new(
                        settings.pack.clone(),
                        &options,
                    )
                },
            )
            .register("sentences", |options: RepairOptions, settings| {
                Ok(SentenceRepair::new(settings.pack.clone(), options))
            });
        registry
    }

    /// Registers a stage kind: `build` makes the stage from its options
    /// (read with serde from the stage's table, so unknown or mistyped
    /// options are errors that name the field) and the pipeline's
    /// [`Settings`]. A kind registered again replaces the earlier one.
    pub fn register<O, S, F>(&mut self, kind: &str, build: F) -> &mut Registry
    where
        O: DeserializeOwned,
        S: Stage + 'static,
        F: Fn(O, &Settings<'_>) -> Result<S, Error> + Send + Sync + 'static,
    {
        let builder = move |options: Map<String, Value>,
                            settings: &Settings<'_>| {
            let options: O =
                serde_path_to_error::deserialize(Value::Object(options))
                    .map_err(|e| {
                        let field = e.path().to_string();
                        let message = e.into_inner().to_string();
                        let kind = if message.starts_with("unknown field") {
                            ErrorKind::UnknownField
                        } else {
                            ErrorKind::InvalidValue
                        };
                        let error = Error::new(kind, message);
                        if field == "." {
                            error
                        } else {
                            error.in_field(&field)
                        }
                    })?;
            Ok(Arc::new(build(options, settings)?) as Arc<dyn Stage>)
        };
        self.kinds.insert(kind.to_owned(), Arc::new(builder));
        self
    }

    /// The kinds it knows, in alphabetical order.
    pub fn kinds(&self) -> impl Iterator<Item = &str> {
        self.kinds.keys().map(String::as_str)
    }

    /// The pipeline a configuration describes.
    pub fn build(&self, config: &Config) -> Result<Pipeline, Error> {
        let config = config.clone().resolve()?;
        let language = config.language.as_deref().unwrap_or(DEFAULT_LANGUAGE);
        let Some(choice) = PipelineLanguage::parse(language) else {
            return Err(Error::new(
                ErrorKind::UnknownLanguage,
                format!(
                    "no language pack for `{language}`: use one of {}, or \
                     {AUTO} to detect each document's",
                    LanguagePack::codes().join(", ")
                ),
            )
            .in_field("language"));
        };
        let pack = choice.default.clone().unwrap_or_default();
        let settings = Settings { language, pack: &pack };
        let mut builder = Pipeline::builder();
        builder.language(pack.clone()).detect_language(choice.detect);
        for stage in config.stages {
            let Some(build) = self.kinds.get(&stage.kind) else {
                let kinds: Vec<&str> = self.kinds().collect();
                return Err(Error::new(
                    ErrorKind::UnknownStage,
                    format!(
                        "unknown stage kind `{}`: use one of {}",
                        stage.kind,
                        kinds.join(", ")
                    ),
                ));
            };
            let built = build(stage.options, &settings)
                .map_err(|e| e.in_stage(&stage.kind))?;
            builder.shared(built);
        }
        Ok(builder.build_with(config.layout.unwrap_or_default().layout()))
    }

    /// The pipeline a TOML configuration describes.
    pub fn build_toml(&self, text: &str) -> Result<Pipeline, Error> {
        self.build(&Config::from_toml(text)?)
    }

    /// The pipeline a JSON configuration describes.
    pub fn build_json(&self, text: &str) -> Result<Pipeline, Error> {
        self.build(&Config::from_json(text)?)
    }

    /// The pipeline a preset names.
    ///
    /// # Panics
    ///
    /// When the registry lacks one of the preset's stage kinds (never for
    /// [`Registry::builtin`] and registries grown from it).
    pub fn preset(&self, preset: Preset) -> Pipeline {
        match self.build(&preset.config()) {
            Ok(pipeline) => pipeline,
            Err(e) => panic!("the `{preset}` preset does not build: {e}"),
        }
    }
}

impl Default for Registry {
    fn default() -> Registry {
        Registry::builtin()
    }
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry").field("kinds", &self.kinds.keys()).finish()
    }
}
