//! The export targets as one choice (`switchboard export TARGET`, File ▸ Export ▸ …): which
//! exporters a target runs with which options, and their outputs merged into one bundle of files,
//! warnings and errors. The CLI and the designer both export through here, so they write the
//! same files.
//!
//! Depends on `model` and the exporters of `export`.

use std::collections::BTreeSet;

use crate::model::Landscape;

use super::image::{export_png, export_svg};
use super::mermaid::export_mermaid;
use super::options::{AsyncApiOptions, KafkaOptions, RabbitOptions};
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::{export_asyncapi, export_rabbitmq, export_strimzi, export_topics_json};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExportTarget {
    /// RabbitMQ, AsyncAPI, Strimzi, `topics.json` and Mermaid (not the images).
    All,
    RabbitMq,
    AsyncApi,
    Strimzi,
    Topics,
    Mermaid,
    Svg,
    Png,
    /// draw.io diagram (`export::drawio`).
    Drawio,
    /// Structurizr DSL workspace (`export::structurizr`).
    Structurizr,
}

impl ExportTarget {
    /// Every target, in menu order.
    pub const ALL: [Self; 10] = [
        Self::RabbitMq,
        Self::AsyncApi,
        Self::Strimzi,
        Self::Topics,
        Self::Mermaid,
        Self::Drawio,
        Self::Structurizr,
        Self::Svg,
        Self::Png,
        Self::All,
    ];

    /// The name shown in menus and dialog titles.
    pub fn label(self) -> &'static str {
        match self {
            Self::All => "Everything (no images)",
            Self::RabbitMq => "RabbitMQ definitions",
            Self::AsyncApi => "AsyncAPI 3.0",
            Self::Strimzi => "Strimzi KafkaTopics",
            Self::Topics => "topics.json",
            Self::Mermaid => "Mermaid",
            Self::Svg => "SVG image",
            Self::Png => "PNG image",
            Self::Drawio => "draw.io diagram",
            Self::Structurizr => "Structurizr DSL",
        }
    }

    /// Whether the target's options include the vhost (every broker export names by it).
    pub fn uses_vhost(self) -> bool {
        matches!(
            self,
            Self::All | Self::RabbitMq | Self::AsyncApi | Self::Strimzi | Self::Topics
        )
    }

    /// Whether the target's options include the Kafka sizing options.
    pub fn uses_kafka(self) -> bool {
        matches!(self, Self::All | Self::Strimzi | Self::Topics)
    }

    /// Whether the target's options include the AsyncAPI options.
    pub fn uses_asyncapi(self) -> bool {
        matches!(self, Self::All | Self::AsyncApi)
    }

    /// Whether the files are pictures rather than text.
    pub fn is_image(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }
}

/// The options of every exporter together, with the defaults of the CLI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSettings {
    /// `--vhost`: overrides the document's vhost in every broker export.
    pub vhost: Option<String>,
    /// `--kafka`: adds Kafka bindings to the AsyncAPI documents.
    pub asyncapi_kafka: bool,
    /// `--amqp-host`, `--kafka-bootstrap` and `--api-version` (its `vhost` and `kafka` fields are
    /// set from `vhost`, `asyncapi_kafka` and `kafka`).
    pub asyncapi: AsyncApiOptions,
    /// `--cluster`, `--strimzi-api`, `--partitions`, `--replicas`, `--retention-ms` (its `vhost`
    /// is set from `vhost`).
    pub kafka: KafkaOptions,
}

impl ExportSettings {
    /// The RabbitMQ options.
    pub fn rabbit(&self) -> RabbitOptions {
        RabbitOptions {
            vhost: self.vhost.clone(),
        }
    }

    /// The Kafka options with the shared vhost.
    pub fn kafka(&self) -> KafkaOptions {
        KafkaOptions {
            vhost: self.vhost.clone(),
            ..self.kafka.clone()
        }
    }

    /// The AsyncAPI options with the shared vhost and, with `asyncapi_kafka`, the Kafka options.
    pub fn asyncapi(&self) -> AsyncApiOptions {
        AsyncApiOptions {
            vhost: self.vhost.clone(),
            kafka: self.asyncapi_kafka.then(|| self.kafka()),
            ..self.asyncapi.clone()
        }
    }
}

/// Runs the exporters of `target`, in menu order.
pub fn run_target(
    landscape: &Landscape,
    target: ExportTarget,
    settings: &ExportSettings,
) -> Vec<Result<ExportOutput, Vec<Diagnostic>>> {
    use ExportTarget as T;
    let mut outputs = Vec::new();
    if matches!(target, T::All | T::RabbitMq) {
        outputs.push(export_rabbitmq(landscape, &settings.rabbit()));
    }
    if matches!(target, T::All | T::AsyncApi) {
        outputs.push(export_asyncapi(landscape, &settings.asyncapi()));
    }
    if matches!(target, T::All | T::Strimzi) {
        outputs.push(export_strimzi(landscape, &settings.kafka()));
    }
    if matches!(target, T::All | T::Topics) {
        outputs.push(export_topics_json(landscape, &settings.kafka()));
    }
    if matches!(target, T::All | T::Mermaid) {
        outputs.push(export_mermaid(landscape));
    }
    if target == T::Svg {
        outputs.push(export_svg(landscape));
    }
    if target == T::Png {
        outputs.push(export_png(landscape));
    }
    if target == T::Drawio {
        outputs.push(super::drawio::export_drawio(landscape));
    }
    if target == T::Structurizr {
        outputs.push(super::structurizr::export_structurizr(landscape));
    }
    outputs
}

/// The outputs of several exporters merged: every file in order, warnings and errors sorted
/// and without repeats. Nothing may be written while `errors` is not empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportBundle {
    pub files: Vec<ExportFile>,
    pub warnings: Vec<Diagnostic>,
    pub errors: Vec<Diagnostic>,
}

impl ExportBundle {
    /// Merges exporter outputs.
    pub fn merge(outputs: impl IntoIterator<Item = Result<ExportOutput, Vec<Diagnostic>>>) -> Self {
        let mut files = Vec::new();
        let mut warnings = BTreeSet::new();
        let mut errors = BTreeSet::new();
        for output in outputs {
            match output {
                Ok(output) => {
                    files.extend(output.files);
                    warnings.extend(output.warnings);
                }
                Err(e) => errors.extend(e),
            }
        }
        Self {
            files,
            warnings: warnings.into_iter().collect(),
            errors: errors.into_iter().collect(),
        }
    }

    /// Exports `target` (`run_target` then `merge`).
    pub fn export(landscape: &Landscape, target: ExportTarget, settings: &ExportSettings) -> Self {
        Self::merge(run_target(landscape, target, settings))
    }
}
