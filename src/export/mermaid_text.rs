//! The text pieces of a Mermaid flowchart that export and import must agree on
//! (`exports.md` §5): node ids, the escaping of labels with Mermaid entity codes and its
//! decoding, and the component (`sanitise`, §1.3) that generated node ids start from.
//!
//! Depends on `model` only.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::Landscape;

/// Lowercase words that Mermaid reads as syntax and so never serve as node ids.
pub const RESERVED_IDS: [&str; 10] = [
    "end",
    "graph",
    "flowchart",
    "subgraph",
    "style",
    "classDef",
    "class",
    "click",
    "linkStyle",
    "direction",
];

/// `sanitise` of `exports.md` §1.3, shared with the broker exports.
pub use super::names::sanitise;

/// Whether `id` may be used as a Mermaid node id as it is.
pub fn is_valid_node_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !RESERVED_IDS.contains(&id)
}

/// The node id of every system, by system id (§5.1): a valid, unique `diagram_id` as it is;
/// otherwise the uppercased component with `_2`, `_3`, … on collisions, in system id order.
pub fn node_ids(landscape: &Landscape) -> BTreeMap<String, String> {
    let mut diagram_id_count: BTreeMap<&str, usize> = BTreeMap::new();
    for system in &landscape.systems {
        if let Some(id) = system
            .diagram_id
            .as_deref()
            .filter(|id| is_valid_node_id(id))
        {
            *diagram_id_count.entry(id).or_default() += 1;
        }
    }
    let mut ids = BTreeMap::new();
    let mut taken = BTreeSet::new();
    let mut by_id: Vec<_> = landscape.systems.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let mut generated = Vec::new();
    for system in by_id {
        match system.diagram_id.as_deref() {
            Some(id) if diagram_id_count.get(id) == Some(&1) && !ids.contains_key(&system.id) => {
                taken.insert(id.to_owned());
                ids.insert(system.id.clone(), id.to_owned());
            }
            _ => generated.push(system),
        }
    }
    for system in generated {
        if ids.contains_key(&system.id) {
            continue;
        }
        let base = generated_base(
            system.export_name.as_deref().unwrap_or(&system.name),
            &system.id,
        );
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        ids.insert(system.id.clone(), candidate);
    }
    ids
}

/// `uppercase(component)` with characters outside `[A-Z0-9_]` as `_` and an `N` before a
/// leading digit. A name without usable characters falls back to the system id, then `SYSTEM`.
fn generated_base(name: &str, system_id: &str) -> String {
    let component = [sanitise(name), sanitise(system_id)]
        .into_iter()
        .find(|c| !c.is_empty())
        .unwrap_or_else(|| "system".to_owned());
    let mut id: String = component
        .chars()
        .map(|c| {
            let c = c.to_ascii_uppercase();
            if c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, 'N');
    }
    id
}

/// Whether a system name may stand unquoted as `ID[Label]`: `^[A-Za-z0-9][A-Za-z0-9 _.,-]*$`,
/// and (stricter than §5.1, so that the import gives the name back exactly) no trailing space,
/// which Mermaid would trim.
pub fn is_plain_label(label: &str) -> bool {
    let mut chars = label.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || " _.,-".contains(c))
        && !label.ends_with(' ')
}

/// Escapes label text with Mermaid entity codes: `#` first, then `"`, `<`, `>`, `|`, and
/// control characters (line breaks) as `#<decimal>;` so that every label stays on one line.
pub fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            c if c.is_control() => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Decodes the entity codes `#quot;`, `#35;`, `#lt;`, `#gt;`, `#amp;` and `#<decimal>;` in one
/// left-to-right pass; anything else stays as written.
pub fn decode_entities(text: &str) -> String {
    decode_entities_with(text, '#', |name| match name {
        "quot" => Some('"'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        _ if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) => {
            name.parse::<u32>().ok().and_then(char::from_u32)
        }
        _ => None,
    })
}

/// Decodes entities written `<marker>name;` (Mermaid's `#quot;`, HTML's `&amp;`) in one
/// left-to-right pass: `lookup` names the character of an entity; anything it does not know
/// stays as written. An entity name is at most 8 bytes, so a long run of markers stays linear.
pub fn decode_entities_with(
    text: &str,
    marker: char,
    lookup: impl Fn(&str) -> Option<char>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(marker) {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + marker.len_utf8()..];
        let decoded = after
            .bytes()
            .take(9)
            .position(|b| b == b';')
            .and_then(|end| Some((lookup(&after[..end])?, end)));
        if let Some((c, end)) = decoded {
            out.push(c);
            rest = &after[end + 1..];
        } else {
            out.push(marker);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_decoding_are_inverse() {
        for text in [
            "a#b",
            "say \"hi\"",
            "<x>|y",
            "#quot;",
            "line\nbreak",
            "a&b #9",
        ] {
            assert_eq!(decode_entities(&escape_label(text)), text);
        }
        assert_eq!(escape_label("#\""), "#35;#quot;");
        assert_eq!(
            decode_entities("#unknown; #99999999999; #amp;"),
            "#unknown; #99999999999; &"
        );
    }
}
