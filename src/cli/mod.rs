//! The command line, parsed with clap, and the exit status of each outcome:
//! 0 ok, 1 content or usage error, 2 internal or I/O error.
//!
//! Everything a user sees here is Finnish. The help texts are doc
//! comments: those of `hyte` itself below, each verb's with its arguments
//! in [`crate::cmd`]; [`command`] replaces what clap would write in English
//! (module `help`), and [`usage_error`] turns a `clap::Error` into a Finnish
//! message (module `usage_errors`).

mod help;
mod usage_errors;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub use usage_errors::usage_error;

use crate::{Error, cmd};

#[derive(Debug, Parser)]
#[command(
    name = "hyte",
    version,
    about = "Tekee HYTE-neuvottelujen julkisen sivuston Markdown- ja TOML-tiedostoista",
    long_about = None
)]
pub struct Cli {
    /// Sivuston kansio (jossa ovat site.toml ja content/)
    #[arg(long, global = true, default_value = ".", value_name = "KANSIO")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

// The verbs; each one's arguments and help are in its module of
// `crate::cmd`. (No doc comment: clap would make it the `about` of `hyte`
// should `Cli` lose its own.)
#[derive(Debug, Subcommand)]
pub enum Command {
    Build(cmd::build::BuildArgs),
    Check(cmd::check::CheckArgs),
    Serve(cmd::serve::ServeArgs),
    #[command(subcommand)]
    New(cmd::new::NewCommand),
    Init(cmd::init::InitArgs),
}

/// The whole command line, in Finnish.
pub fn command() -> clap::Command {
    help::in_finnish(Cli::command())
}

/// Parses `std::env::args`, runs the command and gives the exit status.
pub fn main() -> ExitCode {
    let mut cmd = command();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cmd
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    ExitCode::SUCCESS
                }
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    ExitCode::from(1)
                }
                _ => {
                    eprint!("{}", usage_error(&cmd, &args, &e));
                    ExitCode::from(1)
                }
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// Runs the verb `cli` names in the site at `--root` (`init` makes a
/// new site folder instead, so it has none to find there).
pub fn run(cli: Cli) -> Result<(), Error> {
    let root = cli.root;
    let site = move || {
        if root.is_dir() {
            Ok(root)
        } else {
            Err(Error::Usage(format!(
                "sivuston kansiota {} ei ole (tarkista --root)",
                root.display()
            )))
        }
    };
    match cli.command {
        Command::Build(args) => cmd::build::execute(site()?, args),
        Command::Check(args) => cmd::check::execute(site()?, args),
        Command::Serve(args) => cmd::serve::execute(site()?, args),
        Command::New(what) => cmd::new::execute(site()?, what),
        Command::Init(args) => cmd::init::execute(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        command().debug_assert();
    }
}
