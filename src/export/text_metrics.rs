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
    Measure::new(size, bold).width(text)
}

thread_local! {
    static MEASURED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many characters this thread has measured so far: the work of text layout, which tests
/// bound to prove it linear in the text's length.
pub fn measured_characters() -> u64 {
    MEASURED.with(std::cell::Cell::get)
}

/// Advance widths of one face at one size; each character is measured once per call.
struct Measure {
    glyphs: Option<(
        skrifa::charmap::Charmap<'static>,
        skrifa::metrics::GlyphMetrics<'static>,
    )>,
    size: f32,
}

impl Measure {
    fn new(size: f32, bold: bool) -> Self {
        let bytes = if bold { bold_font() } else { regular_font() };
        let glyphs = FontRef::new(bytes).ok().map(|font| {
            (
                font.charmap(),
                font.glyph_metrics(Size::new(size), LocationRef::default()),
            )
        });
        Self { glyphs, size }
    }

    fn advance(&self, c: char) -> f32 {
        MEASURED.with(|n| n.set(n.get() + 1));
        self.glyphs
            .as_ref()
            .and_then(|(charmap, metrics)| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
            })
            .unwrap_or(self.size * 0.6)
    }

    fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.advance(c)).sum()
    }
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`, at spaces where
/// possible; the last line ends in `…` when text is left over. Linear in the text's length:
/// each word is measured once and line widths are summed as they grow.
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32, max_lines: usize) -> Vec<String> {
    let measure = Measure::new(size, bold);
    let space = measure.width(" ");
    let mut lines: Vec<(String, f32)> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = measure.width(word);
        if current.is_empty() {
            current.push_str(word);
            current_width = word_width;
        } else if current_width + space + word_width <= max_width {
            current.push(' ');
            current.push_str(word);
            current_width += space + word_width;
        } else {
            lines.push((
                std::mem::replace(&mut current, word.to_owned()),
                current_width,
            ));
            current_width = word_width;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push((current, current_width));
    }
    let overflow = lines.len() > max_lines;
    lines.truncate(max_lines.max(1));
    lines
        .into_iter()
        .enumerate()
        .map(|(index, (line, width))| {
            let last = index + 1 == max_lines;
            if width > max_width || (last && overflow) {
                fit_with_ellipsis(&measure, &line, max_width)
            } else {
                line
            }
        })
        .collect()
}

/// Shortens `text` with a trailing `…` until it fits `max_width`.
pub fn ellipsize(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    fit_with_ellipsis(&Measure::new(size, bold), text, max_width)
}

/// The longest prefix of `text` that fits `max_width` together with a trailing `…`, plus the
/// `…`; one pass over the text.
fn fit_with_ellipsis(measure: &Measure, text: &str, max_width: f32) -> String {
    let budget = max_width - measure.width("…");
    let mut width = 0.0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        width += measure.advance(c);
        if width > budget {
            break;
        }
        end = at + c.len_utf8();
    }
    let mut out = text[..end].to_owned();
    out.push('…');
    out
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
