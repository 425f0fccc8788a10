//! Image export of the canvas as SVG and PNG: the landscape as the designer draws it
//! (`export::drawing`), written by `export::svg` and rasterised with `resvg` using only the
//! font embedded in the binary, so the PNG is byte-identical on every machine.
//!
//! Depends on `model` and `export::{drawing, svg, text_metrics, output}`.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use crate::model::Landscape;

use super::drawing::draw;
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::svg::scene_svg;
use super::text_metrics::{FONT_FAMILY, bold_font, regular_font};

/// The path of the SVG below the output folder.
pub const SVG_PATH: &str = "image/landscape.svg";
/// The path of the PNG below the output folder.
pub const PNG_PATH: &str = "image/landscape.png";
/// Pixels per SVG unit in the PNG (sharp on slides and high-density screens).
pub const PNG_SCALE: f32 = 2.0;

/// Draws the landscape as `image/landscape.svg`.
pub fn export_svg(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    Ok(ExportOutput {
        files: vec![ExportFile::text(SVG_PATH, landscape_svg(landscape))],
        warnings: Vec::new(),
    })
}

/// Draws the landscape as `image/landscape.png`.
pub fn export_png(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    let png = svg_to_png(&landscape_svg(landscape), PNG_SCALE).map_err(|message| {
        vec![Diagnostic {
            code: "E30",
            flow: None,
            line: None,
            message,
        }]
    })?;
    Ok(ExportOutput {
        files: vec![ExportFile {
            path: PNG_PATH.to_owned(),
            contents: png,
            secret: false,
        }],
        warnings: Vec::new(),
    })
}

/// The SVG text of a landscape.
pub fn landscape_svg(landscape: &Landscape) -> String {
    scene_svg(&draw(landscape))
}

/// Rasterises SVG text at `scale` pixels per unit and encodes it as PNG.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    render(svg, |_| scale)?
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}

/// A rendered picture: premultiplied RGBA pixels, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub rgba_premultiplied: Vec<u8>,
}

/// The landscape drawn as a picture whose longer side is at most `max_side` pixels and at most
/// `PNG_SCALE` pixels per unit: the designer's preview of the image exports.
pub fn landscape_raster(landscape: &Landscape, max_side: u32) -> Result<Raster, String> {
    let pixmap = render(&landscape_svg(landscape), |(width, height)| {
        let longer = width.max(height).max(1.0);
        (max_side as f32 / longer).min(PNG_SCALE)
    })?;
    Ok(Raster {
        width: pixmap.width(),
        height: pixmap.height(),
        rgba_premultiplied: pixmap.take(),
    })
}

/// Parses the SVG with the embedded font only and renders it at the scale `scale_for` picks
/// from the drawing's size in units.
fn render(svg: &str, scale_for: impl Fn((f32, f32)) -> f32) -> Result<Pixmap, String> {
    let mut options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let fonts = options.fontdb_mut();
    fonts.load_font_data(regular_font().to_vec());
    fonts.load_font_data(bold_font().to_vec());
    fonts.set_sans_serif_family(FONT_FAMILY);
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("cannot read the drawing as SVG: {e}"))?;
    let size = tree.size();
    let scale = scale_for((size.width(), size.height()));
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot allocate a {width}x{height} image"))?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
