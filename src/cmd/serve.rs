//! `hyte serve`: its arguments, mapped to [`ServeOptions`]. The server
//! itself is [`crate::serve`].

use std::net::IpAddr;
use std::path::PathBuf;

use clap::Args;

use crate::Error;
use crate::serve::ServeOptions;

// The doc comments of `ServeArgs` are the Finnish help of `hyte serve`.

/// Esikatselu selaimessa, päivittyy joka tallennuksella (luonnokset
/// mukana; ei koske kansioon public/)
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Portti, jossa esikatselu toimii (0 valitsee vapaan portin)
    #[arg(long, default_value_t = 1111, value_name = "PORTTI", value_parser = port)]
    pub port: u16,
    /// Osoite, jossa esikatselu toimii; muu kuin 127.0.0.1 tai ::1 näyttää
    /// esikatselun muillekin koneille
    #[arg(long, default_value = "127.0.0.1", value_name = "OSOITE", value_parser = address)]
    pub bind: IpAddr,
    /// Avaa esikatselun selaimessa
    #[arg(long)]
    pub open: bool,
}

/// `hyte serve` as the command line asks for it, for the site at `root`;
/// returns when the server stops.
pub fn execute(root: PathBuf, args: ServeArgs) -> Result<(), Error> {
    crate::serve::run(&ServeOptions {
        root,
        bind: args.bind,
        port: args.port,
        open: args.open,
    })
}

fn port(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| "portti on kokonaisluku 0–65535, esim. 1111".to_string())
}

fn address(text: &str) -> Result<IpAddr, String> {
    text.parse()
        .map_err(|_| "anna IP-osoite, esim. 127.0.0.1 tai ::1".to_string())
}
