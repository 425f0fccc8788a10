//! draw.io export: `drawio/landscape.drawio`, an uncompressed mxfile with the look of the SVG
//! export, so that a workshop can go on in draw.io and come back (`import drawio`).
//!
//! - A system is a rounded box (`object` with id `system:<id>` and the properties `kind` and
//!   `owner`) labelled with its name in bold and `kind · owner`, outlined in its owner's colour.
//! - A business process is a hexagon (`process:<id>`, property `owner`) in the process colours;
//!   a dotted line from each system holding a dataset it depends on, labelled with the dataset.
//! - A flow is an edge per source system (`flow:<id>`, then `flow:<id>:2`, …) labelled
//!   `dataset · schedule`; dashed for batches, solid for streams, thick violet via the hub.
//! - A group is a swimlane container (`group:<name>`) around its systems, whose geometry is then
//!   relative to it.
//! - Positions are the saved canvas positions, sizes those of the SVG drawing.
//!
//! Numbers are written in their shortest exact form, so an import gives the same positions.
//!
//! Depends on `model` and `export::{drawing, output}`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::Landscape;

use super::drawing::{Rect, Scene, draw, flow_label, no_owner_colour};
use super::output::{Diagnostic, ExportFile, ExportOutput};

/// The path of the exported diagram below the output folder.
pub const DRAWIO_PATH: &str = "drawio/landscape.drawio";
/// The prefixes of the cell ids the import reads back.
pub const SYSTEM_PREFIX: &str = "system:";
pub const PROCESS_PREFIX: &str = "process:";
pub const FLOW_PREFIX: &str = "flow:";
pub const GROUP_PREFIX: &str = "group:";
/// The height of a group container's title bar.
pub const GROUP_HEADER: f64 = 30.0;
const GROUP_PADDING: f64 = 20.0;
const PROCESS_FILL: &str = "#fef3c7";
const PROCESS_LINE: &str = "#d97706";
const HUB: &str = "#7c3aed";
const LINE: &str = "#64748b";

/// Exports the landscape as `drawio/landscape.drawio`. It never fails.
pub fn export_drawio(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    Ok(ExportOutput {
        files: vec![ExportFile::text(DRAWIO_PATH, drawio_text(landscape))],
        warnings: Vec::new(),
    })
}

/// A box: absolute position and size.
#[derive(Clone, Copy)]
struct Geometry {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// The mxfile text of a landscape.
pub fn drawio_text(landscape: &Landscape) -> String {
    let scene = draw(landscape);
    let mut out = String::new();
    out.push_str("<mxfile host=\"switchboard\" type=\"device\">\n");
    let _ = writeln!(
        out,
        "  <diagram id=\"landscape\" name=\"{}\">",
        attr(if landscape.name.is_empty() {
            "Landscape"
        } else {
            &landscape.name
        })
    );
    out.push_str("    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n      <root>\n        <mxCell id=\"0\" />\n        <mxCell id=\"1\" parent=\"0\" />\n");
    let boxes = system_boxes(landscape, &scene);
    let groups = group_boxes(landscape, &boxes);
    for (name, geometry) in &groups {
        let _ = writeln!(
            out,
            "        <mxCell id=\"{}\" value=\"{}\" style=\"swimlane;startSize={GROUP_HEADER};rounded=1;fillColor=#f8fafc;strokeColor=#cbd5e1;fontStyle=1;horizontal=1;\" vertex=\"1\" parent=\"1\">",
            attr(&format!("{GROUP_PREFIX}{name}")),
            attr(name)
        );
        geometry_xml(&mut out, *geometry, None);
        out.push_str("        </mxCell>\n");
    }
    systems_xml(&mut out, landscape, &scene, &boxes, &groups);
    processes_xml(&mut out, landscape, &scene);
    flows_xml(&mut out, landscape);
    out.push_str("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
    out
}

/// Each system's absolute box: its saved position and its drawn size.
fn system_boxes(landscape: &Landscape, scene: &Scene) -> Vec<Geometry> {
    landscape
        .systems
        .iter()
        .zip(&scene.systems)
        .map(|(system, drawn)| at(system.position.x, system.position.y, drawn.rect))
        .collect()
}

fn at(x: f32, y: f32, rect: Rect) -> Geometry {
    Geometry {
        x: f64::from(x),
        y: f64::from(y),
        w: f64::from(rect.w),
        h: f64::from(rect.h),
    }
}

/// The container of each group: around its systems, with room for the title bar.
fn group_boxes(landscape: &Landscape, boxes: &[Geometry]) -> BTreeMap<String, Geometry> {
    let mut groups: BTreeMap<String, Geometry> = BTreeMap::new();
    for (system, b) in landscape.systems.iter().zip(boxes) {
        let Some(group) = system.group.as_deref().filter(|g| !g.is_empty()) else {
            continue;
        };
        let around = Geometry {
            x: (b.x - GROUP_PADDING).floor(),
            y: (b.y - GROUP_PADDING - GROUP_HEADER).floor(),
            w: 0.0,
            h: 0.0,
        };
        let entry = groups.entry(group.to_owned()).or_insert(around);
        let right = (entry.x + entry.w).max(b.x + b.w + GROUP_PADDING);
        let bottom = (entry.y + entry.h).max(b.y + b.h + GROUP_PADDING);
        entry.x = entry.x.min(around.x);
        entry.y = entry.y.min(around.y);
        entry.w = (right - entry.x).ceil();
        entry.h = (bottom - entry.y).ceil();
    }
    groups
}

fn systems_xml(
    out: &mut String,
    landscape: &Landscape,
    scene: &Scene,
    boxes: &[Geometry],
    groups: &BTreeMap<String, Geometry>,
) {
    for ((system, drawn), b) in landscape.systems.iter().zip(&scene.systems).zip(boxes) {
        let group = system
            .group
            .as_deref()
            .and_then(|g| groups.get_key_value(g));
        let parent = group.map_or_else(
            || "1".to_owned(),
            |(name, _)| format!("{GROUP_PREFIX}{name}"),
        );
        let name = if system.name.is_empty() {
            &system.id
        } else {
            &system.name
        };
        let mut label = format!("<b>{}</b>", html(name));
        if !drawn.detail.is_empty() {
            let _ = write!(
                label,
                "<br><font color=\"#475569\">{}</font>",
                html(&drawn.detail)
            );
        }
        let _ = writeln!(
            out,
            "        <object id=\"{}\" label=\"{}\" kind=\"{}\" owner=\"{}\">",
            attr(&format!("{SYSTEM_PREFIX}{}", system.id)),
            attr(&label),
            attr(&system.kind),
            attr(system.owner.as_deref().unwrap_or(""))
        );
        let colour = if drawn.colour.is_empty() {
            no_owner_colour()
        } else {
            drawn.colour
        };
        let _ = writeln!(
            out,
            "          <mxCell style=\"rounded=1;whiteSpace=wrap;html=1;arcSize=8;fillColor=#ffffff;strokeColor={colour};strokeWidth=3;fontColor=#0f172a;fontSize=14;\" vertex=\"1\" parent=\"{}\">",
            attr(&parent)
        );
        geometry_xml(out, *b, group.map(|(_, g)| *g));
        out.push_str("          </mxCell>\n        </object>\n");
    }
}

fn processes_xml(out: &mut String, landscape: &Landscape, scene: &Scene) {
    for (process, drawn) in landscape.processes.iter().zip(&scene.processes) {
        let name = if process.name.is_empty() {
            &process.id
        } else {
            &process.name
        };
        let label = format!("<b>{}</b><br>{}", html(name), html(&process.owner));
        let _ = writeln!(
            out,
            "        <object id=\"{}\" label=\"{}\" owner=\"{}\">",
            attr(&format!("{PROCESS_PREFIX}{}", process.id)),
            attr(&label),
            attr(&process.owner)
        );
        let _ = writeln!(
            out,
            "          <mxCell style=\"shape=hexagon;perimeter=hexagonPerimeter2;size=0.15;whiteSpace=wrap;html=1;fillColor={PROCESS_FILL};strokeColor={PROCESS_LINE};fontSize=13;\" vertex=\"1\" parent=\"1\">"
        );
        geometry_xml(
            out,
            at(process.position.x, process.position.y, drawn.rect),
            None,
        );
        out.push_str("          </mxCell>\n        </object>\n");
        for dependency in &process.dependencies {
            let Some(held) = landscape.dataset(&dependency.dataset) else {
                continue;
            };
            let name = if held.dataset.name.is_empty() {
                &held.dataset.id
            } else {
                &held.dataset.name
            };
            let _ = writeln!(
                out,
                "        <mxCell id=\"{}\" value=\"{}\" style=\"endArrow=none;html=1;dashed=1;dashPattern=1 4;strokeColor={PROCESS_LINE};strokeWidth=2;fontSize=11;\" edge=\"1\" parent=\"1\" source=\"{}\" target=\"{}\">",
                attr(&format!("dependency:{}:{}", process.id, dependency.dataset)),
                attr(name),
                attr(&format!("{SYSTEM_PREFIX}{}", held.system.id)),
                attr(&format!("{PROCESS_PREFIX}{}", process.id))
            );
            out.push_str(
                "          <mxGeometry relative=\"1\" as=\"geometry\" />\n        </mxCell>\n",
            );
        }
    }
}

fn flows_xml(out: &mut String, landscape: &Landscape) {
    for flow in &landscape.flows {
        let Some(target) = landscape.flow_target_system(flow) else {
            continue;
        };
        let label = flow_label(landscape, flow);
        let style = match (flow.via_hub, flow.is_stream()) {
            (true, _) => format!("strokeColor={HUB};strokeWidth=3;"),
            (false, true) => format!("strokeColor={LINE};strokeWidth=2;"),
            (false, false) => format!("strokeColor={LINE};strokeWidth=2;dashed=1;dashPattern=7 5;"),
        };
        for (index, source) in landscape.flow_source_systems(flow).iter().enumerate() {
            let id = if index == 0 {
                format!("{FLOW_PREFIX}{}", flow.id)
            } else {
                format!("{FLOW_PREFIX}{}:{}", flow.id, index + 1)
            };
            let _ = writeln!(
                out,
                "        <mxCell id=\"{}\" value=\"{}\" style=\"endArrow=block;endFill=1;html=1;rounded=1;curved=1;fontSize=12;labelBackgroundColor=#ffffff;{style}\" edge=\"1\" parent=\"1\" source=\"{}\" target=\"{}\">",
                attr(&id),
                attr(&label),
                attr(&format!("{SYSTEM_PREFIX}{source}")),
                attr(&format!("{SYSTEM_PREFIX}{target}"))
            );
            out.push_str(
                "          <mxGeometry relative=\"1\" as=\"geometry\" />\n        </mxCell>\n",
            );
        }
    }
}

/// `<mxGeometry>` of a box, relative to its container when it has one.
fn geometry_xml(out: &mut String, b: Geometry, container: Option<Geometry>) {
    let (x, y) = match container {
        Some(c) => (b.x - c.x, b.y - c.y),
        None => (b.x, b.y),
    };
    let _ = writeln!(
        out,
        "          <mxGeometry x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" as=\"geometry\" />",
        b.w, b.h
    );
}

/// Text escaped for HTML inside a label.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text escaped for an XML attribute value.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', "&#10;")
}
