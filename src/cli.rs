//! The command line, parsed with clap, and the exit status of each outcome:
//! 0 ok, 1 content or usage error, 2 internal or I/O error.
//!
//! Everything a user sees here is Finnish. The help texts are the doc
//! comments below; [`command`] replaces what clap would write in English
//! (the headings, the usage line, `[default: …]`, the `-h`/`-V` flags and
//! the `help` subcommand, which is left out); [`usage_error`] turns a
//! `clap::Error` into a Finnish message from its kind and context, with
//! clap's own English text after it in brackets.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

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

/// Help text with Finnish headings: clap's `{usage-heading}` and the
/// headings of `{all-args}` are English, so every argument gets a heading
/// of its own (see [`finnish_arg`]) and the usage line its title here.
const HELP_TEMPLATE: &str = "{about-with-newline}\nKäyttö: {usage}\n\n{all-args}{after-help}";
const OPTIONS: &str = "Valinnat";
const ARGUMENTS: &str = "Argumentit";
const COMMANDS: &str = "Komennot";

/// Examples shown after a command's help and in its usage errors.
fn examples(path: &str) -> &'static [&'static str] {
    match path {
        "hyte new" => &[
            "hyte new year 2027",
            "hyte new group 2027 \"Jyväskylä\" \"Muurame\"",
            "hyte new perspective 2027 \"Järjestöt ja seurakunnat\"",
        ],
        "hyte new year" => &["hyte new year 2027"],
        "hyte new group" => &["hyte new group 2027 \"Jyväskylä\" \"Muurame\""],
        "hyte new perspective" => &["hyte new perspective 2027 \"Järjestöt ja seurakunnat\""],
        "hyte serve" => &["hyte serve --open"],
        _ => &[],
    }
}

/// The whole command line, in Finnish.
pub fn command() -> clap::Command {
    let cmd = Cli::command()
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Näyttää version"),
        )
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help("Näyttää tämän ohjeen"),
        );
    finnish(cmd, "hyte")
}

/// `cmd` (whose full name is `path`, e.g. `hyte new group`) and its
/// subcommands with Finnish headings, usage line and examples.
fn finnish(cmd: clap::Command, path: &str) -> clap::Command {
    let usage = usage_line(&cmd, path);
    let mut cmd = cmd
        .help_template(HELP_TEMPLATE)
        .override_usage(usage)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name("KOMENTO")
        // Plain `hyte` shows the help; `hyte new` alone is a usage error
        // that lists what may follow.
        .arg_required_else_help(path == "hyte")
        .mut_args({
            // Positionals are listed by name unless given an order.
            let mut position = 0;
            move |arg| {
                let arg = finnish_arg(arg);
                if arg.is_positional() {
                    position += 1;
                    arg.display_order(position)
                } else {
                    arg
                }
            }
        });
    let examples = examples(path);
    if !examples.is_empty() {
        let title = if examples.len() == 1 {
            "Esimerkki:"
        } else {
            "Esimerkit:"
        };
        cmd = cmd.after_help(format!("{title}\n  {}", examples.join("\n  ")));
    }
    cmd.mut_subcommands(|sub| {
        let path = format!("{path} {}", sub.get_name());
        finnish(sub, &path)
    })
}

/// An argument under a Finnish heading, with its default said in Finnish.
fn finnish_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let mut arg = arg.help_heading(heading);
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        arg = arg
            .hide_default_value(true)
            .help(format!("{help} [oletus: {}]", defaults.join(", ")));
    }
    // The options every command has come after the command's own.
    match arg.get_id().as_str() {
        "root" => arg.display_order(900),
        "help" => arg.display_order(901),
        "version" => arg.display_order(902),
        _ => arg,
    }
}

/// `hyte new group [VALINNAT] <VUOSI> <KUNNAT>...` (clap would write
/// `[OPTIONS]`).
fn usage_line(cmd: &clap::Command, path: &str) -> String {
    let mut line = format!("{path} [VALINNAT]");
    for arg in cmd.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map(ToString::to_string)
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
        let many = if matches!(arg.get_action(), ArgAction::Append) {
            "..."
        } else {
            ""
        };
        if arg.is_required_set() {
            let _ = write!(line, " <{name}>{many}");
        } else {
            let _ = write!(line, " [{name}]{many}");
        }
    }
    if cmd.has_subcommands() {
        line.push_str(" <KOMENTO>");
    }
    line
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

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

fn quoted(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match q.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} vai {last}", rest.join(", ")),
        _ => q.join(""),
    }
}

/// The subcommands named on the command line `args` (as clap saw them,
/// the program's name first), e.g. `["new", "group"]`, and the command
/// they lead to in `cmd`.
fn command_path<'a>(
    cmd: &'a clap::Command,
    args: &[std::ffi::OsString],
) -> (Vec<&'a str>, &'a clap::Command) {
    let mut here = cmd;
    let mut path = Vec::new();
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        if let Some(flag) = a.strip_prefix('-').filter(|f| !f.is_empty()) {
            // Skip the value of an option written apart from it.
            let takes_value = if let Some(long) = flag.strip_prefix('-') {
                !long.contains('=')
                    && here
                        .get_arguments()
                        .any(|x| x.get_long() == Some(long) && x.get_action().takes_values())
            } else {
                flag.chars().count() == 1
                    && here.get_arguments().any(|x| {
                        x.get_short() == flag.chars().next() && x.get_action().takes_values()
                    })
            };
            if takes_value {
                args.next();
            }
            continue;
        }
        match here.find_subcommand(a.as_ref()) {
            Some(sub) => {
                here = sub;
                path.push(sub.get_name());
            }
            // Our commands take their values after their subcommands.
            None => break,
        }
    }
    (path, here)
}

/// The message for a usage error `e` of the command line `cmd` (as made by
/// [`command`]) given `args`: what is wrong, how to fix it, the usage line
/// of the command it happened in, and clap's own words in brackets.
pub fn usage_error(cmd: &clap::Command, args: &[std::ffi::OsString], e: &clap::Error) -> String {
    let (names, here) = command_path(cmd, args);
    let path = std::iter::once("hyte")
        .chain(names)
        .collect::<Vec<_>>()
        .join(" ");
    let usage = usage_line(here, &path);
    let commands: Vec<&str> = here
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .collect();
    let options: Vec<String> = here
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    let values: Vec<String> = here
        .get_positionals()
        .filter_map(|a| a.get_value_names()?.first().map(|n| format!("<{n}>")))
        .collect();
    let example = examples(&path).first().copied();
    let see_help = format!("katso {path} --help");

    let invalid_arg = string(e, ContextKind::InvalidArg);
    let invalid_value = string(e, ContextKind::InvalidValue);
    let (message, help) = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let what = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let list = format!("{}: {}", COMMANDS, commands.join(", "));
            let help = if what == "help" {
                format!("ohjeen saa valinnalla --help, esim. {path} --help tai hyte build --help")
            } else {
                let suggested = strings(e, ContextKind::SuggestedSubcommand);
                if suggested.is_empty() {
                    list
                } else {
                    format!("tarkoititko {}? {list}", quoted(&suggested))
                }
            };
            (format!("tuntematon komento \"{what}\""), help)
        }
        ErrorKind::MissingSubcommand => {
            let list = format!("{}: {}", COMMANDS, commands.join(", "));
            let help = match example {
                Some(x) => format!("{list} (esim. {x})"),
                None => list,
            };
            (format!("\"{path}\" tarvitsee vielä komennon"), help)
        }
        ErrorKind::UnknownArgument => {
            let arg = invalid_arg.unwrap_or_default();
            let mut hints = Vec::new();
            if let Some(s) = string(e, ContextKind::SuggestedArg) {
                hints.push(format!("tarkoititko \"{s}\"?"));
            }
            for s in strings(e, ContextKind::Suggested) {
                // "'build --output' exists": the option is another command's.
                if let Some(elsewhere) = s
                    .strip_prefix('\'')
                    .and_then(|s| s.strip_suffix("' exists"))
                {
                    hints.push(format!("tarkoititko \"{path} {elsewhere}\"?"));
                } else if s.starts_with("to pass") {
                    hints.push(format!(
                        "jos \"{arg}\" on arvo eikä valinta, kirjoita sen eteen -- (esim. {path} -- {arg})."
                    ));
                }
            }
            if arg.starts_with('-') {
                let list = format!("{}: {}", OPTIONS, options.join(", "));
                hints.push(if hints.is_empty() {
                    format!("komennolla {path} ei ole tätä valintaa. {list}")
                } else {
                    list
                });
                (format!("tuntematon valinta \"{arg}\""), hints.join(" "))
            } else {
                hints.push(if values.is_empty() {
                    format!(
                        "komento {path} ei ota arvoja, vain valintoja: {}",
                        options.join(", ")
                    )
                } else if let [one] = values.as_slice() {
                    format!("komento {path} ottaa vain yhden arvon: {one}")
                } else {
                    format!(
                        "komento {path} ottaa vain arvot {}; jos arvossa on välilyöntejä, kirjoita se lainausmerkkeihin, esim. \"Järjestöt ja seurakunnat\"",
                        values.join(" ")
                    )
                });
                (format!("ylimääräinen arvo \"{arg}\""), hints.join(" "))
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            let message = if missing.len() == 1 {
                format!("{path}: pakollinen arvo puuttuu: {}", missing[0])
            } else {
                format!("{path}: pakolliset arvot puuttuvat: {}", missing.join(" "))
            };
            let help = match example {
                Some(x) => format!("kirjoita ne komennon perään, esim. {x}"),
                None => see_help.clone(),
            };
            (message, help)
        }
        ErrorKind::InvalidValue => {
            let arg = invalid_arg.unwrap_or_default();
            let value = invalid_value.unwrap_or_default();
            if value.is_empty() {
                (
                    format!("valinnalta {arg} puuttuu arvo"),
                    format!("kirjoita arvo valinnan perään muodossa {arg}"),
                )
            } else {
                let mut help = Vec::new();
                let suggested = strings(e, ContextKind::SuggestedValue);
                if !suggested.is_empty() {
                    help.push(format!("tarkoititko {}?", quoted(&suggested)));
                }
                let valid = strings(e, ContextKind::ValidValue);
                if !valid.is_empty() {
                    help.push(format!("mahdolliset arvot: {}", valid.join(", ")));
                }
                if help.is_empty() {
                    help.push(see_help.clone());
                }
                (format!("arvo \"{value}\" ei kelpaa: {arg}"), help.join(" "))
            }
        }
        ErrorKind::ValueValidation => {
            let arg = invalid_arg.unwrap_or_default();
            let value = invalid_value.unwrap_or_default();
            // Our value parsers say why in Finnish.
            let why = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_else(|| see_help.clone());
            (format!("arvo \"{value}\" ei kelpaa: {arg}"), why)
        }
        ErrorKind::TooManyValues => (
            format!(
                "liikaa arvoja: \"{}\" ({})",
                invalid_value.unwrap_or_default(),
                invalid_arg.unwrap_or_default()
            ),
            see_help.clone(),
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => (
            format!("väärä määrä arvoja: {}", invalid_arg.unwrap_or_default()),
            see_help.clone(),
        ),
        ErrorKind::ArgumentConflict => {
            let arg = invalid_arg.unwrap_or_default();
            let prior = strings(e, ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                (
                    format!("valinta {arg} on annettu useammin kuin kerran"),
                    "kirjoita se vain kerran".to_string(),
                )
            } else {
                (
                    format!(
                        "valintaa {arg} ei voi käyttää yhdessä tämän kanssa: {}",
                        prior.join(", ")
                    ),
                    "jätä toinen pois".to_string(),
                )
            }
        }
        ErrorKind::NoEquals => {
            let arg = invalid_arg.unwrap_or_default();
            (
                format!("valinnan {arg} arvo kirjoitetaan yhtäsuuruusmerkin jälkeen"),
                format!("kirjoita {arg}=…"),
            )
        }
        ErrorKind::InvalidUtf8 => (
            "komentorivillä on merkkejä, jotka eivät ole UTF-8-tekstiä".to_string(),
            "kirjoita nimet uudelleen tai tarkista, että pääte käyttää UTF-8-merkistöä".to_string(),
        ),
        _ => (
            "komentoriviä ei voitu tulkita".to_string(),
            see_help.clone(),
        ),
    };

    let mut out = format!("virhe: {message}\n  = ohje: {help}\n\nKäyttö: {usage}\n");
    if help != see_help {
        let _ = writeln!(out, "Lisätietoja: {path} --help");
    }
    let _ = writeln!(out, "({})", clap_words(e));
    out
}

/// clap's own message, without its tips, usage and help hint, on one line:
/// `clap: unexpected argument '--outptu' found`.
fn clap_words(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let first = rendered.split("\n\n").next().unwrap_or_default();
    let first = first.trim().trim_start_matches("error:").trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    format!("clap: {}", words.join(" "))
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

    /// Every command's full name, e.g. `["hyte", "new", "group"]`.
    fn paths(cmd: &clap::Command, path: Vec<String>, into: &mut Vec<Vec<String>>) {
        into.push(path.clone());
        for sub in cmd.get_subcommands() {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            paths(sub, p, into);
        }
    }

    #[test]
    fn every_help_is_finnish() {
        let mut all = Vec::new();
        paths(&command(), vec!["hyte".into()], &mut all);
        assert_eq!(all.len(), 8, "{all:?}");
        for path in all {
            let args = path.iter().cloned().chain(["--help".to_string()]);
            let e = command().try_get_matches_from(args).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::DisplayHelp);
            let help = e.render().to_string();
            let name = path.join(" ");
            assert!(
                help.contains(&format!("Käyttö: {name} [VALINNAT]")),
                "{help}"
            );
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "default",
                "Print",
            ] {
                assert!(!help.contains(english), "{name}: {english}\n{help}");
            }
        }
    }

    #[test]
    fn a_year_is_written_in_digits() {
        assert_eq!(year("2027"), Ok(2027));
        assert_eq!(year("26"), Ok(26)); // not a year: hyte new says so
        for bad in ["", "vuosi", "+2027", "02027", "2027.0", " 2027"] {
            assert!(year(bad).is_err(), "{bad:?}");
        }
    }

    fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
        args.iter().map(Into::into).collect()
    }

    #[test]
    fn the_command_is_found_past_option_values() {
        let mut cmd = command();
        cmd.build();
        let args = os(&["hyte", "--root", "new", "build", "--output", "group", "x"]);
        assert_eq!(command_path(&cmd, &args).0, ["build"]);
        let args = os(&["hyte", "--root=new", "new", "-h", "group", "2027"]);
        assert_eq!(command_path(&cmd, &args).0, ["new", "group"]);
        assert!(
            command_path(&cmd, &os(&["hyte", "--", "build"]))
                .0
                .is_empty()
        );
    }

    #[test]
    fn usage_errors_name_the_command() {
        let mut cmd = command();
        let args = os(&["hyte", "new", "perspective", "2027", "A", "B"]);
        let e = cmd.try_get_matches_from_mut(&args).unwrap_err();
        let text = usage_error(&cmd, &args, &e);
        assert!(
            text.starts_with("virhe: ylimääräinen arvo \"B\"\n"),
            "{text}"
        );
        assert!(
            text.contains("\nKäyttö: hyte new perspective [VALINNAT] <VUOSI> <OTSIKKO>\n"),
            "{text}"
        );
        assert!(
            text.ends_with("(clap: unexpected argument 'B' found)\n"),
            "{text}"
        );
    }
}
