//! Tests of the Mermaid statement reader.

use super::*;

fn edges(parsed: &ParsedDiagram) -> Vec<(&str, &str, Option<&str>, usize)> {
    parsed
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str(), e.label.as_deref(), e.line))
        .collect()
}

#[test]
fn statements_with_chains_and_inline_nodes_become_edges() {
    let parsed = parse_diagram(
        "graph LR\n  A[Alpha] --> B -->|\"x, every 5m\"| C[\"C #quot;3#quot;\"];\n  C -- note --> A\n",
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let ids: Vec<&str> = parsed.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["A", "B", "C"]);
    assert_eq!(parsed.nodes[2].label, Some(("C \"3\"".to_owned(), 2)));
    assert_eq!(
        edges(&parsed),
        [
            ("A", "B", None, 2),
            ("B", "C", Some("x, every 5m"), 2),
            ("C", "A", Some("note"), 3)
        ]
    );
}

#[test]
fn ampersand_groups_link_every_pair_and_semicolons_split_statements() {
    let parsed = parse_diagram("flowchart TD; A & B --> C & D; D -.-> E\n");
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let pairs: Vec<(&str, &str)> = edges(&parsed).iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        pairs,
        [("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("D", "E")]
    );
    assert_eq!(parsed.edges[4].stroke, Stroke::Dotted);
}

#[test]
fn nested_subgraphs_give_dotted_group_paths_and_styling_is_information() {
    let parsed = parse_diagram(
        "flowchart LR\nsubgraph cloud [Cloud]\n  subgraph eu[\"EU region\"]\n    A[(Orders)]\n  end\n  B\nend\nC:::hot --> A\nclassDef hot fill:#f96\nstyle A stroke:#333\nclick A \"https://x\"\nlinkStyle 0 stroke:red\n",
    );
    let group = |id: &str| {
        parsed
            .nodes
            .iter()
            .find(|n| n.id == id)
            .and_then(|n| n.group.clone())
    };
    assert_eq!(group("A").as_deref(), Some("Cloud.EU region"));
    assert_eq!(group("B").as_deref(), Some("Cloud"));
    assert_eq!(group("C"), None);
    assert_eq!(parsed.nodes[0].shape, Some(Shape::Cylinder));
    let lines: Vec<(usize, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line.unwrap_or(0), d.code))
        .collect();
    assert_eq!(
        lines,
        [
            (8, "I21"),
            (9, "I21"),
            (10, "I21"),
            (11, "I21"),
            (12, "I21")
        ]
    );
    assert_eq!(
        parsed
            .subgraphs
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["cloud", "eu"]
    );
}

#[test]
fn broken_statements_are_errors_with_their_lines_and_the_rest_is_kept() {
    let parsed = parse_diagram(
        "flowchart TD\nA --> B\nA -> B\nB((open\nend --> A\nend\nsubgraph x\nA --> C\n",
    );
    let lines: Vec<(usize, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line.unwrap_or(0), d.code))
        .collect();
    assert_eq!(
        lines,
        [(3, "E21"), (4, "E21"), (5, "E21"), (6, "W22"), (9, "W22")]
    );
    assert_eq!(parsed.edges.len(), 2);
}

#[test]
fn front_matter_and_directives_are_information_and_comments_are_silent() {
    let parsed = parse_diagram(
        "---\ntitle: Orders\n---\n%%{init: {'theme': 'dark'}}%%\n%% a comment\ngraph LR\nA --> B\n",
    );
    let lines: Vec<(usize, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line.unwrap_or(0), d.code))
        .collect();
    assert_eq!(lines, [(1, "I21"), (4, "I21")]);
    assert_eq!(parsed.edges.len(), 1);
}

#[test]
fn a_missing_header_is_an_error_on_the_first_statement_line() {
    let parsed = parse_diagram("%% comment\n\nA --> B\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].code, codes::MISSING_HEADER);
    assert_eq!(parsed.diagnostics[0].line, Some(3));
    assert_eq!(parsed.edges.len(), 1);
}

#[test]
fn a_second_different_label_is_a_warning_naming_both_lines() {
    let parsed = parse_diagram("graph\nA[One]\nA[One]\nA[Two]\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].code, codes::LABEL_CONFLICT);
    assert!(parsed.diagnostics[0].message.contains("line 2"));
    assert_eq!(parsed.diagnostics[0].line, Some(4));
}
