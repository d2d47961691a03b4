//! `Pipeline`, and the `Report` of what it did to one text.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyString};
use rayon::prelude::*;
use serde_json::Value;
use textclean::boilerplate::{BoilerplateOptions, BoilerplateRemover};
use textclean::{
    CharIndex, Config, Document, ErrorKind, Preset, Record, Registry, SpanMap,
};

use crate::model::CorpusModel;
use crate::{ConfigError, arrow, config_error, threads};

/// The pipeline of each preset, built once and shared by `clean()`.
pub(crate) fn shared_preset(
    name: &str,
) -> PyResult<&'static textclean::Pipeline> {
    static PRESETS: [OnceLock<textclean::Pipeline>; 6] =
        [const { OnceLock::new() }; 6];
    let preset: Preset = name.parse().map_err(config_error)?;
    Ok(PRESETS[preset as usize]
        .get_or_init(|| textclean::Pipeline::preset(preset)))
}

/// A pipeline of cleaning stages, built from a preset, a configuration, or
/// both (a preset with overrides).
///
/// It is immutable and safe to share between threads; build it once and
/// clean many texts with it.
#[pyclass(module = "textclean._textclean", frozen, subclass)]
pub struct Pipeline {
    pub(crate) inner: textclean::Pipeline,
    /// The configuration it was built from, spelled out (no preset left).
    config: Config,
    model: Option<Py<CorpusModel>>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (preset = None, *, config = None, language = None, corpus_model = None))]
    fn new(
        preset: Option<&str>,
        config: Option<&Bound<'_, PyAny>>,
        language: Option<&str>,
        corpus_model: Option<Py<CorpusModel>>,
    ) -> PyResult<Pipeline> {
        let mut config = read_config(preset, config)?;
        if let Some(language) = language {
            config.language = Some(language.to_owned());
        }
        let mut registry = Registry::builtin();
        if let Some(model) = &corpus_model {
            if !config.stages.iter().any(|s| s.kind == "boilerplate") {
                return Err(ConfigError::new_err(
                    "corpus_model: the pipeline has no boilerplate stage to \
                     use it (use the web or boilerplate preset, or a \
                     configuration with one)",
                ));
            }
            let model = model.get().shared();
            registry.register(
                "boilerplate",
                move |options: BoilerplateOptions, settings| {
                    let remover = BoilerplateRemover::try_new(
                        settings.pack.clone(),
                        &options,
                    )?;
                    Ok(remover.with_corpus_model(Some(Arc::clone(&model))))
                },
            );
        }
        let inner = registry.build(&config).map_err(config_error)?;
        Ok(Pipeline { inner, config, model: corpus_model })
    }

    /// The stages, in the order they run (layout passes included).
    #[getter]
    fn stages(&self) -> Vec<&'static str> {
        self.inner.stage_names()
    }

    /// The corpus model the boilerplate stage uses, if any.
    #[getter]
    fn corpus_model(&self, py: Python<'_>) -> Option<Py<CorpusModel>> {
        self.model.as_ref().map(|m| m.clone_ref(py))
    }

    /// The configuration, spelled out stage by stage, as JSON: what
    /// `Pipeline(config=json.loads(...))` builds again.
    fn config_json(&self) -> String {
        self.config.to_json()
    }

    /// Cleans `text`; `url` (the page's address, for a corpus model's
    /// site counts) and `language` (a language code, or `auto`) describe
    /// it when known.
    #[pyo3(signature = (text, *, url = None, language = None))]
    fn clean(
        &self,
        py: Python<'_>,
        text: PyBackedStr,
        url: Option<PyBackedStr>,
        language: Option<PyBackedStr>,
    ) -> String {
        py.detach(|| {
            if url.is_none() && language.is_none() {
                return self.inner.clean(&text).into_owned();
            }
            let document =
                document(&text, url.as_deref(), language.as_deref());
            self.inner.run_document(&document, Record::Nothing).text
        })
    }

    /// Cleans `text` and reports every change with its rule and its span
    /// in `text` (in characters). With `scores`, also how the boilerplate
    /// stage judged each block. `url` and `language` as for `clean`.
    #[pyo3(signature = (text, *, scores = false, url = None, language = None))]
    fn explain(
        &self,
        py: Python<'_>,
        text: PyBackedStr,
        scores: bool,
        url: Option<PyBackedStr>,
        language: Option<PyBackedStr>,
    ) -> Report {
        py.detach(|| {
            let document =
                document(&text, url.as_deref(), language.as_deref());
            let report = if scores {
                self.inner.run_judged(&document, Record::Changes)
            } else {
                self.inner.run_document(&document, Record::Changes)
            };
            Report::new(&text, report)
        })
    }

    /// Cleans many texts in parallel on `threads` threads (one per core by
    /// default), without the GIL; the results keep the order. `urls`, one
    /// per text (`None` where unknown), as for `clean`.
    #[pyo3(signature = (texts, *, urls = None, threads = None))]
    fn clean_batch(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        urls: Option<Vec<Option<PyBackedStr>>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let urls = check_urls(urls, texts.len())?;
        let pool = threads::pool(threads)?;
        Ok(py.detach(|| {
            threads::run(pool.as_deref(), || {
                (0..texts.len())
                    .into_par_iter()
                    .map(|i| {
                        self.clean_one(&texts[i], url_of(&urls, i))
                            .into_owned()
                    })
                    .collect()
            })
        }))
    }

    /// Like `clean_batch`, and also the changes per rule over the whole
    /// batch.
    #[pyo3(signature = (texts, *, urls = None, threads = None))]
    fn clean_batch_counts(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        urls: Option<Vec<Option<PyBackedStr>>>,
        threads: Option<usize>,
    ) -> PyResult<(Vec<String>, BTreeMap<&'static str, u64>)> {
        let urls = check_urls(urls, texts.len())?;
        let pool = threads::pool(threads)?;
        Ok(py.detach(|| {
            threads::run(pool.as_deref(), || {
                let reports: Vec<textclean::Report> = (0..texts.len())
                    .into_par_iter()
                    .map(|i| {
                        let doc = document(&texts[i], url_of(&urls, i), None);
                        self.inner.run_document(&doc, Record::Counts)
                    })
                    .collect();
                let mut counts = BTreeMap::new();
                let mut cleaned = Vec::with_capacity(reports.len());
                for report in reports {
                    for (rule, n) in report.stats.counts() {
                        *counts.entry(rule).or_insert(0) += n;
                    }
                    cleaned.push(report.text);
                }
                (cleaned, counts)
            })
        }))
    }

    /// Cleans the rows of an Arrow string array given as its buffers
    /// (`text`, and `urls` an array of the same length, as `(length,
    /// offset, validity, offsets, data, large)`); see
    /// `textclean.Pipeline.clean_arrow`, which calls it.
    #[pyo3(signature = (text, urls = None, *, threads = None))]
    fn _clean_arrow_buffers<'py>(
        &self,
        py: Python<'py>,
        text: arrow::Column,
        urls: Option<arrow::Column>,
        threads: Option<usize>,
    ) -> PyResult<arrow::Buffers<'py>> {
        let pool = threads::pool(threads)?;
        let rows = text.rows()?;
        let urls = match &urls {
            Some(urls) if urls.length != text.length => {
                return Err(PyValueError::new_err(format!(
                    "{} urls for {} texts: give one URL (or null) per text",
                    urls.length, text.length
                )));
            }
            Some(urls) => Some(urls.rows()?),
            None => None,
        };
        let cleaned = py.detach(|| {
            threads::run(pool.as_deref(), || {
                rows.par_iter()
                    .enumerate()
                    .map(|(i, row)| {
                        let url = urls.as_ref().and_then(|u| u[i]);
                        row.map(|text| self.clean_one(text, url))
                    })
                    .collect::<Vec<_>>()
            })
        });
        arrow::buffers(py, &cleaned, text.large)
    }

    fn __repr__(&self) -> String {
        let stages: Vec<String> = self
            .inner
            .stage_names()
            .iter()
            .map(|s| format!("'{s}'"))
            .collect();
        format!("Pipeline(stages=[{}])", stages.join(", "))
    }
}

impl Pipeline {
    /// One text cleaned, with its URL if known.
    fn clean_one<'a>(&self, text: &'a str, url: Option<&str>) -> Cow<'a, str> {
        match url {
            None => self.inner.clean(text),
            Some(url) => {
                let document = Document::new(text).with_url(url);
                Cow::Owned(
                    self.inner.run_document(&document, Record::Nothing).text,
                )
            }
        }
    }
}

/// A document of `text`, with what is known of it.
fn document<'a>(
    text: &'a str,
    url: Option<&str>,
    language: Option<&str>,
) -> Document<'a> {
    let mut document = Document::new(text);
    if let Some(url) = url {
        document = document.with_url(url);
    }
    if let Some(language) = language {
        document = document.with_language(language);
    }
    document
}

/// `urls`, when given, one per text.
fn check_urls(
    urls: Option<Vec<Option<PyBackedStr>>>,
    texts: usize,
) -> PyResult<Option<Vec<Option<PyBackedStr>>>> {
    match &urls {
        Some(urls) if urls.len() != texts => {
            Err(PyValueError::new_err(format!(
                "{} urls for {texts} texts: give one URL (or None) per text",
                urls.len()
            )))
        }
        _ => Ok(urls),
    }
}

fn url_of(urls: &Option<Vec<Option<PyBackedStr>>>, i: usize) -> Option<&str> {
    urls.as_ref().and_then(|u| u[i].as_deref())
}

/// The configuration `preset` and `config` (a dict, or a TOML string)
/// describe together.
fn read_config(
    preset: Option<&str>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Config> {
    let Some(config) = config else {
        let preset: Preset =
            preset.unwrap_or("web").parse().map_err(config_error)?;
        return Ok(preset.config());
    };
    let mut value: Value = if config.cast::<PyString>().is_ok() {
        let text: PyBackedStr = config.extract()?;
        let text: &str = &text;
        if preset.is_none() {
            return Config::from_toml(text).map_err(config_error);
        }
        match toml::from_str::<toml::Table>(text) {
            Ok(table) => serde_json::to_value(table)
                .map_err(|e| ConfigError::new_err(e.to_string()))?,
            Err(_) => return Config::from_toml(text).map_err(config_error),
        }
    } else if config.cast::<PyDict>().is_ok() {
        let json =
            config.py().import("json")?.call_method1("dumps", (config,))?;
        serde_json::from_str(&json.extract::<String>()?)
            .map_err(|e| ConfigError::new_err(e.to_string()))?
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "config must be a dict or a TOML string",
        ));
    };
    if let (Some(preset), Value::Object(map)) = (preset, &mut value) {
        match map.get("preset") {
            Some(Value::String(own)) if own != preset => {
                return Err(config_error(textclean::Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "preset `{preset}` given, and the configuration \
                         names preset `{own}`: give one"
                    ),
                )));
            }
            _ => {
                map.insert("preset".into(), Value::String(preset.into()));
            }
        }
    }
    Config::from_json(&value.to_string()).map_err(config_error)
}

/// What a pipeline did to one text: the cleaned text, every change with its
/// span in the original text (in characters), counts per rule, and offsets
/// mapped between the two texts.
#[pyclass(module = "textclean._textclean", frozen)]
pub struct Report {
    source: String,
    /// The cleaned text.
    #[pyo3(get)]
    text: String,
    changes: Vec<Change>,
    judgements: Vec<Judgement>,
    /// Changes per rule.
    #[pyo3(get)]
    counts: BTreeMap<&'static str, u64>,
    map: SpanMap,
}

impl Report {
    fn new(source: &str, report: textclean::Report) -> Report {
        let chars = CharIndex::new(source);
        let changes = report
            .changes
            .iter()
            .map(|c| Change {
                stage: c.stage,
                rule: c.rule,
                start: chars.to_char(c.span.start),
                end: chars.to_char(c.span.end),
                original: c.original(source).to_owned(),
                replacement: c.replacement.clone(),
            })
            .collect();
        let judgements = report
            .judgements
            .iter()
            .map(|j| Judgement {
                stage: j.stage,
                rule: j.rule,
                start: chars.to_char(j.span.start),
                end: chars.to_char(j.span.end),
                score: j.score,
                removed: j.removed,
                kept_by: j.kept_by,
                features: j.features.iter().map(|&(n, v)| (n, v)).collect(),
            })
            .collect();
        Report {
            source: source.to_owned(),
            counts: report.stats.counts().collect(),
            text: report.text,
            changes,
            judgements,
            map: report.map,
        }
    }
}

#[pymethods]
impl Report {
    /// Every change, in the order the stages made them.
    #[getter]
    fn changes(&self) -> Vec<Change> {
        self.changes.clone()
    }

    /// How the boilerplate stage judged each block (with `scores=True`).
    #[getter]
    fn judgements(&self) -> Vec<Judgement> {
        self.judgements.clone()
    }

    /// The original text.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// The character offset in the original text of `offset` in the
    /// cleaned text.
    fn to_source(&self, offset: usize) -> usize {
        let at = CharIndex::new(&self.text).to_byte(offset);
        CharIndex::new(&self.source).to_char(self.map.to_source(at))
    }

    /// The character offset in the cleaned text of `offset` in the
    /// original text (where removed text was, for an offset inside it).
    fn to_output(&self, offset: usize) -> usize {
        let at = CharIndex::new(&self.source).to_byte(offset);
        CharIndex::new(&self.text).to_char(self.map.to_output(at))
    }

    /// The span of the original text that `start..end` of the cleaned text
    /// came from, in characters.
    fn to_source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let out = CharIndex::new(&self.text);
        let range =
            self.map.to_source_range(out.to_byte(start)..out.to_byte(end));
        let source = CharIndex::new(&self.source);
        (source.to_char(range.start), source.to_char(range.end))
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(changes={}, text_length={})",
            self.changes.len(),
            self.text.chars().count()
        )
    }
}

/// One edit: which rule of which stage replaced `original` (at
/// `start..end` of the original text, in characters) with `replacement`.
#[pyclass(
    module = "textclean._textclean",
    frozen,
    get_all,
    skip_from_py_object
)]
#[derive(Clone)]
pub struct Change {
    stage: &'static str,
    rule: &'static str,
    start: usize,
    end: usize,
    original: String,
    replacement: String,
}

#[pymethods]
impl Change {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Change(rule={}, start={}, end={}, original={}, replacement={})",
            repr(py, self.rule)?,
            self.start,
            self.end,
            repr(py, &self.original)?,
            repr(py, &self.replacement)?
        ))
    }
}

/// Python's `repr` of a string.
pub(crate) fn repr(py: Python<'_>, text: &str) -> PyResult<String> {
    PyString::new(py, text).repr()?.extract()
}

/// How a stage that decides by score judged one part of the text
/// (`start..end` of the original text, in characters).
#[pyclass(
    module = "textclean._textclean",
    frozen,
    get_all,
    skip_from_py_object
)]
#[derive(Clone)]
pub struct Judgement {
    stage: &'static str,
    rule: &'static str,
    start: usize,
    end: usize,
    /// The score compared with the stage's threshold.
    score: f32,
    /// Whether the stage removed the part.
    removed: bool,
    /// The rule that kept it whatever its score, if one did.
    kept_by: Option<&'static str>,
    /// The numbers the score was computed from.
    features: BTreeMap<&'static str, f32>,
}

#[pymethods]
impl Judgement {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Judgement(rule={}, start={}, end={}, score={:.3}, removed={})",
            repr(py, self.rule)?,
            self.start,
            self.end,
            self.score,
            if self.removed { "True" } else { "False" }
        ))
    }
}
