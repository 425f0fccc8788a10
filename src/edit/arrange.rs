//! Arranging the selected systems and processes: nudge them, align their left or top edges,
//! or distribute them evenly, as one step.
//!
//! Depends on `model` and the rest of `edit`.

use crate::model::{Landscape, Position};

use super::apply::Edit;
use super::compose::{Composed, Target};

/// One way to arrange a selection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arrangement {
    /// Move by this many canvas units.
    Nudge {
        dx: f32,
        dy: f32,
    },
    AlignLeft,
    AlignTop,
    /// Equal gaps between left edges, from the leftmost to the rightmost.
    DistributeHorizontally,
    /// Equal gaps between top edges, from the topmost to the bottommost.
    DistributeVertically,
}

impl Arrangement {
    fn verb(self) -> &'static str {
        match self {
            Self::Nudge { .. } => "nudge",
            Self::AlignLeft => "align left",
            Self::AlignTop => "align top",
            Self::DistributeHorizontally => "distribute horizontally",
            Self::DistributeVertically => "distribute vertically",
        }
    }
}

/// The systems and processes among `targets` with their positions.
fn placed(landscape: &Landscape, targets: &[Target]) -> Vec<(Target, Position)> {
    targets
        .iter()
        .filter_map(|t| match t {
            Target::System(id) => landscape.system(id).map(|s| (t.clone(), s.position)),
            Target::Process(id) => landscape.process(id).map(|p| (t.clone(), p.position)),
            _ => None,
        })
        .collect()
}

fn moved(target: Target, to: Position) -> Option<Edit> {
    match target {
        Target::System(system_id) => Some(Edit::MoveSystem { system_id, to }),
        Target::Process(process_id) => Some(Edit::MoveProcess { process_id, to }),
        _ => None,
    }
}

/// Evenly spaced values from the first to the last of `sorted`.
fn spread(sorted: &[f32]) -> Vec<f32> {
    let (Some(first), Some(last)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let gaps = (sorted.len().max(2) - 1) as f32;
    (0..sorted.len())
        .map(|i| first + (last - first) * i as f32 / gaps)
        .collect()
}

/// The moves that arrange `targets`; empty when nothing would move.
pub fn arrange(landscape: &Landscape, targets: &[Target], how: Arrangement) -> Composed {
    let mut items = placed(landscape, targets);
    let mut goals: Vec<(Target, Position)> = Vec::new();
    match how {
        Arrangement::Nudge { dx, dy } => {
            for (t, p) in items {
                goals.push((t, Position::new(p.x + dx, p.y + dy)));
            }
        }
        Arrangement::AlignLeft | Arrangement::AlignTop => {
            let left = items.iter().map(|(_, p)| p.x).fold(f32::INFINITY, f32::min);
            let top = items.iter().map(|(_, p)| p.y).fold(f32::INFINITY, f32::min);
            for (t, p) in items {
                let to = match how {
                    Arrangement::AlignLeft => Position::new(left, p.y),
                    _ => Position::new(p.x, top),
                };
                goals.push((t, to));
            }
        }
        Arrangement::DistributeHorizontally => {
            items.sort_by(|a, b| a.1.x.total_cmp(&b.1.x));
            let xs = spread(&items.iter().map(|(_, p)| p.x).collect::<Vec<_>>());
            for ((t, p), x) in items.into_iter().zip(xs) {
                goals.push((t, Position::new(x, p.y)));
            }
        }
        Arrangement::DistributeVertically => {
            items.sort_by(|a, b| a.1.y.total_cmp(&b.1.y));
            let ys = spread(&items.iter().map(|(_, p)| p.y).collect::<Vec<_>>());
            for ((t, p), y) in items.into_iter().zip(ys) {
                goals.push((t, Position::new(p.x, y)));
            }
        }
    }
    let before = placed(landscape, targets);
    let edits: Vec<Edit> = goals
        .into_iter()
        .filter(|(t, to)| !before.iter().any(|(b, p)| b == t && p == to))
        .filter_map(|(t, to)| moved(t, to))
        .collect();
    let description = format!("{} {} items", how.verb(), edits.len());
    Composed {
        edits,
        description,
        select: None,
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;
    use crate::model::System;

    fn at(id: &str, x: f32, y: f32) -> System {
        System {
            id: id.to_owned(),
            name: id.to_owned(),
            position: Position::new(x, y),
            ..System::default()
        }
    }

    #[test]
    fn align_distribute_and_nudge() {
        let landscape = Landscape {
            systems: vec![
                at("a", 0.0, 50.0),
                at("b", 300.0, 0.0),
                at("c", 100.0, 90.0),
            ],
            ..Landscape::default()
        };
        let all: Vec<Target> = ["a", "b", "c"]
            .iter()
            .map(|i| Target::System((*i).into()))
            .collect();
        let apply = |how| {
            let mut copy = landscape.clone();
            for edit in arrange(&landscape, &all, how).edits {
                edit.apply(&mut copy).unwrap();
            }
            copy.systems
                .iter()
                .map(|s| (s.position.x, s.position.y))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            apply(Arrangement::AlignLeft),
            [(0.0, 50.0), (0.0, 0.0), (0.0, 90.0)]
        );
        assert_eq!(
            apply(Arrangement::AlignTop),
            [(0.0, 0.0), (300.0, 0.0), (100.0, 0.0)]
        );
        assert_eq!(
            apply(Arrangement::DistributeHorizontally),
            [(0.0, 50.0), (300.0, 0.0), (150.0, 90.0)]
        );
        assert_eq!(
            apply(Arrangement::Nudge {
                dx: 10.0,
                dy: -10.0
            }),
            [(10.0, 40.0), (310.0, -10.0), (110.0, 80.0)]
        );
        let only_a = arrange(&landscape, &all[..1], Arrangement::AlignLeft);
        assert!(
            only_a.edits.is_empty(),
            "one item aligned with itself does not move"
        );
    }
}
