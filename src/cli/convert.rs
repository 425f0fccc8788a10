//! `switchboard convert FILE --to json|ron [--out PATH]`: the same document in another encoding,
//! losslessly (JSON → RON reproduces the original RON byte for byte).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::file::{self, write_atomically};

use super::EXIT_OK;
use super::input::load_landscape;

/// The target encoding of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    Json,
    Ron,
}

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The landscape file (.ron or .json).
    pub file: PathBuf,
    /// The encoding to write.
    #[arg(long)]
    pub to: Encoding,
    /// Where to write; standard output when omitted.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

/// Runs `convert`.
pub fn run(args: &ConvertArgs) -> Result<u8> {
    let landscape = load_landscape(&args.file)?;
    let text = match args.to {
        Encoding::Json => file::to_json_string(&landscape)?,
        Encoding::Ron => file::to_ron_string(&landscape)?,
    };
    match &args.out {
        Some(out) => write_atomically(out, text.as_bytes(), false)?,
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .context("cannot write to standard output")?,
    }
    Ok(EXIT_OK)
}
