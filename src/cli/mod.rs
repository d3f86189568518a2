//! The command line, parsed with clap, and the exit status of each outcome:
//! 0 ok, 1 content or usage error, 2 internal or I/O error.
//!
//! Everything a user sees here is Finnish. The help texts are the doc
//! comments below; [`command`] replaces what clap would write in English
//! (module `help`), and [`usage_error`] turns a `clap::Error` into a Finnish
//! message (module `usage_errors`).

mod help;
mod usage_errors;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub use usage_errors::usage_error;

use crate::{Error, SiteOptions, cmd};

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rakentaa sivuston kansioon <root>/public (tai --output)
    Build {
        /// Kirjoittaa sivuston tähän kansioon eikä kansioon <root>/public
        #[arg(long, value_name = "KANSIO")]
        output: Option<PathBuf>,
        /// Käyttää tätä osoitetta site.toml-tiedoston osoitteen sijaan
        /// (esim. https://example.org/hyte/)
        #[arg(long, value_name = "OSOITE")]
        base_url: Option<String>,
        /// Ottaa mukaan luonnokset (sivut, joilla on draft = true)
        #[arg(long)]
        drafts: bool,
        /// Myös varoitukset estävät rakentamisen
        #[arg(long)]
        strict: bool,
    },
    /// Tarkistaa koko sivuston ja luettelee kaikki ongelmat; ei kirjoita mitään
    Check {
        /// Käyttää tätä osoitetta site.toml-tiedoston osoitteen sijaan
        #[arg(long, value_name = "OSOITE")]
        base_url: Option<String>,
        /// Ottaa mukaan luonnokset (sivut, joilla on draft = true)
        #[arg(long)]
        drafts: bool,
        /// Hakee myös jokaisen linkin muille sivustoille (jos sivusto ei
        /// vastaa tai sitä ei löydy, se on vain varoitus)
        #[arg(long)]
        external: bool,
        /// Myös varoitukset (ja luonnosten ongelmat) estävät tarkistuksen
        /// läpäisyn; --external-valinnan kanssa myös linkit, jotka eivät
        /// vastaa lainkaan
        #[arg(long)]
        strict: bool,
    },
    /// Esikatselu selaimessa, päivittyy joka tallennuksella (luonnokset
    /// mukana; ei koske kansioon public/)
    Serve {
        /// Portti, jossa esikatselu toimii (0 valitsee vapaan portin)
        #[arg(long, default_value_t = 1111, value_name = "PORTTI", value_parser = port)]
        port: u16,
        /// Osoite, jossa esikatselu toimii; muu kuin 127.0.0.1 tai ::1 näyttää
        /// esikatselun muillekin koneille
        #[arg(long, default_value = "127.0.0.1", value_name = "OSOITE", value_parser = address)]
        bind: std::net::IpAddr,
        /// Avaa esikatselun selaimessa
        #[arg(long)]
        open: bool,
    },
    /// Luo uuden vuoden, kuntaryhmän tai näkökulman sivun luonnokseksi
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Luo vuoden sivun content/<VUOSI>/_index.md
    Year {
        /// Vuosi neljällä numerolla, esim. 2027
        #[arg(value_name = "VUOSI", value_parser = year)]
        year: i32,
    },
    /// Luo kuntaryhmän sivun content/<VUOSI>/kuntaryhmat/<kunnat>.md
    Group {
        /// Vuosi, jonka sivu on jo tehty (hyte new year)
        #[arg(value_name = "VUOSI", value_parser = year)]
        year: i32,
        /// Kunnat päätöksen mukaisessa järjestyksessä, esim. "Jyväskylä" "Muurame"
        #[arg(required = true, value_name = "KUNNAT")]
        municipalities: Vec<String>,
    },
    /// Luo näkökulman sivun content/<VUOSI>/nakokulmat/<otsikko>.md
    Perspective {
        /// Vuosi, jonka sivu on jo tehty (hyte new year)
        #[arg(value_name = "VUOSI", value_parser = year)]
        year: i32,
        /// Sivun otsikko, esim. "Järjestöt ja seurakunnat"
        #[arg(value_name = "OTSIKKO")]
        title: String,
    },
}

fn port(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| "portti on kokonaisluku 0–65535, esim. 1111".to_string())
}

fn address(text: &str) -> Result<std::net::IpAddr, String> {
    text.parse()
        .map_err(|_| "anna IP-osoite, esim. 127.0.0.1 tai ::1".to_string())
}

/// A number written with digits only; whether it is a year (`26` is not)
/// is `hyte new`'s to say.
fn year(text: &str) -> Result<i32, String> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse() {
        Ok(year) if digits && !text.starts_with('0') => Ok(year),
        _ => Err("kirjoita vuosi neljällä numerolla, esim. 2027".to_string()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn a_year_is_written_in_digits() {
        assert_eq!(year("2027"), Ok(2027));
        assert_eq!(year("26"), Ok(26)); // not a year: hyte new says so
        for bad in ["", "vuosi", "+2027", "02027", "2027.0", " 2027"] {
            assert!(year(bad).is_err(), "{bad:?}");
        }
    }
}
