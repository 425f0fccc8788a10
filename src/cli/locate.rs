//! Where a finding sits in its document: the line and column of the offending field, or of the
//! entity's id when the field is not written (a default). Found in the text of the RON or JSON
//! document by the entity's id and the field's name, so findings print as `file:line:column`.

use crate::model::Finding;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// The location of a finding in `text`, when its entity can be found.
pub fn locate(text: &str, finding: &Finding) -> Option<Location> {
    let anchor = entity_anchor(text, finding)?;
    let field_at = finding.field.and_then(|field| {
        let name = field.rsplit('.').next().unwrap_or(field);
        let bound = next_id(text, anchor).unwrap_or(text.len());
        find_key(&text[anchor..bound], name).map(|at| anchor + at)
    });
    Some(position_of(text, field_at.unwrap_or(anchor)))
}

fn entity_anchor(text: &str, finding: &Finding) -> Option<usize> {
    let id = finding.entity_id.as_str();
    match finding.entity_kind {
        "landscape" => Some(find_key(text, "settings").unwrap_or(0)),
        "dataset" => {
            let (system, dataset) = id.split_once('.')?;
            let at = find_id(text, system, 0)?;
            find_id(text, dataset, at)
        }
        _ => find_id(text, id, 0),
    }
}

/// The byte offset of `id: "ID"` (RON) or `"id": "ID"` (JSON) at or after `from`.
fn find_id(text: &str, id: &str, from: usize) -> Option<usize> {
    let quoted = serde_json::to_string(id).ok()?;
    [format!("id: {quoted}"), format!("\"id\": {quoted}")]
        .iter()
        .filter_map(|needle| text.get(from..)?.find(needle.as_str()).map(|at| from + at))
        .min()
}

/// The offset of the next `id:` after the one at `anchor` (the end of the entity, roughly).
fn next_id(text: &str, anchor: usize) -> Option<usize> {
    let from = anchor + 1;
    ["id: ", "\"id\": "]
        .iter()
        .filter_map(|needle| text.get(from..)?.find(needle).map(|at| from + at))
        .min()
}

/// The offset of the key `name:` (RON) or `"name":` (JSON) in `text`, as a whole word.
fn find_key(text: &str, name: &str) -> Option<usize> {
    let ron = format!("{name}:");
    let json = format!("\"{name}\":");
    let whole_word = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    };
    let ron_at = text
        .match_indices(ron.as_str())
        .map(|(at, _)| at)
        .find(|&at| whole_word(at));
    let json_at = text.find(json.as_str());
    ron_at.into_iter().chain(json_at).min()
}

fn position_of(text: &str, offset: usize) -> Location {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location { line, column }
}
