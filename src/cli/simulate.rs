//! `switchboard simulate FILE --scenario ID [--format human|json] [--compare-controls]
//! [--control NAME] [--whole-graph]`.
//!
//! FILE is a `.ron` document, a `.json` document (a top-level `format` key) or a landscape in
//! the reference JSON form of `simulation.md` §9.1. `--format json` prints exactly what
//! `run_json.py` prints; `human` tells the story.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::OutputFormat;
use super::check::print_stdout;
use crate::model::Landscape;
use crate::model::time::{format_duration, format_sim_time};
use crate::sim::narrative::{Entity, narrative};
use crate::sim::report::{SimReport, to_json_text};
use crate::sim::run::{ControlComparison, ControlRow, Mode, RunResult};
use crate::sim::{
    Compiled, Coverage, Document, compare_controls, compare_scenario_controls, find_scenario,
    run_document, simulate_stored,
};

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
    #[arg(long, conflicts_with = "compare_controls")]
    pub control: Option<String>,
    /// Simulate every flow instead of the fault cone (same report, slower).
    #[arg(long)]
    pub whole_graph: bool,
    /// Say on stderr where each run's baseline came from (computed, shared, cached).
    #[arg(long)]
    pub verbose: bool,
    /// Neither read nor write the baseline cache in the user's cache folder.
    #[arg(long)]
    pub no_cache: bool,
}

/// Display names for the story.
type Names = BTreeMap<(u8, String), String>;

fn entity_code(e: Entity) -> u8 {
    match e {
        Entity::Flow => 0,
        Entity::Dataset => 1,
        Entity::System => 2,
        Entity::Process => 3,
        Entity::Team => 4,
    }
}

fn landscape_names(l: &Landscape) -> Names {
    let mut n = Names::new();
    let mut put = |e: Entity, id: &str, name: &str| {
        if !name.is_empty() {
            n.insert((entity_code(e), id.to_owned()), name.to_owned());
        }
    };
    for f in &l.flows {
        put(Entity::Flow, &f.id, &f.name);
    }
    for d in l.datasets() {
        put(Entity::Dataset, &d.full_id(), &d.dataset.name);
    }
    for s in &l.systems {
        put(Entity::System, &s.id, &s.name);
    }
    for p in &l.processes {
        put(Entity::Process, &p.id, &p.name);
    }
    for t in &l.teams {
        put(Entity::Team, &t.id, &t.name);
    }
    n
}

/// What `simulate` runs on.
enum Input {
    /// A landscape of the document model.
    Landscape(Box<crate::model::Landscape>),
    /// A document in the reference JSON form.
    Reference(Box<Document>),
}

fn load(path: &Path) -> Result<(Input, Names)> {
    if let Some(doc) = super::input::reference_document(path)? {
        let names = doc
            .systems
            .iter()
            .filter_map(|s| {
                s.name
                    .clone()
                    .map(|n| ((entity_code(Entity::System), s.id.clone()), n))
            })
            .collect();
        return Ok((Input::Reference(Box::new(doc)), names));
    }
    let landscape = crate::file::load_path(path)?;
    super::input::refuse_out_of_range(path, &landscape)?;
    let names = landscape_names(&landscape);
    Ok((Input::Landscape(Box::new(landscape)), names))
}

/// The landscape compiled once for every run of this command, with the disk cache.
fn compile(landscape: &Landscape, args: &SimulateArgs) -> Result<Compiled> {
    find_scenario(landscape, &args.scenario).map_err(|e| in_context(args, None, &e))?;
    let mut compiled = Compiled::new(landscape).map_err(|e| in_context(args, None, &e))?;
    if args.whole_graph {
        compiled = compiled.with_coverage(Coverage::WholeGraph);
    }
    if !args.no_cache {
        if let Some(store) = super::baseline_cache::DiskBaselines::in_user_cache() {
            compiled = compiled.with_store(Box::new(store));
        }
    }
    Ok(compiled)
}

/// Every control set of the scenario with its run.
fn control_runs(input: &Input, args: &SimulateArgs) -> Result<Vec<(String, RunResult)>> {
    let in_context = |e: &dyn std::fmt::Display| in_context(args, None, e);
    Ok(match input {
        Input::Reference(doc) => {
            compare_controls(doc, &args.scenario, args.whole_graph).map_err(|e| in_context(&e))?
        }
        Input::Landscape(l) => {
            let compiled = compile(l, args)?;
            let scenario = find_scenario(l, &args.scenario)?;
            compare_scenario_controls(&compiled, scenario).map_err(|e| in_context(&e))?
        }
    })
}

/// The run of the scenario, as-is or with the named control set.
fn one_run(input: &Input, args: &SimulateArgs) -> Result<RunResult> {
    let control = args.control.as_deref();
    Ok(match input {
        Input::Reference(doc) => run_document(doc, &args.scenario, control, args.whole_graph)
            .map_err(|e| in_context(args, control, &e))?,
        Input::Landscape(l) => simulate_stored(&compile(l, args)?, &args.scenario, control)
            .map_err(|e| in_context(args, control, &e))?,
    })
}

/// Names the file, scenario and control set in a refusal of the simulation.
fn in_context(
    args: &SimulateArgs,
    control: Option<&str>,
    error: &dyn std::fmt::Display,
) -> anyhow::Error {
    let control = control
        .map(|c| format!(", control set \"{c}\""))
        .unwrap_or_default();
    anyhow!(
        "{}: scenario \"{}\"{control}: {error}",
        args.file.display(),
        args.scenario
    )
}

/// Runs `simulate`.
pub fn run(args: &SimulateArgs) -> Result<u8> {
    let (input, names) = load(&args.file)?;
    let lookup = |e: Entity, id: &str| names.get(&(entity_code(e), id.to_owned())).cloned();
    if args.compare_controls {
        let rows = control_runs(&input, args)?;
        for (_, r) in &rows {
            note(r, args.verbose);
        }
        match args.format {
            OutputFormat::Json => {
                let cmp = ControlComparison {
                    controls: rows
                        .iter()
                        .map(|(name, r)| ControlRow {
                            name: name.clone(),
                            summary: r.report.summary.clone(),
                        })
                        .collect(),
                    scenario: args.scenario.clone(),
                };
                print_stdout(&format!("{}\n", to_json_text(&cmp)))?;
            }
            OutputFormat::Human => print_stdout(&control_table(&args.scenario, &rows))?,
        }
        return Ok(super::EXIT_OK);
    }
    let r = one_run(&input, args)?;
    note(&r, args.verbose);
    match args.format {
        OutputFormat::Json => print_stdout(&format!("{}\n", r.report.to_json()))?,
        OutputFormat::Human => {
            print_stdout(&story(&args.scenario, args.control.as_deref(), &r, &lookup))?;
        }
    }
    Ok(super::EXIT_OK)
}

fn note(r: &RunResult, verbose: bool) {
    if verbose {
        eprintln!("note: baseline: {}", r.baseline.name());
    }
    if let Mode::WholeGraph(reason) = &r.mode {
        if reason != "requested" {
            eprintln!("note: {reason}");
        }
    }
}

fn t_or_dash(t: Option<i64>) -> String {
    t.map_or_else(|| "-".to_owned(), format_sim_time)
}

fn d_or_dash(t: Option<i64>) -> String {
    t.map_or_else(|| "-".to_owned(), format_duration)
}

/// The human story of one run.
pub fn story(
    scenario: &str,
    control: Option<&str>,
    r: &RunResult,
    lookup: &dyn Fn(Entity, &str) -> Option<String>,
) -> String {
    use std::fmt::Write as _;
    let rep: &SimReport = &r.report;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Scenario {scenario}{}",
        control
            .map(|c| format!(" with control \"{c}\""))
            .unwrap_or_default()
    );
    for (id, inc) in &rep.incidents {
        let _ = writeln!(
            s,
            "\nIncident {id}: {} on flow {}, from {}; first effect {}",
            inc.kind,
            inc.flow,
            format_sim_time(inc.start),
            t_or_dash(inc.first_effect)
        );
        match (&inc.detected_via, inc.detected_at) {
            (Some(via), Some(at)) => {
                let _ = writeln!(
                    s,
                    "  detected {} (time to detect {}) via {via}",
                    format_sim_time(at),
                    d_or_dash(inc.ttd)
                );
            }
            _ => {
                let _ = writeln!(s, "  never detected in the simulated week");
            }
        }
        match (&inc.repair_team, inc.repaired_at) {
            (Some(team), Some(at)) => {
                let _ = writeln!(s, "  repaired {} by {team}", format_sim_time(at));
            }
            _ => {
                let _ = writeln!(s, "  not repaired in the simulated week");
            }
        }
    }
    let sum = &rep.summary;
    let _ = writeln!(
        s,
        "\nProcesses hit: {}",
        if sum.impacted.is_empty() {
            "none".to_owned()
        } else {
            sum.impacted.join(", ")
        }
    );
    for p in &sum.impacted {
        if let Some(imp) = rep.processes.get(p) {
            let _ = writeln!(
                s,
                "  {p}: from {} for {} operating minutes ({}){}",
                t_or_dash(imp.first_impact),
                imp.impacted_minutes,
                format_duration(imp.impacted_minutes),
                if imp.impacted_by_deadline {
                    ", by the deadline"
                } else {
                    ""
                }
            );
        }
    }
    let _ = writeln!(
        s,
        "  total {} operating minutes (stale {}, partial {}, corrupt {})",
        sum.impacted_minutes,
        sum.minutes_by_state.stale,
        sum.minutes_by_state.partial,
        sum.minutes_by_state.corrupt
    );
    let _ = writeln!(s, "\nSignals:");
    if rep.signals.is_empty() {
        let _ = writeln!(s, "  none: nobody was paged or told");
    }
    for sig in &rep.signals {
        let _ = writeln!(
            s,
            "  {} {} on {} -> {} ({}), seen {}",
            format_sim_time(sig.emitted),
            sig.signal,
            sig.object,
            sig.team.as_deref().unwrap_or("NOBODY"),
            sig.channel,
            t_or_dash(sig.seen)
        );
    }
    let _ = writeln!(s, "\nWhat happened:");
    for line in narrative(rep, lookup) {
        let _ = writeln!(s, "  {}", line.text);
    }
    s
}

/// The human control comparison table.
pub fn control_table(scenario: &str, rows: &[(String, RunResult)]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "Scenario {scenario}: control comparison\n");
    let header = [
        "control",
        "detected",
        "TTD",
        "repaired",
        "impacted processes",
        "minutes",
    ];
    let mut table: Vec<[String; 6]> = vec![header.map(str::to_owned)];
    for (name, r) in rows {
        let sum = &r.report.summary;
        table.push([
            name.clone(),
            t_or_dash(sum.detected_at),
            d_or_dash(sum.ttd),
            t_or_dash(sum.repaired_at),
            if sum.impacted.is_empty() {
                "-".to_owned()
            } else {
                sum.impacted.join(", ")
            },
            sum.impacted_minutes.to_string(),
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &table {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect();
        let _ = writeln!(s, "{}", cells.join("  ").trim_end());
    }
    s
}
