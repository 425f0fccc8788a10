//! Reads the cells of a draw.io file (an `mxfile`, or a bare `mxGraphModel`): uncompressed
//! diagrams as they are, compressed ones (deflate, then base64, of the URL-encoded model)
//! unpacked first. Cells wrapped in `<object>`/`<UserObject>` take the wrapper's id, label and
//! properties. Only the first diagram (page) is read.
//!
//! Depends on nothing of the crate (roxmltree, flate2, base64, percent-encoding).

use std::collections::BTreeMap;
use std::io::Read as _;

use base64::Engine as _;

/// Why a draw.io file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawioError {
    #[error(
        "{line}:{column}: not well-formed XML ({message}); save the diagram again from draw.io as .drawio"
    )]
    Xml {
        line: u32,
        column: u32,
        message: String,
    },
    #[error(
        "no <diagram> with an <mxGraphModel> found; export the diagram from draw.io as .drawio (XML)"
    )]
    NoDiagram,
    #[error(
        "the compressed diagram cannot be unpacked ({0}); in draw.io untick File > Properties > Compress and save again"
    )]
    Compressed(String),
}

/// What a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Vertex,
    Edge,
    /// The root and the layers.
    Layer,
}

/// One `mxCell` with what the import needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub id: String,
    /// The raw label (`value`, or the wrapper's `label`), maybe HTML.
    pub label: String,
    pub style: String,
    pub kind: CellKind,
    pub parent: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// x, y, width, height; relative to the parent when the parent is a vertex.
    pub geometry: Option<[f64; 4]>,
    /// The wrapper's other attributes (custom properties).
    pub properties: BTreeMap<String, String>,
    /// The line of the cell in the (unpacked) model.
    pub line: usize,
}

impl Cell {
    /// The value of `key` in the style (`key=value;`), if set.
    pub fn style_value(&self, key: &str) -> Option<&str> {
        self.style
            .split(';')
            .filter_map(|part| part.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .map(|(_, v)| v.trim())
    }

    /// Whether the style names this flag first (`ellipse;…`, `text;…`) or sets it to 1.
    pub fn style_has(&self, name: &str) -> bool {
        self.style.split(';').any(|part| part.trim() == name) || self.style_value(name) == Some("1")
    }
}

/// Reads every cell of the first diagram, in document order.
pub fn read_cells(text: &str) -> Result<Vec<Cell>, DrawioError> {
    let doc = roxmltree::Document::parse(text).map_err(xml_error)?;
    let root = doc.root_element();
    if root.has_tag_name("mxGraphModel") {
        return Ok(model_cells(&doc, root));
    }
    let diagram = root
        .children()
        .find(|n| n.has_tag_name("diagram"))
        .ok_or(DrawioError::NoDiagram)?;
    if let Some(model) = diagram.children().find(|n| n.has_tag_name("mxGraphModel")) {
        return Ok(model_cells(&doc, model));
    }
    let packed = diagram.text().map_or("", str::trim);
    if packed.is_empty() {
        return Err(DrawioError::NoDiagram);
    }
    let unpacked = unpack(packed)?;
    let inner = roxmltree::Document::parse(&unpacked).map_err(xml_error)?;
    let model = inner.root_element();
    if !model.has_tag_name("mxGraphModel") {
        return Err(DrawioError::NoDiagram);
    }
    Ok(model_cells(&inner, model))
}

/// base64 → raw deflate → URL decoding, as draw.io compresses a diagram.
pub fn unpack(packed: &str) -> Result<String, DrawioError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(packed)
        .map_err(|e| DrawioError::Compressed(format!("not base64: {e}")))?;
    let mut inflated = String::new();
    flate2::read::DeflateDecoder::new(bytes.as_slice())
        .read_to_string(&mut inflated)
        .map_err(|e| DrawioError::Compressed(format!("not deflate data: {e}")))?;
    percent_encoding::percent_decode_str(&inflated)
        .decode_utf8()
        .map(std::borrow::Cow::into_owned)
        .map_err(|e| DrawioError::Compressed(format!("not UTF-8: {e}")))
}

#[expect(
    clippy::needless_pass_by_value,
    reason = "called as `map_err(xml_error)`"
)]
fn xml_error(error: roxmltree::Error) -> DrawioError {
    let position = error.pos();
    DrawioError::Xml {
        line: position.row,
        column: position.col,
        message: error.to_string(),
    }
}

fn model_cells(doc: &roxmltree::Document<'_>, model: roxmltree::Node<'_, '_>) -> Vec<Cell> {
    let Some(root) = model.children().find(|n| n.has_tag_name("root")) else {
        return Vec::new();
    };
    root.children()
        .filter(roxmltree::Node::is_element)
        .filter_map(|node| {
            if node.has_tag_name("mxCell") {
                Some(cell(doc, node, None))
            } else if node.has_tag_name("object") || node.has_tag_name("UserObject") {
                let inner = node.children().find(|n| n.has_tag_name("mxCell"))?;
                Some(cell(doc, inner, Some(node)))
            } else {
                None
            }
        })
        .collect()
}

fn cell(
    doc: &roxmltree::Document<'_>,
    node: roxmltree::Node<'_, '_>,
    wrapper: Option<roxmltree::Node<'_, '_>>,
) -> Cell {
    let attribute = |name: &str| node.attribute(name).map(str::to_owned);
    let id = wrapper
        .and_then(|w| w.attribute("id"))
        .or_else(|| node.attribute("id"))
        .unwrap_or("")
        .to_owned();
    let label = wrapper
        .and_then(|w| w.attribute("label"))
        .or_else(|| node.attribute("value"))
        .unwrap_or("")
        .to_owned();
    let kind = if node.attribute("edge") == Some("1") {
        CellKind::Edge
    } else if node.attribute("vertex") == Some("1") {
        CellKind::Vertex
    } else {
        CellKind::Layer
    };
    let properties = wrapper
        .map(|w| {
            w.attributes()
                .filter(|a| !matches!(a.name(), "id" | "label" | "placeholders"))
                .map(|a| (a.name().to_owned(), a.value().to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let geometry = node
        .children()
        .find(|n| n.has_tag_name("mxGeometry"))
        .filter(|g| g.attribute("relative") != Some("1"))
        .map(|g| {
            let number = |name: &str| {
                g.attribute(name)
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
                    .unwrap_or(0.0)
            };
            [number("x"), number("y"), number("width"), number("height")]
        });
    Cell {
        id,
        label,
        style: attribute("style").unwrap_or_default(),
        kind,
        parent: attribute("parent"),
        source: attribute("source"),
        target: attribute("target"),
        geometry,
        properties,
        line: doc.text_pos_at(node.range().start).row as usize,
    }
}

/// The lines of a label's text: HTML tags dropped (`<br>`, `<div>`, `<p>` break lines), entities
/// decoded, blank lines removed.
pub fn label_lines(label: &str, html: bool) -> Vec<String> {
    let text = if html {
        strip_html(label)
    } else {
        label.to_owned()
    };
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
}

fn strip_html(label: &str) -> String {
    let mut text = String::with_capacity(label.len());
    let mut rest = label;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if matches!(name.as_str(), "br" | "div" | "p" | "li" | "tr") {
            text.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    decode_html_entities(&text)
}

/// HTML's named and numeric entities (`&amp;`, `&#35;`, `&#x23;`), as draw.io writes labels.
fn decode_html_entities(text: &str) -> String {
    crate::export::mermaid_text::decode_entities_with(text, '&', |name| match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_labels_become_lines_of_text() {
        assert_eq!(
            label_lines(
                "<b>ERP</b><br><font color=\"#475569\">ERP &amp; more</font>",
                true
            ),
            ["ERP", "ERP & more"]
        );
        assert_eq!(
            label_lines("<div>Order&nbsp;service</div><div>v2</div>", true),
            ["Order service", "v2"]
        );
        assert_eq!(label_lines("a < b\nc", false), ["a < b", "c"]);
    }

    #[test]
    fn broken_files_are_errors_with_a_position() {
        let error = read_cells("<mxfile>\n<diagram id=1>").expect_err("broken");
        assert!(matches!(error, DrawioError::Xml { line: 2, .. }), "{error}");
        assert_eq!(read_cells("<mxfile/>"), Err(DrawioError::NoDiagram));
        assert!(matches!(
            read_cells("<mxfile><diagram>not base64!</diagram></mxfile>"),
            Err(DrawioError::Compressed(_))
        ));
    }
}
