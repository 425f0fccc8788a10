//! Malformed Mermaid never panics: random text, mutated valid diagrams, deep nesting and huge
//! inputs all give diagnostics with line numbers inside the input.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use switchboard::import::{import_mermaid, severity};
use switchboard::model::Severity;

const SEED: &str = include_str!("fixtures/mermaid/seed.mmd");

/// Imports and checks the invariants every import keeps.
fn check(text: &str) {
    let (landscape, diagnostics) = import_mermaid(text);
    let lines = text.split('\n').count().max(1);
    for diagnostic in &diagnostics {
        let line = diagnostic.line.expect("every import diagnostic has a line");
        assert!((1..=lines).contains(&line), "line {line} of {lines}");
    }
    for flow in &landscape.flows {
        assert!(landscape.flow_target_system(flow).is_some());
        assert_eq!(landscape.flow_source_systems(flow).len(), 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn random_syntax_soup_never_panics(text in "[A-Za-z0-9_ \\n\\[\\]()\\{\\}|\"#;:&<>.=~-]{0,300}") {
        check(&format!("graph LR\n{text}"));
    }

    #[test]
    fn mutated_seed_diagrams_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, "[\\[\\]()|\"#;\\n-]"), 1..12)
    ) {
        let mut text: Vec<char> = SEED.chars().collect();
        for (at, kind, insert) in edits {
            if text.is_empty() {
                break;
            }
            let i = at.index(text.len());
            match kind {
                0 => { text.remove(i); }
                1 => text.splice(i..i, insert.chars()).for_each(drop),
                2 => text.truncate(i),
                _ => {
                    let end = (i + 8).min(text.len());
                    let copy: Vec<char> = text[i..end].to_vec();
                    text.splice(i..i, copy).for_each(drop);
                }
            }
        }
        let text: String = text.into_iter().collect();
        check(&text);
    }
}

#[test]
fn deep_nesting_and_huge_lines_are_rejected_quickly_without_overflow() {
    let started = Instant::now();
    for text in [
        format!("graph LR\nA{}B", "[".repeat(200_000)),
        format!("graph LR\nA[\"{}\"] --> B", "#quot;".repeat(50_000)),
        format!("graph LR\n{}", "((".repeat(100_000)),
        format!("graph LR\n{}", "A --> ".repeat(100_000)),
    ] {
        check(&text);
    }
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_long_chain_and_many_bad_lines_import_in_bounded_time_and_output() {
    let mut chain = String::new();
    for i in 0..20_000 {
        let _ = write!(chain, "N{i} --> ");
    }
    chain.push_str("END1");
    let started = Instant::now();
    let (landscape, diagnostics) = import_mermaid(&format!("graph LR\n{chain}\n"));
    assert_eq!(landscape.systems.len(), 20_001);
    assert_eq!(landscape.flows.len(), 20_000);
    assert!(
        diagnostics
            .iter()
            .all(|d| severity(d.code) == Severity::Info)
    );
    let places: std::collections::BTreeSet<(i64, i64)> = landscape
        .systems
        .iter()
        .map(|s| (s.position.x as i64, s.position.y as i64))
        .collect();
    assert_eq!(
        places.len(),
        20_001,
        "every system of the chain has a place of its own (the chain is wrapped into bands)"
    );

    let bad = "A -> B\n".repeat(50_000);
    let (_, diagnostics) = import_mermaid(&format!("graph LR\n{bad}"));
    assert!(diagnostics.len() <= 1001);
    assert_eq!(diagnostics.last().map(|d| d.code), Some("E22"));
    assert!(started.elapsed() < Duration::from_secs(30));
}
