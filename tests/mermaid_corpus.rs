//! A corpus of Mermaid flowcharts written the way people write them in wikis (subgraphs, styles,
//! every link and node shape): each imports with no error, and with the systems, flows, groups
//! and business processes counted by hand for each file.

use switchboard::import::{import_mermaid, severity};
use switchboard::model::{Landscape, Severity};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mermaid/corpus");

/// (file, systems, flows, groups, processes), counted by hand from the diagrams.
const EXPECTED: [(&str, usize, usize, usize, usize); 32] = [
    ("01-order-to-cash", 4, 4, 0, 0),
    ("02-top-down-subgraphs", 4, 4, 2, 0),
    ("03-bottom-up", 4, 3, 0, 0),
    ("04-right-left", 3, 2, 0, 0),
    ("05-ampersand", 5, 4, 0, 0),
    ("06-styled", 4, 3, 0, 0),
    ("07-click", 4, 3, 0, 0),
    ("08-shapes", 7, 6, 0, 0),
    ("09-processes", 2, 1, 0, 2),
    ("10-nested", 5, 4, 3, 0),
    ("11-open-links", 4, 3, 0, 0),
    ("12-bidirectional", 4, 5, 0, 0),
    ("13-thick", 4, 3, 0, 0),
    ("14-dotted-text", 4, 3, 0, 0),
    ("15-chains", 6, 5, 0, 0),
    ("16-semicolons", 4, 3, 0, 0),
    ("17-front-matter", 3, 3, 0, 0),
    ("18-invisible", 4, 3, 0, 0),
    ("19-subgraph-links", 4, 3, 2, 0),
    ("20-quoted-labels", 4, 3, 0, 0),
    ("21-br-labels", 4, 3, 0, 0),
    ("22-hyphen-ids", 4, 3, 0, 0),
    ("23-cron-labels", 4, 3, 0, 0),
    ("24-direction-in-subgraph", 5, 4, 2, 0),
    ("25-hr-landscape", 7, 6, 0, 0),
    ("26-retail", 5, 6, 2, 0),
    ("27-logistics", 4, 5, 0, 0),
    ("28-healthcare", 5, 5, 2, 1),
    ("29-microservices", 9, 8, 0, 0),
    ("30-deep-nesting", 4, 3, 3, 0),
    ("31-mixed-everything", 6, 6, 2, 1),
    ("32-expanded-shapes", 4, 3, 0, 1),
];

fn import_file(name: &str) -> (Landscape, Vec<switchboard::export::Diagnostic>) {
    let path = format!("{CORPUS}/{name}.mmd");
    let text = std::fs::read_to_string(&path).expect("corpus file");
    import_mermaid(&text)
}

fn groups(landscape: &Landscape) -> Vec<&str> {
    let mut groups: Vec<&str> = landscape
        .systems
        .iter()
        .filter_map(|s| s.group.as_deref())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups
}

#[test]
fn every_corpus_file_is_listed_with_its_counts() {
    let mut files: Vec<String> = std::fs::read_dir(CORPUS)
        .expect("corpus folder")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".mmd")
                .map(str::to_owned)
        })
        .collect();
    files.sort();
    let listed: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(files, listed);
    assert!(files.len() >= 30);
}

#[test]
fn every_corpus_diagram_imports_without_errors_and_with_the_counted_structure() {
    for (name, systems, flows, group_count, processes) in EXPECTED {
        let (landscape, diagnostics) = import_file(name);
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| severity(d.code) == Severity::Error)
            .map(|d| format!("line {:?}: {}", d.line, d.message))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let counts = (
            landscape.systems.len(),
            landscape.flows.len(),
            groups(&landscape).len(),
            landscape.processes.len(),
        );
        assert_eq!(counts, (systems, flows, group_count, processes), "{name}");
        let invalid: Vec<_> = switchboard::model::validate(&landscape)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(invalid.is_empty(), "{name}: {invalid:?}");
    }
}

#[test]
fn shapes_become_kinds_and_processes_with_dependencies() {
    let (landscape, _) = import_file("08-shapes");
    let kind = |id: &str| landscape.system(id).expect(id).kind.clone();
    assert_eq!(kind("DB"), "database");
    assert_eq!(kind("ERR"), "circle");
    assert_eq!(kind("CHECK"), "rhombus");
    assert_eq!(kind("PARSE"), "");
    let (landscape, diagnostics) = import_file("09-processes");
    let picking = landscape.process("PICK").expect("PICK");
    let datasets: Vec<&str> = picking
        .dependencies
        .iter()
        .map(|d| d.dataset.as_str())
        .collect();
    assert_eq!(datasets, ["ERP.stock", "WMS.wms_to_picking"]);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "I22" && d.line == Some(6))
    );
}

#[test]
fn nested_subgraphs_are_dotted_group_paths() {
    let (landscape, _) = import_file("30-deep-nesting");
    assert_eq!(
        groups(&landscape),
        [
            "Corporate.Finance",
            "Corporate.Finance.Accounts payable",
            "Corporate.IT"
        ]
    );
    let group = |id: &str| landscape.system(id).expect(id).group.clone();
    assert_eq!(group("GL").as_deref(), Some("Corporate.Finance"));
}

#[test]
fn both_schedule_separators_are_read() {
    let (landscape, _) = import_file("01-order-to-cash");
    let labels: Vec<String> = landscape
        .flows
        .iter()
        .map(|f| format!("{} | {}", f.name, f.schedule.label()))
        .collect();
    assert_eq!(labels[1], "invoices | daily 02:00");
    assert!(labels[3].starts_with("shipments | every 15"), "{labels:?}");
    assert!(labels[0].starts_with("orders | stream"), "{labels:?}");
}

#[test]
fn styling_lines_are_information_with_their_line_numbers() {
    let (_, diagnostics) = import_file("06-styled");
    let ignored: Vec<usize> = diagnostics
        .iter()
        .filter(|d| d.code == "I21")
        .filter_map(|d| d.line)
        .collect();
    assert_eq!(ignored, [1, 3, 4, 5, 6, 8, 9, 10, 11]);
}
