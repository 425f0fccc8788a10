//! Exports of `exports.md`: RabbitMQ, AsyncAPI, Kafka, Mermaid and images, as pure functions
//! returning text and warnings.
//!
//! Depends on `model` only.
