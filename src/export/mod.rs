//! Exports of `exports.md`: RabbitMQ, AsyncAPI, Kafka, Mermaid and images, as pure functions
//! returning text and warnings. They do no I/O and read no clock, environment or randomness;
//! only `cli` and `ui` write the files.
//!
//! Depends on `model` only.

pub mod asyncapi;
pub mod compare;
pub mod drawing;
pub mod drawio;
pub mod icon;
pub mod image;
pub mod json;
pub mod kafka;
pub mod mermaid;
pub mod mermaid_text;
pub mod names;
pub mod options;
pub mod output;
pub mod palette;
pub mod plan;
pub mod plan_check;
pub mod rabbitmq;
pub mod rect_grid;
pub mod schedule_text;
pub mod secret;
pub mod strimzi;
pub mod strimzi_check;
pub mod structurizr;
pub mod svg;
pub mod target;
pub mod text_metrics;
pub mod topics_json;
pub mod users;
pub mod version;

pub use asyncapi::export_asyncapi;
pub use options::{AsyncApiOptions, KafkaOptions, RabbitOptions, StrimziApi};
pub use output::{Diagnostic, ExportFile, ExportOutput};
pub use rabbitmq::export_rabbitmq;
pub use secret::secret_users;
pub use strimzi::export_strimzi;
pub use topics_json::export_topics_json;
