//! The JSON writer of every export (`exports.md` §1.6): two-space pretty printing and one
//! trailing newline. Callers pass structs with alphabetically declared fields or `BTreeMap`s,
//! because `serde_json`'s `preserve_order` feature is enabled in this build and `Map` keeps
//! insertion order.
//!
//! Depends on nothing of the crate.

use serde::Serialize;

/// Pretty JSON with a trailing `\n`.
pub fn to_json(value: &impl Serialize) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}
