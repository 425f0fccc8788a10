//! The common selection and naming of every broker export (`exports.md` §1.1–§1.5, §2.2 Q2):
//! which flows are exported, their producers, consumer, dataset, contract major, routing key and
//! queue, with the warnings and errors that every broker target shares.
//!
//! The document model is mapped onto §1.1 as follows (see `docs/exports.md`): the producers
//! of a flow are the systems holding its input datasets, the consumer is the system holding its
//! output dataset, the dataset text is the output dataset's name (its local id when the name is
//! empty), the freshness SLA is the output dataset's `stale_after_minutes`, and owners are team
//! ids.
//!
//! Depends on `model`, `export::names`, `export::schedule`, `export::version` and
//! `export::output`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Contract, Flow, KafkaOverrides, Landscape, Pattern, System};

use super::names::{check_amqp_len, error, join_and, sanitise};
use super::output::Diagnostic;
use super::plan_check::{check_publications, check_rabbit_names};
use super::schedule_text::schedule_text;
use super::version::major_version;

/// A system that takes part in at least one exported flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSystem {
    /// The system's id in the document.
    pub id: String,
    /// The display name.
    pub name: String,
    /// The name component (`wms`).
    pub component: String,
    /// The owning team's id.
    pub owner: Option<String>,
}

/// What a producer publishes for a flow: one of its own datasets under the flow's contract major.
/// Names built from it (routing key, Kafka topic) depend only on what is published, never on the
/// consumer, so every consumer of one published dataset binds to the same key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Publication {
    /// The producer's component (`wms`).
    pub producer_component: String,
    /// `<dataset>.v<major>`, from the producer's dataset.
    pub routing_key: String,
    /// The producer system's id.
    pub producer: String,
    /// The full id of the producer's dataset (`sys-wms.stock`).
    pub dataset_id: String,
    /// The producer's dataset as written in the document (`Stock`).
    pub dataset_text: String,
    /// The producer's dataset component (`stock`).
    pub dataset: String,
}

impl Publication {
    /// The producer's topic exchange.
    pub fn exchange(&self) -> String {
        format!("{}.events", self.producer_component)
    }

    /// The Kafka topic `<producer>.<dataset>.v<major>`.
    pub fn topic(&self) -> String {
        format!("{}.{}", self.producer_component, self.routing_key)
    }
}

/// An exported flow with every name the targets need.
#[derive(Debug, Clone)]
pub struct PlannedFlow<'a> {
    pub id: String,
    /// Producer system ids, sorted.
    pub producers: Vec<String>,
    /// Producer components, sorted.
    pub producer_components: Vec<String>,
    /// Consumer system id.
    pub consumer: String,
    /// Consumer component.
    pub consumer_component: String,
    /// The consumer's dataset as written in the document (`Margin Report`).
    pub dataset_text: String,
    /// The consumer's dataset component (`margin-report`).
    pub dataset: String,
    /// What the producers publish, sorted by (producer, routing key), without repeats.
    pub publications: Vec<Publication>,
    pub contract: Option<&'a Contract>,
    /// The contract's major version (0 without contract or without a leading number).
    pub major: u64,
    /// The consumer's queue: `<consumer>.<dataset>`, or `<consumer>.<export name>` when the
    /// flow pins one. It depends on this flow alone.
    pub queue: String,
    pub dlq: bool,
    /// `retry.max_attempts`, at least 1.
    pub max_attempts: u32,
    pub buffered: bool,
    pub via_hub: bool,
    pub pattern: Pattern,
    /// The owning team's id.
    pub owner: Option<String>,
    /// The schedule text of §1.5.
    pub schedule: String,
    /// The freshness SLA in minutes.
    pub freshness_minutes: Option<u32>,
    pub kafka: Option<&'a KafkaOverrides>,
    /// `flow F5 (DWH -> ERP, Margin Report)`, the prefix of flow warnings.
    pub label: String,
}

impl PlannedFlow<'_> {
    /// The distinct routing keys the flow's queue binds, sorted.
    pub fn routing_keys(&self) -> Vec<&str> {
        let keys: BTreeSet<&str> = self
            .publications
            .iter()
            .map(|p| p.routing_key.as_str())
            .collect();
        keys.into_iter().collect()
    }

    /// The dead-letter queue's name, if the flow has one.
    pub fn dlq_name(&self) -> Option<String> {
        self.dlq.then(|| format!("{}.dlq", self.queue))
    }

    /// The consumer's re-drive exchange `<consumer>.redrive` (direct), if the flow has a DLQ:
    /// the consumer publishes a dead letter there with its queue's name as routing key, and it
    /// goes back to that queue and nowhere else.
    pub fn redrive_exchange(&self) -> Option<String> {
        self.dlq
            .then(|| format!("{}.redrive", self.consumer_component))
    }
}

/// The exported part of a landscape.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub landscape_name: String,
    /// The RabbitMQ virtual host.
    pub vhost: String,
    /// Systems that produce or consume an exported flow, by system id.
    pub systems: BTreeMap<String, PlannedSystem>,
    /// Exported flows, sorted by flow id.
    pub flows: Vec<PlannedFlow<'a>>,
    /// W01, W02, W03, W13.
    pub warnings: Vec<Diagnostic>,
}

impl Plan<'_> {
    /// The component of a planned system (empty if unknown, which cannot happen for planned ids).
    pub fn component(&self, system_id: &str) -> &str {
        self.systems
            .get(system_id)
            .map_or("", |s| s.component.as_str())
    }
}

/// Whether a flow reaches the broker targets (§1.2).
pub fn is_exported(flow: &Flow) -> bool {
    flow.pattern == Pattern::MessageQueue || flow.via_hub
}

/// Selects and names the exported flows. `vhost_override` is the `--vhost` option, which wins
/// over the document's `export_vhost`. All errors are collected.
pub fn plan<'a>(
    landscape: &'a Landscape,
    vhost_override: Option<&str>,
) -> Result<Plan<'a>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();

    let vhost = match (vhost_override, &landscape.export_vhost) {
        (Some(option), _) => {
            let vhost = sanitise(option);
            if vhost.is_empty() {
                errors.push(error(
                    "E05",
                    None,
                    format!("--vhost \"{option}\" has no usable characters for a broker name"),
                ));
            }
            vhost
        }
        (None, Some(name)) => {
            let vhost = sanitise(name);
            if vhost.is_empty() {
                errors.push(error(
                    "E01",
                    None,
                    format!(
                        "export vhost \"{name}\" has no usable characters for a broker name; \
                         set another export vhost"
                    ),
                ));
            }
            vhost
        }
        (None, None) => {
            let vhost = sanitise(&landscape.name);
            if vhost.is_empty() {
                errors.push(error(
                    "E01",
                    None,
                    format!(
                        "landscape \"{}\" has no usable characters for a broker name; set an \
                         export vhost",
                        landscape.name
                    ),
                ));
            }
            vhost
        }
    };
    check_amqp_len("vhost", &vhost, "Set a shorter export vhost.", &mut errors);

    let mut systems: BTreeMap<String, PlannedSystem> = BTreeMap::new();
    let mut drafts = Vec::new();
    let mut flows: Vec<&Flow> = landscape.flows.iter().collect();
    flows.sort_by(|a, b| a.id.cmp(&b.id));
    for flow in flows {
        let producers = landscape.flow_source_systems(flow);
        let consumer = landscape.flow_target_system(flow);
        let dataset_text = dataset_text(landscape, flow);
        let label = flow_label(landscape, flow, &producers, consumer, &dataset_text);
        if !is_exported(flow) {
            warnings.push(error(
                "W01",
                Some(&flow.id),
                format!(
                    "{label}: not exported (point-to-point: pattern {})",
                    flow.pattern.as_str()
                ),
            ));
            continue;
        }
        let Some(consumer) = check_endpoints(landscape, flow, &producers, consumer, &mut errors)
        else {
            continue;
        };
        for id in producers.iter().chain(std::iter::once(&consumer)) {
            if let Some(system) = landscape.system(id) {
                systems
                    .entry(id.clone())
                    .or_insert_with(|| planned_system(system));
            }
        }
        drafts.push((flow, producers, consumer, dataset_text, label));
    }

    // System components: empty names and collisions.
    let mut by_component: BTreeMap<&str, Vec<&PlannedSystem>> = BTreeMap::new();
    for system in systems.values() {
        if system.component.is_empty() {
            errors.push(error(
                "E01",
                None,
                format!(
                    "system \"{}\" (id {}) has no usable characters for a broker name; set an \
                     export name",
                    system.name, system.id
                ),
            ));
        } else {
            by_component
                .entry(system.component.as_str())
                .or_default()
                .push(system);
        }
    }
    for (component, group) in &by_component {
        if group.len() > 1 {
            let names: Vec<String> = group
                .iter()
                .map(|s| format!("\"{}\" (id {})", s.name, s.id))
                .collect();
            errors.push(error(
                "E02",
                None,
                format!(
                    "systems {} both export as \"{component}\"; set an export name on one of them",
                    join_and(&names)
                ),
            ));
        }
    }

    let mut planned = Vec::new();
    for (flow, producers, consumer, dataset_text, label) in drafts {
        let dataset = sanitise(&dataset_text);
        if dataset.is_empty() {
            errors.push(error(
                "E01",
                Some(&flow.id),
                format!(
                    "flow {}: dataset \"{dataset_text}\" has no usable characters for a broker \
                     name; rename the dataset",
                    flow.id
                ),
            ));
        }
        let contract = match &flow.contract {
            Some(id) => {
                if let Some(contract) = landscape.contract(id) {
                    Some(contract)
                } else {
                    errors.push(error(
                        "E04",
                        Some(&flow.id),
                        format!("flow {}: contract {id} does not exist", flow.id),
                    ));
                    continue;
                }
            }
            None => None,
        };
        let major = match contract {
            None => {
                warnings.push(error(
                    "W02",
                    Some(&flow.id),
                    format!(
                        "flow {}: no contract; routing key uses version 0 (v0)",
                        flow.id
                    ),
                ));
                0
            }
            Some(contract) => major_version(&contract.version).unwrap_or_else(|| {
                warnings.push(error(
                    "W03",
                    Some(&flow.id),
                    format!(
                        "flow {}: contract version \"{}\" has no leading major number; using v0",
                        flow.id, contract.version
                    ),
                ));
                0
            }),
        };
        let text = schedule_text(&flow.schedule);
        let (schedule, approximate) = (text.text, !text.exact);
        if approximate {
            warnings.push(error(
                "W13",
                Some(&flow.id),
                format!(
                    "flow {}: the daily times cannot be written as one cron expression; \
                     documented as \"{schedule}\"",
                    flow.id
                ),
            ));
        }
        let mut producer_components: Vec<String> = producers
            .iter()
            .map(|p| {
                systems
                    .get(p)
                    .map(|s| s.component.clone())
                    .unwrap_or_default()
            })
            .collect();
        producer_components.sort();
        let consumer_component = systems
            .get(&consumer)
            .map(|s| s.component.clone())
            .unwrap_or_default();
        let freshness_minutes = landscape
            .dataset(&flow.output)
            .and_then(|d| d.dataset.stale_after_minutes);
        let publications = publications(landscape, flow, &systems, major, &mut errors);
        let queue_part = match &flow.export_name {
            Some(pinned) => pinned_queue_part(flow, pinned, &mut errors),
            None => dataset.clone(),
        };
        planned.push(PlannedFlow {
            id: flow.id.clone(),
            producers,
            producer_components,
            queue: format!("{consumer_component}.{queue_part}"),
            consumer,
            consumer_component,
            publications,
            dataset_text,
            dataset,
            contract,
            major,
            dlq: flow.dlq,
            max_attempts: flow.retry.max_attempts.max(1),
            buffered: flow.buffered,
            via_hub: flow.via_hub,
            pattern: flow.pattern,
            owner: flow.owner.clone(),
            schedule,
            freshness_minutes,
            kafka: flow.kafka.as_ref(),
            label,
        });
    }

    check_publications(landscape, &planned, &mut errors);
    check_rabbit_names(&systems, &planned, &mut errors);

    if errors.is_empty() {
        warnings.sort();
        Ok(Plan {
            landscape_name: landscape.name.clone(),
            vhost,
            systems,
            flows: planned,
            warnings,
        })
    } else {
        errors.sort();
        Err(errors)
    }
}

fn planned_system(system: &System) -> PlannedSystem {
    let source = system.export_name.as_deref().unwrap_or(&system.name);
    PlannedSystem {
        id: system.id.clone(),
        name: system.name.clone(),
        component: sanitise(source),
        owner: system.owner.clone(),
    }
}

/// The dataset text of a flow: its output dataset's name, or local id when the name is empty.
fn dataset_text(landscape: &Landscape, flow: &Flow) -> String {
    match landscape.dataset(&flow.output) {
        Some(d) if !d.dataset.name.is_empty() => d.dataset.name.clone(),
        Some(d) => d.dataset.id.clone(),
        None => flow.output.clone(),
    }
}

fn system_name(landscape: &Landscape, id: &str) -> String {
    landscape
        .system(id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

fn flow_label(
    landscape: &Landscape,
    flow: &Flow,
    producers: &[String],
    consumer: Option<&str>,
    dataset_text: &str,
) -> String {
    let producer_names: Vec<String> = producers
        .iter()
        .map(|p| system_name(landscape, p))
        .collect();
    let producer_text = if producer_names.is_empty() {
        "?".to_owned()
    } else {
        producer_names.join(" + ")
    };
    let consumer_text = consumer.map_or_else(|| "?".to_owned(), |c| system_name(landscape, c));
    format!(
        "flow {} ({producer_text} -> {consumer_text}, {dataset_text})",
        flow.id
    )
}

/// E04: an exported flow needs at least one producer and one consumer, all existing.
fn check_endpoints(
    landscape: &Landscape,
    flow: &Flow,
    producers: &[String],
    consumer: Option<&str>,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut ok = true;
    for input in &flow.inputs {
        if landscape.dataset(input).is_none() {
            errors.push(error(
                "E04",
                Some(&flow.id),
                format!(
                    "flow {}: input dataset {input} does not exist (no such system or dataset)",
                    flow.id
                ),
            ));
            ok = false;
        }
    }
    if producers.is_empty() && ok {
        errors.push(error(
            "E04",
            Some(&flow.id),
            format!("flow {}: has no producer (no input dataset)", flow.id),
        ));
        ok = false;
    }
    let consumer = if let Some(consumer) = consumer {
        Some(consumer.to_owned())
    } else {
        let message = if flow.output.is_empty() {
            format!("flow {}: has no consumer (no output dataset)", flow.id)
        } else {
            format!(
                "flow {}: consumer of output dataset {} does not exist",
                flow.id, flow.output
            )
        };
        errors.push(error("E04", Some(&flow.id), message));
        None
    };
    if ok { consumer } else { None }
}

/// The publications of a flow: one per input dataset (of an existing producer), named after the
/// producer's dataset. An input dataset without usable characters is E01.
fn publications(
    landscape: &Landscape,
    flow: &Flow,
    systems: &BTreeMap<String, PlannedSystem>,
    major: u64,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Publication> {
    let mut result = BTreeSet::new();
    for input in &flow.inputs {
        let Some(found) = landscape.dataset(input) else {
            continue;
        };
        let Some(system) = systems.get(&found.system.id) else {
            continue;
        };
        let dataset_text = if found.dataset.name.is_empty() {
            found.dataset.id.clone()
        } else {
            found.dataset.name.clone()
        };
        let dataset = sanitise(&dataset_text);
        if dataset.is_empty() {
            errors.push(error(
                "E01",
                Some(&flow.id),
                format!(
                    "flow {}: published dataset \"{dataset_text}\" ({input}) has no usable \
                     characters for a broker name; rename the dataset",
                    flow.id
                ),
            ));
            continue;
        }
        result.insert(Publication {
            producer_component: system.component.clone(),
            routing_key: format!("{dataset}.v{major}"),
            producer: system.id.clone(),
            dataset_id: input.clone(),
            dataset_text,
            dataset,
        });
    }
    result.into_iter().collect()
}

/// The queue part of a flow that pins its export name; E01 when it has no usable characters.
fn pinned_queue_part(flow: &Flow, pinned: &str, errors: &mut Vec<Diagnostic>) -> String {
    let part = sanitise(pinned);
    if part.is_empty() {
        errors.push(error(
            "E01",
            Some(&flow.id),
            format!(
                "flow {}: export name \"{pinned}\" has no usable characters for a broker name; \
                 set another export name",
                flow.id
            ),
        ));
    }
    part
}
