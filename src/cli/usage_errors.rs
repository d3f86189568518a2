//! Usage errors in Finnish.
//!
//! When the command line cannot be parsed, clap explains it in English and
//! with its own usage line. [`usage_error`] says instead, in Finnish and
//! from the error's kind and context, what is wrong and how to fix it, with
//! the Finnish usage line of the command it happened in; clap's own words
//! follow in brackets, for whoever searches for them.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::help::{COMMANDS, OPTIONS, examples, usage_line};

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

/// What a usage error's message may name: the command it happened in and
/// what that command takes.
struct Here<'a> {
    /// The command's full name, e.g. `hyte new group`.
    path: String,
    commands: Vec<&'a str>,
    options: Vec<String>,
    /// The command's positionals, e.g. `<VUOSI>`.
    values: Vec<String>,
    example: Option<&'static str>,
    see_help: String,
}

/// The message for a usage error `e` of the command line `cmd` (as made by
/// [`super::command`]) given `args`: what is wrong, how to fix it, the usage
/// line of the command it happened in, and clap's own words in brackets.
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
    let here = Here {
        example: examples(&path).first().copied(),
        see_help: format!("katso {path} --help"),
        path,
        commands,
        options,
        values,
    };
    let (message, help) = message_and_help(e, &here);

    let mut out = format!("virhe: {message}\n  = ohje: {help}\n\nKäyttö: {usage}\n");
    if help != here.see_help {
        let _ = writeln!(out, "Lisätietoja: {} --help", here.path);
    }
    let _ = writeln!(out, "({})", clap_words(e));
    out
}

/// What is wrong and how to fix it.
fn message_and_help(e: &clap::Error, here: &Here) -> (String, String) {
    let path = &here.path;
    let see_help = &here.see_help;
    let invalid_arg = string(e, ContextKind::InvalidArg);
    let invalid_value = string(e, ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidSubcommand => invalid_subcommand(e, here),
        ErrorKind::MissingSubcommand => {
            let list = format!("{}: {}", COMMANDS, here.commands.join(", "));
            let help = match here.example {
                Some(x) => format!("{list} (esim. {x})"),
                None => list,
            };
            (format!("\"{path}\" tarvitsee vielä komennon"), help)
        }
        ErrorKind::UnknownArgument => unknown_argument(e, here),
        ErrorKind::MissingRequiredArgument => missing_required(e, here),
        ErrorKind::InvalidValue => invalid_value_of(e, here),
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
        ErrorKind::ArgumentConflict => conflict(e),
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
    }
}

/// `hyte buidl`: the commands there are, and the likeliest of them.
fn invalid_subcommand(e: &clap::Error, here: &Here) -> (String, String) {
    let path = &here.path;
    let what = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
    let list = format!("{}: {}", COMMANDS, here.commands.join(", "));
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

/// `hyte build --outptu` or a value too many: the options or values the
/// command takes.
fn unknown_argument(e: &clap::Error, here: &Here) -> (String, String) {
    let path = &here.path;
    let (options, values) = (&here.options, &here.values);
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
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

/// `hyte new group 2027`: what is missing, with an example.
fn missing_required(e: &clap::Error, here: &Here) -> (String, String) {
    let path = &here.path;
    let missing = strings(e, ContextKind::InvalidArg);
    let message = if missing.len() == 1 {
        format!("{path}: pakollinen arvo puuttuu: {}", missing[0])
    } else {
        format!("{path}: pakolliset arvot puuttuvat: {}", missing.join(" "))
    };
    let help = match here.example {
        Some(x) => format!("kirjoita ne komennon perään, esim. {x}"),
        None => here.see_help.clone(),
    };
    (message, help)
}

/// An option without its value, or with one it does not take.
fn invalid_value_of(e: &clap::Error, here: &Here) -> (String, String) {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    if value.is_empty() {
        return (
            format!("valinnalta {arg} puuttuu arvo"),
            format!("kirjoita arvo valinnan perään muodossa {arg}"),
        );
    }
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
        help.push(here.see_help.clone());
    }
    (format!("arvo \"{value}\" ei kelpaa: {arg}"), help.join(" "))
}

/// An option given twice, or with one it cannot go with.
fn conflict(e: &clap::Error) -> (String, String) {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
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

/// clap's own message, without its tips, usage and help hint, on one line:
/// `clap: unexpected argument '--outptu' found`.
fn clap_words(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let first = rendered.split("\n\n").next().unwrap_or_default();
    let first = first.trim().trim_start_matches("error:").trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    format!("clap: {}", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::command;

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
