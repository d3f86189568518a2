//! One module per verb of the command line.

pub mod build;
pub mod check;
