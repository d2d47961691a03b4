//! Integration tests of the facade: one binary, one module per subject.

mod article;
mod language;
mod pipeline;
mod stable;
