//! Tests of edits and history: named behaviour plus a property test that random edit sequences
//! undo back to the original document exactly.

use proptest::prelude::*;

use super::{Edit, EntityKind, History};
use crate::model::{Dataset, Flow, Landscape, Position, System, Team};

fn system(id: &str) -> System {
    System {
        id: id.to_owned(),
        name: id.to_owned(),
        datasets: vec![Dataset {
            id: "data".to_owned(),
            ..Dataset::default()
        }],
        ..System::default()
    }
}

fn sample() -> Landscape {
    Landscape {
        teams: vec![Team {
            id: "team-a".to_owned(),
            ..Team::default()
        }],
        systems: vec![system("A"), system("B"), system("C")],
        flows: vec![Flow {
            id: "F1".to_owned(),
            inputs: vec!["A.data".to_owned()],
            output: "B.data".to_owned(),
            owner: Some("team-a".to_owned()),
            ..Flow::default()
        }],
        ..Landscape::default()
    }
}

#[test]
fn removing_a_system_removes_its_flows() {
    let mut doc = sample();
    let mut history = History::new_saved();
    history
        .apply(
            &mut doc,
            &[Edit::RemoveSystem {
                system_id: "A".into(),
            }],
            "delete",
        )
        .expect("present in the test");
    assert!(doc.flows.is_empty());
    assert!(history.has_unsaved_changes());
    assert!(history.undo(&mut doc));
    assert_eq!(doc, sample());
    assert!(!history.has_unsaved_changes());
}

#[test]
fn dangling_references_are_refused_and_nothing_changes() {
    let mut doc = sample();
    let mut history = History::new_saved();
    let mut flow = doc.flows[0].clone();
    flow.output = "Z.nothing".into();
    let error = history
        .apply(&mut doc, &[Edit::SetFlow(flow)], "edit")
        .expect_err("the edit is refused");
    assert!(error.to_string().contains("Z.nothing"), "{error}");
    assert_eq!(doc, sample());
    assert_eq!(history.undo_description(), None);
}

#[test]
fn renaming_a_system_id_rewrites_flow_datasets() {
    let mut doc = sample();
    let mut history = History::new_saved();
    let edit = Edit::ChangeId {
        kind: EntityKind::System,
        old: "A".into(),
        new: "AA".into(),
    };
    history
        .apply(&mut doc, &[edit], "rename")
        .expect("present in the test");
    assert_eq!(doc.flows[0].inputs, vec!["AA.data".to_owned()]);
}

#[test]
fn removing_a_team_clears_ownership() {
    let mut doc = sample();
    let mut history = History::new_saved();
    let edit = Edit::RemoveTeam {
        team_id: "team-a".into(),
    };
    history
        .apply(&mut doc, &[edit], "delete team")
        .expect("present in the test");
    assert_eq!(doc.flows[0].owner, None);
}

#[test]
fn undo_description_names_the_group() {
    let mut doc = sample();
    let mut history = History::new_saved();
    let moves: Vec<Edit> = ["A", "B", "C"]
        .iter()
        .map(|id| Edit::MoveSystem {
            system_id: (*id).into(),
            to: Position::new(5.0, 5.0),
        })
        .collect();
    let description = Edit::describe_group(&moves);
    history
        .apply(&mut doc, &moves, &description)
        .expect("present in the test");
    assert_eq!(history.undo_description(), Some("move 3 systems"));
    history.undo(&mut doc);
    assert_eq!(history.redo_description(), Some("move 3 systems"));
}

#[test]
fn typing_in_one_field_merges_into_one_step() {
    let mut doc = sample();
    let mut history = History::new_saved();
    for name in ["W", "Wa", "War"] {
        let mut s = doc.systems[0].clone();
        s.name = name.into();
        history
            .apply_merging(&mut doc, &[Edit::SetSystem(s)], "edit", Some("A.name"))
            .expect("present in the test");
    }
    assert_eq!(doc.systems[0].name, "War");
    assert!(history.undo(&mut doc));
    assert_eq!(doc, sample());
    assert!(!history.undo(&mut doc));
}

fn arbitrary_edit() -> impl Strategy<Value = Edit> {
    let ids = prop::sample::select(vec!["A", "B", "C", "D", "team-a", "team-b", "F1", "F2"]);
    let ids2 = ids.clone();
    let ids3 = ids.clone();
    let ids4 = ids.clone();
    let ids5 = ids.clone();
    prop_oneof![
        ids.prop_map(|id| Edit::AddSystem(system(id))),
        ids2.prop_map(|id| Edit::RemoveSystem {
            system_id: id.into()
        }),
        (ids3, -500.0f32..500.0, -500.0f32..500.0).prop_map(|(id, x, y)| Edit::MoveSystem {
            system_id: id.into(),
            to: Position::new(x, y)
        }),
        (ids4.clone(), ids4).prop_map(|(a, b)| Edit::AddFlow(Flow {
            id: format!("F-{a}-{b}"),
            inputs: vec![format!("{a}.data")],
            output: format!("{b}.data"),
            ..Flow::default()
        })),
        ids5.clone()
            .prop_map(|id| Edit::RemoveFlow { flow_id: id.into() }),
        ids5.clone().prop_map(|id| Edit::AddTeam(Team {
            id: id.into(),
            ..Team::default()
        })),
        ids5.clone()
            .prop_map(|id| Edit::RemoveTeam { team_id: id.into() }),
        (ids5.clone(), ids5).prop_map(|(old, new)| Edit::ChangeId {
            kind: EntityKind::System,
            old: old.into(),
            new: new.into()
        }),
    ]
}

proptest! {
    #[test]
    fn undoing_every_step_restores_the_original(edits in prop::collection::vec(prop::collection::vec(arbitrary_edit(), 1..4), 0..30)) {
        let original = sample();
        let mut doc = original.clone();
        let mut history = History::new_saved();
        let mut applied = 0;
        for group in &edits {
            let before = doc.clone();
            if history.apply(&mut doc, group, "step").is_ok() {
                if doc != before {
                    applied += 1;
                }
            } else {
                prop_assert_eq!(&doc, &before);
            }
        }
        let mut undone = 0;
        while history.undo(&mut doc) {
            undone += 1;
        }
        prop_assert_eq!(undone, applied);
        prop_assert_eq!(&doc, &original);
        while history.redo(&mut doc) {}
        let mut replay = original.clone();
        let mut fresh = History::new_saved();
        for group in &edits {
            let _ = fresh.apply(&mut replay, group, "step");
        }
        prop_assert_eq!(doc, replay);
    }
}
