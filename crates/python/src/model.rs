//! The boilerplate stage's corpus model: lines that recur across a
//! corpus's pages, learned once and given to pipelines.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;
use textclean::boilerplate::{self, LearnOptions};

use crate::ModelError;

fn model_error(error: boilerplate::ModelError) -> PyErr {
    ModelError::new_err(error.to_string())
}

/// What the boilerplate stage knows of a corpus: how many of its documents,
/// and of each site's, every recurring line is on. Pass it to
/// `Pipeline(corpus_model=...)`; lines on most pages of a site are removed
/// there.
#[pyclass(module = "textclean._textclean", frozen)]
pub struct CorpusModel {
    inner: Arc<boilerplate::CorpusModel>,
}

impl CorpusModel {
    pub(crate) fn shared(&self) -> Arc<boilerplate::CorpusModel> {
        Arc::clone(&self.inner)
    }
}

#[pymethods]
impl CorpusModel {
    /// The model of an empty corpus.
    #[new]
    fn new() -> CorpusModel {
        CorpusModel { inner: Arc::default() }
    }

    /// Learns a model from `texts`, with the URL of each (`urls`, the same
    /// length, `None` where unknown) to count lines per site.
    #[staticmethod]
    #[pyo3(signature = (texts, urls = None, *, memory = None))]
    fn learn(
        texts: &Bound<'_, PyAny>,
        urls: Option<&Bound<'_, PyAny>>,
        memory: Option<usize>,
    ) -> PyResult<CorpusModel> {
        let mut learner = Learner::new(memory);
        learner.add_batch(texts.py(), texts, urls)?;
        learner.finish()
    }

    /// Reads a model file written by `save` (or `textclean learn`).
    #[staticmethod]
    fn load(
        py: Python<'_>,
        path: std::path::PathBuf,
    ) -> PyResult<CorpusModel> {
        let model = py
            .detach(|| boilerplate::CorpusModel::load(&path))
            .map_err(model_error)?;
        Ok(CorpusModel { inner: Arc::new(model) })
    }

    /// Writes the model to `path` (replaced whole, never half-written).
    fn save(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        py.detach(|| self.inner.save(&path)).map_err(model_error)
    }

    /// The model as the bytes of a model file.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// The model the bytes of a model file hold.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<CorpusModel> {
        let model =
            boilerplate::CorpusModel::from_bytes(data).map_err(model_error)?;
        Ok(CorpusModel { inner: Arc::new(model) })
    }

    /// The documents it was learned from.
    #[getter]
    fn documents(&self) -> u64 {
        self.inner.documents()
    }

    /// How many recurring lines it holds (for the corpus and per site).
    fn __len__(&self) -> usize {
        self.inner.len().0
    }

    /// How many sites it knows.
    #[getter]
    fn sites(&self) -> usize {
        self.inner.len().1
    }

    /// How many documents of the corpus `line` is on (at least).
    fn line_documents(&self, line: &str) -> u64 {
        self.inner.line_documents(line)
    }

    /// How many documents of the site of `url` it learned from (at most).
    fn site_documents(&self, url: &str) -> u64 {
        self.inner.site_documents(url)
    }

    /// How many documents of the site of `url` `line` is on (at least).
    fn site_line_documents(&self, url: &str, line: &str) -> u64 {
        self.inner.site_line_documents(url, line)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let from_bytes = slf.get_type().getattr("from_bytes")?;
        Ok((from_bytes, (slf.get().to_bytes(slf.py()),)))
    }

    fn __repr__(&self) -> String {
        let (lines, sites) = self.inner.len();
        format!(
            "CorpusModel(documents={}, lines={lines}, sites={sites})",
            self.inner.documents()
        )
    }
}

/// Learns a `CorpusModel` one document at a time, in bounded memory
/// (`memory` bytes, 128 MiB by default), for corpora read as a stream.
#[pyclass(module = "textclean._textclean")]
pub struct Learner {
    inner: Option<boilerplate::Learner>,
}

impl Learner {
    fn learner(&mut self) -> PyResult<&mut boilerplate::Learner> {
        self.inner.as_mut().ok_or_else(|| {
            ModelError::new_err("this learner has finished: start a new one")
        })
    }
}

#[pymethods]
impl Learner {
    #[new]
    #[pyo3(signature = (memory = None))]
    fn new(memory: Option<usize>) -> Learner {
        let mut options = LearnOptions::default();
        if let Some(memory) = memory {
            options.memory = memory;
        }
        Learner { inner: Some(boilerplate::Learner::new(options)) }
    }

    /// Adds one document, with its URL if known.
    #[pyo3(signature = (text, url = None))]
    fn add(
        &mut self,
        py: Python<'_>,
        text: PyBackedStr,
        url: Option<PyBackedStr>,
    ) -> PyResult<()> {
        let learner = self.learner()?;
        py.detach(|| learner.add(&text, url.as_deref()));
        Ok(())
    }

    /// Adds every text of `texts` (any iterable), with the URLs of `urls`
    /// (an iterable of the same length, `None` where unknown).
    #[pyo3(signature = (texts, urls = None))]
    fn add_batch(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        urls: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let learner = self.learner()?;
        let mut urls = urls.map(|u| u.try_iter()).transpose()?;
        for text in texts.try_iter()? {
            let text: PyBackedStr = text?.extract()?;
            let url: Option<PyBackedStr> = match &mut urls {
                Some(urls) => match urls.next() {
                    Some(url) => url?.extract()?,
                    None => {
                        return Err(pyo3::exceptions::PyValueError::new_err(
                            "urls ran out before texts: give one URL (or None) per text",
                        ));
                    }
                },
                None => None,
            };
            py.detach(|| learner.add(&text, url.as_deref()));
        }
        Ok(())
    }

    /// The documents added so far.
    #[getter]
    fn documents(&mut self) -> PyResult<u64> {
        Ok(self.learner()?.documents())
    }

    /// The model of the documents added; the learner is done.
    fn finish(&mut self) -> PyResult<CorpusModel> {
        let learner = self.inner.take().ok_or_else(|| {
            ModelError::new_err("this learner has finished: start a new one")
        })?;
        Ok(CorpusModel { inner: Arc::new(learner.finish()) })
    }
}
