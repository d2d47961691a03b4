//! A progress bar on a terminal, for large inputs only.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressStyle};

/// Inputs smaller than this finish too fast to need a progress bar.
const LARGE: u64 = 16 << 20;

/// A progress bar over bytes read, shown only on a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for these inputs, if they are large and stderr is a terminal.
    pub fn for_files(inputs: &[PathBuf]) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let total: u64 = inputs
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        let stdin = inputs.iter().any(|p| p.as_os_str() == "-");
        if total < LARGE && !stdin {
            return Progress(None);
        }
        let bar = if stdin {
            ProgressBar::new_spinner()
        } else {
            ProgressBar::new(total)
        };
        let template = if stdin {
            "{spinner} {bytes} read, {bytes_per_sec}"
        } else {
            "{bar:40} {bytes}/{total_bytes}, {bytes_per_sec}, {eta} left"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    /// Counts `bytes` more as done.
    pub fn advance(&self, bytes: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(bytes as u64);
        }
    }

    /// Runs `f`, which writes to standard error, with the bar hidden.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
