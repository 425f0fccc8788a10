//! 10,000 random editing gestures (add, rename with the id following, connect with chaining,
//! paste, arrange, move, delete, teams and owners) through one history: undoing all of them
//! gives the original document byte for byte, and redoing all gives the final one.

use switchboard::edit::{
    Arrangement, Edit, History, Snippet, Target, arrange, connect, delete, rename,
};
use switchboard::file::encoding::to_ron_string;
use switchboard::model::{Landscape, Position, System, Team};

/// A small deterministic generator (xorshift64*), so a failure replays exactly.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}

/// One random gesture on `landscape`: its edits and undo label.
fn gesture(landscape: &Landscape, dice: &mut Dice, n: usize) -> Option<(Vec<Edit>, String)> {
    let systems: Vec<String> = landscape.systems.iter().map(|s| s.id.clone()).collect();
    let system = |dice: &mut Dice| dice.pick(&systems).cloned();
    // Small caps keep the 10,000 undo snapshots (whole documents) to a few hundred megabytes.
    let room = landscape.systems.len() < 8;
    let flow_room = landscape.flows.len() < 16;
    let composed = match dice.below(10) {
        0 | 1 if room => {
            let name = format!("System {n}");
            let id = switchboard::edit::slug(&name);
            let at = Position::new(dice.below(2000) as f32, dice.below(1000) as f32);
            let edit = Edit::AddSystem(System {
                id,
                name,
                position: at,
                ..System::default()
            });
            return Some((vec![edit], "add".to_owned()));
        }
        2 | 3 if flow_room => connect(landscape, &system(dice)?, &system(dice)?, None).ok()?,
        4 => rename(
            landscape,
            &Target::System(system(dice)?),
            &format!("Renamed {n}"),
        )?,
        5 if room && flow_room => {
            let chosen = [Target::System(system(dice)?), Target::System(system(dice)?)];
            let snippet = Snippet::copy(landscape, &chosen);
            snippet.paste(landscape, Position::new(40.0, 40.0)).0
        }
        6 => {
            let chosen = [Target::System(system(dice)?), Target::System(system(dice)?)];
            let how = match dice.below(3) {
                0 => Arrangement::AlignLeft,
                1 => Arrangement::DistributeVertically,
                _ => Arrangement::Nudge {
                    dx: 10.0,
                    dy: -10.0,
                },
            };
            arrange(landscape, &chosen, how)
        }
        2 | 3 | 5 | 7 => {
            let flows: Vec<String> = landscape.flows.iter().map(|f| f.id.clone()).collect();
            let mut targets = vec![Target::System(system(dice)?)];
            targets.extend(dice.pick(&flows).map(|f| Target::Flow(f.clone())));
            delete(landscape, &targets)
        }
        8 => {
            let team = format!("team-{}", n % 7);
            if landscape.team(&team).is_none() {
                let edit = Edit::AddTeam(Team {
                    id: team.clone(),
                    name: team,
                    ..Team::default()
                });
                return Some((vec![edit], "add team".to_owned()));
            }
            let mut flow = dice.pick(&landscape.flows)?.clone();
            flow.owner = Some(team);
            return Some((vec![Edit::SetFlow(flow)], "set owner".to_owned()));
        }
        _ => {
            let to = Position::new(dice.below(2000) as f32, dice.below(1000) as f32);
            let edit = Edit::MoveSystem {
                system_id: system(dice)?,
                to,
            };
            return Some((vec![edit], "move".to_owned()));
        }
    };
    Some((composed.edits, composed.description))
}

#[test]
fn ten_thousand_random_edits_undo_and_redo_exactly() {
    // The seafood example's teams and contracts and three of its systems.
    let seafood = switchboard::file::seafood_example().expect("example");
    let original = Landscape {
        name: seafood.name.clone(),
        teams: seafood.teams.clone(),
        contracts: seafood.contracts.clone(),
        systems: seafood.systems[..3].to_vec(),
        ..Landscape::default()
    };
    let original_bytes = to_ron_string(&original).expect("serialises");
    let mut landscape = original.clone();
    let mut history = History::unbounded();
    let mut dice = Dice(0x5eed_cafe_f00d_1234);
    let mut applied = 0;
    let mut attempts = 0;
    while applied < 10_000 {
        attempts += 1;
        assert!(attempts < 200_000, "only {applied} edits applied");
        let Some((edits, description)) = gesture(&landscape, &mut dice, attempts) else {
            continue;
        };
        let revision = history.revision();
        if history.apply(&mut landscape, &edits, &description).is_ok()
            && history.revision() != revision
        {
            applied += 1;
        }
    }
    let final_bytes = to_ron_string(&landscape).expect("serialises");
    assert_ne!(final_bytes, original_bytes, "the edits changed something");
    let mut undone = 0;
    while history.undo(&mut landscape) {
        undone += 1;
    }
    assert_eq!(undone, applied);
    assert_eq!(
        to_ron_string(&landscape).expect("serialises"),
        original_bytes
    );
    let mut redone = 0;
    while history.redo(&mut landscape) {
        redone += 1;
    }
    assert_eq!(redone, applied);
    assert_eq!(to_ron_string(&landscape).expect("serialises"), final_bytes);
}
