//! One module per verb of the command line (`serve` is big enough to
//! live in [`crate::serve`]).

pub mod build;
pub mod check;
pub mod new;
