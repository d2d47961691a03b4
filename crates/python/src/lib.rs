//! The native half of the `textclean` Python package: the facade's
//! pipelines, reports, sentence splitter and corpus model, with offsets in
//! characters as Python counts them. The pure-Python half
//! (`python/textclean/`) adds Arrow arrays and the datatrove and Ray
//! integrations on top.
//!
//! Every call that works on text releases the GIL while it works, so other
//! Python threads run meanwhile, and Rust errors arrive as the package's
//! exceptions with the Rust messages.
#![forbid(unsafe_code)]

mod arrow;
mod model;
mod pipeline;
mod split;
mod threads;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};

create_exception!(
    textclean,
    TextcleanError,
    PyException,
    "The base of every error textclean raises."
);
create_exception!(
    textclean,
    ConfigError,
    TextcleanError,
    "A configuration, preset, language or option that does not build a \
     pipeline; the message says what to fix."
);
create_exception!(
    textclean,
    ModelError,
    TextcleanError,
    "A corpus model file that cannot be read or written."
);

/// Turns a facade error into the package's exception, message unchanged.
pub(crate) fn config_error(error: textclean::Error) -> PyErr {
    ConfigError::new_err(error.to_string())
}

/// Cleans `text` with the pipeline a preset names (`web` by default).
///
/// The preset's pipeline is built once, on first use, and shared.
#[pyfunction]
#[pyo3(signature = (text, preset = "web"))]
fn clean(py: Python<'_>, text: PyBackedStr, preset: &str) -> PyResult<String> {
    let pipeline = pipeline::shared_preset(preset)?;
    Ok(py.detach(|| pipeline.clean(&text).into_owned()))
}

/// Decodes bytes of unknown encoding: a byte order mark decides (UTF-8,
/// UTF-16LE, UTF-16BE, and is dropped), valid UTF-8 is UTF-8, UTF-8 with
/// surrogate pairs written as CESU-8 (Java's modified UTF-8) is CESU-8,
/// and other bytes are read in the legacy encoding a detector guesses
/// (windows-1252, Shift_JIS, …). Returns the text and the encoding's name. With
/// `errors="strict"`, bytes that the encoding chosen cannot read raise
/// `ValueError` instead of becoming U+FFFD.
#[pyfunction]
#[pyo3(signature = (data, *, errors = "replace"))]
fn decode(
    py: Python<'_>,
    data: PyBackedBytes,
    errors: &str,
) -> PyResult<(String, &'static str)> {
    let strict = match errors {
        "replace" => false,
        "strict" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"replace\" or \"strict\", not {other:?}"
            )));
        }
    };
    let decoded = py.detach(|| textclean::unicode::decode(&data));
    let name = decoded.encoding.name();
    if strict && decoded.lossy {
        return Err(PyValueError::new_err(format!(
            "the bytes are not all readable as {name}, the likeliest encoding"
        )));
    }
    Ok((decoded.text.into_owned(), name))
}

/// The names of the presets, the default (`web`) first.
#[pyfunction]
fn presets() -> Vec<&'static str> {
    textclean::Preset::ALL.iter().map(|p| p.name()).collect()
}

/// The codes of the shipped language packs.
#[pyfunction]
fn languages() -> Vec<&'static str> {
    textclean::LanguagePack::codes().to_vec()
}

#[pymodule]
fn _textclean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TextcleanError", py.get_type::<TextcleanError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("ModelError", py.get_type::<ModelError>())?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(presets, m)?)?;
    m.add_function(wrap_pyfunction!(languages, m)?)?;
    m.add_function(wrap_pyfunction!(split::split, m)?)?;
    m.add_function(wrap_pyfunction!(split::sentences, m)?)?;
    m.add_class::<pipeline::Pipeline>()?;
    m.add_class::<pipeline::Report>()?;
    m.add_class::<pipeline::Change>()?;
    m.add_class::<pipeline::Judgement>()?;
    m.add_class::<split::Sentence>()?;
    m.add_class::<model::CorpusModel>()?;
    m.add_class::<model::Learner>()?;
    Ok(())
}
