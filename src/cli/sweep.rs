//! `switchboard sweep FILE [--flows ID,..] [--kinds fail,silent,..] [--at "Fri 22:00"|worst]
//! [--repair MINUTES] [--fix N] [--save-scenarios OUT.ron] [--shard I/N] [--format human|json]
//! [--out PATH]` and `switchboard sweep merge A.json B.json .. [--format] [--out PATH]`.
//!
//! A progress bar on stderr (hidden when stderr is not a terminal); Ctrl+C stops the workers and
//! prints what is done, exiting with 130.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, anyhow, bail};
use indicatif::{ProgressBar, ProgressStyle};

use super::OutputFormat;
use crate::analysis::sweep::scenario::add_scenarios;
use crate::analysis::sweep::{
    Control, Phase, Progress, Shard, StartChoice, SweepKind, SweepOptions, SweepReport,
    document_of, merge, prepare, run_sweep,
};
use crate::model::Landscape;
use crate::sim::Document;

/// Exit code after Ctrl+C (128 + SIGINT).
const EXIT_INTERRUPTED: u8 = 130;

/// Arguments of `sweep`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SweepArgs {
    #[command(subcommand)]
    pub command: Option<SweepCommand>,
    /// The landscape file (.ron, .json, or the reference JSON form).
    #[arg(required = true)]
    pub file: Option<PathBuf>,
    /// Sweep only these flows (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub flows: Option<Vec<String>>,
    /// Fault kinds to inject: fail, silent, partial, delay, semantic.
    #[arg(long, default_value = "fail,silent")]
    pub kinds: String,
    /// When the faults start: a weekday and time ("Fri 22:00"), or worst (every scheduled run
    /// of the flow in the week, keeping the worst).
    #[arg(long, default_value = "worst")]
    pub at: String,
    /// Minutes of repair work once a repair has started.
    #[arg(long, default_value_t = crate::analysis::sweep::DEFAULT_REPAIR_MINUTES)]
    pub repair: i64,
    /// Search the cheapest standard control (or pair) for the top N records.
    #[arg(long, default_value_t = 0)]
    pub fix: usize,
    /// Write the landscape with one scenario per fixed record (as-is and fix control sets).
    #[arg(long, requires = "fix")]
    pub save_scenarios: Option<PathBuf>,
    /// Sweep only shard I of N (every N-th flow by id); merge the shards with `sweep merge`.
    #[arg(long)]
    pub shard: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Write the output to this file instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Subcommands of `sweep`.
#[derive(Debug, clap::Subcommand)]
pub enum SweepCommand {
    /// Merge shard reports (`--format json` of `--shard I/N`) into the unsharded report.
    Merge(MergeArgs),
}

/// Arguments of `sweep merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The shard reports, one per shard.
    #[arg(required = true)]
    pub reports: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// Write the output to this file instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The document to sweep and, for a Switchboard document, its landscape.
fn load(path: &Path) -> Result<(Document, Option<Landscape>)> {
    if let Some(doc) = super::input::reference_document(path)? {
        return Ok((doc, None));
    }
    let landscape = crate::file::load_path(path)?;
    let doc = document_of(&landscape).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    Ok((doc, Some(landscape)))
}

fn write_out(text: &str, out: Option<&Path>) -> Result<()> {
    if let Some(p) = out {
        return std::fs::write(p, text).with_context(|| format!("{}: cannot write", p.display()));
    }
    print!("{text}");
    Ok(())
}

fn render(report: &SweepReport, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => report.to_json(),
        OutputFormat::Human => super::sweep_table::table(report),
    }
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{msg:>8} [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn options(args: &SweepArgs) -> Result<SweepOptions> {
    if args.repair < 0 {
        bail!(
            "--repair {}: give the repair minutes as 0 or more",
            args.repair
        );
    }
    Ok(SweepOptions {
        flows: args.flows.clone(),
        kinds: SweepKind::parse_list(&args.kinds)?,
        at: StartChoice::parse(&args.at)?,
        repair_minutes: args.repair,
        fix_top: args.fix,
        shard: args.shard.as_deref().map(Shard::parse).transpose()?,
    })
}

fn run_merge(args: &MergeArgs) -> Result<u8> {
    let mut reports = Vec::new();
    for p in &args.reports {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        let r: SweepReport = serde_json::from_str(&text).map_err(|e| {
            anyhow!(
                "{}:{}:{}: not a sweep report ({e}); give the --format json output of `sweep --shard`",
                p.display(),
                e.line(),
                e.column()
            )
        })?;
        reports.push(r);
    }
    let merged = merge(reports)?;
    write_out(&render(&merged, args.format), args.out.as_deref())?;
    Ok(super::EXIT_OK)
}

/// Runs `sweep` or `sweep merge`.
pub fn run(args: &SweepArgs) -> Result<u8> {
    if let Some(SweepCommand::Merge(m)) = &args.command {
        return run_merge(m);
    }
    let Some(file) = &args.file else {
        bail!("give a landscape FILE to sweep, or `sweep merge A.json B.json ..`");
    };
    let opts = options(args)?;
    let (doc, landscape) = load(file)?;
    if args.save_scenarios.is_some() && landscape.is_none() {
        bail!(
            "{}: --save-scenarios needs a Switchboard document (.ron or .json with a format key)",
            file.display()
        );
    }
    let prep = prepare(&doc).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // A second handler cannot be installed (tests run the binary once per process); then
    // Ctrl+C simply ends the process as usual.
    ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)).ok();
    let bar = progress_bar();
    let on_progress = |p: Progress| {
        bar.set_message(match p.phase {
            Phase::Sweep => "sweep",
            Phase::Fix => "fix",
        });
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    };
    let report = run_sweep(
        &prep,
        &opts,
        &Control {
            progress: &on_progress,
            cancel: &cancel,
        },
    )?;
    bar.finish_and_clear();
    write_out(&render(&report, args.format), args.out.as_deref())?;
    if report.interrupted {
        eprintln!(
            "interrupted: {} records done; the report above is partial",
            report.records.len()
        );
        return Ok(EXIT_INTERRUPTED);
    }
    if let (Some(out), Some(mut l)) = (&args.save_scenarios, landscape) {
        let n = add_scenarios(&mut l, &report.records, opts.repair_minutes);
        crate::file::save_path(&l, out)?;
        eprintln!("wrote {} with {n} sweep scenario(s)", out.display());
    }
    Ok(super::EXIT_OK)
}
