//! Contracts: the agreed shape of the data a flow carries (`product.md` "The model").
//!
//! Depends on nothing of the crate.

use serde::{Deserialize, Serialize};

use super::defaults;

/// A data contract with a semantic version and typed fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contract {
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    /// Semantic version, e.g. `3.0.0`.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub version: String,
    /// Wire format: `csv`, `json`, `xml`, `avro`, `protobuf`, …
    pub format: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub fields: Vec<Field>,
    /// The owning team's id.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub owner: Option<String>,
}

/// One field of a contract.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Field {
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    /// The field's type: `string`, `integer`, `number`, `boolean`, `date`, `timestamp`, …
    #[serde(rename = "type")]
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub type_name: String,
    /// Unit of measure, e.g. `kg`.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub required: bool,
}

/// Whether `version` is a semantic version `MAJOR.MINOR.PATCH` (with an optional pre-release or
/// build suffix).
pub fn is_semver(version: &str) -> bool {
    let core = version.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().all(|c| c.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

#[cfg(test)]
mod tests {
    use super::is_semver;

    #[test]
    fn accepts_semantic_versions_only() {
        assert!(is_semver("3.0.0"));
        assert!(is_semver("1.2.3-rc.1"));
        assert!(!is_semver("3.0"));
        assert!(!is_semver("v3.0.0"));
        assert!(!is_semver("01.0.0"));
        assert!(!is_semver(""));
    }
}
