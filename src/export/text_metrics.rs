//! Text measurement with the font embedded in the binary (Noto Sans from the `notosans`
//! crate), so that the drawing fits its labels and the PNG looks the same on every machine:
//! the system's fonts are never read.
//!
//! Depends on nothing of the crate.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family name of the embedded font, as written into the SVG.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The embedded regular face (TrueType bytes).
pub fn regular_font() -> &'static [u8] {
    notosans::REGULAR_TTF
}

/// The embedded bold face (TrueType bytes).
pub fn bold_font() -> &'static [u8] {
    notosans::BOLD_TTF
}

/// The advance width of `text` at `size` pixels; characters the font lacks count as 0.6 em.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let bytes = if bold { bold_font() } else { regular_font() };
    let Ok(font) = FontRef::new(bytes) else {
        return text.chars().count() as f32 * size * 0.6;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|glyph| metrics.advance_width(glyph))
                .unwrap_or(size * 0.6)
        })
        .sum()
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`, at spaces where
/// possible; the last line ends in `…` when text is left over.
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size, bold) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    let overflow = lines.len() > max_lines;
    lines.truncate(max_lines.max(1));
    for (index, line) in lines.iter_mut().enumerate() {
        let last = index + 1 == max_lines;
        if text_width(line, size, bold) > max_width || (last && overflow) {
            *line = ellipsize(line, size, bold, max_width);
        }
    }
    lines
}

/// Shortens `text` with a trailing `…` until it fits `max_width`.
pub fn ellipsize(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let candidate: String = chars.iter().collect::<String>() + "…";
        if chars.is_empty() || text_width(&candidate, size, bold) <= max_width {
            return candidate;
        }
        chars.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_is_wider_than_regular() {
        let narrow = text_width("iii", 12.0, false);
        let wide = text_width("WWW", 12.0, false);
        assert!(narrow > 0.0 && wide > narrow * 2.0);
        assert!(text_width("ERP", 15.0, true) > text_width("ERP", 15.0, false));
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let lines = wrap("Quality system (lot release / holds)", 15.0, true, 150.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| text_width(l, 15.0, true) <= 150.0));
        let cut = wrap(
            "a very long name that will not fit in two short lines",
            15.0,
            true,
            80.0,
            2,
        );
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
    }
}
