//! AsyncAPI 3.0.0, one document per system (`exports.md` §3): a `send` operation per routing key
//! the system publishes, a `receive` operation per queue it consumes, the contracts as messages
//! and schemas, the designer metadata in `x-switchboard-*`, and Kafka bindings with `--kafka`.
//! Written with `serde-saphyr` from structs in the key order of §3.1.
//!
//! Depends on `model` and the `export` helpers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::model::{Contract, Landscape};

use super::kafka::{Topic, topics};
use super::names::{error, sanitise};
use super::options::{AsyncApiOptions, KafkaOptions};
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::plan::{Plan, PlannedFlow, PlannedSystem, Publication, plan};
use super::version::compare_versions;

const AMQP_BINDING: &str = "0.3.0";
const KAFKA_BINDING: &str = "0.5.0";

#[derive(Debug, Serialize)]
struct Document {
    asyncapi: &'static str,
    info: Info,
    #[serde(rename = "defaultContentType")]
    default_content_type: &'static str,
    servers: Servers,
    channels: BTreeMap<String, Channel>,
    operations: BTreeMap<String, Operation>,
    components: Components,
}

#[derive(Debug, Serialize)]
struct Info {
    title: String,
    version: String,
    description: String,
    #[serde(rename = "x-switchboard-landscape")]
    landscape: String,
    #[serde(rename = "x-switchboard-system")]
    system: String,
    #[serde(
        rename = "x-switchboard-owner",
        skip_serializing_if = "Option::is_none"
    )]
    owner: Option<String>,
}

#[derive(Debug, Serialize)]
struct Servers {
    rabbitmq: Server,
    #[serde(skip_serializing_if = "Option::is_none")]
    kafka: Option<Server>,
}

#[derive(Debug, Serialize)]
struct Server {
    host: String,
    protocol: &'static str,
    #[serde(rename = "protocolVersion", skip_serializing_if = "Option::is_none")]
    protocol_version: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct Ref {
    #[serde(rename = "$ref")]
    target: String,
}

impl Ref {
    fn new(target: String) -> Self {
        Self { target }
    }
}

#[derive(Debug, Serialize)]
struct Channel {
    address: String,
    messages: BTreeMap<String, Ref>,
    bindings: ChannelBindings,
    #[serde(
        rename = "x-switchboard-routing",
        skip_serializing_if = "Option::is_none"
    )]
    routing: Option<Routing>,
    #[serde(
        rename = "x-switchboard-kafka-topics",
        skip_serializing_if = "Option::is_none"
    )]
    kafka_topics: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct ChannelBindings {
    amqp: AmqpChannelBinding,
    #[serde(skip_serializing_if = "Option::is_none")]
    kafka: Option<KafkaChannelBinding>,
}

#[derive(Debug, Serialize)]
struct AmqpChannelBinding {
    is: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exchange: Option<AmqpExchange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    queue: Option<AmqpQueue>,
    #[serde(rename = "bindingVersion")]
    binding_version: &'static str,
}

#[derive(Debug, Serialize)]
struct AmqpExchange {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    durable: bool,
    #[serde(rename = "autoDelete")]
    auto_delete: bool,
    vhost: String,
}

#[derive(Debug, Serialize)]
struct AmqpQueue {
    name: String,
    durable: bool,
    exclusive: bool,
    #[serde(rename = "autoDelete")]
    auto_delete: bool,
    vhost: String,
}

#[derive(Debug, Serialize)]
struct KafkaChannelBinding {
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<String>,
    partitions: i64,
    replicas: i64,
    #[serde(rename = "topicConfiguration")]
    topic_configuration: TopicConfiguration,
    #[serde(rename = "bindingVersion")]
    binding_version: &'static str,
}

#[derive(Debug, Serialize)]
struct TopicConfiguration {
    #[serde(rename = "cleanup.policy")]
    cleanup_policy: Vec<&'static str>,
    #[serde(rename = "retention.ms")]
    retention_ms: i64,
}

#[derive(Debug, Serialize)]
struct Routing {
    exchanges: Vec<String>,
    /// The key when every producer publishes under one key.
    #[serde(rename = "routingKey", skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// The keys when the producers publish under several (sorted).
    #[serde(rename = "routingKeys", skip_serializing_if = "Option::is_none")]
    keys: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct Operation {
    action: &'static str,
    channel: Ref,
    messages: Vec<Ref>,
    bindings: OperationBindings,
    #[serde(rename = "x-switchboard-flows")]
    flows: Vec<FlowEntry>,
}

#[derive(Debug, Serialize)]
struct OperationBindings {
    amqp: AmqpOperationBinding,
    #[serde(skip_serializing_if = "Option::is_none")]
    kafka: Option<KafkaOperationBinding>,
}

#[derive(Debug, Serialize)]
struct AmqpOperationBinding {
    #[serde(rename = "deliveryMode", skip_serializing_if = "Option::is_none")]
    delivery_mode: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mandatory: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ack: Option<bool>,
    #[serde(rename = "bindingVersion")]
    binding_version: &'static str,
}

#[derive(Debug, Serialize)]
struct KafkaOperationBinding {
    #[serde(rename = "groupId")]
    group_id: GroupId,
    #[serde(rename = "bindingVersion")]
    binding_version: &'static str,
}

#[derive(Debug, Serialize)]
struct GroupId {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "enum")]
    values: Vec<String>,
}

#[derive(Debug, Serialize)]
struct FlowEntry {
    flow: String,
    producers: Vec<String>,
    consumer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    pattern: &'static str,
    schedule: String,
    #[serde(rename = "freshnessSla", skip_serializing_if = "Option::is_none")]
    freshness_sla: Option<String>,
    #[serde(rename = "maxAttempts")]
    max_attempts: u32,
    #[serde(rename = "deadLetterQueue", skip_serializing_if = "Option::is_none")]
    dead_letter_queue: Option<String>,
    buffered: bool,
    #[serde(rename = "viaHub", skip_serializing_if = "Option::is_none")]
    via_hub: Option<bool>,
}

#[derive(Debug, Serialize)]
struct Components {
    messages: BTreeMap<String, Message>,
    schemas: BTreeMap<String, Schema>,
}

#[derive(Debug, Serialize)]
struct Message {
    name: String,
    title: String,
    #[serde(rename = "contentType", skip_serializing_if = "Option::is_none")]
    content_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<Ref>,
    #[serde(
        rename = "x-switchboard-contract",
        skip_serializing_if = "Option::is_none"
    )]
    contract: Option<ContractInfo>,
}

#[derive(Debug, Serialize)]
struct ContractInfo {
    name: String,
    version: String,
    format: String,
}

#[derive(Debug, Serialize)]
struct Schema {
    #[serde(rename = "type")]
    kind: &'static str,
    properties: Properties,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    required: Vec<String>,
}

/// Contract fields in contract order, serialised as a map.
#[derive(Debug)]
struct Properties(Vec<(String, Property)>);

impl Serialize for Properties {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, property) in &self.0 {
            map.serialize_entry(name, property)?;
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
struct Property {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(rename = "x-unit", skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
}

const NO_CONTRACT_DESCRIPTION: &str =
    "The design has no contract for this flow; the payload is not specified.";

/// What a channel's message documents: a contract (by name and version) or no contract.
#[derive(Debug, Clone, Copy)]
struct MessageSource<'a> {
    contract: Option<&'a Contract>,
    major: u64,
    dataset: &'a str,
    dataset_text: &'a str,
}

impl MessageSource<'_> {
    fn id(&self) -> String {
        match self.contract {
            Some(c) => format!("{}.v{}", sanitise(&c.name), self.major),
            None => format!("{}.v0", self.dataset),
        }
    }

    fn origin(&self) -> String {
        match self.contract {
            Some(c) => format!("contract \"{}\"", c.name),
            None => "no contract".to_owned(),
        }
    }
}

/// Exports `asyncapi/<system>.yaml` for every system with an exported flow.
pub fn export_asyncapi(
    landscape: &Landscape,
    options: &AsyncApiOptions,
) -> Result<ExportOutput, Vec<Diagnostic>> {
    let plan = plan(landscape, options.vhost.as_deref())?;
    let mut warnings = plan.warnings.clone();
    let mut errors = Vec::new();
    let kafka = match &options.kafka {
        Some(kafka_options) => {
            let kafka_options = KafkaOptions {
                vhost: options.vhost.clone(),
                ..kafka_options.clone()
            };
            let (topics, kafka_warnings) = topics(&plan, &kafka_options)?;
            warnings.extend(kafka_warnings);
            Some(
                topics
                    .into_iter()
                    .map(|t| (t.name.clone(), t))
                    .collect::<BTreeMap<_, _>>(),
            )
        }
        None => None,
    };
    contract_warnings(&plan, &mut warnings, &mut errors);

    let mut files = Vec::new();
    let mut systems: Vec<&PlannedSystem> = plan.systems.values().collect();
    systems.sort_by(|a, b| a.component.cmp(&b.component));
    for system in systems {
        let Some(document) = document(
            &plan,
            system,
            options,
            kafka.as_ref(),
            &mut warnings,
            &mut errors,
        ) else {
            continue;
        };
        match serde_saphyr::to_string(&document) {
            Ok(text) => files.push(ExportFile::text(
                format!("asyncapi/{}.yaml", system.component),
                text,
            )),
            Err(e) => errors.push(error("E00", None, format!("internal: {e}"))),
        }
    }
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    warnings.sort();
    warnings.dedup();
    Ok(ExportOutput { files, warnings })
}

/// W07 (unknown field type), W08 (unknown format), E01 (contract name) and E02 (duplicate
/// field) for every exported flow's contract.
fn contract_warnings(
    plan: &Plan<'_>,
    warnings: &mut Vec<Diagnostic>,
    errors: &mut Vec<Diagnostic>,
) {
    for flow in &plan.flows {
        let Some(contract) = flow.contract else {
            continue;
        };
        if sanitise(&contract.name).is_empty() {
            errors.push(error(
                "E01",
                Some(&flow.id),
                format!(
                    "contract \"{}\" (id {}) has no usable characters for an AsyncAPI message \
                     id; rename the contract",
                    contract.name, contract.id
                ),
            ));
        }
        if content_type(&contract.format).is_none() {
            warnings.push(error(
                "W08",
                Some(&flow.id),
                format!(
                    "flow {}: contract \"{}\" has unknown format \"{}\"; content type \
                     application/octet-stream",
                    flow.id, contract.name, contract.format
                ),
            ));
        }
        let mut seen = BTreeSet::new();
        for field in &contract.fields {
            if !seen.insert(field.name.as_str()) {
                errors.push(error(
                    "E02",
                    Some(&flow.id),
                    format!(
                        "contract \"{}\" (id {}) has the field \"{}\" twice",
                        contract.name, contract.id, field.name
                    ),
                ));
            }
            if property(&field.type_name, None).kind.is_none() {
                warnings.push(error(
                    "W07",
                    Some(&flow.id),
                    format!(
                        "flow {}: field \"{}\" has unknown type \"{}\"; any value allowed",
                        flow.id, field.name, field.type_name
                    ),
                ));
            }
        }
    }
}

fn content_type(format: &str) -> Option<&'static str> {
    match format.to_ascii_lowercase().as_str() {
        "json" => Some("application/json"),
        "avro" => Some("avro/binary"),
        "csv" => Some("text/csv"),
        "xml" => Some("application/xml"),
        "protobuf" => Some("application/x-protobuf"),
        _ => None,
    }
}

fn property(type_name: &str, unit: Option<&str>) -> Property {
    let (kind, format) = match type_name.to_ascii_lowercase().as_str() {
        "string" => (Some("string"), None),
        "integer" => (Some("integer"), None),
        "number" | "decimal" => (Some("number"), None),
        "boolean" => (Some("boolean"), None),
        "timestamp" => (Some("string"), Some("date-time")),
        "date" => (Some("string"), Some("date")),
        _ => (None, None),
    };
    Property {
        kind,
        format,
        unit: unit.map(str::to_owned),
    }
}

fn flow_entry(flow: &PlannedFlow<'_>) -> FlowEntry {
    FlowEntry {
        flow: flow.id.clone(),
        producers: flow.producer_components.clone(),
        consumer: flow.consumer_component.clone(),
        owner: flow.owner.clone(),
        pattern: flow.pattern.as_str(),
        schedule: flow.schedule.clone(),
        freshness_sla: flow.freshness_minutes.map(|m| format!("PT{m}M")),
        max_attempts: flow.max_attempts,
        dead_letter_queue: flow.dlq_name(),
        buffered: flow.buffered,
        via_hub: flow.via_hub.then_some(true),
    }
}

/// The message a consumer receives, named after its own copy when there is no contract.
fn source<'a>(flow: &'a PlannedFlow<'a>) -> MessageSource<'a> {
    MessageSource {
        contract: flow.contract,
        major: flow.major,
        dataset: &flow.dataset,
        dataset_text: &flow.dataset_text,
    }
}

/// The message a producer sends, named after its own published dataset.
fn published<'a>(flow: &'a PlannedFlow<'a>, publication: &'a Publication) -> MessageSource<'a> {
    MessageSource {
        contract: flow.contract,
        major: flow.major,
        dataset: &publication.dataset,
        dataset_text: &publication.dataset_text,
    }
}

/// The source with the highest contract version of several; W12 if their versions differ.
fn highest<'a>(
    what: &str,
    sources: &[(&str, MessageSource<'a>)],
    warnings: &mut Vec<Diagnostic>,
) -> Option<MessageSource<'a>> {
    let best = sources
        .iter()
        .max_by(|a, b| match (a.1.contract, b.1.contract) {
            (Some(x), Some(y)) => compare_versions(&x.version, &y.version),
            _ => std::cmp::Ordering::Equal,
        })?
        .1;
    let versions: BTreeSet<&str> = sources
        .iter()
        .filter_map(|(_, s)| s.contract.map(|c| c.version.as_str()))
        .collect();
    if versions.len() > 1 {
        let parts: Vec<String> = sources
            .iter()
            .filter_map(|(id, s)| s.contract.map(|c| format!("{id} ({})", c.version)))
            .collect();
        warnings.push(error(
            "W12",
            None,
            format!(
                "{what}: flows {} differ; documenting {}",
                super::names::join_and(&parts),
                best.contract.map_or("", |c| c.version.as_str())
            ),
        ));
    }
    Some(best)
}

/// A flow and one of its publications, on the send side of a producer's document.
type Sent<'p> = (&'p PlannedFlow<'p>, &'p Publication);

/// The exchanges and routing keys a consumed flow's queue is bound to.
fn routing(flow: &PlannedFlow<'_>) -> Routing {
    let exchanges: BTreeSet<String> = flow
        .publications
        .iter()
        .map(Publication::exchange)
        .collect();
    let keys: Vec<String> = flow.routing_keys().into_iter().map(str::to_owned).collect();
    let (key, keys) = match keys.as_slice() {
        [one] => (Some(one.clone()), None),
        _ => (None, Some(keys)),
    };
    Routing {
        exchanges: exchanges.into_iter().collect(),
        key,
        keys,
    }
}

fn kafka_binding(topics: &[&Topic], single: bool) -> KafkaChannelBinding {
    KafkaChannelBinding {
        topic: if single {
            topics.first().map(|t| t.name.clone())
        } else {
            None
        },
        partitions: topics.iter().map(|t| t.partitions).max().unwrap_or(1),
        replicas: topics.iter().map(|t| t.replicas).max().unwrap_or(1),
        topic_configuration: TopicConfiguration {
            cleanup_policy: vec!["delete"],
            retention_ms: topics
                .iter()
                .map(|t| t.retention_ms)
                .reduce(super::kafka::longer_retention)
                .unwrap_or(0),
        },
        binding_version: KAFKA_BINDING,
    }
}

fn document(
    plan: &Plan<'_>,
    system: &PlannedSystem,
    options: &AsyncApiOptions,
    kafka: Option<&BTreeMap<String, Topic>>,
    warnings: &mut Vec<Diagnostic>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let vhost = &plan.vhost;
    let component = &system.component;
    let mut channels = BTreeMap::new();
    let mut operations = BTreeMap::new();
    // Message id → the sources documented under it in this document.
    let mut messages: BTreeMap<String, Vec<(String, MessageSource<'_>)>> = BTreeMap::new();

    // Send side: one channel per routing key this system publishes.
    let mut by_key: BTreeMap<&str, Vec<Sent<'_>>> = BTreeMap::new();
    for flow in &plan.flows {
        for publication in flow.publications.iter().filter(|p| p.producer == system.id) {
            by_key
                .entry(publication.routing_key.as_str())
                .or_default()
                .push((flow, publication));
        }
    }
    for (key, sent) in &by_key {
        let mut flows: Vec<&PlannedFlow<'_>> = sent.iter().map(|(f, _)| *f).collect();
        flows.dedup_by(|a, b| a.id == b.id);
        let names: BTreeSet<String> = sent.iter().map(|(f, p)| published(f, p).origin()).collect();
        if names.len() > 1 {
            let parts: Vec<String> = flows
                .iter()
                .map(|f| format!("{} ({})", f.id, source(f).origin()))
                .collect();
            errors.push(error(
                "E02",
                None,
                format!(
                    "routing key {key} of {}.events carries different contracts: {}",
                    component,
                    parts.join(", ")
                ),
            ));
            continue;
        }
        let sources: Vec<(&str, MessageSource<'_>)> = sent
            .iter()
            .map(|(f, p)| (f.id.as_str(), published(f, p)))
            .collect();
        let Some(best) = highest(key, &sources, warnings) else {
            continue;
        };
        let message_id = best.id();
        messages
            .entry(message_id.clone())
            .or_default()
            .push((flows[0].id.clone(), best));
        let channel_id = format!("out.{key}");
        let topic_name = format!("{component}.{key}");
        let kafka_channel = kafka.map(|topics| {
            let found: Vec<&Topic> = topics.get(&topic_name).into_iter().collect();
            kafka_binding(&found, true)
        });
        channels.insert(
            channel_id.clone(),
            Channel {
                address: (*key).to_owned(),
                messages: BTreeMap::from([(
                    message_id.clone(),
                    Ref::new(format!("#/components/messages/{message_id}")),
                )]),
                bindings: ChannelBindings {
                    amqp: AmqpChannelBinding {
                        is: "routingKey",
                        exchange: Some(AmqpExchange {
                            name: format!("{component}.events"),
                            kind: "topic",
                            durable: true,
                            auto_delete: false,
                            vhost: vhost.clone(),
                        }),
                        queue: None,
                        binding_version: AMQP_BINDING,
                    },
                    kafka: kafka_channel,
                },
                routing: None,
                kafka_topics: None,
            },
        );
        let mut entries: Vec<FlowEntry> = flows.iter().map(|f| flow_entry(f)).collect();
        entries.sort_by(|a, b| a.flow.cmp(&b.flow));
        operations.insert(
            format!("send.{key}"),
            Operation {
                action: "send",
                channel: Ref::new(format!("#/channels/{channel_id}")),
                messages: vec![Ref::new(format!(
                    "#/channels/{channel_id}/messages/{message_id}"
                ))],
                bindings: OperationBindings {
                    amqp: AmqpOperationBinding {
                        delivery_mode: Some(2),
                        mandatory: Some(true),
                        ack: None,
                        binding_version: AMQP_BINDING,
                    },
                    kafka: None,
                },
                flows: entries,
            },
        );
    }

    // Receive side: one queue channel per consumed flow.
    for flow in plan.flows.iter().filter(|f| f.consumer == system.id) {
        let message_source = source(flow);
        let message_id = message_source.id();
        messages
            .entry(message_id.clone())
            .or_default()
            .push((flow.id.clone(), message_source));
        let channel_id = format!("in.{}", flow.queue);
        let topic_names: Vec<String> = flow.publications.iter().map(Publication::topic).collect();
        let several = topic_names.len() > 1;
        let kafka_channel = kafka.map(|topics| {
            let found: Vec<&Topic> = topic_names.iter().filter_map(|n| topics.get(n)).collect();
            kafka_binding(&found, !several)
        });
        if kafka.is_some() && several {
            warnings.push(error(
                "W11",
                Some(&flow.id),
                format!(
                    "flow {}: several producer topics; listed in x-switchboard-kafka-topics",
                    flow.id
                ),
            ));
        }
        channels.insert(
            channel_id.clone(),
            Channel {
                address: flow.queue.clone(),
                messages: BTreeMap::from([(
                    message_id.clone(),
                    Ref::new(format!("#/components/messages/{message_id}")),
                )]),
                bindings: ChannelBindings {
                    amqp: AmqpChannelBinding {
                        is: "queue",
                        exchange: None,
                        queue: Some(AmqpQueue {
                            name: flow.queue.clone(),
                            durable: true,
                            exclusive: false,
                            auto_delete: false,
                            vhost: vhost.clone(),
                        }),
                        binding_version: AMQP_BINDING,
                    },
                    kafka: kafka_channel,
                },
                routing: Some(routing(flow)),
                kafka_topics: (kafka.is_some() && several).then(|| topic_names.clone()),
            },
        );
        operations.insert(
            format!("receive.{}", flow.queue),
            Operation {
                action: "receive",
                channel: Ref::new(format!("#/channels/{channel_id}")),
                messages: vec![Ref::new(format!(
                    "#/channels/{channel_id}/messages/{message_id}"
                ))],
                bindings: OperationBindings {
                    amqp: AmqpOperationBinding {
                        delivery_mode: None,
                        mandatory: None,
                        ack: Some(true),
                        binding_version: AMQP_BINDING,
                    },
                    kafka: kafka.map(|_| KafkaOperationBinding {
                        group_id: GroupId {
                            kind: "string",
                            values: vec![flow.queue.clone()],
                        },
                        binding_version: KAFKA_BINDING,
                    }),
                },
                flows: vec![flow_entry(flow)],
            },
        );
    }
    if channels.is_empty() {
        return None;
    }

    let mut component_messages = BTreeMap::new();
    let mut schemas = BTreeMap::new();
    for (message_id, sources) in &messages {
        let origins: BTreeSet<String> = sources.iter().map(|(_, s)| s.origin()).collect();
        if origins.len() > 1 {
            errors.push(error(
                "E02",
                None,
                format!(
                    "asyncapi/{component}.yaml: message id {message_id} is produced by {}; \
                     rename one contract",
                    super::names::join_and(&origins.into_iter().collect::<Vec<_>>())
                ),
            ));
            continue;
        }
        let refs: Vec<(&str, MessageSource<'_>)> =
            sources.iter().map(|(id, s)| (id.as_str(), *s)).collect();
        let Some(best) = highest(message_id, &refs, warnings) else {
            continue;
        };
        match best.contract {
            Some(contract) => {
                component_messages.insert(
                    message_id.clone(),
                    Message {
                        name: contract.name.clone(),
                        title: format!("{} {}", contract.name, contract.version),
                        content_type: Some(
                            content_type(&contract.format).unwrap_or("application/octet-stream"),
                        ),
                        description: None,
                        payload: Some(Ref::new(format!("#/components/schemas/{message_id}"))),
                        contract: Some(ContractInfo {
                            name: contract.name.clone(),
                            version: contract.version.clone(),
                            format: contract.format.clone(),
                        }),
                    },
                );
                schemas.insert(
                    message_id.clone(),
                    Schema {
                        kind: "object",
                        properties: Properties(
                            contract
                                .fields
                                .iter()
                                .map(|f| {
                                    (f.name.clone(), property(&f.type_name, f.unit.as_deref()))
                                })
                                .collect(),
                        ),
                        required: contract
                            .fields
                            .iter()
                            .filter(|f| f.required)
                            .map(|f| f.name.clone())
                            .collect(),
                    },
                );
            }
            None => {
                component_messages.insert(
                    message_id.clone(),
                    Message {
                        name: best.dataset.to_owned(),
                        title: format!("{} (no contract)", best.dataset_text),
                        content_type: None,
                        description: Some(NO_CONTRACT_DESCRIPTION),
                        payload: None,
                        contract: None,
                    },
                );
            }
        }
    }

    Some(Document {
        asyncapi: "3.0.0",
        info: Info {
            title: system.name.clone(),
            version: options.api_version.clone(),
            description: format!(
                "Messaging interface of {} in landscape {}, exported by Switchboard.",
                system.name, plan.landscape_name
            ),
            landscape: plan.landscape_name.clone(),
            system: component.clone(),
            owner: system.owner.clone(),
        },
        default_content_type: "application/json",
        servers: Servers {
            rabbitmq: Server {
                host: options.amqp_host.clone(),
                protocol: "amqp",
                protocol_version: Some("0.9.1"),
            },
            kafka: kafka.map(|_| Server {
                host: options.kafka_bootstrap.clone(),
                protocol: "kafka",
                protocol_version: None,
            }),
        },
        channels,
        operations,
        components: Components {
            messages: component_messages,
            schemas,
        },
    })
}
