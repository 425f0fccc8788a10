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

/// The part wrapped into bands when it is much wider than `ratio` (width / height) asks.
pub fn wrap(part: Part, ratio: f32) -> Part {
    let bounds = Rect::bounding(part.iter().map(|(_, r)| *r));
    if bounds.h <= 0.0 || bounds.w / bounds.h <= ratio * WRAP_SLACK {
        return part;
    }
    let columns = column_spans(&part);
    if columns.len() < 2 {
        return part;
    }
    // k bands of width w/k and height about k*h: (w/k) / (k*h) = ratio.
    let bands = ((bounds.w / (bounds.h * ratio)).sqrt().round() as usize).clamp(1, columns.len());
    if bands < 2 {
        return part;
    }
    let target = bounds.w / bands as f32;
    let mut band_starts = vec![columns[0].0];
    for &(start, end) in &columns[1..] {
        let band_start = band_starts.last().copied().unwrap_or(start);
        if end - band_start > target && band_starts.len() < bands {
            band_starts.push(start);
        }
    }
    let band_of = |x: f32| band_starts.iter().rposition(|&s| s <= x + 0.5).unwrap_or(0);
    let mut heights = vec![(f32::MAX, f32::MIN); band_starts.len()];
    for (_, rect) in &part {
        let band = &mut heights[band_of(rect.x)];
        band.0 = band.0.min(rect.y);
        band.1 = band.1.max(rect.bottom());
    }
    let mut offsets = Vec::with_capacity(heights.len());
    let mut top = 0.0;
    for &(min_y, max_y) in &heights {
        if min_y > max_y {
            offsets.push(top);
            continue;
        }
        offsets.push(top - min_y);
        top += max_y - min_y + PART_GAP;
    }
    let wrapped = part
        .into_iter()
        .map(|(node, mut rect)| {
            let band = band_of(rect.x);
            rect.x -= band_starts[band];
            rect.y += offsets[band];
            (node, rect)
        })
        .collect();
    to_origin(wrapped)
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
