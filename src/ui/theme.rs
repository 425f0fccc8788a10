//! Colours of the designer: the owner and pattern palettes, canvas colours for dark and light
//! themes, and applying the chosen theme to egui.

use egui::Color32;

use crate::model::Pattern;

/// The user's theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
}

impl ThemeChoice {
    /// Applies the theme to the context.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_theme(match self {
            Self::Dark => egui::Theme::Dark,
            Self::Light => egui::Theme::Light,
        });
    }
}

/// What node stripes and flow lines are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ColourMode {
    /// Node stripes by owner team.
    #[default]
    Owner,
    /// Flow lines by pattern.
    Pattern,
}

/// A `#rrggbb` colour of the palette as egui colour (grey when malformed; a test of the
/// palette rules that out).
pub fn palette_colour(hex: &str) -> Color32 {
    crate::export::palette::rgb(hex).map_or(Color32::GRAY, |[r, g, b]| Color32::from_rgb(r, g, b))
}

/// The colours of `assets/palette.ron`, converted once.
struct PaletteColours {
    owners: Vec<Color32>,
    /// In `Pattern::ALL` order.
    patterns: [Color32; 6],
    /// Fresh, stale, partial, corrupt.
    states: [Color32; 4],
}

fn palette_colours() -> &'static PaletteColours {
    static COLOURS: std::sync::OnceLock<PaletteColours> = std::sync::OnceLock::new();
    COLOURS.get_or_init(|| {
        let palette = crate::export::palette::palette();
        let p = &palette.patterns;
        let s = &palette.states;
        PaletteColours {
            owners: palette
                .canvas_owners
                .iter()
                .map(|hex| palette_colour(hex))
                .collect(),
            patterns: [
                &p.file_export,
                &p.api_call,
                &p.message_queue,
                &p.etl_job,
                &p.internal_job,
                &p.ml_job,
            ]
            .map(|hex| palette_colour(hex)),
            states: [&s.fresh, &s.stale, &s.partial, &s.corrupt].map(|hex| palette_colour(hex)),
        }
    })
}

/// The stripe colour of the owner with this team index.
pub fn owner_colour(index: usize) -> Color32 {
    let owners = &palette_colours().owners;
    owners
        .get(index % owners.len().max(1))
        .copied()
        .unwrap_or(Color32::GRAY)
}

/// The line colour of a pattern in "colour by pattern" mode.
pub fn pattern_colour(pattern: Pattern) -> Color32 {
    let index = Pattern::ALL.iter().position(|p| *p == pattern).unwrap_or(0);
    palette_colours().patterns[index]
}

/// The colour of a simulated state: fresh, stale, partial, corrupt (index 0–3).
pub fn state_colour(index: usize) -> Color32 {
    palette_colours().states[index.min(3)]
}

/// The colours the canvas paints with.
#[derive(Debug, Clone, Copy)]
pub struct CanvasColours {
    pub background: Color32,
    pub grid: Color32,
    pub node_fill: Color32,
    pub process_fill: Color32,
    pub node_stroke: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub line: Color32,
    pub hub: Color32,
    pub accent: Color32,
    pub label_fill: Color32,
    pub unowned: Color32,
}

impl CanvasColours {
    /// The canvas colours for dark or light mode.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                background: Color32::from_rgb(0x1b, 0x1d, 0x21),
                grid: Color32::from_rgb(0x26, 0x29, 0x2e),
                node_fill: Color32::from_rgb(0x2b, 0x2f, 0x36),
                process_fill: Color32::from_rgb(0x3a, 0x33, 0x22),
                node_stroke: Color32::from_rgb(0x55, 0x5c, 0x66),
                text: Color32::from_rgb(0xe8, 0xea, 0xed),
                weak_text: Color32::from_rgb(0xa0, 0xa6, 0xae),
                line: Color32::from_rgb(0x8f, 0x98, 0xa3),
                hub: Color32::from_rgb(0xb5, 0x8c, 0xf0),
                accent: Color32::from_rgb(0x4d, 0xa3, 0xff),
                label_fill: Color32::from_rgba_unmultiplied(0x1b, 0x1d, 0x21, 230),
                unowned: Color32::from_rgb(0x6b, 0x6b, 0x6b),
            }
        } else {
            Self {
                background: Color32::from_rgb(0xf6, 0xf7, 0xf9),
                grid: Color32::from_rgb(0xe6, 0xe8, 0xec),
                node_fill: Color32::WHITE,
                process_fill: Color32::from_rgb(0xfd, 0xf3, 0xdc),
                node_stroke: Color32::from_rgb(0xa9, 0xb0, 0xba),
                text: Color32::from_rgb(0x1d, 0x21, 0x27),
                weak_text: Color32::from_rgb(0x5f, 0x66, 0x70),
                line: Color32::from_rgb(0x6a, 0x73, 0x7d),
                hub: Color32::from_rgb(0x7b, 0x4f, 0xc8),
                accent: Color32::from_rgb(0x1a, 0x73, 0xe8),
                label_fill: Color32::from_rgba_unmultiplied(0xf6, 0xf7, 0xf9, 235),
                unowned: Color32::from_rgb(0xb8, 0xb8, 0xb8),
            }
        }
    }
}

/// The colour of error text (notifications, findings, export and import diagnostics).
pub const ERROR_TEXT: Color32 = Color32::from_rgb(0xff, 0x6b, 0x6b);
/// The colour of warning text.
pub const WARNING_TEXT: Color32 = Color32::from_rgb(0xf2, 0xb1, 0x34);

/// The symbol and text colour of a finding or diagnostic of `severity`.
pub fn severity_style(severity: crate::model::Severity, ui: &egui::Ui) -> (&'static str, Color32) {
    match severity {
        crate::model::Severity::Error => ("⛔", ERROR_TEXT),
        crate::model::Severity::Warning => ("⚠", WARNING_TEXT),
        crate::model::Severity::Info => ("ℹ", ui.visuals().weak_text_color()),
    }
}
