//! Keeping a drawing near an aspect ratio: a part much wider than the target is wrapped into
//! bands of consecutive columns stacked top to bottom (like lines of text, data still flowing
//! left to right inside each band), and separate parts are packed side by side in shelves whose
//! width is chosen so the whole lands near the target ratio.

use super::geometry::Rect;
use super::layered::{Part, to_origin};

/// Room between two bands of a wrapped part and between two packed parts.
pub const PART_GAP: f32 = 90.0;
/// A part is wrapped only when it is this many times wider than the target ratio asks.
const WRAP_SLACK: f32 = 1.5;
/// A band holds at least this many columns (a short flow is never cut into pieces).
const MIN_BAND_COLUMNS: usize = 4;

/// The part wrapped into bands when it is much wider than `ratio` (width / height) asks. The
/// number of bands is the one whose wrapped drawing comes nearest the ratio.
pub fn wrap(part: Part, ratio: f32) -> Part {
    let bounds = Rect::bounding(part.iter().map(|(_, r)| *r));
    if bounds.h <= 0.0 || bounds.w / bounds.h <= ratio * WRAP_SLACK {
        return part;
    }
    let columns = column_spans(&part);
    // k bands of width w/k and height about k*h: (w/k) / (k*h) = ratio; bands are often
    // lower than the whole, so more are tried.
    let estimate = (bounds.w / (bounds.h * ratio)).sqrt().round().max(1.0) as usize;
    let most = (estimate * 4 + 2).min(columns.len() / MIN_BAND_COLUMNS);
    let step = (most / 64).max(1);
    let mut best: Option<(f32, Vec<f32>)> = None;
    for bands in (2..=most).filter(|k| *k <= 64 || k % step == 0) {
        let starts = band_starts(&columns, bands, bounds.w);
        let (w, h) = wrapped_size(&part, &starts);
        let miss = (w / h.max(1.0) / ratio).ln().abs();
        if best.as_ref().is_none_or(|(m, _)| miss < *m) {
            best = Some((miss, starts));
        }
    }
    let unwrapped = (bounds.w / bounds.h / ratio).ln().abs();
    let Some((_, starts)) = best.filter(|(miss, _)| *miss < unwrapped) else {
        return part;
    };
    let offsets = band_offsets(&part, &starts);
    let wrapped = part
        .into_iter()
        .map(|(node, mut rect)| {
            let band = band_of(&starts, rect.x);
            rect.x -= starts[band];
            rect.y += offsets[band];
            (node, rect)
        })
        .collect();
    to_origin(wrapped)
}

/// The left edges of `bands` bands of consecutive columns, each about `width / bands` wide.
fn band_starts(columns: &[(f32, f32)], bands: usize, width: f32) -> Vec<f32> {
    let target = width / bands as f32;
    let mut starts = vec![columns.first().map_or(0.0, |c| c.0)];
    for &(start, end) in columns.iter().skip(1) {
        let band_start = starts.last().copied().unwrap_or(start);
        if end - band_start > target && starts.len() < bands {
            starts.push(start);
        }
    }
    starts
}

fn band_of(starts: &[f32], x: f32) -> usize {
    starts.partition_point(|&s| s <= x + 0.5).saturating_sub(1)
}

/// The top and bottom of every band before moving.
fn band_extents(part: &Part, starts: &[f32]) -> Vec<(f32, f32)> {
    let mut extents = vec![(f32::MAX, f32::MIN); starts.len()];
    for (_, rect) in part {
        let band = &mut extents[band_of(starts, rect.x)];
        band.0 = band.0.min(rect.y);
        band.1 = band.1.max(rect.bottom());
    }
    extents
}

/// How far each band moves down so that the bands stack `PART_GAP` apart.
fn band_offsets(part: &Part, starts: &[f32]) -> Vec<f32> {
    let mut offsets = Vec::with_capacity(starts.len());
    let mut top = 0.0;
    for (min_y, max_y) in band_extents(part, starts) {
        if min_y > max_y {
            offsets.push(top);
            continue;
        }
        offsets.push(top - min_y);
        top += max_y - min_y + PART_GAP;
    }
    offsets
}

/// The width and height of the part once wrapped at `starts`.
fn wrapped_size(part: &Part, starts: &[f32]) -> (f32, f32) {
    let mut widths = vec![0.0_f32; starts.len()];
    for (_, rect) in part {
        let band = band_of(starts, rect.x);
        widths[band] = widths[band].max(rect.right() - starts[band]);
    }
    let height: f32 = band_extents(part, starts)
        .into_iter()
        .filter(|(top, bottom)| top <= bottom)
        .map(|(top, bottom)| bottom - top + PART_GAP)
        .sum();
    (widths.into_iter().fold(0.0, f32::max), height - PART_GAP)
}

/// The x ranges of the part's columns (boxes whose x ranges overlap), left to right.
fn column_spans(part: &Part) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = part.iter().map(|(_, r)| (r.x, r.right())).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Top-left offsets that pack boxes of `sizes` (width, height) in shelves, tallest first, near
/// `ratio` overall. Ties keep the input order, so the result is deterministic.
pub fn pack(sizes: &[(f32, f32)], ratio: f32) -> Vec<(f32, f32)> {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| sizes[b].1.total_cmp(&sizes[a].1).then(a.cmp(&b)));
    let area: f32 = sizes
        .iter()
        .map(|(w, h)| (w + PART_GAP) * (h + PART_GAP))
        .sum();
    let widest = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
    let shelf_width = (area * ratio).sqrt().max(widest);
    let mut offsets = vec![(0.0, 0.0); sizes.len()];
    let (mut x, mut y, mut shelf_height) = (0.0_f32, 0.0_f32, 0.0_f32);
    for index in order {
        let (w, h) = sizes[index];
        if x > 0.0 && x + w > shelf_width {
            x = 0.0;
            y += shelf_height + PART_GAP;
            shelf_height = 0.0;
        }
        offsets[index] = (x, y);
        x += w + PART_GAP;
        shelf_height = shelf_height.max(h);
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::auto_layout::geometry::Size;

    #[test]
    fn a_long_row_is_wrapped_near_the_ratio() {
        let size = Size::new(200.0, 60.0);
        let part: Part = (0..100)
            .map(|i| (i, Rect::at(i as f32 * 300.0, 0.0, size)))
            .collect();
        let wrapped = wrap(part, 1.6);
        let bounds = Rect::bounding(wrapped.iter().map(|(_, r)| *r));
        let ratio = bounds.w / bounds.h;
        assert!((0.8..3.2).contains(&ratio), "ratio {ratio}");
        assert_eq!(wrapped.len(), 100);
    }

    #[test]
    fn many_squares_pack_near_the_ratio() {
        let offsets = pack(&vec![(100.0, 100.0); 64], 1.0);
        let right = offsets.iter().map(|o| o.0 + 100.0).fold(0.0, f32::max);
        let bottom = offsets.iter().map(|o| o.1 + 100.0).fold(0.0, f32::max);
        assert!((0.7..1.4).contains(&(right / bottom)), "{right} x {bottom}");
    }
}
