//! Pipeline configuration: presets and TOML files.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use textclean_boilerplate::{BoilerplateOptions, BoilerplateRemover};
use textclean_sentences::{RepairOptions, SentenceRepair};
use textclean_unicode::{UnicodeCleaner, UnicodeOptions};

use crate::Error;

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
    /// The Unicode stage with the defaults of ftfy's `fix_text`, and no
    /// layout pass, for users who migrate from ftfy.
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
        let unicode = StageConfig::Unicode(UnicodeOptions::default());
        let boilerplate =
            StageConfig::Boilerplate(BoilerplateOptions::default());
        let sentences = StageConfig::Sentences(RepairOptions::default());
        let (stages, layout) = match self {
            Preset::Web => (vec![unicode, boilerplate, sentences], true),
            Preset::Pdf => {
                let pdf = StageConfig::Sentences(RepairOptions::pdf());
                (vec![unicode, pdf], true)
            }
            Preset::Unicode => (vec![unicode], true),
            Preset::Boilerplate => (vec![boilerplate], true),
            Preset::Sentences => (vec![sentences], true),
            Preset::Ftfy => {
                (vec![StageConfig::Unicode(UnicodeOptions::ftfy())], false)
            }
        };
        Config { preset: None, language: Language::English, layout, stages }
    }
}

impl FromStr for Preset {
    type Err = Error;

    fn from_str(name: &str) -> Result<Preset, Error> {
        let at = Self::NAMES.iter().position(|n| *n == name);
        at.map(|at| Self::ALL[at])
            .ok_or_else(|| Error::UnknownPreset { name: name.to_owned() })
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

/// A pipeline as a configuration file describes it.
///
/// Either name a `preset`, or list the stages in order as `[[stage]]`
/// tables, each tagged with its `kind`. Options left out take their
/// defaults; unknown options are errors.
///
/// ```
/// use textclean::Pipeline;
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
/// let err = Pipeline::from_toml("[[stage]]\nkind = \"unicode\"\nquote = true\n");
/// assert!(err.unwrap_err().to_string().contains("unknown field `quote`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A preset to use as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// The language of the text, which picks the stages' language packs.
    /// By default, English (`"en"`).
    #[serde(default)]
    pub language: Language,
    /// Whether the layout pass ends the pipeline. By default, it does.
    #[serde(default = "yes")]
    pub layout: bool,
    /// The stages, in the order they run.
    #[serde(default, rename = "stage", skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageConfig>,
}

impl Default for Config {
    fn default() -> Config {
        Preset::Web.config()
    }
}

impl Config {
    /// Parses a TOML configuration.
    pub fn from_toml(text: &str) -> Result<Config, Error> {
        let config: Config = toml::from_str(text)
            .map_err(|e| Error::Config { message: e.to_string() })?;
        config.resolve()
    }

    /// The configuration as TOML, stage by stage.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a Config always serializes")
    }

    /// Checks the configuration and spells a `preset` out as its stages.
    pub fn resolve(self) -> Result<Config, Error> {
        match self.preset {
            Some(_) if !self.stages.is_empty() => Err(Error::Config {
                message: "give either `preset` or `[[stage]]` tables, \
                          not both"
                    .into(),
            }),
            Some(preset) => Ok(preset.config()),
            None => Ok(self),
        }
    }
}

fn yes() -> bool {
    true
}

/// One stage of a configured pipeline, tagged by `kind`, with the options
/// of that stage (each left out takes its default).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum StageConfig {
    /// The Unicode stage (`kind = "unicode"`).
    Unicode(UnicodeOptions),
    /// The boilerplate stage (`kind = "boilerplate"`).
    Boilerplate(BoilerplateOptions),
    /// Sentence repair (`kind = "sentences"`).
    Sentences(RepairOptions),
}

/// A language pack: `"en"` is the one shipped so far.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize,
)]
pub enum Language {
    /// English (`"en"`).
    #[default]
    #[serde(rename = "en")]
    English,
}

impl StageConfig {
    /// The kinds of stage a configuration can name.
    pub const KINDS: [&'static str; 3] =
        ["unicode", "boilerplate", "sentences"];

    /// Builds the stage this configuration describes, for text in
    /// `language`.
    pub fn build(&self, language: Language) -> Box<dyn textclean_core::Stage> {
        let Language::English = language;
        match self {
            StageConfig::Unicode(options) => {
                Box::new(UnicodeCleaner::new(*options))
            }
            StageConfig::Boilerplate(options) => {
                Box::new(BoilerplateRemover::new(
                    textclean_boilerplate::Language::english(),
                    options,
                ))
            }
            StageConfig::Sentences(options) => Box::new(SentenceRepair::new(
                textclean_sentences::Language::english(),
                *options,
            )),
        }
    }
}

/// Reads the `kind` first, then the options of that kind, so that an error
/// names the stage and the option (serde's internally tagged enums lose
/// both).
impl<'de> Deserialize<'de> for StageConfig {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<StageConfig, D::Error> {
        use serde::de::Error as _;
        let mut table = toml::Table::deserialize(deserializer)?;
        let kinds = StageConfig::KINDS.join(", ");
        let kind = match table.remove("kind") {
            Some(toml::Value::String(kind)) => kind,
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "a stage's `kind` must be a string, one of {kinds}; \
                     found {other}"
                )));
            }
            None => {
                return Err(D::Error::custom(format!(
                    "every [[stage]] needs a `kind`: one of {kinds}"
                )));
            }
        };
        let options = toml::Value::Table(table);
        let in_stage = |e: toml::de::Error| {
            D::Error::custom(format!(
                "in the `{kind}` stage: {}",
                e.to_string().trim_end()
            ))
        };
        match kind.as_str() {
            "unicode" => {
                UnicodeOptions::deserialize(options).map(StageConfig::Unicode)
            }
            "boilerplate" => BoilerplateOptions::deserialize(options)
                .map(StageConfig::Boilerplate),
            "sentences" => {
                RepairOptions::deserialize(options).map(StageConfig::Sentences)
            }
            _ => {
                return Err(D::Error::custom(format!(
                    "unknown stage kind `{kind}`: use one of {kinds}"
                )));
            }
        }
        .map_err(in_stage)
    }
}
