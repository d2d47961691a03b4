//! The parts of the `textclean` command that stand on their own, for the
//! fuzz targets and for anyone who reads JSON Lines the way it does.
#![forbid(unsafe_code)]

pub mod json_line;
