//! Read-back comparison of RabbitMQ definitions (`exports.md` §7.3), shared by
//! `switchboard deploy` and the broker tests: every intended entity is MISSING, DIFFERENT or
//! matching; entities of the Switchboard vhost that the export does not contain are EXTRA.
//! Also the policy-applied check (§9.1 step 6) and the translation of HTTP 400 reasons (§8.4).
//!
//! Works on `serde_json::Value`, because the field sets differ between broker versions and
//! between `rabbitmqctl export_definitions` and `GET /api/definitions` (§2.3).
//!
//! Depends on nothing of the crate.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

/// The entity kinds compared, in report order.
pub const KINDS: [&str; 7] = [
    "vhosts",
    "exchanges",
    "queues",
    "bindings",
    "policies",
    "users",
    "permissions",
];

/// One difference between the intended definitions and the broker.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Finding {
    /// An intended entity is not on the broker.
    Missing { kind: String, key: String },
    /// An intended entity exists with other values.
    Different {
        kind: String,
        key: String,
        field: String,
        want: String,
        have: String,
    },
    /// An entity of the Switchboard vhost that the export does not contain (informational).
    Extra { kind: String, key: String },
}

impl Finding {
    /// MISSING and DIFFERENT are problems; EXTRA is informational.
    pub fn is_problem(&self) -> bool {
        !matches!(self, Self::Extra { .. })
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing { kind, key } => write!(f, "MISSING   {kind} {key}: missing on broker"),
            Self::Different {
                kind,
                key,
                field,
                want,
                have,
            } => write!(
                f,
                "DIFFERENT {kind} {key}: {field}: want {want} have {have}"
            ),
            Self::Extra { kind, key } => write!(
                f,
                "EXTRA     {kind} {key} (on the broker, not in the export)"
            ),
        }
    }
}

/// The result of a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Intended entities that match.
    pub matched: usize,
    /// Findings, sorted.
    pub findings: Vec<Finding>,
}

impl Comparison {
    /// The number of MISSING and DIFFERENT findings.
    pub fn problems(&self) -> usize {
        self.findings.iter().filter(|f| f.is_problem()).count()
    }

    /// The EXTRA findings as `kind key` strings, for exact assertions.
    pub fn extras(&self) -> Vec<String> {
        self.findings
            .iter()
            .filter_map(|f| match f {
                Finding::Extra { kind, key } => Some(format!("{kind} {key}")),
                _ => None,
            })
            .collect()
    }
}

fn text(entity: &Value, field: &str) -> String {
    match entity.get(field) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => canonical(other),
        None => String::new(),
    }
}

/// JSON text with sorted keys, independent of map order.
pub fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<&String, String> =
                map.iter().map(|(k, v)| (k, canonical(v))).collect();
            let parts: Vec<String> = sorted
                .iter()
                .map(|(k, v)| format!("{}: {v}", Value::String((*k).clone())))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(canonical).collect::<Vec<_>>().join(", ")
            )
        }
        other => other.to_string(),
    }
}

/// The identity key of an entity (§7.3).
pub fn identity(kind: &str, entity: &Value) -> String {
    let fields: &[&str] = match kind {
        "bindings" => &[
            "vhost",
            "source",
            "destination_type",
            "destination",
            "routing_key",
        ],
        "users" | "vhosts" => &["name"],
        "permissions" => &["user", "vhost"],
        _ => &["vhost", "name"],
    };
    let mut parts: Vec<String> = fields.iter().map(|f| text(entity, f)).collect();
    if kind == "bindings" {
        parts
            .push(canonical(entity.get("arguments").unwrap_or(&Value::Null)).replace("null", "{}"));
    }
    format!("({})", parts.join(", "))
}

fn compared_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "exchanges" => &["type", "durable", "auto_delete", "internal", "arguments"],
        "queues" => &["durable", "auto_delete", "arguments"],
        "policies" => &["pattern", "apply-to", "definition", "priority"],
        "permissions" => &["configure", "write", "read"],
        "users" => &["tags"],
        _ => &[],
    }
}

/// Whether a broker entity belongs to the Switchboard scope: the vhost, and for users the
/// intended user names only (users are global).
fn in_scope(kind: &str, entity: &Value, vhost: &str) -> bool {
    match kind {
        "vhosts" => text(entity, "name") == vhost,
        "users" => false,
        "exchanges" => {
            let name = text(entity, "name");
            text(entity, "vhost") == vhost && !name.is_empty() && !name.starts_with("amq.")
        }
        "bindings" => text(entity, "vhost") == vhost && !text(entity, "source").is_empty(),
        _ => text(entity, "vhost") == vhost,
    }
}

/// Compares the intended documents (`definitions.json`, `permissions.json`, optionally
/// `users.bootstrap.json`) with a broker read-back (`rabbitmqctl export_definitions` or
/// `GET /api/definitions`), restricted to `vhost`. With `bootstrap_passwords`, intended users
/// with an empty `password_hash` must still have none on the broker.
pub fn compare(
    intended: &[&Value],
    actual: &Value,
    vhost: &str,
    bootstrap_passwords: bool,
) -> Comparison {
    let mut comparison = Comparison::default();
    for kind in KINDS {
        let want: Vec<&Value> = intended
            .iter()
            .filter_map(|doc| doc.get(kind).and_then(Value::as_array))
            .flatten()
            .collect();
        let have: BTreeMap<String, &Value> = actual
            .get(kind)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|e| (identity(kind, e), e))
            .collect();
        let mut wanted_keys = Vec::new();
        for entity in &want {
            let key = identity(kind, entity);
            wanted_keys.push(key.clone());
            let Some(found) = have.get(&key) else {
                comparison.findings.push(Finding::Missing {
                    kind: kind.to_owned(),
                    key,
                });
                continue;
            };
            let mut differences = Vec::new();
            for field in compared_fields(kind) {
                let Some(wanted) = entity.get(*field) else {
                    continue;
                };
                let default =
                    (kind == "exchanges" && *field == "internal").then_some(Value::Bool(false));
                let got = found.get(*field).or(default.as_ref());
                if got != Some(wanted) {
                    differences.push(Finding::Different {
                        kind: kind.to_owned(),
                        key: key.clone(),
                        field: (*field).to_owned(),
                        want: canonical(wanted),
                        have: got.map_or_else(|| "nothing".to_owned(), canonical),
                    });
                }
            }
            if kind == "vhosts" {
                if let (Some(wanted), Some(got)) = (entity.get("metadata"), found.get("metadata")) {
                    for field in ["description", "tags"] {
                        if got.get(field).is_some() && got.get(field) != wanted.get(field) {
                            differences.push(Finding::Different {
                                kind: kind.to_owned(),
                                key: key.clone(),
                                field: format!("metadata.{field}"),
                                want: wanted.get(field).map_or_else(String::new, canonical),
                                have: got.get(field).map_or_else(String::new, canonical),
                            });
                        }
                    }
                }
            }
            if kind == "users"
                && bootstrap_passwords
                && text(entity, "password_hash").is_empty()
                && !text(found, "password_hash").is_empty()
            {
                differences.push(Finding::Different {
                    kind: kind.to_owned(),
                    key: key.clone(),
                    field: "password_hash".to_owned(),
                    want: "'' (no password)".to_owned(),
                    have: "a hash".to_owned(),
                });
            }
            if differences.is_empty() {
                comparison.matched += 1;
            } else {
                comparison.findings.extend(differences);
            }
        }
        for (key, entity) in &have {
            if in_scope(kind, entity, vhost) && !wanted_keys.contains(key) {
                comparison.findings.push(Finding::Extra {
                    kind: kind.to_owned(),
                    key: key.clone(),
                });
            }
        }
    }
    comparison.findings.sort();
    comparison
}

/// Switchboard policies that are not the effective policy of their queue: (policy, queue,
/// the queue's actual policy or `None`). `queues` is `GET /api/queues/{vhost}`.
pub fn unapplied_policies(
    definitions: &Value,
    queues: &Value,
) -> Vec<(String, String, Option<String>)> {
    let applied: BTreeMap<String, Option<String>> = queues
        .as_array()
        .into_iter()
        .flatten()
        .map(|q| {
            (
                text(q, "name"),
                q.get("policy").and_then(Value::as_str).map(str::to_owned),
            )
        })
        .collect();
    definitions
        .get("policies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let name = text(p, "name");
            let queue = name.strip_prefix("switchboard.")?.to_owned();
            let actual = applied.get(&queue).cloned().flatten();
            (actual.as_deref() != Some(name.as_str())).then_some((name, queue, actual))
        })
        .collect()
}

/// Flattens the `reason` of an HTTP 400 body: strings stay, lists of integers (Erlang
/// character lists) become text, parts are joined with `: ` (§8.4).
pub fn flatten_reason(reason: &Value) -> String {
    match reason {
        Value::String(s) => s.clone(),
        Value::Array(items)
            if !items.is_empty()
                && items
                    .iter()
                    .all(|i| i.as_u64().is_some_and(|c| c < 0x11_0000)) =>
        {
            items
                .iter()
                .filter_map(|i| i.as_u64().and_then(|c| char::from_u32(c as u32)))
                .collect()
        }
        Value::Array(items) => items
            .iter()
            .map(flatten_reason)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(": "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A Switchboard explanation of a flattened import error (§8.4), if one is known.
pub fn explain_reason(reason: &str) -> Option<&'static str> {
    let table: [(&str, &str); 7] = [
        (
            "failed_to_parse_json",
            "the file is not valid JSON (was it edited by hand or truncated?)",
        ),
        ("unknown exchange type", "unknown exchange type"),
        ("expected integer", "queue argument has the wrong type"),
        (
            "x-max-priority",
            "quorum queues on this broker version do not support priorities (4.0+ does)",
        ),
        (
            "no_such_vhost",
            "import definitions.json first (it creates the vhost)",
        ),
        (
            "no_such_user",
            "import users.bootstrap.json (first deployment) or let `deploy` create the users",
        ),
        (
            "function_clause",
            "an entity lacks a required field: this is a Switchboard bug",
        ),
    ];
    if reason.contains("are not recognised policy settings") {
        return Some("unknown policy key");
    }
    table
        .iter()
        .find(|(needle, _)| reason.contains(needle))
        .map(|(_, explanation)| *explanation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn intended() -> Value {
        json!({
            "vhosts": [{"name": "v", "metadata": {"description": "d", "tags": ["switchboard"]}}],
            "exchanges": [{"name": "e", "vhost": "v", "type": "topic", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}],
            "queues": [{"name": "q", "vhost": "v", "durable": true, "auto_delete": false, "arguments": {"x-queue-type": "quorum"}}],
            "bindings": [{"source": "e", "vhost": "v", "destination": "q", "destination_type": "queue", "routing_key": "k.v1", "arguments": {}}],
            "policies": [{"name": "switchboard.q", "vhost": "v", "pattern": "^q$", "apply-to": "queues", "priority": 100, "definition": {"delivery-limit": 3}}]
        })
    }

    #[test]
    fn ctl_read_back_quirks_are_not_differences() {
        let actual = json!({
            "vhosts": [{"name": "v", "limits": [], "metadata": {"description": "d", "tags": ["switchboard"]}}],
            "exchanges": [{"name": "e", "vhost": "v", "type": "topic", "durable": true, "auto_delete": false, "arguments": {}}],
            "queues": [{"name": "q", "vhost": "v", "durable": true, "auto_delete": false, "type": "quorum", "arguments": {"x-queue-type": "quorum"}}],
            "bindings": [{"source": "e", "vhost": "v", "destination": "q", "destination_type": "queue", "routing_key": "k.v1", "arguments": {}}],
            "policies": [{"definition": {"delivery-limit": 3}, "name": "switchboard.q", "vhost": "v", "pattern": "^q$", "apply-to": "queues", "priority": 100}]
        });
        let result = compare(&[&intended()], &actual, "v", true);
        assert_eq!(result.findings, vec![]);
        assert_eq!(result.matched, 5);
    }

    #[test]
    fn the_three_silent_failures_are_caught() {
        let actual = json!({
            "vhosts": [{"name": "v"}],
            "exchanges": [{"name": "e", "vhost": "v", "type": "topic", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}],
            "queues": [{"name": "q", "vhost": "v", "durable": true, "auto_delete": false, "arguments": {"x-queue-type": "quorum", "x-delivery-limit": 3}}],
            "bindings": [],
            "policies": [{"definition": {"delivery-limit": 3}, "name": "switchboard.q", "vhost": "v", "pattern": "^q$", "apply-to": "queues", "priority": 100}],
            "permissions": [{"user": "guest", "vhost": "v", "configure": ".*", "write": ".*", "read": ".*"}]
        });
        let result = compare(&[&intended()], &actual, "v", true);
        let lines: Vec<String> = result.findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "MISSING   bindings (v, e, queue, q, k.v1, {}): missing on broker",
                "DIFFERENT queues (v, q): arguments: want {\"x-queue-type\": \"quorum\"} have {\"x-delivery-limit\": 3, \"x-queue-type\": \"quorum\"}",
                "EXTRA     permissions (guest, v) (on the broker, not in the export)",
            ]
        );
        assert_eq!(result.problems(), 2);
        assert_eq!(result.extras(), ["permissions (guest, v)"]);
    }

    #[test]
    fn policies_not_in_effect_are_reported() {
        let queues = json!([{"name": "q", "policy": "other"}]);
        assert_eq!(
            unapplied_policies(&intended(), &queues),
            [(
                "switchboard.q".to_owned(),
                "q".to_owned(),
                Some("other".to_owned())
            )]
        );
        let queues = json!([{"name": "q", "policy": "switchboard.q"}]);
        assert!(unapplied_policies(&intended(), &queues).is_empty());
    }

    #[test]
    fn reasons_with_character_lists_are_decoded() {
        let reason = json!([
            "amqp_error",
            "command_invalid",
            [117, 110, 107, 110, 111, 119, 110]
        ]);
        assert_eq!(
            flatten_reason(&reason),
            "amqp_error: command_invalid: unknown"
        );
        assert_eq!(
            flatten_reason(&json!(["no_such_user", "nobody"])),
            "no_such_user: nobody"
        );
        assert_eq!(
            explain_reason("no_such_vhost: x"),
            Some("import definitions.json first (it creates the vhost)")
        );
    }
}
