//! Pipeline configuration: presets, TOML and JSON files with one schema.

use std::fmt;
use std::str::FromStr;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use textclean_boilerplate::BoilerplateOptions;
use textclean_sentences::RepairOptions;
use textclean_unicode::UnicodeOptions;

use crate::{Error, ErrorKind};

/// The language of a configuration that names none.
pub(crate) const DEFAULT_LANGUAGE: &str = "en";

/// A named, ready-made pipeline.
///
/// ```
/// use textclean::Preset;
/// let preset: Preset = "pdf".parse().unwrap();
/// assert_eq!(preset, Preset::Pdf);
/// assert!("word".parse::<Preset>().unwrap_err().to_string().contains("web, pdf"));
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Preset {
    /// Text extracted from web pages: every stage. The default everywhere.
    #[default]
    Web,
    /// Text extracted from PDFs: Unicode repair, then unwrapping hard-wrapped
    /// lines, joining hyphenated words and sentence repair.
    Pdf,
    /// The Unicode stage alone.
    Unicode,
    /// The boilerplate stage alone.
    Boilerplate,
    /// Sentence repair alone.
    Sentences,
    /// The Unicode stage with the defaults of ftfy's `fix_text`, and of the
    /// layout passes only line endings (as ftfy's `fix_line_breaks`), for
    /// users who migrate from ftfy.
    Ftfy,
}

impl Preset {
    /// Every preset, in the order of the variants.
    pub const ALL: [Preset; 6] = [
        Preset::Web,
        Preset::Pdf,
        Preset::Unicode,
        Preset::Boilerplate,
        Preset::Sentences,
        Preset::Ftfy,
    ];

    /// Every preset's name, in the order of [`Preset::ALL`].
    pub const NAMES: [&'static str; 6] =
        ["web", "pdf", "unicode", "boilerplate", "sentences", "ftfy"];

    /// The preset's name, as in configuration files and on the command line.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The configuration this preset stands for, spelled out stage by stage.
    pub fn config(self) -> Config {
        let unicode = StageConfig::of("unicode", UnicodeOptions::default());
        let boilerplate =
            StageConfig::of("boilerplate", BoilerplateOptions::default());
        let sentences = StageConfig::of("sentences", RepairOptions::default());
        let (stages, layout) = match self {
            Preset::Web => {
                (vec![unicode, boilerplate, sentences], LayoutMode::Full)
            }
            Preset::Pdf => {
                let pdf = StageConfig::of("sentences", RepairOptions::pdf());
                (vec![unicode, pdf], LayoutMode::Full)
            }
            Preset::Unicode => (vec![unicode], LayoutMode::Full),
            Preset::Boilerplate => (vec![boilerplate], LayoutMode::Full),
            Preset::Sentences => (vec![sentences], LayoutMode::Full),
            Preset::Ftfy => (
                vec![StageConfig::of("unicode", UnicodeOptions::ftfy())],
                LayoutMode::LineEndings,
            ),
        };
        Config {
            preset: None,
            language: Some(DEFAULT_LANGUAGE.to_owned()),
            layout: Some(layout),
            stages,
        }
    }
}

impl FromStr for Preset {
    type Err = Error;

    fn from_str(name: &str) -> Result<Preset, Error> {
        let at = Self::NAMES.iter().position(|n| *n == name);
        at.map(|at| Self::ALL[at]).ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownPreset,
                format!(
                    "unknown preset `{name}`: use one of {}",
                    Self::NAMES.join(", ")
                ),
            )
        })
    }
}

impl TryFrom<String> for Preset {
    type Error = Error;

    fn try_from(name: String) -> Result<Preset, Error> {
        name.parse()
    }
}

impl From<Preset> for &'static str {
    fn from(preset: Preset) -> &'static str {
        preset.name()
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which [`Layout`](crate::Layout) rules start and end a pipeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LayoutMode {
    /// All of them (`layout = true`): the default.
    #[default]
    Full,
    /// Only line endings (`layout = "line_endings"`), as the `ftfy` preset.
    LineEndings,
    /// None (`layout = false`): stages see the text as it is.
    Off,
}

impl LayoutMode {
    /// The layout rules this mode stands for, if any.
    pub fn layout(self) -> Option<crate::Layout> {
        match self {
            LayoutMode::Full => Some(crate::Layout::default()),
            LayoutMode::LineEndings => {
                Some(crate::Layout::line_endings_only())
            }
            LayoutMode::Off => None,
        }
    }

    fn from_value(value: &Value) -> Result<LayoutMode, Error> {
        match value {
            Value::Bool(true) => Ok(LayoutMode::Full),
            Value::Bool(false) => Ok(LayoutMode::Off),
            Value::String(s) if s == "line_endings" => {
                Ok(LayoutMode::LineEndings)
            }
            other => Err(Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "expected true, false or \"line_endings\"; found {other}"
                ),
            )
            .in_field("layout")),
        }
    }
}

impl Serialize for LayoutMode {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match self {
            LayoutMode::Full => s.serialize_bool(true),
            LayoutMode::LineEndings => s.serialize_str("line_endings"),
            LayoutMode::Off => s.serialize_bool(false),
        }
    }
}

/// A pipeline as a configuration file describes it, in TOML or JSON with
/// one schema.
///
/// - `preset`: start from a preset;
/// - `language`: the language code of the text (`"en"`, the default; one
///   of [`LanguagePack::codes`](crate::LanguagePack::codes)), or `"auto"`
///   to detect each document's, falling back on English (see
///   [`PipelineLanguage`](crate::PipelineLanguage));
/// - `layout`: `true` (the default), `false` or `"line_endings"`;
/// - `stage`: the stages in order, each a table with its `kind` and its
///   options (each left out takes its default; unknown options are errors).
///
/// With a `preset`, `language` and `layout` replace the preset's, and each
/// `stage` table changes the options of the preset's stage of that kind
/// (the options it names, the rest stay the preset's); a kind the preset
/// lacks is an error. Without one, the stages are exactly those listed.
///
/// ```
/// use textclean::{Config, Pipeline};
///
/// let pipeline = Pipeline::from_toml(r#"
///     [[stage]]
///     kind = "unicode"
///     quotes = true
///
///     [[stage]]
///     kind = "sentences"
/// "#).unwrap();
/// assert_eq!(pipeline.clean("“Quoted”  text"), "\"Quoted\"  text\n");
///
/// // The same as JSON, and a preset with an override.
/// let json = r#"{"stage": [{"kind": "unicode", "quotes": true}, {"kind": "sentences"}]}"#;
/// assert_eq!(Config::from_json(json).unwrap(), Config::from_toml(
///     "[[stage]]\nkind = \"unicode\"\nquotes = true\n[[stage]]\nkind = \"sentences\"\n",
/// ).unwrap());
/// let web = Config::from_toml("preset = \"web\"\n[[stage]]\nkind = \"unicode\"\nquotes = true\n").unwrap();
/// assert_eq!(web.stages.len(), 3);
///
/// let err = Pipeline::from_toml("[[stage]]\nkind = \"unicode\"\nquote = true\n");
/// assert!(err.unwrap_err().to_string().contains("unknown field `quote`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// A preset to start from. [`Config::resolve`] spells it out.
    pub preset: Option<Preset>,
    /// The language code of the text, or `auto`; `None` takes the
    /// preset's, or `en`.
    pub language: Option<String>,
    /// Which layout rules run; `None` takes the preset's, or all.
    pub layout: Option<LayoutMode>,
    /// The stages, in the order they run.
    pub stages: Vec<StageConfig>,
}

/// One stage of a configured pipeline: its `kind` (as a
/// [`Registry`](crate::Registry) knows it) and the options given for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageConfig {
    /// The stage kind, such as `unicode`.
    pub kind: String,
    /// Its options, as given: the registry's builder for the kind reads
    /// them.
    pub options: Map<String, Value>,
}

impl StageConfig {
    /// A stage of `kind` with the options `options` serialize to.
    pub fn of<O: Serialize>(kind: &str, options: O) -> StageConfig {
        let options = match serde_json::to_value(options) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        StageConfig { kind: kind.to_owned(), options }
    }
}

impl Default for Config {
    fn default() -> Config {
        Preset::Web.config()
    }
}

/// The top-level settings, for messages.
const SETTINGS: &str = "preset, language, layout, stage";

impl Config {
    /// Parses a TOML configuration and resolves its preset.
    pub fn from_toml(text: &str) -> Result<Config, Error> {
        let value: toml::Table = toml::from_str(text).map_err(|e| {
            let message = e.message().trim_end().to_owned();
            let error = Error::new(ErrorKind::Syntax, message);
            match e.span() {
                Some(span) => error.at_line(line_of(text, span.start)),
                None => error,
            }
        })?;
        if let Some(key) = non_finite_in(&value) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("`{key}` is not a finite number (nan or inf)"),
            ));
        }
        let value = serde_json::to_value(value)
            .map_err(|e| Error::new(ErrorKind::Syntax, e.to_string()))?;
        Config::from_value(value)?.resolve()
    }

    /// Parses a JSON configuration (the schema of TOML) and resolves its
    /// preset.
    pub fn from_json(text: &str) -> Result<Config, Error> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            Error::new(ErrorKind::Syntax, strip_position(&e.to_string()))
                .at_line(e.line())
        })?;
        Config::from_value(value)?.resolve()
    }

    /// Reads a configuration file: JSON when its name ends in `.json`,
    /// TOML otherwise. Errors name the file.
    pub fn load(path: &std::path::Path) -> Result<Config, Error> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(ErrorKind::Syntax, format!("cannot read it: {e}"))
                .in_file(&name)
        })?;
        let json =
            path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let config = if json {
            Config::from_json(&text)
        } else {
            Config::from_toml(&text)
        };
        config.map_err(|e| e.in_file(&name))
    }

    /// Reads the settings from a parsed TOML or JSON value.
    fn from_value(value: Value) -> Result<Config, Error> {
        let Value::Object(map) = value else {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("a configuration is a table of settings ({SETTINGS})"),
            ));
        };
        let mut config = Config {
            preset: None,
            language: None,
            layout: None,
            stages: Vec::new(),
        };
        for (key, value) in map {
            match key.as_str() {
                "preset" => {
                    let name = value.as_str().ok_or_else(|| {
                        Error::new(
                            ErrorKind::InvalidValue,
                            "expected a preset name",
                        )
                        .in_field("preset")
                    })?;
                    config.preset = Some(name.parse()?);
                }
                "language" => {
                    let code = value.as_str().ok_or_else(|| {
                        Error::new(
                            ErrorKind::InvalidValue,
                            "expected a language code such as \"en\", or \"auto\"",
                        )
                        .in_field("language")
                    })?;
                    config.language = Some(code.to_owned());
                }
                "layout" => {
                    config.layout = Some(LayoutMode::from_value(&value)?)
                }
                "stage" => {
                    let Value::Array(stages) = value else {
                        return Err(Error::new(
                            ErrorKind::InvalidValue,
                            "expected a list of stage tables ([[stage]] in TOML)",
                        )
                        .in_field("stage"));
                    };
                    for (i, stage) in stages.into_iter().enumerate() {
                        config.stages.push(stage_of(i, stage)?);
                    }
                }
                other => {
                    return Err(Error::new(
                        ErrorKind::UnknownField,
                        format!(
                            "unknown setting `{other}`: use one of {SETTINGS}"
                        ),
                    ));
                }
            }
        }
        Ok(config)
    }

    /// The configuration as TOML, stage by stage; or an error naming the
    /// option that TOML cannot write: a null (JSON's `null`, or an unset
    /// `Option` of a stage's options), which [`Config::to_json`] keeps.
    ///
    /// ```
    /// use textclean::{Config, Preset};
    ///
    /// let toml = Preset::Pdf.config().to_toml()?;
    /// assert_eq!(Config::from_toml(&toml)?, Preset::Pdf.config());
    /// let with_null = Config::from_json(r#"{"stage": [{"kind": "unicode", "quotes": null}]}"#)?;
    /// assert!(with_null.to_toml().unwrap_err().to_string().contains("quotes"));
    /// # Ok::<(), textclean::Error>(())
    /// ```
    pub fn to_toml(&self) -> Result<String, Error> {
        for (i, stage) in self.stages.iter().enumerate() {
            if let Some(name) = null_in(&stage.options) {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!(
                        "option `{name}` is null, which TOML cannot write \
                         (leave it out, or write JSON)"
                    ),
                )
                .in_field(&format!("stage {}", i + 1)));
            }
        }
        toml::to_string(self)
            .map_err(|e| Error::new(ErrorKind::InvalidValue, e.to_string()))
    }

    /// The configuration as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Spells a `preset` out as its stages, with this configuration's
    /// settings and stage options laid over it.
    pub fn resolve(self) -> Result<Config, Error> {
        let Some(preset) = self.preset else {
            return Ok(self);
        };
        let mut base = preset.config();
        if self.language.is_some() {
            base.language = self.language;
        }
        if self.layout.is_some() {
            base.layout = self.layout;
        }
        for over in self.stages {
            let Some(stage) =
                base.stages.iter_mut().find(|s| s.kind == over.kind)
            else {
                let kinds: Vec<&str> =
                    base.stages.iter().map(|s| s.kind.as_str()).collect();
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "the `{preset}` preset has no `{}` stage to change (it has {}); \
                         to choose the stages, list them all without `preset`",
                        over.kind,
                        kinds.join(", ")
                    ),
                ));
            };
            stage.options.extend(over.options);
        }
        Ok(base)
    }
}

/// The first option name whose value is null or holds one, if any.
fn null_in(options: &serde_json::Map<String, Value>) -> Option<String> {
    fn holds_null(value: &Value) -> bool {
        match value {
            Value::Null => true,
            Value::Array(items) => items.iter().any(holds_null),
            Value::Object(map) => map.values().any(holds_null),
            _ => false,
        }
    }
    options.iter().find(|(_, v)| holds_null(v)).map(|(k, _)| k.clone())
}

/// The key of the first float of a TOML table that is NaN or infinite
/// (JSON, and so the configuration, has no such numbers), if any.
fn non_finite_in(table: &toml::Table) -> Option<String> {
    fn find(key: &str, value: &toml::Value) -> Option<String> {
        match value {
            toml::Value::Float(f) if !f.is_finite() => Some(key.to_owned()),
            toml::Value::Array(items) => {
                items.iter().find_map(|v| find(key, v))
            }
            toml::Value::Table(t) => t.iter().find_map(|(k, v)| find(k, v)),
            _ => None,
        }
    }
    table.iter().find_map(|(k, v)| find(k, v))
}

/// Reads the `n`th stage table.
fn stage_of(n: usize, value: Value) -> Result<StageConfig, Error> {
    let at = format!("stage {}", n + 1);
    let Value::Object(mut options) = value else {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "a stage is a table with a `kind`",
        )
        .in_field(&at));
    };
    match options.remove("kind") {
        Some(Value::String(kind)) => Ok(StageConfig { kind, options }),
        Some(other) => Err(Error::new(
            ErrorKind::InvalidValue,
            format!("a stage's `kind` must be a string; found {other}"),
        )
        .in_field(&at)),
        None => Err(Error::new(
            ErrorKind::InvalidValue,
            "every stage needs a `kind`, such as \"unicode\"",
        )
        .in_field(&at)),
    }
}

impl Serialize for Config {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Config", 4)?;
        if let Some(preset) = self.preset {
            out.serialize_field("preset", &preset)?;
        }
        if let Some(language) = &self.language {
            out.serialize_field("language", language)?;
        }
        if let Some(layout) = &self.layout {
            out.serialize_field("layout", layout)?;
        }
        if !self.stages.is_empty() {
            out.serialize_field("stage", &self.stages)?;
        }
        out.end()
    }
}

impl Serialize for StageConfig {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_map(Some(self.options.len() + 1))?;
        out.serialize_entry("kind", &self.kind)?;
        for (key, value) in &self.options {
            out.serialize_entry(key, value)?;
        }
        out.end()
    }
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// serde_json's message without its " at line L column C" (the line is
/// kept in the error's context).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}
