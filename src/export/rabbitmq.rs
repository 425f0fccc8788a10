//! RabbitMQ definitions (`exports.md` §2): `rabbitmq/definitions.json` (vhost, exchanges,
//! queues, bindings, policies), plus `users.bootstrap.json` and `permissions.json` from
//! `export::users`.
//!
//! The JSON is built from structs whose fields are declared in alphabetical order, so that the
//! keys come out sorted whatever `serde_json` features are unified into the build.
//!
//! Depends on `model` and the `export` helpers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::Landscape;

use super::json::to_json;
use super::names::error;
use super::options::RabbitOptions;
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::plan::{Plan, plan};
use super::users::{permissions_file, users_file};

/// The `definitions.json` document.
#[derive(Debug, Serialize)]
pub struct Definitions {
    pub bindings: Vec<Binding>,
    pub exchanges: Vec<Exchange>,
    pub policies: Vec<Policy>,
    pub queues: Vec<Queue>,
    pub vhosts: Vec<Vhost>,
}

/// An empty JSON object (`{}`).
pub type Empty = BTreeMap<String, String>;

/// A binding of an exchange to a queue.
#[derive(Debug, Serialize)]
pub struct Binding {
    pub arguments: Empty,
    pub destination: String,
    pub destination_type: &'static str,
    pub routing_key: String,
    pub source: String,
    pub vhost: String,
}

/// An exchange.
#[derive(Debug, Serialize)]
pub struct Exchange {
    pub arguments: Empty,
    pub auto_delete: bool,
    pub durable: bool,
    pub internal: bool,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub vhost: String,
}

/// A per-queue policy with the retry and dead-letter settings.
#[derive(Debug, Serialize)]
pub struct Policy {
    #[serde(rename = "apply-to")]
    pub apply_to: &'static str,
    pub definition: PolicyDefinition,
    pub name: String,
    pub pattern: String,
    pub priority: u32,
    pub vhost: String,
}

/// The keys of a Switchboard policy.
#[derive(Debug, Serialize)]
pub struct PolicyDefinition {
    #[serde(
        rename = "dead-letter-exchange",
        skip_serializing_if = "Option::is_none"
    )]
    pub dead_letter_exchange: Option<String>,
    #[serde(
        rename = "dead-letter-routing-key",
        skip_serializing_if = "Option::is_none"
    )]
    pub dead_letter_routing_key: Option<String>,
    #[serde(rename = "delivery-limit")]
    pub delivery_limit: u32,
}

/// A durable quorum queue.
#[derive(Debug, Serialize)]
pub struct Queue {
    pub arguments: QueueArguments,
    pub auto_delete: bool,
    pub durable: bool,
    pub name: String,
    pub vhost: String,
}

/// The only queue argument Switchboard writes.
#[derive(Debug, Serialize)]
pub struct QueueArguments {
    #[serde(rename = "x-queue-type")]
    pub queue_type: &'static str,
}

/// The landscape's vhost.
#[derive(Debug, Serialize)]
pub struct Vhost {
    pub metadata: VhostMetadata,
    pub name: String,
}

/// Vhost metadata: description and the `switchboard` tag.
#[derive(Debug, Serialize)]
pub struct VhostMetadata {
    pub description: String,
    pub tags: Vec<String>,
}

/// Exports `rabbitmq/definitions.json`, `rabbitmq/permissions.json` and
/// `rabbitmq/users.bootstrap.json`.
pub fn export_rabbitmq(
    landscape: &Landscape,
    options: &RabbitOptions,
) -> Result<ExportOutput, Vec<Diagnostic>> {
    let plan = plan(landscape, options.vhost.as_deref())?;
    let mut warnings = plan.warnings.clone();
    warnings.extend(rabbit_warnings(&plan));
    warnings.sort();
    let definitions = definitions(&plan);
    let internal = |e: serde_json::Error| vec![error("E00", None, format!("internal: {e}"))];
    let files = vec![
        ExportFile::text(
            "rabbitmq/definitions.json",
            to_json(&definitions).map_err(internal)?,
        ),
        ExportFile::text(
            "rabbitmq/permissions.json",
            to_json(&permissions_file(&plan)).map_err(internal)?,
        ),
        ExportFile::text(
            "rabbitmq/users.bootstrap.json",
            to_json(&users_file(&plan)).map_err(internal)?,
        ),
    ];
    Ok(ExportOutput { files, warnings })
}

/// W04 (retries without DLQ), W05 (not buffered) and W14 (one attempt without DLQ: no delivery
/// limit, so RabbitMQ 3.10 redelivers a requeued message forever) of the exported flows.
fn rabbit_warnings(plan: &Plan<'_>) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for flow in &plan.flows {
        if flow.max_attempts > 1 && !flow.dlq {
            warnings.push(error(
                "W04",
                Some(&flow.id),
                format!(
                    "{}: {} attempts but no dead-letter queue; messages still failing after {} \
                     deliveries are DROPPED by the broker",
                    flow.label, flow.max_attempts, flow.max_attempts
                ),
            ));
        }
        if flow.max_attempts == 1 && !flow.dlq {
            warnings.push(error(
                "W14",
                Some(&flow.id),
                format!(
                    "{}: one attempt and no dead-letter queue, so no delivery limit is written; \
                     RabbitMQ 3.10 redelivers a requeued message forever (4.x stops after 20). \
                     Add a DLQ or set retry attempts",
                    flow.label
                ),
            ));
        }
        if !flow.buffered {
            warnings.push(error(
                "W05",
                Some(&flow.id),
                format!(
                    "{}: not marked buffered, exported as a durable quorum queue anyway",
                    flow.label
                ),
            ));
        }
    }
    warnings
}

/// The topology of §2.2 (rules V1, X1, R1, Q1, B1, L1–L3, P1, P2), sorted as §2.2 says.
pub fn definitions(plan: &Plan<'_>) -> Definitions {
    let vhost = plan.vhost.clone();
    let exchange = |name: String, kind: &'static str| Exchange {
        arguments: Empty::new(),
        auto_delete: false,
        durable: true,
        internal: false,
        name,
        kind,
        vhost: vhost.clone(),
    };
    let queue = |name: String| Queue {
        arguments: QueueArguments {
            queue_type: "quorum",
        },
        auto_delete: false,
        durable: true,
        name,
        vhost: vhost.clone(),
    };
    let binding = |source: String, destination: String, routing_key: String| Binding {
        arguments: Empty::new(),
        destination,
        destination_type: "queue",
        routing_key,
        source,
        vhost: vhost.clone(),
    };

    let mut exchange_names: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut queues = Vec::new();
    let mut bindings = Vec::new();
    let mut policies = Vec::new();
    for flow in &plan.flows {
        for publication in &flow.publications {
            exchange_names.insert(publication.exchange(), "topic");
            bindings.push(binding(
                publication.exchange(),
                flow.queue.clone(),
                publication.routing_key.clone(),
            ));
        }
        queues.push(queue(flow.queue.clone()));
        let dlx = format!("{}.dlx", flow.consumer_component);
        if let Some(dlq) = flow.dlq_name() {
            exchange_names.insert(dlx.clone(), "direct");
            queues.push(queue(dlq.clone()));
            bindings.push(binding(dlx.clone(), dlq, flow.queue.clone()));
            if let Some(redrive) = flow.redrive_exchange() {
                exchange_names.insert(redrive.clone(), "direct");
                bindings.push(binding(redrive, flow.queue.clone(), flow.queue.clone()));
            }
        }
        if flow.dlq || flow.max_attempts > 1 {
            policies.push(Policy {
                apply_to: "queues",
                definition: PolicyDefinition {
                    dead_letter_exchange: flow.dlq.then(|| dlx.clone()),
                    dead_letter_routing_key: flow.dlq.then(|| flow.queue.clone()),
                    delivery_limit: flow.max_attempts - 1,
                },
                name: format!("switchboard.{}", flow.queue),
                pattern: super::names::anchored_regex([flow.queue.as_str()]),
                priority: 100,
                vhost: vhost.clone(),
            });
        }
    }
    let mut exchanges: Vec<Exchange> = exchange_names
        .into_iter()
        .map(|(name, kind)| exchange(name, kind))
        .collect();
    exchanges.sort_by(|a, b| a.name.cmp(&b.name));
    queues.sort_by(|a, b| a.name.cmp(&b.name));
    policies.sort_by(|a, b| a.name.cmp(&b.name));
    let mut seen = BTreeSet::new();
    bindings.retain(|b| {
        seen.insert((
            b.source.clone(),
            b.destination.clone(),
            b.routing_key.clone(),
        ))
    });
    bindings.sort_by(|a, b| {
        (
            &a.source,
            a.destination_type,
            &a.destination,
            &a.routing_key,
        )
            .cmp(&(
                &b.source,
                b.destination_type,
                &b.destination,
                &b.routing_key,
            ))
    });
    Definitions {
        bindings,
        exchanges,
        policies,
        queues,
        vhosts: vec![Vhost {
            metadata: VhostMetadata {
                description: format!("Switchboard landscape: {}", plan.landscape_name),
                tags: vec!["switchboard".to_owned()],
            },
            name: vhost.clone(),
        }],
    }
}
