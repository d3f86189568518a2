//! The help texts in Finnish.
//!
//! clap writes its help in English: the headings, the usage line,
//! `[default: …]`, the `-h`/`-V` flags and the `help` subcommand. Our
//! authors read Finnish, so [`in_finnish`] replaces each of them (and leaves
//! the `help` subcommand out). The help of each argument is its doc comment,
//! where the verb defines it in [`crate::cmd`].

use std::fmt::Write as _;

use clap::{Arg, ArgAction};

/// Help text with Finnish headings: clap's `{usage-heading}` and the
/// headings of `{all-args}` are English, so every argument gets a heading
/// of its own (see [`finnish_arg`]) and the usage line its title here.
const HELP_TEMPLATE: &str = "{about-with-newline}\nKäyttö: {usage}\n\n{all-args}{after-help}";
pub(super) const OPTIONS: &str = "Valinnat";
const ARGUMENTS: &str = "Argumentit";
pub(super) const COMMANDS: &str = "Komennot";

/// Examples shown after a command's help and in its usage errors.
pub(super) fn examples(path: &str) -> &'static [&'static str] {
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
        "hyte init" => &[
            "hyte init saaristo --region \"Saaristo\" --county \"Saariston hyvinvointialue\" --municipalities \"Parainen, Kemiönsaari\"",
            "hyte init saaristo --region \"Saaristo\" --county \"Saariston hyvinvointialue\" --municipalities \"Parainen, Kemiönsaari\" --languages fi,sv --region-sv \"Skärgården\"",
        ],
        _ => &[],
    }
}

/// The whole command line `hyte` with Finnish `-V`/`-h` flags, headings,
/// usage lines and examples, in every subcommand.
pub(super) fn in_finnish(hyte: clap::Command) -> clap::Command {
    let hyte = hyte
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
    finnish(hyte, "hyte")
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
pub(super) fn usage_line(cmd: &clap::Command, path: &str) -> String {
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

#[cfg(test)]
mod tests {
    use clap::error::ErrorKind;

    use crate::cli::command;

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
        assert_eq!(all.len(), 9, "{all:?}");
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
}
