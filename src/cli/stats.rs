//! `switchboard stats FILE [--format human|json]`: the metrics of `analysis::metrics`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;

use super::check::print_stdout;
use super::{EXIT_OK, OutputFormat};
use crate::analysis::metrics::{Metrics, metrics};

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
pub fn run(args: &StatsArgs) -> Result<u8> {
    let landscape = super::input::load_landscape(&args.file)?;
    let metrics = metrics(&landscape);
    match args.format {
        OutputFormat::Json => print_stdout(&(serde_json::to_string_pretty(&metrics)? + "\n"))?,
        OutputFormat::Human => print_stdout(&human(&metrics))?,
    }
    Ok(EXIT_OK)
}

/// The human-readable metrics.
fn human(m: &Metrics) -> String {
    let mut text = String::new();
    let rows = [
        ("Systems", m.systems.to_string()),
        ("Flows", m.flows.to_string()),
        ("Datasets", m.datasets.to_string()),
        ("Teams", m.teams.to_string()),
        ("Connected system pairs", m.connected_pairs.to_string()),
        (
            "Point-to-point potential n(n-1)/2",
            m.potential_connections.to_string(),
        ),
        ("Density", format!("{:.1}%", m.density * 100.0)),
        ("Hub connections needed", m.hub_connections.to_string()),
        ("Flows via hub", m.flows_via_hub.to_string()),
    ];
    for (label, value) in rows {
        let _ = writeln!(text, "{label:<34} {value}");
    }
    let width = m
        .fan
        .iter()
        .map(|f| f.system.len())
        .max()
        .unwrap_or(0)
        .max(6);
    let _ = writeln!(text, "\nFan-in / fan-out (other systems; flows)");
    for fan in &m.fan {
        let _ = writeln!(
            text,
            "  {:<width$}  in {} ({} flows)  out {} ({} flows)",
            fan.system, fan.fan_in, fan.flows_in, fan.fan_out, fan.flows_out
        );
    }
    let _ = writeln!(
        text,
        "\nBlast radius (processes reached if the system fails)"
    );
    for radius in &m.blast_radius {
        let processes = if radius.processes.is_empty() {
            "-".to_owned()
        } else {
            radius.processes.join(", ")
        };
        let _ = writeln!(
            text,
            "  {:<width$}  {} processes, {} datasets, {} other systems: {processes}",
            radius.system,
            radius.processes.len(),
            radius.datasets.len(),
            radius.systems.len()
        );
    }
    text
}
