//! `switchboard convert FILE --to json|ron [--out PATH]`.

use std::path::PathBuf;

use anyhow::Result;

/// The target encoding of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    Json,
    Ron,
}

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// The encoding to write.
    #[arg(long)]
    pub to: Encoding,
    /// Where to write; standard output when omitted.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

/// Runs `convert`.
pub fn run(_args: &ConvertArgs) -> Result<u8> {
    Err(super::not_yet_implemented("convert"))
}
