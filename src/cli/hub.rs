//! `switchboard hub FILE [--flows ID,...] --out OUTPUT.ron`.

use std::path::PathBuf;

use anyhow::Result;

/// Arguments of `hub`.
#[derive(Debug, clap::Args)]
pub struct HubArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// The flows to route through the hub (all eligible when omitted).
    #[arg(long, value_delimiter = ',')]
    pub flows: Vec<String>,
    /// The landscape file to write.
    #[arg(short, long)]
    pub out: PathBuf,
}

/// Runs `hub`.
pub fn run(_args: &HubArgs) -> Result<u8> {
    Err(super::not_yet_implemented("hub"))
}
