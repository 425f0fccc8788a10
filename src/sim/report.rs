//! The report of `simulation.md` §9 as typed records. Field order is alphabetical, so serde
//! writes keys sorted, as the contract requires; maps are `BTreeMap`s.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A label of a dataset or system over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Fresh.
    Fresh,
    /// Stale.
    Stale,
    /// Partial.
    Partial,
    /// Corrupt.
    Corrupt,
}

impl Label {
    /// The label's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fresh => "fresh",
            Self::Stale => "stale",
            Self::Partial => "partial",
            Self::Corrupt => "corrupt",
        }
    }
}

/// A labelled interval `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// Fault ids.
    pub causes: Vec<String>,
    /// End (exclusive).
    pub end: i64,
    /// Start.
    pub start: i64,
    /// Label.
    pub state: Label,
}

/// Minutes per impact label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ByState {
    pub corrupt: i64,
    pub partial: i64,
    pub stale: i64,
}

impl ByState {
    /// Adds `minutes` under `label`.
    pub fn add(&mut self, label: Label, minutes: i64) {
        match label {
            Label::Corrupt => self.corrupt += minutes,
            Label::Partial => self.partial += minutes,
            Label::Stale => self.stale += minutes,
            Label::Fresh => {}
        }
    }
}

/// An impact interval of a process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcInterval {
    /// Fault ids.
    pub causes: Vec<String>,
    /// End.
    pub end: i64,
    /// Start.
    pub start: i64,
    /// `dataset:label` strings.
    pub why: Vec<String>,
}

/// The impact on one process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ProcessImpact {
    pub first_impact: Option<i64>,
    pub impacted: bool,
    pub impacted_by_deadline: bool,
    pub impacted_minutes: i64,
    pub intervals: Vec<ProcInterval>,
    pub minutes_by_state: ByState,
}

/// The actual blast radius.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct BlastActual {
    pub datasets: Vec<String>,
    pub processes: Vec<String>,
    pub systems: Vec<String>,
    pub teams: Vec<String>,
}

/// The structural blast radius.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct BlastStructural {
    pub datasets: Vec<String>,
    pub processes: Vec<String>,
    pub systems: Vec<String>,
}

/// One incident per fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Incident {
    pub blast_radius_actual: BlastActual,
    pub blast_radius_structural: BlastStructural,
    pub detected_at: Option<i64>,
    pub detected_via: Option<String>,
    pub first_effect: Option<i64>,
    pub flow: String,
    pub kind: String,
    pub repair_team: Option<String>,
    pub repaired_at: Option<i64>,
    pub start: i64,
    pub ttd: Option<i64>,
}

/// A signal record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Signal {
    pub causes: Vec<String>,
    pub channel: String,
    pub emitted: i64,
    pub object: String,
    pub routed: bool,
    pub seen: Option<i64>,
    pub signal: String,
    pub team: Option<String>,
}

/// An error record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ErrorRecord {
    pub attempt: i64,
    pub flow: String,
    pub t: i64,
    #[serde(rename = "type")]
    pub kind: String,
}

/// The summary of §9.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Summary {
    pub detected_at: Option<i64>,
    pub impacted: Vec<String>,
    pub impacted_by_deadline: Vec<String>,
    pub impacted_minutes: i64,
    pub minutes_by_state: ByState,
    pub per_process: BTreeMap<String, i64>,
    pub repaired_at: Option<i64>,
    pub ttd: Option<i64>,
    pub tti: BTreeMap<String, i64>,
}

/// Timelines keyed by id (datasets or systems). Ids listed in `all` but absent from
/// `explicit` are fresh over the whole horizon; they are expanded only when serialising
/// (`simulation.md` §11, step 5), so a cone run does not build an entry per dataset.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timelines {
    explicit: BTreeMap<String, Vec<Interval>>,
    all: Arc<[String]>,
    horizon: (i64, i64),
}

impl Timelines {
    /// Timelines over `all` (sorted ids) with these explicit entries.
    pub fn new(
        explicit: BTreeMap<String, Vec<Interval>>,
        all: Arc<[String]>,
        horizon: (i64, i64),
    ) -> Self {
        Self {
            explicit,
            all,
            horizon,
        }
    }

    fn fresh(&self) -> Vec<Interval> {
        vec![Interval {
            causes: vec![],
            end: self.horizon.1,
            start: self.horizon.0,
            state: Label::Fresh,
        }]
    }

    /// The timeline of an id (`None` for an unknown id).
    pub fn get(&self, id: &str) -> Option<Vec<Interval>> {
        if let Some(v) = self.explicit.get(id) {
            return Some(v.clone());
        }
        self.all
            .binary_search_by(|x| x.as_str().cmp(id))
            .ok()
            .map(|_| self.fresh())
    }

    /// The timelines computed explicitly (every id not listed is fresh throughout).
    pub fn explicit(&self) -> &BTreeMap<String, Vec<Interval>> {
        &self.explicit
    }

    /// Every id, sorted.
    pub fn ids(&self) -> &[String] {
        &self.all
    }
}

impl Serialize for Timelines {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(Some(self.all.len()))?;
        let fresh = self.fresh();
        for id in self.all.iter() {
            map.serialize_entry(id, self.explicit.get(id).unwrap_or(&fresh))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Timelines {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let explicit = BTreeMap::<String, Vec<Interval>>::deserialize(de)?;
        let all: Arc<[String]> = explicit.keys().cloned().collect();
        let horizon = explicit
            .values()
            .flatten()
            .fold(None, |acc: Option<(i64, i64)>, iv| {
                Some(acc.map_or((iv.start, iv.end), |(a, b)| {
                    (a.min(iv.start), b.max(iv.end))
                }))
            })
            .unwrap_or((0, 0));
        Ok(Self {
            explicit,
            all,
            horizon,
        })
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct SimReport {
    pub datasets: Timelines,
    pub errors: Vec<ErrorRecord>,
    pub incidents: BTreeMap<String, Incident>,
    pub processes: BTreeMap<String, ProcessImpact>,
    pub signals: Vec<Signal>,
    pub summary: Summary,
    pub systems: Timelines,
}

fn label_at(ivs: &[Interval], t: i64) -> Option<&Interval> {
    ivs.iter().find(|iv| iv.start <= t && t < iv.end)
}

impl SimReport {
    /// The label of a dataset at minute `t` (`None` outside the horizon or for an unknown id).
    pub fn dataset_label_at(&self, dataset: &str, t: i64) -> Option<Label> {
        label_at(&self.datasets.get(dataset)?, t).map(|iv| iv.state)
    }

    /// The label of a system at minute `t`.
    pub fn system_label_at(&self, system: &str, t: i64) -> Option<Label> {
        label_at(&self.systems.get(system)?, t).map(|iv| iv.state)
    }

    /// Whether a process is impacted at minute `t`.
    pub fn process_impacted_at(&self, process: &str, t: i64) -> bool {
        self.processes
            .get(process)
            .is_some_and(|p| p.intervals.iter().any(|iv| iv.start <= t && t < iv.end))
    }

    /// The report as JSON text, keys sorted, indented by one space as `run_json.py` prints it.
    pub fn to_json(&self) -> String {
        to_json_text(self)
    }
}

/// Any serialisable value as JSON with a one-space indent.
pub fn to_json_text<T: Serialize>(value: &T) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    let text = String::from_utf8(buf).unwrap_or_default();
    ascii_escape(&text)
}

/// Escapes every non-ASCII character as `\uXXXX` (UTF-16 units), as Python's `json.dumps`
/// does; in JSON text such characters only occur inside strings, so this is safe.
fn ascii_escape(text: &str) -> String {
    use std::fmt::Write as _;
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        }
    }
    out
}
