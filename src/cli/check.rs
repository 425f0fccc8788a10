//! `switchboard check FILE [--format human|json]`.

use std::path::PathBuf;

use anyhow::Result;

use super::OutputFormat;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// Runs `check`.
pub fn run(_args: &CheckArgs) -> Result<u8> {
    Err(super::not_yet_implemented("check"))
}
