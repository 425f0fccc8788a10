//! The `svc-<system>` users without password material (`users.bootstrap.json`, rule U1) and their
//! least-privilege permissions (`permissions.json`, rule U2 and §2.5).
//!
//! Depends on the `export` helpers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::names::anchored_regex;
use super::plan::Plan;

/// The hashing algorithm RabbitMQ 3.10 to 4.x uses by default.
pub const HASHING_ALGORITHM: &str = "rabbit_password_hashing_sha256";

/// `{"users": [...]}`.
#[derive(Debug, Serialize)]
pub struct UsersFile {
    pub users: Vec<User>,
}

/// A RabbitMQ user; `password_hash` is `""` in the bootstrap file (no password login).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub hashing_algorithm: String,
    pub limits: BTreeMap<String, String>,
    pub name: String,
    pub password_hash: String,
    pub tags: Vec<String>,
}

/// `{"permissions": [...]}`.
#[derive(Debug, Serialize)]
pub struct PermissionsFile {
    pub permissions: Vec<Permission>,
}

/// The permissions of one user on the landscape's vhost.
#[derive(Debug, Serialize)]
pub struct Permission {
    pub configure: String,
    pub read: String,
    pub user: String,
    pub vhost: String,
    pub write: String,
}

/// The names of the `svc-*` users, sorted.
pub fn user_names(plan: &Plan<'_>) -> Vec<String> {
    let names: BTreeSet<String> = plan
        .systems
        .values()
        .map(|s| format!("svc-{}", s.component))
        .collect();
    names.into_iter().collect()
}

/// The bootstrap users: one per participating system, without password.
pub fn users_file(plan: &Plan<'_>) -> UsersFile {
    UsersFile {
        users: user_names(plan)
            .into_iter()
            .map(|name| User {
                hashing_algorithm: HASHING_ALGORITHM.to_owned(),
                limits: BTreeMap::new(),
                name,
                password_hash: String::new(),
                tags: Vec::new(),
            })
            .collect(),
    }
}

/// Permissions: configure `^$`; write the own `<system>.events` if the system produces and the
/// own `<system>.redrive` if a flow it consumes has a DLQ (re-drive, §2.5); read the queues (and
/// DLQs) of the flows it consumes.
pub fn permissions_file(plan: &Plan<'_>) -> PermissionsFile {
    let mut write: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut read: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for flow in &plan.flows {
        for producer in &flow.producer_components {
            write
                .entry(producer.as_str())
                .or_default()
                .insert(format!("{producer}.events"));
        }
        if let Some(redrive) = flow.redrive_exchange() {
            write
                .entry(flow.consumer_component.as_str())
                .or_default()
                .insert(redrive);
        }
        let reads = read.entry(flow.consumer_component.as_str()).or_default();
        reads.insert(flow.queue.clone());
        if let Some(dlq) = flow.dlq_name() {
            reads.insert(dlq);
        }
    }
    let components: BTreeSet<&str> = plan
        .systems
        .values()
        .map(|s| s.component.as_str())
        .collect();
    let permissions = components
        .into_iter()
        .map(|component| Permission {
            configure: "^$".to_owned(),
            read: anchored_regex(
                read.get(component)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            ),
            user: format!("svc-{component}"),
            vhost: plan.vhost.clone(),
            write: anchored_regex(
                write
                    .get(component)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            ),
        })
        .collect();
    PermissionsFile { permissions }
}
