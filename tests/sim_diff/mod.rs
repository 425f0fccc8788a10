//! Comparison helpers for the differential tests: the first differing path between two JSON
//! values.

#![allow(dead_code, clippy::pedantic, clippy::unwrap_used)]

use serde_json::Value;

/// The first difference between `a` (ours) and `b` (the reference), as `path: ours != ref`.
pub fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, &p) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some(format!("{p}: ours {u:?} != reference {v:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(u, v, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| {
                format!(
                    "{path}: ours has {} entries, the reference {}",
                    x.len(),
                    y.len()
                )
            })
        }
        _ => (a != b).then(|| format!("{path}: ours {a} != reference {b}")),
    }
}
