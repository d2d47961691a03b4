//! `split()`: sentences with their character offsets.

use std::sync::OnceLock;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};
use textclean::sentences::SentenceSplitter;
use textclean::{Error, ErrorKind, LanguagePack, detect_language};

use crate::config_error;

/// One sentence: `text`, at `start..end` of the text split (characters).
#[pyclass(
    module = "textclean._textclean",
    frozen,
    get_all,
    eq,
    skip_from_py_object
)]
#[derive(Clone, PartialEq, Eq)]
pub struct Sentence {
    start: usize,
    end: usize,
    text: String,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence(start={}, end={}, text={})",
            self.start,
            self.end,
            crate::pipeline::repr(py, &self.text)?
        ))
    }
}

/// The splitter of each shipped language, built on first use.
fn splitter(code: &str) -> Option<&'static SentenceSplitter> {
    static SPLITTERS: OnceLock<Vec<SentenceSplitter>> = OnceLock::new();
    let at = LanguagePack::index_of(code)?;
    let splitters = SPLITTERS.get_or_init(|| {
        LanguagePack::codes()
            .iter()
            .filter_map(|code| LanguagePack::get(code))
            .map(SentenceSplitter::new)
            .collect()
    });
    splitters.get(at)
}

/// The splitter of `language`, a shipped code or `auto` (detected on
/// `text`, English when unsure).
fn splitter_for(
    py: Python<'_>,
    text: &str,
    language: &str,
) -> PyResult<&'static SentenceSplitter> {
    let splitter = if language.eq_ignore_ascii_case("auto") {
        let code =
            py.detach(|| detect_language(text).map(|p| p.code().to_owned()));
        splitter(code.as_deref().unwrap_or("en"))
    } else {
        splitter(language)
    };
    splitter.ok_or_else(|| {
        config_error(Error::new(
            ErrorKind::UnknownLanguage,
            format!(
                "no language pack for `{language}`: use one of {}, or auto to detect it",
                LanguagePack::codes().join(", ")
            ),
        ))
    })
}

/// Splits `text` into sentences, with the abbreviations and conventions of
/// `language` (a shipped language code, or `auto` to detect it; English
/// when detection is unsure). Paragraph and line breaks end sentences;
/// spaces between sentences belong to none.
#[pyfunction]
#[pyo3(signature = (text, language = "en"))]
pub(crate) fn split(
    py: Python<'_>,
    text: PyBackedStr,
    language: &str,
) -> PyResult<Vec<Sentence>> {
    let splitter = splitter_for(py, &text, language)?;
    Ok(py.detach(|| {
        splitter
            .split(&text)
            .map(|s| Sentence {
                start: s.chars.start,
                end: s.chars.end,
                text: s.text.to_owned(),
            })
            .collect()
    }))
}

/// The text of each sentence of `text`: `split` without the offsets, and
/// faster.
#[pyfunction]
#[pyo3(signature = (text, language = "en"))]
pub(crate) fn sentences<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    language: &str,
) -> PyResult<Bound<'py, PyList>> {
    let splitter = splitter_for(py, &text, language)?;
    let spans: Vec<std::ops::Range<usize>> =
        py.detach(|| splitter.spans(&text));
    PyList::new(
        py,
        spans.into_iter().map(|span| PyString::new(py, &text[span])),
    )
}
