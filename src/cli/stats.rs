//! `switchboard stats FILE [--format human|json]`.

use std::path::PathBuf;

use anyhow::Result;

use super::OutputFormat;

/// Arguments of `stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// Runs `stats`.
pub fn run(_args: &StatsArgs) -> Result<u8> {
    Err(super::not_yet_implemented("stats"))
}
