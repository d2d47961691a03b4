//! The facade's error type.

/// What went wrong while building a pipeline. Each message says what to fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A preset name that does not exist.
    #[error(
        "unknown preset `{name}`: use one of {}",
        crate::Preset::NAMES.join(", ")
    )]
    UnknownPreset {
        /// The name that was given.
        name: String,
    },
    /// A configuration file that does not parse or holds an invalid value.
    #[error("invalid pipeline configuration: {message}")]
    Config {
        /// What is wrong, with the line and field where known.
        message: String,
    },
}
