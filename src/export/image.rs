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

/// The most pixels a PNG gets (about 160 MB while it is drawn); larger drawings are scaled down.
pub const PNG_MAX_PIXELS: f32 = 40_000_000.0;
/// The longest side of a PNG, in pixels.
pub const PNG_MAX_SIDE: f32 = 16_384.0;

/// Pixels per unit for a drawing of `width` × `height` units: [`PNG_SCALE`], or less so that
/// the picture stays within [`PNG_MAX_PIXELS`] and [`PNG_MAX_SIDE`].
pub fn png_scale(width: f32, height: f32) -> f32 {
    let (width, height) = (width.max(1.0), height.max(1.0));
    PNG_SCALE
        .min((PNG_MAX_PIXELS / (width * height)).sqrt())
        .min(PNG_MAX_SIDE / width.max(height))
}

/// Draws the landscape as `image/landscape.png`; warning `W40` when the drawing is too large
/// for [`PNG_SCALE`] and is scaled down.
pub fn export_png(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    let error = |message| {
        vec![Diagnostic {
            code: "E30",
            flow: None,
            line: None,
            message,
        }]
    };
    let (pixmap, scale) =
        render(&landscape_svg(landscape), |(w, h)| png_scale(w, h)).map_err(error)?;
    let png = pixmap
        .encode_png()
        .map_err(|e| error(format!("cannot encode the PNG: {e}")))?;
    let mut warnings = Vec::new();
    if scale < PNG_SCALE {
        warnings.push(Diagnostic {
            code: "W40",
            flow: None,
            line: None,
            message: format!(
                "the drawing is too large for a sharp PNG: it is scaled to {:.0} % ({}x{} \
                 pixels, at most {:.0} megapixels); the SVG keeps every detail",
                scale / PNG_SCALE * 100.0,
                pixmap.width(),
                pixmap.height(),
                PNG_MAX_PIXELS / 1e6
            ),
        });
    }
    Ok(ExportOutput {
        files: vec![ExportFile {
            path: PNG_PATH.to_owned(),
            contents: png,
            secret: false,
        }],
        warnings,
    })
}

/// The SVG text of a landscape.
pub fn landscape_svg(landscape: &Landscape) -> String {
    scene_svg(&draw(landscape))
}

/// Rasterises SVG text at `scale` pixels per unit and encodes it as PNG.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    render(svg, |_| scale)?
        .0
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
    let (pixmap, _) = render(&landscape_svg(landscape), |(width, height)| {
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
/// from the drawing's size in units; returns the picture and that scale.
fn render(svg: &str, scale_for: impl Fn((f32, f32)) -> f32) -> Result<(Pixmap, f32), String> {
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
    Ok((pixmap, scale))
}
