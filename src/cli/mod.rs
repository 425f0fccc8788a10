//! The command line: clap arguments and the subcommands. The only layer that prints.
//!
//! Every subcommand lives in its own file with its `Args` struct and a `run` function returning
//! the process exit code: 0 success, 1 findings of error severity (or a failed comparison),
//! 2 unreadable input or any other error. Errors are printed once, here, on one line.
//!
//! Depends on every library module; nothing depends on it.

pub mod baseline_cache;
pub mod check;
pub mod convert;
pub mod deploy;
pub mod export;
pub mod hub;
pub mod import;
pub mod input;
pub mod lineage;
pub mod locate;
pub mod simulate;
pub mod stats;
pub mod sweep;
pub mod sweep_table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Switchboard: design integration landscapes, simulate failures, export broker configuration.
#[derive(Debug, Parser)]
#[command(name = "switchboard", version, about, long_about = None)]
pub struct Cli {
    /// A landscape file (.ron or .json) to open in the designer; the bundled seafood example
    /// when omitted.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; each runs without a display.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate and lint a landscape; exit 0 clean, 1 error findings, 2 unreadable input.
    Check(check::CheckArgs),
    /// Print metrics: systems, flows, connected pairs, n(n-1)/2, hub connections, ...
    Stats(stats::StatsArgs),
    /// Simulate a failure scenario over the simulated week.
    Simulate(simulate::SimulateArgs),
    /// Export broker configuration, diagrams or images.
    Export(export::ExportArgs),
    /// Import a landscape from another format.
    Import(import::ImportArgs),
    /// Deploy exported configuration to a running broker.
    Deploy(deploy::DeployArgs),
    /// Route point-to-point flows through the integration hub.
    Hub(hub::HubArgs),
    /// Write the same document in another encoding (json or ron).
    Convert(convert::ConvertArgs),
    /// Where a dataset comes from and who depends on it.
    Lineage(lineage::LineageArgs),
    /// Where will it hurt? Rank every flow by the business impact of its failure.
    Sweep(sweep::SweepArgs),
}

/// Output format of the reporting subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Readable text.
    #[default]
    Human,
    /// Machine-readable JSON.
    Json,
}

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings of error severity, or a failed check.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: unreadable input or any other error.
pub const EXIT_ERROR: u8 = 2;

/// Runs a subcommand and maps its result to an exit code, printing any error on one line.
pub fn run_command(command: Command) -> ExitCode {
    let result = match command {
        Command::Check(args) => check::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Deploy(args) => deploy::run(&args),
        Command::Hub(args) => hub::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Lineage(args) => lineage::run(&args),
        Command::Sweep(args) => sweep::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("error: {}", one_line(&format!("{error:#}")));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// An error for a subcommand whose implementation has not landed yet.
pub fn not_yet_implemented(what: &str) -> anyhow::Error {
    anyhow::anyhow!("`switchboard {what}` is not yet implemented in this version")
}

fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
