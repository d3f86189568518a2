//! The command line, parsed with clap, and the exit status of each outcome:
//! 0 ok, 1 content or usage error, 2 internal or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{Error, SiteOptions, cmd};

#[derive(Debug, Parser)]
#[command(
    name = "hyte",
    version,
    about = "Static site generator for the public record of HYTE negotiations",
    long_about = None
)]
pub struct Cli {
    /// The site folder (with site.toml and content/)
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into <root>/public (or --output)
    Build {
        /// Write the site here instead of <root>/public
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Use this base URL instead of site.toml's (e.g. https://example.org/hyte/)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked draft = true
        #[arg(long)]
        drafts: bool,
        /// Warnings fail the build too
        #[arg(long)]
        strict: bool,
    },
    /// Check the whole site and report every problem; writes nothing
    Check {
        /// Use this base URL instead of site.toml's
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked draft = true
        #[arg(long)]
        drafts: bool,
        /// Also fetch every link to another site (timeouts and unknown hosts only warn)
        #[arg(long)]
        external: bool,
        /// Warnings (and a draft's problems) fail the check too; with
        /// --external, so do links that do not answer at all
        #[arg(long)]
        strict: bool,
    },
    /// Preview the site with live reload (drafts included; never touches public/)
    Serve {
        /// Port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but 127.0.0.1 or ::1 exposes the preview
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in a browser
        #[arg(long)]
        open: bool,
    },
    /// Create the files of a new year, municipality group or perspective
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// content/<YEAR>/_index.md
    Year {
        /// The year, e.g. 2027
        year: i32,
    },
    /// content/<YEAR>/kuntaryhmat/<members>.md
    Group {
        /// The year, which must exist
        year: i32,
        /// The municipalities, in the order of the decision, e.g. "Jyväskylä" "Muurame"
        #[arg(required = true)]
        municipalities: Vec<String>,
    },
    /// content/<YEAR>/nakokulmat/<title>.md
    Perspective {
        /// The year, which must exist
        year: i32,
        /// The title, e.g. "Järjestöt ja seurakunnat"
        title: String,
    },
}

/// Parses `std::env::args`, runs the command and gives the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(1),
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

pub fn run(cli: Cli) -> Result<(), Error> {
    if !cli.root.is_dir() {
        return Err(Error::Usage(format!(
            "sivuston kansiota {} ei ole (tarkista --root)",
            cli.root.display()
        )));
    }
    match cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
            strict,
        } => {
            let opts = SiteOptions {
                root: cli.root,
                base_url,
                drafts,
                strict,
            };
            cmd::build::run(&opts, output).map(|_| ())
        }
        Command::Serve { port, bind, open } => crate::serve::run(&crate::serve::ServeOptions {
            root: cli.root,
            bind,
            port,
            open,
        }),
        Command::New(what) => cmd::new::run(&cli.root, what).map(|_| ()),
        Command::Check {
            base_url,
            drafts,
            external,
            strict,
        } => {
            let opts = SiteOptions {
                root: cli.root,
                base_url,
                drafts,
                strict,
            };
            let external = cmd::check::External { fetch: external };
            cmd::check::run(&opts, external).map(|_| ())
        }
    }
}
