//! Writes a drawing scene (`export::drawing`) as SVG text: deterministic (numbers with one
//! decimal, elements in scene order), self-contained, sized in pixels, on a white background
//! for slides.
//!
//! Depends on `export::{drawing, text_metrics}`.

use std::fmt::Write as _;

use super::drawing::{
    Arrow, BADGE_ICON, DETAIL_SIZE, LABEL_SIZE, NAME_SIZE, ProcessNode, Rect, STRIPE_WIDTH, Scene,
    SystemBox,
};
use super::text_metrics::{FONT_FAMILY, text_width};

const INK: &str = "#0f172a";
const MUTED: &str = "#475569";
const LINE: &str = "#64748b";
const BORDER: &str = "#cbd5e1";
const HUB: &str = "#7c3aed";
const PROCESS_FILL: &str = "#fef3c7";
const PROCESS_LINE: &str = "#d97706";
const BATCH_DASH: &str = "7 5";
const RADIUS: f32 = 10.0;

/// The scene as an SVG document, ending in one newline.
pub fn scene_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let (w, h) = (n(scene.width), n(scene.height));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}, Helvetica, Arial, sans-serif\">"
    );
    out.push_str("<defs>\n");
    for (id, colour) in [("arrow", LINE), ("arrow-hub", HUB)] {
        let _ = writeln!(
            out,
            "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"11\" markerHeight=\"11\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    out.push_str("</defs>\n");
    let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    if !scene.title.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
            n(scene.title_at.x),
            n(scene.title_at.y),
            escape(&scene.title)
        );
    }

    out.push_str("<g id=\"process-links\">\n");
    for link in &scene.links {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{PROCESS_LINE}\" stroke-width=\"1.5\" stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>",
            n(link.from.x),
            n(link.from.y),
            n(link.to.x),
            n(link.to.y)
        );
    }
    out.push_str("</g>\n<g id=\"flows\">\n");
    for arrow in &scene.arrows {
        arrow_svg(&mut out, arrow);
    }
    out.push_str("</g>\n<g id=\"systems\">\n");
    for system in &scene.systems {
        system_svg(&mut out, system);
    }
    out.push_str("</g>\n<g id=\"processes\">\n");
    for process in &scene.processes {
        process_svg(&mut out, process);
    }
    out.push_str("</g>\n<g id=\"labels\">\n");
    for arrow in &scene.arrows {
        let r = &arrow.label.rect;
        let colour = if arrow.via_hub { HUB } else { BORDER };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.94\" stroke=\"{colour}\"/>",
            n(r.x),
            n(r.y),
            n(r.w),
            n(r.h),
            n(r.h / 2.0)
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
            n(r.x + r.w / 2.0),
            n(r.y + r.h / 2.0 + LABEL_SIZE * 0.36),
            n(LABEL_SIZE),
            escape(&arrow.label.text)
        );
    }
    out.push_str("</g>\n");
    legend_svg(&mut out, scene);
    out.push_str("</svg>\n");
    out
}

fn arrow_svg(out: &mut String, arrow: &Arrow) {
    let d = format!(
        "M{},{} Q{},{} {},{}",
        n(arrow.start.x),
        n(arrow.start.y),
        n(arrow.control.x),
        n(arrow.control.y),
        n(arrow.end.x),
        n(arrow.end.y)
    );
    let dash = if arrow.batch {
        format!(" stroke-dasharray=\"{BATCH_DASH}\"")
    } else {
        String::new()
    };
    if arrow.via_hub {
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{HUB}\" stroke-width=\"6\"{dash}/>"
        );
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"2.2\"{dash} marker-end=\"url(#arrow-hub)\"/>"
        );
    } else {
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.8\"{dash} marker-end=\"url(#arrow)\"/>"
        );
    }
}

/// A rectangle with rounded left (`left`) and right (`right`) corners as a path.
fn rounded_path(r: &Rect, left: f32, right: f32) -> String {
    format!(
        "M{},{} H{} A{right},{right} 0 0 1 {},{} V{} A{right},{right} 0 0 1 {},{} H{} A{left},{left} 0 0 1 {},{} V{} A{left},{left} 0 0 1 {},{} Z",
        n(r.x + left),
        n(r.y),
        n(r.x + r.w - right),
        n(r.x + r.w),
        n(r.y + right),
        n(r.y + r.h - right),
        n(r.x + r.w - right),
        n(r.y + r.h),
        n(r.x + left),
        n(r.x),
        n(r.y + r.h - left),
        n(r.y + left),
        n(r.x + left),
        n(r.y),
        right = n(right),
        left = n(left)
    )
}

fn system_svg(out: &mut String, system: &SystemBox) {
    let r = &system.rect;
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{INK}\" fill-opacity=\"0.08\"/>",
        n(r.x + 2.0),
        n(r.y + 3.0),
        n(r.w),
        n(r.h),
        n(RADIUS)
    );
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#ffffff\" stroke=\"{BORDER}\" stroke-width=\"1.2\"/>",
        n(r.x),
        n(r.y),
        n(r.w),
        n(r.h),
        n(RADIUS)
    );
    let stripe = Rect {
        w: STRIPE_WIDTH,
        ..*r
    };
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"{}\"/>",
        rounded_path(&stripe, RADIUS.min(STRIPE_WIDTH), 0.0),
        system.colour
    );
    let x = r.x + STRIPE_WIDTH + 12.0;
    let mut y = r.y + 12.0;
    for line in &system.name_lines {
        y += 19.0;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
            n(x),
            n(y - 4.5),
            n(NAME_SIZE),
            escape(line)
        );
    }
    if !system.detail.is_empty() {
        y += 17.0;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{MUTED}\">{}</text>",
            n(x),
            n(y - 4.0),
            n(DETAIL_SIZE),
            escape(&system.detail)
        );
    }
    for badge in &system.badges {
        let b = &badge.rect;
        let dash = if badge.batch {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#f1f5f9\" stroke=\"{LINE}\"{dash}/>",
            n(b.x),
            n(b.y),
            n(b.w),
            n(b.h),
            n(b.h / 2.0)
        );
        let (cx, cy) = (b.x + 7.0 + 6.0, b.y + b.h / 2.0);
        let _ = writeln!(
            out,
            "<path d=\"M{},{} A5,5 0 1 1 {},{}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.4\"/><path d=\"M{},{} L{},{} L{},{} z\" fill=\"{INK}\"/>",
            n(cx + 5.0),
            n(cy),
            n(cx),
            n(cy - 5.0),
            n(cx - 0.5),
            n(cy - 8.0),
            n(cx + 3.0),
            n(cy - 5.0),
            n(cx - 0.5),
            n(cy - 2.0)
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{INK}\">{}</text>",
            n(b.x + 7.0 + BADGE_ICON),
            n(b.y + b.h / 2.0 + LABEL_SIZE * 0.36),
            n(LABEL_SIZE),
            escape(&badge.text)
        );
    }
}

fn hexagon(r: &Rect) -> String {
    let inset = (r.h / 2.0).min(16.0);
    format!(
        "{},{} {},{} {},{} {},{} {},{} {},{}",
        n(r.x + inset),
        n(r.y),
        n(r.x + r.w - inset),
        n(r.y),
        n(r.x + r.w),
        n(r.y + r.h / 2.0),
        n(r.x + r.w - inset),
        n(r.y + r.h),
        n(r.x + inset),
        n(r.y + r.h),
        n(r.x),
        n(r.y + r.h / 2.0)
    )
}

fn process_svg(out: &mut String, process: &ProcessNode) {
    let r = &process.rect;
    let _ = writeln!(
        out,
        "<polygon points=\"{}\" fill=\"{PROCESS_FILL}\" stroke=\"{PROCESS_LINE}\" stroke-width=\"1.5\"/>",
        hexagon(r)
    );
    let cx = r.x + r.w / 2.0;
    let mut y = r.y + 10.0;
    for line in &process.name_lines {
        y += 17.0;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
            n(cx),
            n(y - 4.0),
            escape(line)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
        n(cx),
        n(y + 12.0),
        n(DETAIL_SIZE),
        escape(&process.owner)
    );
}

fn legend_svg(out: &mut String, scene: &Scene) {
    let (x0, y0) = (scene.legend_at.x, scene.legend_at.y);
    out.push_str("<g id=\"legend\">\n");
    let y = y0 + 14.0;
    let text = |out: &mut String, x: f32, label: &str| {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{MUTED}\">{}</text>",
            n(x),
            n(y + 4.0),
            n(DETAIL_SIZE),
            escape(label)
        );
    };
    let samples: [(&str, &str); 3] = [
        ("stream", ""),
        ("batch (schedule)", BATCH_DASH),
        ("routed via hub", ""),
    ];
    let mut x = x0;
    for (index, (label, dash)) in samples.iter().enumerate() {
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        if index == 2 {
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{HUB}\" stroke-width=\"6\"/>",
                n(x),
                n(y),
                n(x + 36.0),
                n(y)
            );
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ffffff\" stroke-width=\"2.2\"/>",
                n(x),
                n(y),
                n(x + 36.0),
                n(y)
            );
        } else {
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{LINE}\" stroke-width=\"1.8\"{dash_attr}/>",
                n(x),
                n(y),
                n(x + 36.0),
                n(y)
            );
        }
        text(out, x + 44.0, label);
        x += 44.0 + text_width(label, DETAIL_SIZE, false) + 24.0;
    }
    let hex = Rect {
        x,
        y: y - 8.0,
        w: 30.0,
        h: 16.0,
    };
    let _ = writeln!(
        out,
        "<polygon points=\"{}\" fill=\"{PROCESS_FILL}\" stroke=\"{PROCESS_LINE}\" stroke-width=\"1.5\"/>",
        hexagon(&hex)
    );
    text(out, x + 38.0, "business process");
    x += 38.0 + text_width("business process", DETAIL_SIZE, false) + 24.0;
    let badge = Rect {
        x,
        y: y - 9.0,
        w: 30.0,
        h: 18.0,
    };
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"9\" fill=\"#f1f5f9\" stroke=\"{LINE}\"/>",
        n(badge.x),
        n(badge.y),
        n(badge.w),
        n(badge.h)
    );
    text(out, x + 38.0, "internal job");

    let y = y0 + 42.0;
    let mut x = x0;
    for owner in &scene.owners {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{}\"/>",
            n(x),
            n(y - 7.0),
            owner.colour
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{MUTED}\">{}</text>",
            n(x + 20.0),
            n(y + 4.0),
            n(DETAIL_SIZE),
            escape(&owner.owner)
        );
        x += 22.0 + text_width(&owner.owner, DETAIL_SIZE, false) + 18.0;
    }
    out.push_str("</g>\n");
}

/// A number with at most one decimal, `-0` written as `0`.
fn n(value: f32) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    if text == "-0" { "0".to_owned() } else { text }
}

/// XML text escaping.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
