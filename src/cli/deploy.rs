//! `switchboard deploy rabbitmq DIR/rabbitmq/definitions.json --url URL --user U
//! --password-env VAR [--dry-run] [--timeout-secs 30]` (`exports.md` §9): creates missing
//! `svc-*` users without password (existing users are never touched), posts the definitions and
//! permissions through the management HTTP API, reads everything back and compares it
//! (`export::compare`), and waits until every Switchboard policy is in effect.
//!
//! Exit codes: 0 deployed and verified (EXTRA allowed), 1 MISSING, DIFFERENT or NOT APPLIED,
//! 2 a request failed, 3 usage or input error.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use crate::export::compare::{
    Comparison, compare, explain_reason, flatten_reason, unapplied_policies,
};

/// Arguments of `deploy`.
#[derive(Debug, Clone, clap::Args)]
pub struct DeployArgs {
    /// The broker kind: rabbitmq.
    pub target: String,
    /// An exported `definitions.json`; `permissions.json` and `users.bootstrap.json` must be next
    /// to it.
    pub file: PathBuf,
    /// The management API URL, e.g. http://127.0.0.1:15672.
    #[arg(long)]
    pub url: String,
    /// The management user (needs the administrator tag).
    #[arg(long)]
    pub user: String,
    /// The environment variable holding the password (never pass a password as an argument).
    #[arg(long)]
    pub password_env: String,
    /// Compare and print the plan (what would be created, updated, and what is extra) without
    /// changing anything; exits 0.
    #[arg(long, visible_alias = "plan")]
    pub dry_run: bool,
    /// How long to wait for the policies to be applied.
    #[arg(long, default_value_t = 30)]
    pub timeout_secs: u64,
    /// Allow http:// to a host that is not loopback (Basic auth travels in clear text).
    #[arg(long)]
    pub insecure_http: bool,
}

/// Exit code: deployed and verified.
pub const DEPLOY_OK: u8 = 0;
/// Exit code: MISSING, DIFFERENT or NOT APPLIED after the deployment.
pub const DEPLOY_PROBLEMS: u8 = 1;
/// Exit code: a request failed.
pub const DEPLOY_REQUEST_FAILED: u8 = 2;
/// Exit code: usage or input error.
pub const DEPLOY_USAGE: u8 = 3;

/// What a deployment did and found.
#[derive(Debug, Clone, Default)]
pub struct DeployReport {
    /// Progress lines, as printed.
    pub lines: Vec<String>,
    /// The read-back comparison.
    pub comparison: Comparison,
    /// Policies not in effect: (policy, queue, actual policy).
    pub not_applied: Vec<(String, String, Option<String>)>,
    /// The exit code.
    pub exit: u8,
}

/// Runs `deploy`.
pub fn run(args: &DeployArgs) -> Result<u8> {
    let password = match std::env::var(&args.password_env) {
        Ok(p) if !p.is_empty() => p,
        _ => {
            eprintln!(
                "error: the environment variable {} is unset or empty",
                args.password_env
            );
            return Ok(DEPLOY_USAGE);
        }
    };
    let report = deploy(args, &password);
    let text = report.lines.iter().fold(String::new(), |mut text, line| {
        text.push_str(line);
        text.push('\n');
        text
    });
    super::check::print_stdout(&text)?;
    Ok(report.exit)
}

fn usage(report: &mut DeployReport, message: &str) {
    report.lines.push(format!("error: {message}"));
    report.exit = DEPLOY_USAGE;
}

/// Deploys; the password comes from the caller (the CLI reads it from the environment).
pub fn deploy(args: &DeployArgs, password: &str) -> DeployReport {
    let mut report = DeployReport::default();
    let started = Instant::now();
    if args.target != "rabbitmq" {
        usage(
            &mut report,
            &format!("unknown deploy target {} (only rabbitmq)", args.target),
        );
        return report;
    }
    if let Err(message) = check_url(&args.url, args.insecure_http) {
        usage(&mut report, &message);
        return report;
    }
    let folder = args.file.parent().unwrap_or_else(|| Path::new("."));
    let load = |path: &Path| -> Result<Value, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let files = (
        load(&args.file),
        load(&folder.join("permissions.json")),
        load(&folder.join("users.bootstrap.json")),
    );
    let (definitions, permissions, users) = match files {
        (Ok(d), Ok(p), Ok(u)) => (d, p, u),
        (d, p, u) => {
            for e in [d.err(), p.err(), u.err()].into_iter().flatten() {
                report.lines.push(format!("error: {e}"));
            }
            report.exit = DEPLOY_USAGE;
            return report;
        }
    };
    let vhosts: Vec<&Value> = definitions
        .get("vhosts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    let vhost = match vhosts.as_slice() {
        [one]
            if one
                .pointer("/metadata/tags")
                .and_then(Value::as_array)
                .is_some_and(|t| t.iter().any(|t| t == "switchboard")) =>
        {
            one.get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        }
        _ => {
            usage(
                &mut report,
                &format!(
                    "{} is not a Switchboard export (one vhost tagged \"switchboard\" expected)",
                    args.file.display()
                ),
            );
            return report;
        }
    };

    let api = Api::new(&args.url, &args.user, password);
    // Step 2: who are we talking to?
    match api.get("/api/overview") {
        Ok(overview) => {
            let version = overview
                .get("rabbitmq_version")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_owned();
            report.lines.push(format!(
                "broker: {} {} erlang {}",
                overview
                    .get("product_name")
                    .and_then(Value::as_str)
                    .unwrap_or("RabbitMQ"),
                version,
                overview
                    .get("erlang_version")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
            ));
            let supported = version.starts_with("3.1") && !version.starts_with("3.1.")
                || version.starts_with("4.");
            if !supported {
                report.lines.push(format!(
                    "warning: RabbitMQ {version} is outside the tested range 3.10 to 4.x"
                ));
            }
        }
        Err(e) => return failed(report, &e, &args.user, &args.url),
    }

    if !args.dry_run {
        // Step 3: create missing users, never touch existing ones.
        let existing: BTreeSet<String> = match api.get("/api/users") {
            Ok(list) => list
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|u| u.get("name").and_then(Value::as_str).map(str::to_owned))
                .collect(),
            Err(e) => return failed(report, &e, &args.user, &args.url),
        };
        for user in users
            .get("users")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(name) = user.get("name").and_then(Value::as_str) else {
                continue;
            };
            if existing.contains(name) {
                report
                    .lines
                    .push(format!("user exists, left untouched: {name}"));
                continue;
            }
            match api.send(
                "PUT",
                &format!("/api/users/{}", encode(name)),
                &json!({"password_hash": "", "tags": ""}),
            ) {
                Ok(status) => report
                    .lines
                    .push(format!("created passwordless user {name} -> {status}")),
                Err(e) => return failed(report, &e, &args.user, &args.url),
            }
        }
        // Step 4: one POST with the topology and the permissions.
        let mut body = serde_json::Map::new();
        for kind in ["vhosts", "exchanges", "queues", "bindings", "policies"] {
            body.insert(
                kind.to_owned(),
                definitions.get(kind).cloned().unwrap_or(json!([])),
            );
        }
        body.insert(
            "permissions".to_owned(),
            permissions.get("permissions").cloned().unwrap_or(json!([])),
        );
        match api.send("POST", "/api/definitions", &Value::Object(body)) {
            Ok(status) => report
                .lines
                .push(format!("POST /api/definitions -> {status}")),
            Err(e) => return failed(report, &e, &args.user, &args.url),
        }
    }

    // Step 5: read back and compare.
    let actual = match api.get("/api/definitions") {
        Ok(actual) => actual,
        Err(e) => return failed(report, &e, &args.user, &args.url),
    };
    report.comparison = compare(
        &[&definitions, &permissions, &users],
        &actual,
        &vhost,
        false,
    );
    for finding in &report.comparison.findings {
        let mut line = format!("  {finding}");
        if args.dry_run {
            line.push_str(&plan_note(finding));
        }
        report.lines.push(line);
    }

    // Step 6: are the Switchboard policies in effect?
    if !args.dry_run {
        let poll_start = Instant::now();
        let deadline = poll_start + Duration::from_secs(args.timeout_secs);
        let path = format!("/api/queues/{}", encode(&vhost));
        loop {
            match api.get(&path) {
                Ok(queues) => report.not_applied = unapplied_policies(&definitions, &queues),
                Err(e) => return failed(report, &e, &args.user, &args.url),
            }
            if report.not_applied.is_empty() || Instant::now() >= deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        report.lines.push(format!(
            "  applied-policy poll took {:.1} s",
            poll_start.elapsed().as_secs_f64()
        ));
        for (policy, queue, actual) in &report.not_applied {
            report.lines.push(format!(
                "  NOT APPLIED policy {policy} (queue {queue} has policy {})",
                actual.as_deref().unwrap_or("none")
            ));
        }
    }
    let problems = report.comparison.problems() + report.not_applied.len();
    report.lines.push(format!(
        "deploy {}: {problems} problem(s), {:.2} s",
        if args.dry_run { "plan" } else { "check" },
        started.elapsed().as_secs_f64()
    ));
    report.exit = if problems == 0 || args.dry_run {
        DEPLOY_OK
    } else {
        DEPLOY_PROBLEMS
    };
    report
}

fn plan_note(finding: &crate::export::compare::Finding) -> String {
    use crate::export::compare::Finding;
    match finding {
        Finding::Missing { .. } => " (will be created)".to_owned(),
        Finding::Different { kind, .. } if kind == "policies" || kind == "permissions" => {
            " (will be updated)".to_owned()
        }
        Finding::Different { .. } => {
            " (will NOT change on import (immutable): delete/recreate or rename)".to_owned()
        }
        Finding::Extra { .. } => String::new(),
    }
}

fn failed(mut report: DeployReport, error: &ApiError, user: &str, url: &str) -> DeployReport {
    let message = match error {
        ApiError::Status(401, _) => {
            format!("authentication failed for user {user} (needs the administrator tag)")
        }
        ApiError::Status(status, body) => {
            let reason = serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v.get("reason").map(flatten_reason))
                .unwrap_or_else(|| body.clone());
            match explain_reason(&reason) {
                Some(explanation) => format!("HTTP {status}: {reason} ({explanation})"),
                None => format!("HTTP {status}: {reason}"),
            }
        }
        ApiError::Transport(e) => {
            format!("{e}: is the management plugin enabled and listening on {url}?")
        }
    };
    report.lines.push(format!("error: {message}"));
    report.exit = DEPLOY_REQUEST_FAILED;
    report
}

/// `http://` only to loopback unless allowed; `https://` needs TLS, which this build lacks.
fn check_url(url: &str, insecure_http: bool) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("http://") else {
        if url.starts_with("https://") {
            return Err(
                "https:// is not supported by this build (no TLS); tunnel to a loopback port"
                    .to_owned(),
            );
        }
        return Err(format!("{url}: the URL must start with http://"));
    };
    let authority = rest.split('/').next().unwrap_or("");
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    if matches!(host, "127.0.0.1" | "::1" | "localhost") || insecure_http {
        Ok(())
    } else {
        Err(format!(
            "http:// to {host} would send the password in clear text; use a loopback host or \
             --insecure-http"
        ))
    }
}

/// Percent-encodes a path segment (`/` becomes `%2F`).
fn encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[derive(Debug)]
enum ApiError {
    Status(u16, String),
    Transport(String),
}

struct Api {
    base: String,
    auth: String,
    agent: ureq::Agent,
}

impl Api {
    fn new(url: &str, user: &str, password: &str) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Self {
            base: url.trim_end_matches('/').to_owned(),
            auth: format!("Basic {}", STANDARD.encode(format!("{user}:{password}"))),
            agent,
        }
    }

    fn get(&self, path: &str) -> Result<Value, ApiError> {
        let response = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Authorization", &self.auth)
            .call()
            .map_err(|e| ApiError::Transport(e.to_string()))?;
        let status = response.status().as_u16();
        let body = response
            .into_body()
            .read_to_string()
            .map_err(|e| ApiError::Transport(e.to_string()))?;
        if status >= 300 {
            return Err(ApiError::Status(status, body));
        }
        serde_json::from_str(&body).map_err(|e| ApiError::Transport(format!("GET {path}: {e}")))
    }

    fn send(&self, method: &str, path: &str, body: &Value) -> Result<u16, ApiError> {
        let url = format!("{}{path}", self.base);
        let request = match method {
            "PUT" => self.agent.put(url),
            _ => self.agent.post(url),
        };
        let response = request
            .header("Authorization", &self.auth)
            .header("Content-Type", "application/json")
            .send_json(body)
            .map_err(|e| ApiError::Transport(e.to_string()))?;
        let status = response.status().as_u16();
        if status >= 300 {
            let text = response.into_body().read_to_string().unwrap_or_default();
            return Err(ApiError::Status(status, text));
        }
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback() {
        assert!(check_url("http://127.0.0.1:15672", false).is_ok());
        assert!(check_url("http://localhost:15672/", false).is_ok());
        assert!(check_url("http://[::1]:15672", false).is_ok());
        assert!(check_url("http://broker.example:15672", false).is_err());
        assert!(check_url("http://broker.example:15672", true).is_ok());
        assert!(check_url("ftp://x", true).is_err());
    }

    #[test]
    fn vhost_segments_are_percent_encoded() {
        assert_eq!(encode("/"), "%2F");
        assert_eq!(encode("nordic-seafood"), "nordic-seafood");
    }
}
