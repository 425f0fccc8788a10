//! `switchboard hub FILE [--flows ID,...] --out OUTPUT.ron`: routes point-to-point flows through
//! the hub (`analysis::hub`) and writes the converted landscape.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::EXIT_OK;
use super::check::print_stdout;
use crate::analysis::hub::{ConnectionCounts, HubSummary, route_through_hub};

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
pub fn run(args: &HubArgs) -> Result<u8> {
    let landscape = super::input::load_landscape(&args.file)?;
    let selection = (!args.flows.is_empty()).then_some(args.flows.as_slice());
    let outcome = route_through_hub(&landscape, selection)
        .with_context(|| format!("{}", args.file.display()))?;
    crate::file::save_path(&outcome.landscape, &args.out)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    print_stdout(&human(&outcome.summary, &args.out.display().to_string()))?;
    Ok(EXIT_OK)
}

fn human(summary: &HubSummary, out: &str) -> String {
    let mut text = String::new();
    if summary.converted.is_empty() {
        let _ = writeln!(text, "No flow routed through the hub.");
    } else {
        let _ = writeln!(
            text,
            "Routed {} flow{} through the hub: {}",
            summary.converted.len(),
            if summary.converted.len() == 1 {
                ""
            } else {
                "s"
            },
            summary.converted.join(", ")
        );
    }
    for skipped in &summary.skipped {
        let _ = writeln!(text, "Skipped {}: {}", skipped.flow, skipped.reason);
    }
    let line = |c: &ConnectionCounts| {
        format!(
            "{} point-to-point + {} hub = {} connections ({} {} via hub)",
            c.point_to_point,
            c.hub,
            c.total,
            c.flows_via_hub,
            if c.flows_via_hub == 1 {
                "flow"
            } else {
                "flows"
            }
        )
    };
    let _ = writeln!(text, "Before: {}", line(&summary.before));
    let _ = writeln!(text, "After:  {}", line(&summary.after));
    let _ = writeln!(text, "Wrote {out}");
    text
}
