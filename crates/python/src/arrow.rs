//! Arrow string columns, read from and written to their buffers.
//!
//! An Arrow `string` (or `large_string`) array is three buffers: a validity
//! bitmap (absent when no row is null), `length + 1` offsets (32-bit, or
//! 64-bit for `large_string`, little-endian) from `offset` on, and the
//! UTF-8 bytes of every row. `textclean.Pipeline.clean_arrow` hands them
//! over as bytes and builds the result array from the buffers made here,
//! so no Python code runs per row.

use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;

/// A string column, as its buffers: `(length, offset, validity, offsets,
/// data, large)` from Python.
#[derive(FromPyObject)]
pub(crate) struct Column {
    #[pyo3(item(0))]
    pub length: usize,
    #[pyo3(item(1))]
    pub offset: usize,
    #[pyo3(item(2))]
    pub validity: Option<PyBackedBytes>,
    #[pyo3(item(3))]
    pub offsets: PyBackedBytes,
    #[pyo3(item(4))]
    pub data: PyBackedBytes,
    #[pyo3(item(5))]
    pub large: bool,
}

impl Column {
    /// Every row's text, `None` for nulls; an error when the buffers do not
    /// hold a well-formed column.
    pub fn rows(&self) -> PyResult<Vec<Option<&str>>> {
        let bad = |what: String| {
            PyValueError::new_err(format!(
                "not a valid Arrow string array: {what}"
            ))
        };
        let width = if self.large { 8 } else { 4 };
        let needed = (self.offset + self.length + 1) * width;
        if self.offsets.len() < needed {
            return Err(bad(format!(
                "{} rows from row {} need {needed} bytes of offsets, the buffer has {}",
                self.length,
                self.offset,
                self.offsets.len()
            )));
        }
        if let Some(validity) = self.validity.as_deref() {
            if validity.len() * 8 < self.offset + self.length {
                return Err(bad("the validity bitmap is too short".into()));
            }
        }
        let at = |row: usize| -> PyResult<usize> {
            let bytes = &self.offsets[row * width..(row + 1) * width];
            let value = if self.large {
                i64::from_le_bytes(bytes.try_into().unwrap_or_default())
            } else {
                i64::from(i32::from_le_bytes(
                    bytes.try_into().unwrap_or_default(),
                ))
            };
            usize::try_from(value)
                .ok()
                .filter(|&v| v <= self.data.len())
                .ok_or_else(|| {
                    bad(format!(
                        "offset {value} is outside the data ({} bytes)",
                        self.data.len()
                    ))
                })
        };
        let mut rows = Vec::with_capacity(self.length);
        let mut start = at(self.offset)?;
        for row in 0..self.length {
            let end = at(self.offset + row + 1)?;
            if end < start {
                return Err(bad(format!(
                    "the offsets of row {row} go backwards"
                )));
            }
            let index = self.offset + row;
            let valid = self
                .validity
                .as_deref()
                .is_none_or(|v| v[index / 8] >> (index % 8) & 1 == 1);
            rows.push(if valid {
                let text = std::str::from_utf8(&self.data[start..end])
                    .map_err(|e| {
                        bad(format!("row {row} is not UTF-8: {e}"))
                    })?;
                Some(text)
            } else {
                None
            });
            start = end;
        }
        Ok(rows)
    }
}

/// The buffers of the cleaned column, for `pyarrow.Array.from_buffers`:
/// the validity bitmap (`None` when no row is null), the offsets, the data,
/// and the number of nulls.
pub(crate) type Buffers<'py> = (
    Option<Bound<'py, PyBytes>>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    usize,
);

/// Lays the cleaned rows out as an Arrow column of the same type.
pub(crate) fn buffers<'py>(
    py: Python<'py>,
    cleaned: &[Option<Cow<'_, str>>],
    large: bool,
) -> PyResult<Buffers<'py>> {
    let total: usize = cleaned.iter().flatten().map(|t| t.len()).sum();
    if !large && total > i32::MAX as usize {
        return Err(PyValueError::new_err(format!(
            "the cleaned rows take {total} bytes, more than a string array holds: \
             cast the column to large_string, or clean smaller batches"
        )));
    }
    let width = if large { 8 } else { 4 };
    let mut data = Vec::with_capacity(total);
    let mut offsets = Vec::with_capacity((cleaned.len() + 1) * width);
    let push = |offset: usize, offsets: &mut Vec<u8>| {
        if large {
            offsets.extend_from_slice(&(offset as i64).to_le_bytes());
        } else {
            offsets.extend_from_slice(&(offset as i32).to_le_bytes());
        }
    };
    push(0, &mut offsets);
    let nulls = cleaned.iter().filter(|row| row.is_none()).count();
    let mut validity =
        (nulls > 0).then(|| vec![0u8; cleaned.len().div_ceil(8)]);
    for (row, text) in cleaned.iter().enumerate() {
        if let Some(text) = text {
            data.extend_from_slice(text.as_bytes());
            if let Some(validity) = &mut validity {
                validity[row / 8] |= 1 << (row % 8);
            }
        }
        push(data.len(), &mut offsets);
    }
    Ok((
        validity.map(|v| PyBytes::new(py, &v)),
        PyBytes::new(py, &offsets),
        PyBytes::new(py, &data),
        nulls,
    ))
}
