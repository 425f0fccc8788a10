//! Broker-side names (`exports.md` §1.3): the sanitiser, length limits, collision detection and
//! the escaping of names inside permission regular expressions (§2.5).
//!
//! Depends on `export::output` only.

use std::collections::BTreeMap;

use super::output::Diagnostic;

/// The AMQP `shortstr` limit for vhosts, exchanges, queues, users, routing keys and policies.
pub const AMQP_NAME_LIMIT: usize = 255;
/// The longest legal Kafka topic name.
pub const KAFKA_TOPIC_LIMIT: usize = 249;
/// The longest Kubernetes `metadata.name` (DNS-1123 subdomain).
pub const K8S_NAME_LIMIT: usize = 253;
/// The longest Kubernetes label value.
pub const K8S_LABEL_LIMIT: usize = 63;

/// Turns a display text into a name component: transliterated to ASCII (`deunicode`: `ß` → `ss`,
/// `Ø` → `O`, `Æ` → `AE`, `Süd` → `Sud`), lowercase, every run of characters outside
/// `[a-z0-9_-]` replaced by one `-`, leading and trailing `-`/`_` stripped. An empty result means
/// the text has no usable characters (error E01).
pub fn sanitise(text: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(text, " ");
    let mut out = String::with_capacity(ascii.len());
    let mut in_run = false;
    for c in ascii.chars() {
        for lower in c.to_lowercase() {
            if lower.is_ascii_lowercase() || lower.is_ascii_digit() || lower == '_' || lower == '-'
            {
                out.push(lower);
                in_run = false;
            } else if !in_run {
                out.push('-');
                in_run = true;
            }
        }
    }
    out.trim_matches(|c| c == '-' || c == '_').to_owned()
}

/// Escapes the regular-expression metacharacters `\ . ^ $ | ? * + ( ) [ ] { }` of a name.
pub fn regex_escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if "\\.^$|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An anchored, escaped and grouped regex matching exactly these names: `^$` for none,
/// `^a$` for one, `^(a|b)$` for several (sorted).
pub fn anchored_regex<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<String> = names.into_iter().map(regex_escape).collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [] => "^$".to_owned(),
        [one] => format!("^{one}$"),
        many => format!("^({})$", many.join("|")),
    }
}

/// Collects the final names of one namespace with their origins and reports collisions (E02).
#[derive(Debug, Default)]
pub struct Namespace {
    kind: &'static str,
    hint: Option<&'static str>,
    names: BTreeMap<String, Vec<String>>,
}

impl Namespace {
    /// An empty namespace; `kind` names it in messages (`queue`, `exchange`, …).
    pub fn new(kind: &'static str) -> Self {
        Self {
            kind,
            hint: None,
            names: BTreeMap::new(),
        }
    }

    /// The same namespace whose collision errors end with `; <hint>` (what to change).
    #[must_use]
    pub fn with_hint(self, hint: &'static str) -> Self {
        Self {
            hint: Some(hint),
            ..self
        }
    }

    /// Records that `origin` produces `name`. The same origin may be recorded twice.
    pub fn add(&mut self, name: &str, origin: impl Into<String>) {
        let origin = origin.into();
        let origins = self.names.entry(name.to_owned()).or_default();
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }

    /// One E02 error per name that has more than one origin.
    pub fn collisions(&self, errors: &mut Vec<Diagnostic>) {
        for (name, origins) in &self.names {
            if origins.len() > 1 {
                let mut sorted = origins.clone();
                sorted.sort();
                errors.push(error(
                    "E02",
                    None,
                    format!(
                        "{} name {name} is produced by {}{}",
                        self.kind,
                        join_and(&sorted),
                        self.hint.map_or_else(String::new, |h| format!("; {h}"))
                    ),
                ));
            }
        }
    }
}

/// Checks a RabbitMQ name against the AMQP `shortstr` limit (E03).
pub fn check_amqp_len(kind: &str, name: &str, hint: &str, errors: &mut Vec<Diagnostic>) {
    if name.len() > AMQP_NAME_LIMIT {
        errors.push(error(
            "E03",
            None,
            format!(
                "{kind} name \"{name}\" is {} bytes; RabbitMQ allows {AMQP_NAME_LIMIT}. {hint}",
                name.len()
            ),
        ));
    }
}

/// Whether `name` is a legal Kafka topic name: 1 to 249 characters of `[a-zA-Z0-9._-]`, not
/// `.` or `..`.
pub fn is_kafka_topic_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= KAFKA_TOPIC_LIMIT
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Whether `name` is a DNS-1123 subdomain of at most 253 characters.
pub fn is_dns1123_subdomain(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= K8S_NAME_LIMIT
        && name.split('.').all(|label| {
            let bytes = label.as_bytes();
            match (bytes.first(), bytes.last()) {
                (Some(first), Some(last)) => {
                    is_lower_alnum(*first)
                        && is_lower_alnum(*last)
                        && bytes.iter().all(|b| is_lower_alnum(*b) || *b == b'-')
                }
                _ => false,
            }
        })
}

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// Whether `value` is a Kubernetes label value: at most 63 characters matching
/// `(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?`.
pub fn is_label_value(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() > K8S_LABEL_LIMIT {
        return false;
    }
    match (bytes.first(), bytes.last()) {
        (None, _) | (_, None) => true,
        (Some(first), Some(last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        }
    }
}

/// Whether `key` is a qualified Kubernetes label or annotation key: an optional DNS-subdomain
/// prefix and `/`, then a non-empty name of at most 63 characters with the label-value pattern.
pub fn is_qualified_key(key: &str) -> bool {
    let (prefix, name) = match key.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    prefix.is_none_or(is_dns1123_subdomain) && !name.is_empty() && is_label_value(name)
}

/// `a`, `a and b`, `a, b and c`.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A diagnostic without a line number.
pub fn error(code: &'static str, flow: Option<&str>, message: String) -> Diagnostic {
    Diagnostic {
        code,
        flow: flow.map(str::to_owned),
        line: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitise_follows_the_spec_examples() {
        assert_eq!(sanitise("Lager Süd (Ålesund)"), "lager-sud-alesund");
        assert_eq!(sanitise("Transport Portal"), "transport-portal");
        assert_eq!(sanitise("ERP"), "erp");
        assert_eq!(sanitise("Nordic Seafood"), "nordic-seafood");
        assert_eq!(sanitise("Margin Report"), "margin-report");
        assert_eq!(sanitise("a.b"), "a-b");
        assert_eq!(sanitise("__x__y--"), "x__y");
        assert_eq!(sanitise("Straße & Größe Ø Æ"), "strasse-grosse-o-ae");
        assert_eq!(sanitise("Bestellübersicht"), sanitise("Bestellubersicht"));
        assert_eq!(sanitise("\u{E000}\u{E001}"), "");
        assert_eq!(sanitise(" -_ "), "");
    }

    #[test]
    fn regexes_are_anchored_escaped_and_grouped() {
        assert_eq!(anchored_regex(["a.b*c"]), "^a\\.b\\*c$");
        assert_eq!(anchored_regex(["b", "a"]), "^(a|b)$");
        assert_eq!(anchored_regex(std::iter::empty()), "^$");
        assert_eq!(
            regex_escape("\\.^$|?*+()[]{}"),
            "\\\\\\.\\^\\$\\|\\?\\*\\+\\(\\)\\[\\]\\{\\}"
        );
    }

    #[test]
    fn kubernetes_and_kafka_name_rules() {
        assert!(is_dns1123_subdomain("wms.stock.v2"));
        assert!(!is_dns1123_subdomain("ERP_CustomerMaster"));
        assert!(!is_dns1123_subdomain("a..b"));
        assert!(!is_dns1123_subdomain("-a"));
        assert!(is_label_value("my-cluster"));
        assert!(is_label_value(""));
        assert!(!is_label_value("-x"));
        assert!(!is_label_value(&"a".repeat(64)));
        assert!(is_qualified_key("strimzi.io/cluster"));
        assert!(is_qualified_key("switchboard/flows"));
        assert!(!is_qualified_key("/x"));
        assert!(is_kafka_topic_name("wms.stock_x.v1"));
        assert!(!is_kafka_topic_name("bad topic!"));
        assert!(!is_kafka_topic_name(".."));
    }

    #[test]
    fn namespace_reports_each_collision_with_both_origins() {
        let mut ns = Namespace::new("queue");
        ns.add("erp.stock", "flow F1");
        ns.add("erp.stock", "flow F1");
        ns.add("erp.stock", "flow F7");
        ns.add("dwh.stock", "flow F2");
        let mut errors = Vec::new();
        ns.collisions(&mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "E02");
        assert_eq!(
            errors[0].message,
            "queue name erp.stock is produced by flow F1 and flow F7"
        );
    }
}
