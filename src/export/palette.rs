//! The colour palette as data: `assets/palette.ron`, embedded at build time and read once. The
//! designer's canvas and lineage window and the diagram exports take their colours from it.
//!
//! Depends on nothing of the crate.

use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded palette file.
pub const PALETTE_RON: &str = include_str!("../../assets/palette.ron");

/// Colours of the flow patterns (`#rrggbb`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PatternColours {
    pub file_export: String,
    pub api_call: String,
    pub message_queue: String,
    pub etl_job: String,
    pub internal_job: String,
    pub ml_job: String,
}

/// Colours of the simulated states (`#rrggbb`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StateColours {
    pub fresh: String,
    pub stale: String,
    pub partial: String,
    pub corrupt: String,
}

/// The palette.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    pub canvas_owners: Vec<String>,
    pub patterns: PatternColours,
    pub states: StateColours,
    pub export_owners: Vec<String>,
    pub export_no_owner: String,
}

/// Parses a palette file.
pub fn parse_palette(text: &str) -> Result<Palette, ron::error::SpannedError> {
    ron::from_str(text)
}

/// The embedded palette. A test guarantees it parses; were it broken, everything would be grey
/// rather than the program failing.
pub fn palette() -> &'static Palette {
    static PALETTE: OnceLock<Palette> = OnceLock::new();
    PALETTE.get_or_init(|| parse_palette(PALETTE_RON).unwrap_or_else(|_| grey()))
}

fn grey() -> Palette {
    let grey = || "#808080".to_owned();
    Palette {
        canvas_owners: vec![grey()],
        patterns: PatternColours {
            file_export: grey(),
            api_call: grey(),
            message_queue: grey(),
            etl_job: grey(),
            internal_job: grey(),
            ml_job: grey(),
        },
        states: StateColours {
            fresh: grey(),
            stale: grey(),
            partial: grey(),
            corrupt: grey(),
        },
        export_owners: vec![grey()],
        export_no_owner: grey(),
    }
}

/// The red, green and blue of a `#rrggbb` colour.
pub fn rgb(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_palette_parses_and_every_colour_is_rgb() {
        let palette = parse_palette(PALETTE_RON).expect("assets/palette.ron parses");
        assert_eq!(&palette, super::palette());
        let p = &palette.patterns;
        let s = &palette.states;
        let all = palette
            .canvas_owners
            .iter()
            .chain(&palette.export_owners)
            .chain([&palette.export_no_owner])
            .chain([&p.file_export, &p.api_call, &p.message_queue, &p.etl_job])
            .chain([
                &p.internal_job,
                &p.ml_job,
                &s.fresh,
                &s.stale,
                &s.partial,
                &s.corrupt,
            ]);
        for colour in all {
            assert!(rgb(colour).is_some(), "{colour} is #rrggbb");
        }
        assert_eq!(palette.canvas_owners.len(), 10);
        assert_eq!(palette.export_owners.len(), 10);
    }

    #[test]
    fn rgb_reads_hex_and_rejects_other_text() {
        assert_eq!(rgb("#4e79a7"), Some([0x4e, 0x79, 0xa7]));
        assert_eq!(rgb("4e79a7"), None);
        assert_eq!(rgb("#4e79a"), None);
        assert_eq!(rgb("#zz79a7"), None);
    }
}
