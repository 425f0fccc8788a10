//! Flows: how data moves from input datasets to an output dataset (`simulation.md` §3.3), with
//! the export-facing attributes of `exports.md` §1.1.
//!
//! Depends only on `model::time`.

use serde::{Deserialize, Serialize};

use super::defaults;

use super::time::{TimeOfDay, Weekday};

/// A data flow: reads its input datasets and writes its output dataset on a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub name: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub description: String,
    /// Full ids (`SYSTEM.dataset`) of the datasets the flow reads.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub inputs: Vec<String>,
    /// Full id of the dataset the flow writes.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub output: String,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub schedule: Schedule,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub pattern: Pattern,
    /// Batch run length in minutes (ignored for streams).
    #[serde(skip_serializing_if = "defaults::flow_duration")]
    pub duration_minutes: u32,
    /// The team that receives the flow's signals and repairs it; `None` when nobody owns it.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub owner: Option<String>,
    /// The id of the contract of the data the flow carries.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub contract: Option<String>,
    /// The blocking contract check at the consumer.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub validation: Validation,
    /// Batch: alert after the final failed attempt. Stream: alert when the consumer fails.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub job_alert: bool,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub retry: Retry,
    /// Stream only: carried by a durable broker, so nothing is lost in an outage.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub buffered: bool,
    /// Stream only: dead-letter queue with a depth alarm.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub dlq: bool,
    /// Stream only, effective when buffered: alarm this many minutes after the stream blocks.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub queue_age_alarm_minutes: Option<u32>,
    /// Stream only: completeness lost when an unbuffered stream's outage ends by itself.
    #[serde(skip_serializing_if = "defaults::flow_loss")]
    pub loss: f64,
    /// Routed through the integration hub (broker) instead of point to point.
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub via_hub: bool,
    /// Kafka topic overrides (`exports.md` §4).
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub kafka: Option<KafkaOverrides>,
    /// Pins the name of the flow's queue in broker exports (`<consumer>.<export name>`), so it
    /// does not follow renames of the consumer's dataset (`exports.md` §1.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_name: Option<String>,
}

impl Default for Flow {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            description: String::new(),
            inputs: Vec::new(),
            output: String::new(),
            schedule: Schedule::default(),
            pattern: Pattern::default(),
            duration_minutes: 10,
            owner: None,
            contract: None,
            validation: Validation::default(),
            job_alert: false,
            retry: Retry::default(),
            buffered: false,
            dlq: false,
            queue_age_alarm_minutes: None,
            loss: 0.1,
            via_hub: false,
            kafka: None,
            export_name: None,
        }
    }
}

impl Flow {
    /// Whether the flow is a stream (event-driven) rather than a batch.
    pub fn is_stream(&self) -> bool {
        matches!(self.schedule, Schedule::Stream { .. })
    }

    /// The display name, or the id when the flow has no name.
    pub fn display_name(&self) -> &str {
        if self.name.is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

/// When a flow runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Schedule {
    /// Fires at each listed time on each listed weekday (all seven when `days` is omitted).
    Cron {
        times: Vec<TimeOfDay>,
        #[serde(default = "all_days", skip_serializing_if = "is_all_days")]
        days: Vec<Weekday>,
    },
    /// Fires every `every_minutes`, at `offset_minutes + k * every_minutes` since week start.
    Every {
        every_minutes: u32,
        #[serde(default)]
        offset_minutes: u32,
    },
    /// Event-driven with a latency in minutes.
    Stream {
        #[serde(default)]
        latency_minutes: u32,
    },
}

fn all_days() -> Vec<Weekday> {
    Weekday::ALL.to_vec()
}

fn is_all_days(days: &[Weekday]) -> bool {
    days == Weekday::ALL
}

impl Default for Schedule {
    fn default() -> Self {
        Self::Cron {
            times: vec![TimeOfDay(0)],
            days: all_days(),
        }
    }
}

impl Schedule {
    /// A short label: `daily 23:00`, `every 60 min +15`, `stream 5 min`.
    pub fn label(&self) -> String {
        match self {
            Self::Cron { times, days } => {
                let times_text = times
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",");
                if is_all_days(days) {
                    format!("daily {times_text}")
                } else {
                    let names: Vec<&str> = days.iter().map(|d| d.short_name()).collect();
                    format!("{} {times_text}", names.join(","))
                }
            }
            Self::Every {
                every_minutes,
                offset_minutes,
            } => {
                if *offset_minutes == 0 {
                    format!("every {every_minutes} min")
                } else {
                    format!("every {every_minutes} min +{offset_minutes}")
                }
            }
            Self::Stream { latency_minutes } => format!("stream {latency_minutes} min"),
        }
    }
}

/// How a flow is implemented; descriptive for the simulation, decisive for exports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Pattern {
    #[default]
    FileExport,
    ApiCall,
    MessageQueue,
    EtlJob,
    InternalJob,
    MlJob,
}

impl Pattern {
    /// Every pattern, in display order.
    pub const ALL: [Pattern; 6] = [
        Pattern::FileExport,
        Pattern::ApiCall,
        Pattern::MessageQueue,
        Pattern::EtlJob,
        Pattern::InternalJob,
        Pattern::MlJob,
    ];

    /// The snake-case name used by the simulation spec and the exports: `file_export`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FileExport => "file_export",
            Self::ApiCall => "api_call",
            Self::MessageQueue => "message_queue",
            Self::EtlJob => "etl_job",
            Self::InternalJob => "internal_job",
            Self::MlJob => "ml_job",
        }
    }

    /// The pattern of a snake-case name.
    pub fn from_str_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// Whether flows of this pattern are scheduled batch jobs (as opposed to messaging).
    pub fn is_batch_like(self) -> bool {
        !matches!(self, Self::MessageQueue)
    }
}

/// The blocking contract check at the consumer (`simulation.md` §3.3 `validation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum Validation {
    /// No check (level 0).
    #[default]
    Off,
    /// Schema check (level 1).
    Schema,
    /// Schema plus value, range and distribution checks (level 2).
    SchemaAndValues,
}

impl Validation {
    /// The numeric level 0, 1 or 2.
    pub fn level(self) -> u8 {
        self as u8
    }

    /// The validation of a level 0–2.
    pub fn from_level(level: u8) -> Option<Self> {
        [Self::Off, Self::Schema, Self::SchemaAndValues]
            .get(level as usize)
            .copied()
    }
}

/// Retry policy of a batch flow (`simulation.md` §6.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retry {
    /// Attempts in all, the first included (1 = no retry).
    #[serde(skip_serializing_if = "defaults::retry_max_attempts")]
    pub max_attempts: u32,
    /// First backoff in minutes.
    #[serde(skip_serializing_if = "defaults::retry_base")]
    pub base_minutes: u32,
    /// Backoff growth per attempt.
    #[serde(skip_serializing_if = "defaults::retry_factor")]
    pub factor: f64,
    /// Largest backoff in minutes.
    #[serde(skip_serializing_if = "defaults::retry_cap")]
    pub cap_minutes: u32,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub jitter: Jitter,
}

impl Default for Retry {
    fn default() -> Self {
        Self {
            max_attempts: 1,
            base_minutes: 10,
            factor: 2.0,
            cap_minutes: 240,
            jitter: Jitter::Off,
        }
    }
}

/// Retry jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Jitter {
    /// The backoff is used as computed.
    #[default]
    Off,
    /// Full jitter: the backoff is scaled by a hashed fraction in [0, 1].
    Full,
}

/// Kafka overrides of a flow's topic (`exports.md` §4).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KafkaOverrides {
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub partitions: Option<u32>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub replicas: Option<u32>,
    #[serde(skip_serializing_if = "defaults::is_default")]
    pub retention_ms: Option<i64>,
}
