//! Structurizr DSL export: `structurizr/workspace.dsl`, the landscape as a C4 system landscape.
//!
//! - Every system is a `softwareSystem` named after it, with its description, the tags
//!   `kind:<kind>` and `owner:<team>`, and the properties `id`, `kind` and `owner`; systems
//!   of a group sit in a `group` block named after the group.
//! - Every flow is a relationship per source system: description = the output dataset's
//!   name, technology = the schedule as the canvas writes it (`daily 23:00`, `stream 0 min`), tags `batch` or `stream`
//!   (and `hub` when routed through the hub); a flow inside one system (an internal job) is not
//!   a relationship and is listed in a comment. Two flows with the same description between the
//!   same systems get their flow ids appended, because Structurizr refuses duplicates.
//! - A `systemLandscape` view with every element, and styles: owner-less systems grey, batch
//!   relationships dashed.
//!
//! Identifiers are the system ids made of `[a-z0-9_]` (`s_` before a leading digit, `_2`, `_3`,
//! … on collisions); strings are quoted with `\` and `"` escaped. Business processes have no
//! C4 element and are left out.
//!
//! Depends on `model` and `export::{drawing, output}`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::{Landscape, System};

use super::drawing::flow_label;
use super::output::{Diagnostic, ExportFile, ExportOutput};

/// The path of the exported workspace below the output folder.
pub const STRUCTURIZR_PATH: &str = "structurizr/workspace.dsl";

/// Exports the landscape as `structurizr/workspace.dsl`. It never fails.
pub fn export_structurizr(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    Ok(ExportOutput {
        files: vec![ExportFile::text(
            STRUCTURIZR_PATH,
            structurizr_text(landscape),
        )],
        warnings: Vec::new(),
    })
}

/// The workspace text.
pub fn structurizr_text(landscape: &Landscape) -> String {
    let identifiers = identifiers(landscape);
    let mut out = String::new();
    let name = if landscape.name.is_empty() {
        "Landscape"
    } else {
        &landscape.name
    };
    let _ = writeln!(
        out,
        "workspace {} {} {{",
        quoted(name),
        quoted(&landscape.description)
    );
    out.push_str("    model {\n");
    let mut groups: BTreeMap<Option<&str>, Vec<&System>> = BTreeMap::new();
    for system in &landscape.systems {
        let group = system.group.as_deref().filter(|g| !g.trim().is_empty());
        groups.entry(group).or_default().push(system);
    }
    for (group, systems) in &groups {
        let indent = if group.is_some() {
            "            "
        } else {
            "        "
        };
        if let Some(group) = group {
            let _ = writeln!(out, "        group {} {{", quoted(group));
        }
        for system in systems {
            system_text(&mut out, landscape, system, &identifiers, indent);
        }
        if group.is_some() {
            out.push_str("        }\n");
        }
    }
    relationships_text(&mut out, landscape, &identifiers);
    out.push_str("    }\n");
    out.push_str(VIEWS);
    out.push_str("}\n");
    out
}

const VIEWS: &str = "    views {
        systemLandscape \"landscape\" {
            include *
            autoLayout lr
        }
        styles {
            element \"Software System\" {
                background #1168bd
                color #ffffff
                shape RoundedBox
            }
            element \"owner:none\" {
                background #9ca3af
            }
            relationship \"batch\" {
                dashed true
            }
            relationship \"stream\" {
                dashed false
            }
        }
    }
";

fn system_text(
    out: &mut String,
    landscape: &Landscape,
    system: &System,
    identifiers: &BTreeMap<&str, String>,
    indent: &str,
) {
    let Some(identifier) = identifiers.get(system.id.as_str()) else {
        return;
    };
    let name = if system.name.is_empty() {
        &system.id
    } else {
        &system.name
    };
    let owner = system.owner.as_deref().unwrap_or("none");
    let owner_name = landscape
        .team(owner)
        .map_or(owner, |t| if t.name.is_empty() { &t.id } else { &t.name });
    let _ = writeln!(
        out,
        "{indent}{identifier} = softwareSystem {} {} {{",
        quoted(name),
        quoted(&system.description)
    );
    let mut tags = vec![format!("owner:{}", tag_text(owner))];
    if !system.kind.is_empty() {
        tags.push(format!("kind:{}", tag_text(&system.kind)));
    }
    let _ = writeln!(out, "{indent}    tags {}", quoted(&tags.join(",")));
    let _ = writeln!(out, "{indent}    properties {{");
    let _ = writeln!(out, "{indent}        \"id\" {}", quoted(&system.id));
    if !system.kind.is_empty() {
        let _ = writeln!(out, "{indent}        \"kind\" {}", quoted(&system.kind));
    }
    let _ = writeln!(out, "{indent}        \"owner\" {}", quoted(owner_name));
    let _ = writeln!(out, "{indent}    }}");
    let _ = writeln!(out, "{indent}}}");
}

fn relationships_text(
    out: &mut String,
    landscape: &Landscape,
    identifiers: &BTreeMap<&str, String>,
) {
    let mut seen: BTreeSet<(String, String, String)> = BTreeSet::new();
    for flow in &landscape.flows {
        let Some(target) = landscape.flow_target_system(flow) else {
            continue;
        };
        let Some(to) = identifiers.get(target) else {
            continue;
        };
        let dataset = landscape
            .dataset(&flow.output)
            .map_or(flow.output.as_str(), |d| {
                if d.dataset.name.is_empty() {
                    d.dataset.id.as_str()
                } else {
                    d.dataset.name.as_str()
                }
            });
        let schedule = flow.schedule.label();
        let mut tags = vec![if flow.is_stream() { "stream" } else { "batch" }];
        if flow.via_hub {
            tags.push("hub");
        }
        for source in landscape.flow_source_systems(flow) {
            let Some(from) = identifiers.get(source.as_str()) else {
                continue;
            };
            if from == to {
                let _ = writeln!(
                    out,
                    "        # internal job {}: {}",
                    flow.id,
                    one_line(&flow_label(landscape, flow))
                );
                continue;
            }
            let mut description = dataset.to_owned();
            if !seen.insert((from.clone(), to.clone(), description.clone())) {
                let _ = write!(description, " ({})", flow.id);
                seen.insert((from.clone(), to.clone(), description.clone()));
            }
            let _ = writeln!(
                out,
                "        {from} -> {to} {} {} {}",
                quoted(&description),
                quoted(&schedule),
                quoted(&tags.join(","))
            );
        }
    }
}

/// A DSL identifier per system id.
fn identifiers(landscape: &Landscape) -> BTreeMap<&str, String> {
    let mut used = BTreeSet::new();
    let mut identifiers = BTreeMap::new();
    for system in &landscape.systems {
        let mut base: String = system
            .id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
            base.insert_str(0, "s_");
        }
        let mut identifier = base.clone();
        let mut suffix = 2;
        while !used.insert(identifier.clone()) {
            identifier = format!("{base}_{suffix}");
            suffix += 1;
        }
        identifiers.insert(system.id.as_str(), identifier);
    }
    identifiers
}

/// A DSL string: quoted, `\` and `"` escaped, on one line.
fn quoted(text: &str) -> String {
    format!(
        "\"{}\"",
        one_line(text).replace('\\', "\\\\").replace('"', "\\\"")
    )
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tag text: tags are separated by commas, so none inside one.
fn tag_text(text: &str) -> String {
    one_line(text).replace(',', " ")
}
