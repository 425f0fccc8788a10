//! Crossing reduction on the drawing itself: the layered ordering counts crossings between
//! layers, but the canvas draws a flow as one straight line, which can cross others the layer
//! count does not see (a long flow skips columns). So the drawing is improved on the real lines:
//! barycenter sweeps reorder a column by the mean height of each box's neighbours in any
//! column, kept only when the whole drawing then has fewer crossings; then two boxes next to
//! each other in one column swap places while that lowers the crossings of their edges.

use std::collections::BTreeMap;

use super::geometry::{segments_cross, straight_crossings};

/// How many passes over all columns at most.
const PASSES: usize = 3;
/// How many barycenter sweeps (alternating left to right and right to left).
const SWEEPS: usize = 6;

/// Reorders whole columns by the mean height of each box's neighbours while that lowers the
/// straight-line crossings; each column keeps its own heights (slots), filled in a new order.
pub fn barycenter_sweeps(centres: &[(f32, f32)], edges: &[(usize, usize)]) -> Vec<(f32, f32)> {
    let mut centres = centres.to_vec();
    let mut neighbours = vec![Vec::new(); centres.len()];
    for &(a, b) in edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut by_x: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (node, centre) in centres.iter().enumerate() {
        by_x.entry(centre.0.round() as i64).or_default().push(node);
    }
    let columns: Vec<Vec<usize>> = by_x.into_values().filter(|c| c.len() > 1).collect();
    let mut best = straight_crossings(&centres, edges);
    let mut idle = 0;
    for sweep in 0..SWEEPS {
        let mut improved = false;
        for step in 0..columns.len() {
            let column = if sweep % 2 == 0 {
                &columns[step]
            } else {
                &columns[columns.len() - 1 - step]
            };
            let mut slots: Vec<f32> = column.iter().map(|&n| centres[n].1).collect();
            slots.sort_by(f32::total_cmp);
            for key in [Key::Mean, Key::Median] {
                let candidate = reordered(&centres, &neighbours, column, &slots, key);
                if candidate == centres {
                    continue;
                }
                let count = straight_crossings(&candidate, edges);
                if count < best {
                    best = count;
                    centres = candidate;
                    improved = true;
                }
            }
        }
        idle = if improved { 0 } else { idle + 1 };
        if idle == 2 {
            break;
        }
    }
    centres
}

/// Which mean of the neighbours' heights orders a column.
#[derive(Clone, Copy)]
enum Key {
    Mean,
    Median,
}

/// The centres with `column`'s boxes put into `slots` in the order of their neighbours' heights.
fn reordered(
    centres: &[(f32, f32)],
    neighbours: &[Vec<usize>],
    column: &[usize],
    slots: &[f32],
    key: Key,
) -> Vec<(f32, f32)> {
    let key_of = |node: usize| {
        let mut near: Vec<f32> = neighbours[node].iter().map(|&n| centres[n].1).collect();
        if near.is_empty() {
            return centres[node].1;
        }
        match key {
            Key::Mean => near.iter().sum::<f32>() / near.len() as f32,
            Key::Median => {
                near.sort_by(f32::total_cmp);
                let middle = near.len() / 2;
                if near.len() % 2 == 0 {
                    f32::midpoint(near[middle - 1], near[middle])
                } else {
                    near[middle]
                }
            }
        }
    };
    let mut order: Vec<(f32, f32, usize)> = column
        .iter()
        .map(|&n| (key_of(n), centres[n].1, n))
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut candidate = centres.to_vec();
    for (&(_, _, node), &slot) in order.iter().zip(slots) {
        candidate[node].1 = slot;
    }
    candidate
}

/// Improves the order of each column of `centres` (box centres by node) for `edges`; returns
/// the new centres. A column is the set of centres with the same x.
pub fn transpose_columns(centres: &[(f32, f32)], edges: &[(usize, usize)]) -> Vec<(f32, f32)> {
    let mut centres = centres.to_vec();
    let mut incident = vec![Vec::new(); centres.len()];
    for (index, &(a, b)) in edges.iter().enumerate() {
        incident[a].push(index);
        incident[b].push(index);
    }
    let mut columns: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (node, centre) in centres.iter().enumerate() {
        columns
            .entry(centre.0.round() as i64)
            .or_default()
            .push(node);
    }
    for _ in 0..PASSES {
        let mut improved = false;
        for column in columns.values_mut() {
            column.sort_by(|&a, &b| centres[a].1.total_cmp(&centres[b].1).then(a.cmp(&b)));
            for slot in 1..column.len() {
                let (upper, lower) = (column[slot - 1], column[slot]);
                let before = local_crossings(&centres, edges, &incident, upper, lower);
                swap_heights(&mut centres, upper, lower);
                let after = local_crossings(&centres, edges, &incident, upper, lower);
                if after < before {
                    column.swap(slot - 1, slot);
                    improved = true;
                } else {
                    swap_heights(&mut centres, upper, lower);
                }
            }
        }
        if !improved {
            break;
        }
    }
    centres
}

fn swap_heights(centres: &mut [(f32, f32)], a: usize, b: usize) {
    let height = centres[a].1;
    centres[a].1 = centres[b].1;
    centres[b].1 = height;
}

/// Crossings of the edges at `a` or `b` with every edge (a pair at both counts twice, the same
/// before and after a swap, so comparisons hold).
fn local_crossings(
    centres: &[(f32, f32)],
    edges: &[(usize, usize)],
    incident: &[Vec<usize>],
    a: usize,
    b: usize,
) -> usize {
    incident[a]
        .iter()
        .chain(&incident[b])
        .map(|&index| {
            let (p, q) = edges[index];
            edges
                .iter()
                .filter(|&&(r, s)| p != r && p != s && q != r && q != s)
                .filter(|&&(r, s)| segments_cross(centres[p], centres[q], centres[r], centres[s]))
                .count()
        })
        .sum()
}

/// The straight-line crossings of `edges` between `centres` (re-exported for the caller's
/// choice between drawings).
pub fn count(centres: &[(f32, f32)], edges: &[(usize, usize)]) -> usize {
    straight_crossings(centres, edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crossed_pair_is_uncrossed() {
        // 0 -> 3 and 1 -> 2 cross; swapping 2 and 3 in their column uncrosses them.
        let centres = [(0.0, 0.0), (0.0, 100.0), (300.0, 0.0), (300.0, 100.0)];
        let edges = [(0, 3), (1, 2)];
        assert_eq!(count(&centres, &edges), 1);
        let better = transpose_columns(&centres, &edges);
        assert_eq!(count(&better, &edges), 0);
    }
}
