//! `switchboard check FILE [--format human|json]`: validation findings plus lint findings.
//!
//! Exit 0 when no finding has error severity, 1 when some has, 2 when the input is unreadable.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::{EXIT_FINDINGS, EXIT_OK, OutputFormat};
use crate::analysis::lint::{lint, sort_findings};
use crate::model::{Finding, Landscape, Severity, validate};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The landscape file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// The JSON report of `check`.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
}

/// Validation and lint findings of a landscape, sorted, with their counts.
pub fn check_report(landscape: &Landscape) -> CheckReport {
    let mut findings = validate(landscape);
    let invalid = findings.iter().any(|f| f.severity == Severity::Error);
    findings.extend(lint(landscape));
    if !invalid {
        // A document with validation errors is refused by `simulate` for the same reasons.
        findings.extend(simulation_refusals(landscape));
    }
    sort_findings(&mut findings);
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    CheckReport {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        findings,
    }
}

/// What `simulate` would refuse (the same conversion and compilation, `sim::preflight`), as
/// error findings on the scenario, so that `check` passes exactly the documents `simulate` runs.
fn simulation_refusals(landscape: &Landscape) -> Vec<Finding> {
    let out_of_range = crate::model::ranges::range_findings(landscape)
        .iter()
        .any(|f| f.severity == Severity::Error);
    if out_of_range {
        // Already an error; the simulation is never given values out of range.
        return Vec::new();
    }
    crate::sim::preflight::refusals(landscape)
        .into_iter()
        .map(|refusal| Finding {
            severity: Severity::Error,
            code: "simulation-input",
            entity_kind: "scenario",
            entity_id: refusal.scenario,
            message: match refusal.control {
                Some(control) => format!(
                    "control set \"{control}\": {}; simulate refuses it",
                    refusal.message
                ),
                None => format!("{}; simulate refuses it", refusal.message),
            },
            field: None,
        })
        .collect()
}

/// Runs `check`.
pub fn run(args: &CheckArgs) -> Result<u8> {
    let landscape = super::input::load_landscape(&args.file)?;
    let report = check_report(&landscape);
    match args.format {
        OutputFormat::Json => print_stdout(&(serde_json::to_string_pretty(&report)? + "\n"))?,
        OutputFormat::Human => {
            let text = crate::file::read_text(&args.file).unwrap_or_default();
            print_stdout(&human(&args.file.display().to_string(), &text, &report))?;
        }
    }
    Ok(if report.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Writes text to standard output; a closed pipe (`switchboard check … | head`) is not an error.
pub(crate) fn print_stdout(text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(error).context("cannot write to standard output"))
        }
        _ => Ok(()),
    }
}

/// The human-readable report: one block per finding, then a summary line.
fn human(file: &str, source: &str, report: &CheckReport) -> String {
    let mut text = String::new();
    for finding in &report.findings {
        let severity = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        if let Some(at) = super::locate::locate(source, finding) {
            let _ = write!(text, "{file}:{}:{}: ", at.line, at.column);
        }
        let _ = writeln!(
            text,
            "{severity}[{}] {} {}: {}",
            finding.code, finding.entity_kind, finding.entity_id, finding.message
        );
    }
    let infos = report.findings.len() - report.errors - report.warnings;
    let _ = writeln!(
        text,
        "{file}: {} error{}, {} warning{}, {} info{}",
        report.errors,
        plural(report.errors),
        report.warnings,
        plural(report.warnings),
        infos,
        plural(infos)
    );
    text
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
