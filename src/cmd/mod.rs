//! One module per verb of the command line. Each owns its clap arguments
//! (their doc comments are its Finnish help) and an `execute` that runs the
//! verb as the command line asks; [`crate::cli`] only dispatches. `serve`
//! here is only the arguments: the server itself is [`crate::serve`].

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;
