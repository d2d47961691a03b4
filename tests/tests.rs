//! Integration tests of the facade: one binary, one module per subject.

mod adversarial;
mod article;
mod language;
mod pipeline;
mod stable;
