//! Landscapes shared by the Mermaid and image tests: the worked example of `exports.md` §6.1
//! and the seafood landscape of `simulation.md` §12.1 (`examples/seafood.ron` when present).

#![allow(dead_code, reason = "each test binary uses a part of the helpers")]

use std::path::Path;

use switchboard::analysis::layout::layered_positions;
use switchboard::model::{
    Contract, Dataset, Dependency, Flow, Landscape, Pattern, Process, Retry, Schedule, System,
    Team, TimeOfDay,
};

fn system(id: &str, name: &str, owner: &str, datasets: &[(&str, bool)]) -> System {
    System {
        id: id.to_owned(),
        name: name.to_owned(),
        owner: Some(owner.to_owned()),
        datasets: datasets
            .iter()
            .map(|(id, source)| Dataset {
                id: (*id).to_owned(),
                source: *source,
                ..Dataset::default()
            })
            .collect(),
        ..System::default()
    }
}

fn flow(id: &str, inputs: &[&str], output: &str, schedule: Schedule, pattern: Pattern) -> Flow {
    Flow {
        id: id.to_owned(),
        inputs: inputs.iter().map(|s| (*s).to_owned()).collect(),
        output: output.to_owned(),
        schedule,
        pattern,
        ..Flow::default()
    }
}

fn cron(minutes: u16) -> Schedule {
    Schedule::Cron {
        times: vec![TimeOfDay(minutes)],
        days: switchboard::model::Weekday::ALL.to_vec(),
    }
}

fn stream(latency_minutes: u32) -> Schedule {
    Schedule::Stream { latency_minutes }
}

/// The worked example of `exports.md` §6.1, built in the document model.
pub fn worked_example() -> Landscape {
    let team = |id: &str| Team {
        id: id.to_owned(),
        name: id.to_owned(),
        ..Team::default()
    };
    let contract = |id: &str, version: &str, format: &str| Contract {
        id: id.to_owned(),
        name: id.to_owned(),
        version: version.to_owned(),
        format: format.to_owned(),
        ..Contract::default()
    };
    let mut f1 = flow(
        "F1",
        &["sys-wms.stock"],
        "sys-erp.stock",
        stream(1),
        Pattern::MessageQueue,
    );
    f1.retry = Retry {
        max_attempts: 4,
        ..Retry::default()
    };
    f1.dlq = true;
    f1.buffered = true;
    f1.owner = Some("team-logistics".into());
    f1.contract = Some("StockLevelChanged".into());
    let mut f2 = flow(
        "F2",
        &["sys-wms.stock"],
        "sys-dwh.stock",
        stream(1),
        Pattern::MessageQueue,
    );
    f2.buffered = true;
    f2.owner = Some("team-data".into());
    f2.contract = Some("StockLevelChanged".into());
    let mut f3 = flow(
        "F3",
        &["sys-erp.orders"],
        "sys-wms.orders",
        stream(0),
        Pattern::MessageQueue,
    );
    f3.buffered = true;
    f3.owner = Some("team-erp".into());
    f3.contract = Some("SalesOrder".into());
    let mut f4 = flow(
        "F4",
        &["sys-erp.invoices"],
        "sys-dwh.invoices",
        cron(120),
        Pattern::FileExport,
    );
    f4.retry = Retry {
        max_attempts: 3,
        ..Retry::default()
    };
    f4.owner = Some("team-erp".into());
    f4.contract = Some("InvoiceExport".into());
    Landscape {
        name: "Nordic Seafood".into(),
        teams: vec![team("team-logistics"), team("team-erp"), team("team-data")],
        systems: vec![
            system(
                "sys-wms",
                "WMS",
                "team-logistics",
                &[("stock", true), ("orders", false)],
            ),
            system(
                "sys-erp",
                "ERP",
                "team-erp",
                &[("stock", false), ("orders", true), ("invoices", true)],
            ),
            system(
                "sys-dwh",
                "DWH",
                "team-data",
                &[("stock", false), ("invoices", false)],
            ),
        ],
        contracts: vec![
            contract("StockLevelChanged", "2.1.0", "json"),
            contract("SalesOrder", "1.4.0", "json"),
            contract("InvoiceExport", "3.0.0", "csv"),
        ],
        flows: vec![f1, f2, f3, f4],
        ..Landscape::default()
    }
}

/// The seafood landscape: `examples/seafood.ron` when it exists, else the model of
/// `simulation.md` §12.1 built here and laid out.
pub fn seafood() -> Landscape {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seafood.ron");
    if let Ok(landscape) = switchboard::file::load_path(&path) {
        return landscape;
    }
    built_seafood()
}

/// The seafood model of `simulation.md` §12.1, built in code and laid out.
pub fn built_seafood() -> Landscape {
    let teams = [
        "team-wms",
        "team-erp",
        "team-data",
        "team-ds",
        "team-production",
        "team-logistics",
        "team-quality",
    ];
    let mut systems = vec![
        system(
            "WMS",
            "Warehouse management (cold store)",
            "team-wms",
            &[("stock", true), ("pick_orders", false)],
        ),
        system(
            "ERP",
            "ERP (orders, ATP, invoicing)",
            "team-erp",
            &[
                ("orders", true),
                ("stock", false),
                ("production", false),
                ("lot_status", false),
                ("delivery_plan", false),
            ],
        ),
        system(
            "MES",
            "Production / processing plant",
            "team-production",
            &[("production", true), ("production_plan", false)],
        ),
        system(
            "TMS",
            "Transport portal (carrier booking)",
            "team-logistics",
            &[("shipments", false)],
        ),
        system(
            "QMS",
            "Quality system (lot release / holds)",
            "team-quality",
            &[("lot_status", true)],
        ),
        system(
            "DWH",
            "Data platform / reporting",
            "team-data",
            &[("stock", false), ("orders", false)],
        ),
        system(
            "FCST",
            "AI demand & inventory forecast",
            "team-ds",
            &[("forecast", false)],
        ),
    ];
    let kinds = ["WMS", "ERP", "MES", "TMS", "QMS", "DWH", "ML"];
    for (system, kind) in systems.iter_mut().zip(kinds) {
        kind.clone_into(&mut system.kind);
    }
    let mut flows = vec![
        flow(
            "F1",
            &["WMS.stock"],
            "ERP.stock",
            cron(1380),
            Pattern::FileExport,
        ),
        flow("F2", &["ERP.stock"], "DWH.stock", cron(60), Pattern::EtlJob),
        flow(
            "F3",
            &["ERP.orders"],
            "DWH.orders",
            stream(5),
            Pattern::MessageQueue,
        ),
        flow(
            "F4",
            &["ERP.orders", "ERP.stock"],
            "ERP.delivery_plan",
            cron(240),
            Pattern::InternalJob,
        ),
        flow(
            "F5",
            &["ERP.delivery_plan"],
            "TMS.shipments",
            cron(300),
            Pattern::ApiCall,
        ),
        flow(
            "F6",
            &["MES.production"],
            "ERP.production",
            stream(2),
            Pattern::MessageQueue,
        ),
        flow(
            "F7",
            &["QMS.lot_status"],
            "ERP.lot_status",
            Schedule::Every {
                every_minutes: 60,
                offset_minutes: 15,
            },
            Pattern::ApiCall,
        ),
        flow(
            "F8",
            &["DWH.stock", "DWH.orders"],
            "FCST.forecast",
            cron(300),
            Pattern::MlJob,
        ),
        flow(
            "F9",
            &["FCST.forecast"],
            "MES.production_plan",
            cron(360),
            Pattern::ApiCall,
        ),
        flow(
            "F10",
            &["ERP.orders"],
            "WMS.pick_orders",
            stream(1),
            Pattern::MessageQueue,
        ),
    ];
    for flow in &mut flows {
        flow.buffered = flow.pattern == Pattern::MessageQueue;
    }
    let process = |id: &str, owner: &str, deps: &[&str]| Process {
        id: id.to_owned(),
        name: id.to_owned(),
        owner: owner.to_owned(),
        dependencies: deps
            .iter()
            .map(|d| Dependency {
                dataset: (*d).to_owned(),
                ..Dependency::default()
            })
            .collect(),
        ..Process::default()
    };
    let mut landscape = Landscape {
        name: "Nordic Seafood".into(),
        teams: teams
            .iter()
            .map(|id| Team {
                id: (*id).to_owned(),
                name: (*id).to_owned(),
                ..Team::default()
            })
            .collect(),
        systems,
        flows,
        processes: vec![
            process(
                "P1_sales_order_promising",
                "sales-ops",
                &["ERP.stock", "ERP.production"],
            ),
            process(
                "P2_transport_planning",
                "logistics-planning",
                &["TMS.shipments"],
            ),
            process("P3_invoicing", "finance", &["ERP.delivery_plan"]),
            process(
                "P4_production_planning",
                "production-planning",
                &["MES.production_plan"],
            ),
            process(
                "P5_quality_hold_enforcement",
                "quality-assurance",
                &["ERP.lot_status"],
            ),
        ],
        ..Landscape::default()
    };
    let positions = layered_positions(&landscape);
    for system in &mut landscape.systems {
        system.position = positions.systems[&system.id];
    }
    for process in &mut landscape.processes {
        process.position = positions.processes[&process.id];
    }
    landscape
}
