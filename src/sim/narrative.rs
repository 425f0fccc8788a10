//! The story of a run in plain language: one line per event that matters, in time order, e.g.
//! `Fri 23:20 — Stock export (F1) fails; the error is only logged. Nobody is alerted.`
//! Names come from a lookup (the landscape's display names) and fall back to ids.

use crate::model::time::format_sim_time;

use super::report::{Label, SimReport};

/// What kind of entity a name lookup is asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// A flow id.
    Flow,
    /// A full dataset id.
    Dataset,
    /// A system id.
    System,
    /// A process id.
    Process,
    /// A team id.
    Team,
}

/// One line of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The minute it happens.
    pub t: i64,
    /// `Fri 23:20 — …`.
    pub text: String,
}

fn label(lookup: &dyn Fn(Entity, &str) -> Option<String>, e: Entity, id: &str) -> String {
    match lookup(e, id) {
        Some(n) if !n.is_empty() && n != id => format!("{n} ({id})"),
        _ => id.to_owned(),
    }
}

fn short(lookup: &dyn Fn(Entity, &str) -> Option<String>, e: Entity, id: &str) -> String {
    match lookup(e, id) {
        Some(n) if !n.is_empty() => n,
        _ => id.to_owned(),
    }
}

fn object_name(lookup: &dyn Fn(Entity, &str) -> Option<String>, object: &str) -> String {
    let (kind, id) = object.split_once(':').unwrap_or(("", object));
    let e = match kind {
        "flow" => Entity::Flow,
        "dataset" => Entity::Dataset,
        _ => Entity::Process,
    };
    label(lookup, e, id)
}

fn signal_text(kind: &str) -> &str {
    match kind {
        "job_failure_alert" => "job-failure alert",
        "contract_validation" => "contract-validation alert",
        "dlq_alarm" => "dead-letter-queue alarm",
        "queue_age_alarm" => "queue-age alarm",
        "freshness_check" => "freshness check",
        "volume_check" => "volume check",
        "quality_check" => "quality check",
        other => other,
    }
}

/// The story of a report, one line per event that matters, in time order.
pub fn narrative(report: &SimReport, lookup: &dyn Fn(Entity, &str) -> Option<String>) -> Vec<Line> {
    let mut lines: Vec<(i64, u8, String)> = Vec::new();
    for e in &report.errors {
        let alerted: Vec<&str> = report
            .signals
            .iter()
            .filter(|s| s.emitted == e.t && s.object == format!("flow:{}", e.flow) && s.routed)
            .filter_map(|s| s.team.as_deref())
            .collect();
        let flow = label(lookup, Entity::Flow, &e.flow);
        let what = match e.kind.as_str() {
            "run failed (exit!=0)" => format!("{flow} fails"),
            "error logged, exit 0 (silent)" => format!("{flow} fails silently (exit 0)"),
            "contract validation rejected load" => {
                format!("{flow} is rejected by contract validation")
            }
            "messages rejected by contract validation" => {
                format!("{flow} rejects messages by contract validation")
            }
            "consumer failing" => format!("the consumer of {flow} fails"),
            _ => format!("{flow} stalls"),
        };
        let tail = if alerted.is_empty() {
            "; the error is only logged. Nobody is alerted.".to_owned()
        } else {
            let teams: Vec<String> = alerted
                .iter()
                .map(|t| short(lookup, Entity::Team, t))
                .collect();
            format!("; {} is alerted.", teams.join(", "))
        };
        lines.push((e.t, 1, format!("{what}{tail}")));
    }
    for (d, ivs) in report.datasets.explicit() {
        for (i, iv) in ivs.iter().enumerate() {
            let name = label(lookup, Entity::Dataset, d);
            if iv.state != Label::Fresh {
                lines.push((iv.start, 2, format!("{name} goes {}.", iv.state.as_str())));
            } else if i > 0 {
                lines.push((iv.start, 2, format!("{name} is fresh again.")));
            }
        }
    }
    for s in &report.signals {
        let text = if s.signal == "business_complaint" {
            let pid = s.object.trim_start_matches("process:");
            format!(
                "{} complains: {} is impacted.",
                short(lookup, Entity::Team, s.team.as_deref().unwrap_or("")),
                short(lookup, Entity::Process, pid)
            )
        } else if let (Some(team), Some(seen)) = (&s.team, s.seen) {
            let when = if seen == s.emitted {
                "at once".to_owned()
            } else {
                format!("seen {}", format_sim_time(seen))
            };
            format!(
                "{} on {} goes to {} by {} ({when}).",
                signal_text(&s.signal),
                object_name(lookup, &s.object),
                short(lookup, Entity::Team, team),
                s.channel
            )
        } else {
            format!(
                "{} on {} is raised, but nobody owns it: nobody sees it.",
                signal_text(&s.signal),
                object_name(lookup, &s.object)
            )
        };
        lines.push((s.emitted, 3, text));
    }
    for (p, imp) in &report.processes {
        for iv in &imp.intervals {
            lines.push((
                iv.start,
                4,
                format!(
                    "{} is impacted ({}).",
                    label(lookup, Entity::Process, p),
                    iv.why.join(", ")
                ),
            ));
            lines.push((
                iv.end,
                4,
                format!(
                    "{} works normally again.",
                    label(lookup, Entity::Process, p)
                ),
            ));
        }
    }
    for (id, inc) in &report.incidents {
        if let (Some(t), Some(via)) = (inc.detected_at, &inc.detected_via) {
            lines.push((t, 5, format!("{id} is detected ({via}).")));
        }
        if let (Some(t), Some(team)) = (inc.repaired_at, &inc.repair_team) {
            lines.push((
                t,
                6,
                format!(
                    "{} repairs {} ({id}).",
                    short(lookup, Entity::Team, team),
                    label(lookup, Entity::Flow, &inc.flow)
                ),
            ));
        }
    }
    lines.sort_by_key(|a| (a.0, a.1));
    let end = report
        .systems
        .ids()
        .first()
        .and_then(|id| report.systems.get(id))
        .and_then(|ivs| ivs.last().map(|iv| iv.end))
        .unwrap_or(i64::MAX);
    lines
        .into_iter()
        .filter(|(t, _, _)| *t < end)
        .map(|(t, _, text)| Line {
            t,
            text: format!("{} — {text}", format_sim_time(t)),
        })
        .collect()
}
