//! Options of the broker exports (`exports.md` §1.7), with the defaults of the CLI, and their
//! validation (E05).
//!
//! Depends on `export::names` and `export::output`.

use super::names::{error, is_label_value};
use super::output::Diagnostic;

/// Options of the RabbitMQ export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RabbitOptions {
    /// `--vhost`: overrides the vhost of the document.
    pub vhost: Option<String>,
}

/// The Strimzi API version written in `apiVersion`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StrimziApi {
    /// `kafka.strimzi.io/v1` (Strimzi 0.49 and later).
    #[default]
    V1,
    /// `kafka.strimzi.io/v1beta2` for older operators.
    V1Beta2,
}

impl StrimziApi {
    /// The `apiVersion` text.
    pub fn api_version(self) -> &'static str {
        match self {
            Self::V1 => "kafka.strimzi.io/v1",
            Self::V1Beta2 => "kafka.strimzi.io/v1beta2",
        }
    }
}

/// Options of the Kafka exports (Strimzi and `topics.json`) and of the AsyncAPI Kafka bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KafkaOptions {
    /// `--vhost`, used for the names shared with RabbitMQ (queue names as consumer groups).
    pub vhost: Option<String>,
    /// `--cluster`: the `strimzi.io/cluster` label.
    pub cluster: String,
    pub strimzi_api: StrimziApi,
    pub partitions: i64,
    pub replicas: i64,
    pub retention_ms: i64,
}

impl Default for KafkaOptions {
    fn default() -> Self {
        Self {
            vhost: None,
            cluster: "my-cluster".to_owned(),
            strimzi_api: StrimziApi::V1,
            partitions: 3,
            replicas: 3,
            retention_ms: 604_800_000,
        }
    }
}

impl KafkaOptions {
    /// E05 for every invalid value.
    pub fn validate(&self) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        if self.cluster.is_empty() || !is_label_value(&self.cluster) {
            errors.push(error(
                "E05",
                None,
                format!(
                    "--cluster \"{}\" is not a valid Kubernetes label value (1 to 63 characters \
                     [A-Za-z0-9-_.], starting and ending with a letter or digit)",
                    self.cluster
                ),
            ));
        }
        if self.partitions < 1 {
            errors.push(error(
                "E05",
                None,
                "--partitions must be at least 1".to_owned(),
            ));
        }
        if !(1..=32767).contains(&self.replicas) {
            errors.push(error(
                "E05",
                None,
                "--replicas must be between 1 and 32767".to_owned(),
            ));
        }
        if self.retention_ms < -1 {
            errors.push(error(
                "E05",
                None,
                "--retention-ms must be -1 (unlimited) or more".to_owned(),
            ));
        }
        errors
    }
}

/// Options of the AsyncAPI export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsyncApiOptions {
    /// `--vhost`.
    pub vhost: Option<String>,
    /// `--api-version`: `info.version`.
    pub api_version: String,
    /// `--amqp-host`.
    pub amqp_host: String,
    /// `--kafka` with `--kafka-bootstrap` and the Kafka sizing options: adds Kafka bindings.
    pub kafka: Option<KafkaOptions>,
    /// `--kafka-bootstrap`.
    pub kafka_bootstrap: String,
}

impl Default for AsyncApiOptions {
    fn default() -> Self {
        Self {
            vhost: None,
            api_version: "1.0.0".to_owned(),
            amqp_host: "localhost:5672".to_owned(),
            kafka: None,
            kafka_bootstrap: "localhost:9092".to_owned(),
        }
    }
}
