//! Inputs shared by the tests and the benches.

pub mod hostile;
