use std::fmt;

/// What went wrong while building a stage or a pipeline: one opaque type
/// with a [`kind`](Error::kind) to match on and the context that locates
/// the problem (the stage, the field, the file and line), so every message
/// says what to fix.
///
/// ```
/// use textclean_core::{Error, ErrorKind};
/// let error = Error::new(ErrorKind::InvalidValue, "must not be empty")
///     .in_stage("boilerplate")
///     .in_field("extra_phrases")
///     .in_file("pipeline.toml");
/// assert_eq!(error.kind(), ErrorKind::InvalidValue);
/// assert_eq!(
///     error.to_string(),
///     "pipeline.toml: in the `boilerplate` stage: `extra_phrases`: must not be empty"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    stage: Option<String>,
    field: Option<String>,
    path: Option<String>,
    line: Option<usize>,
}

/// The kind of an [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A configuration that does not parse (TOML or JSON syntax).
    Syntax,
    /// A preset name that does not exist.
    UnknownPreset,
    /// A stage kind that nothing registered.
    UnknownStage,
    /// A language with no language pack.
    UnknownLanguage,
    /// An option that the stage does not have.
    UnknownField,
    /// An option with a value of the wrong type or out of range.
    InvalidValue,
    /// Settings that cannot be given together.
    Conflict,
}

impl Error {
    /// An error of `kind`, saying what is wrong and what to do.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            stage: None,
            field: None,
            path: None,
            line: None,
        }
    }

    /// The same error, located in a stage (by its kind or name).
    pub fn in_stage(mut self, stage: &str) -> Error {
        self.stage.get_or_insert_with(|| stage.to_owned());
        self
    }

    /// The same error, located at an option.
    pub fn in_field(mut self, field: &str) -> Error {
        self.field.get_or_insert_with(|| field.to_owned());
        self
    }

    /// The same error, located in a file.
    pub fn in_file(mut self, path: &str) -> Error {
        self.path.get_or_insert_with(|| path.to_owned());
        self
    }

    /// The same error, located at a 1-based line.
    pub fn at_line(mut self, line: usize) -> Error {
        self.line.get_or_insert(line);
        self
    }

    /// What kind of error it is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What is wrong, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The stage it happened in, if known.
    pub fn stage(&self) -> Option<&str> {
        self.stage.as_deref()
    }

    /// The option it is about, if known.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The file it is in, if known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The line it is on, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{path}:{line}: ")?,
            (Some(path), None) => write!(f, "{path}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        if let Some(stage) = &self.stage {
            write!(f, "in the `{stage}` stage: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "`{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
