//! `switchboard simulate FILE --scenario ID [--format human|json] [--compare-controls]`.

use std::path::PathBuf;

use anyhow::Result;

use super::OutputFormat;

/// Arguments of `simulate`.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// The id of the scenario to run.
    #[arg(long)]
    pub scenario: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Run every control set of the scenario and print their summaries.
    #[arg(long)]
    pub compare_controls: bool,
    /// Run the scenario with one named control set applied.
    #[arg(long)]
    pub control: Option<String>,
}

/// Runs `simulate`.
pub fn run(_args: &SimulateArgs) -> Result<u8> {
    Err(super::not_yet_implemented("simulate"))
}
