//! The application icon: `assets/icons/switchboard.svg`, embedded and rendered with resvg at
//! any size, as PNG (the files in `assets/icons/`) or as straight RGBA (the window icon).
//!
//! Depends on nothing of the crate.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

/// The icon's SVG source.
pub const ICON_SVG: &str = include_str!("../../assets/icons/switchboard.svg");

/// The sizes of the PNG icons in `assets/icons/` (freedesktop hicolor sizes).
pub const ICON_SIZES: [u32; 5] = [32, 48, 64, 128, 256];

/// Why the icon could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IconError {
    #[error("the icon SVG cannot be read: {0}")]
    Svg(String),
    #[error("cannot allocate a {0}x{0} icon")]
    Size(u32),
    #[error("the icon cannot be encoded as PNG: {0}")]
    Png(String),
}

fn render(size: u32) -> Result<Pixmap, IconError> {
    let tree = usvg::Tree::from_str(ICON_SVG, &usvg::Options::default())
        .map_err(|e| IconError::Svg(e.to_string()))?;
    let mut pixmap = Pixmap::new(size, size).ok_or(IconError::Size(size))?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The icon as a `size`×`size` PNG.
pub fn icon_png(size: u32) -> Result<Vec<u8>, IconError> {
    render(size)?
        .encode_png()
        .map_err(|e| IconError::Png(e.to_string()))
}

/// The icon as `size`×`size` straight (not premultiplied) RGBA bytes, row by row.
pub fn icon_rgba(size: u32) -> Result<Vec<u8>, IconError> {
    Ok(render(size)?
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect())
}
