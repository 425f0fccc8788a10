//! The simulation view: pick a scenario (or define a fault on a flow of the canvas), run it,
//! scrub or play the simulated week, and read the incident, the impacted processes, the error
//! log, the control comparison and the narrative. Its state is view state: it never changes the
//! document.

pub mod background;
pub mod overlay;
pub mod panel;
pub mod run;

use crate::model::time::{DAY_MINUTES, Weekday};
use crate::model::{Fault, FaultKind, Landscape};

use background::PendingRun;
use overlay::StateOverlay;
use run::{AD_HOC_SCENARIO, RunRequest, SimOutcome};

/// Simulated minutes per second of playback.
pub const PLAY_SPEED: f64 = 240.0;

/// The kinds of fault the canvas's flow menu defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultChoice {
    Fail,
    Delay,
    Corrupt,
    Drop,
    FailSilently,
}

impl FaultChoice {
    /// Every choice, in menu order.
    pub const ALL: [FaultChoice; 5] = [
        Self::Fail,
        Self::Delay,
        Self::Corrupt,
        Self::Drop,
        Self::FailSilently,
    ];

    /// The menu text.
    pub fn menu_text(self) -> &'static str {
        match self {
            Self::Fail => "Fail this flow from…",
            Self::Delay => "Delay…",
            Self::Corrupt => "Corrupt…",
            Self::Drop => "Drop x%…",
            Self::FailSilently => "Fail silently…",
        }
    }

    /// The fault kind with default parameters.
    pub fn kind(self) -> FaultKind {
        match self {
            Self::Fail => FaultKind::Fail,
            Self::Delay => FaultKind::Delay { minutes: 240 },
            Self::Corrupt => FaultKind::Semantic { detectability: 2 },
            Self::Drop => FaultKind::Partial { fraction: 0.5 },
            Self::FailSilently => FaultKind::Silent,
        }
    }
}

/// The simulation's view state.
#[derive(Debug, Default)]
pub struct SimulationView {
    /// Whether the simulation panel is shown.
    pub open: bool,
    /// The chosen scenario id ([`AD_HOC_SCENARIO`] for a fault defined on the canvas).
    pub scenario: Option<String>,
    /// The chosen control set.
    pub control: Option<String>,
    /// The fault defined on the canvas.
    pub ad_hoc_fault: Option<Fault>,
    /// The last run.
    pub outcome: Option<SimOutcome>,
    /// The run under way, if any.
    pub pending: Option<PendingRun>,
    /// The document revision the last run used.
    pub outcome_revision: Option<u64>,
    /// The scrubbed minute.
    pub scrub: i64,
    /// Playing the week forward.
    pub playing: bool,
    /// The selected narrative line.
    pub narrative_cursor: Option<usize>,
    /// The last run's error.
    pub error: Option<String>,
    /// The text of the "go to" field.
    pub goto_text: String,
}

impl SimulationView {
    /// Defines an ad-hoc fault on a flow (from the canvas menu) and opens the panel.
    pub fn define_fault(&mut self, flow_id: &str, choice: FaultChoice) {
        let start = self.ad_hoc_fault.as_ref().map_or(7080, |f| f.start);
        self.ad_hoc_fault = Some(Fault {
            id: format!("what-if-{flow_id}"),
            flow: flow_id.to_owned(),
            kind: choice.kind(),
            start,
            end: None,
            repair_minutes: 60,
        });
        self.scenario = Some(AD_HOC_SCENARIO.to_owned());
        self.control = None;
        self.open = true;
    }

    /// Starts the chosen scenario on the document in the background (replacing a run under
    /// way); errors are kept for the panel.
    pub fn run(&mut self, landscape: &Landscape, revision: u64, ctx: &egui::Context) {
        let Some(scenario) = self
            .scenario
            .clone()
            .or_else(|| landscape.scenarios.first().map(|s| s.id.clone()))
        else {
            self.error = Some(
                "the document has no scenario: add one, or right-click a flow to define a fault"
                    .to_owned(),
            );
            return;
        };
        self.scenario = Some(scenario.clone());
        let request = RunRequest {
            ad_hoc_fault: (scenario == AD_HOC_SCENARIO)
                .then(|| self.ad_hoc_fault.clone())
                .flatten(),
            scenario,
            control: self.control.clone(),
        };
        self.pending = Some(PendingRun::start(landscape, request, revision, ctx));
    }

    /// Takes the result of the run under way when it has finished; returns whether it did.
    pub fn poll(&mut self) -> bool {
        let Some(pending) = &self.pending else {
            return false;
        };
        let Some(result) = pending.poll() else {
            return false;
        };
        let revision = pending.revision;
        self.pending = None;
        self.finish(result, revision);
        true
    }

    /// Drops the run under way; its result is discarded when it arrives.
    pub fn cancel(&mut self) {
        self.pending = None;
    }

    fn finish(&mut self, result: Result<SimOutcome, String>, revision: u64) {
        match result {
            Ok(outcome) => {
                let (start, end) = outcome.horizon;
                if !(start..end).contains(&self.scrub) {
                    self.scrub = outcome
                        .report
                        .incidents
                        .values()
                        .map(|i| i.start)
                        .min()
                        .unwrap_or(start)
                        .clamp(start, end - 1);
                }
                self.outcome = Some(outcome);
                self.outcome_revision = Some(revision);
                self.error = None;
                self.narrative_cursor = None;
            }
            Err(error) => {
                self.outcome = None;
                self.error = Some(error);
            }
        }
    }

    /// The canvas overlay at the scrubbed minute, while the panel shows a result.
    pub fn overlay(&self, landscape: &Landscape) -> Option<StateOverlay> {
        let outcome = self.outcome.as_ref().filter(|_| self.open)?;
        Some(StateOverlay::at(landscape, &outcome.report, self.scrub))
    }

    /// Moves the scrubber, keeping it inside the horizon.
    pub fn scrub_to(&mut self, t: i64) {
        if let Some((start, end)) = self.outcome.as_ref().map(|o| o.horizon) {
            self.scrub = t.clamp(start, end - 1);
        }
    }

    /// Steps the narrative cursor by `delta` lines and scrubs to that line's minute.
    pub fn step_narrative(&mut self, delta: i64) {
        let Some(outcome) = &self.outcome else {
            return;
        };
        let count = outcome.narrative.len() as i64;
        if count == 0 {
            return;
        }
        let next = match self.narrative_cursor {
            None if delta >= 0 => 0,
            None => count - 1,
            Some(i) => (i as i64 + delta).clamp(0, count - 1),
        };
        let t = outcome.narrative[next as usize].t;
        self.narrative_cursor = Some(next as usize);
        self.scrub_to(t);
    }
}

/// Parses `Mon 08:00` into the one minute of the horizon with that weekday and time (the
/// horizon spans at most a week in the designer's use; the first match wins).
pub fn parse_weekday_time(text: &str, horizon: (i64, i64)) -> Option<i64> {
    let (day, time) = text.trim().split_once(' ')?;
    let weekday = Weekday::ALL
        .into_iter()
        .find(|w| w.short_name().eq_ignore_ascii_case(day.trim()))?;
    let minute = i64::from(crate::model::TimeOfDay::parse(time.trim()).ok()?.minutes());
    let first_day = horizon.0.div_euclid(DAY_MINUTES);
    (first_day..=horizon.1.div_euclid(DAY_MINUTES))
        .map(|d| d * DAY_MINUTES + minute)
        .find(|&t| {
            t.div_euclid(DAY_MINUTES).rem_euclid(7) == i64::from(weekday.index())
                && (horizon.0..horizon.1).contains(&t)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_times_resolve_inside_the_horizon() {
        let horizon = (4320, 14400);
        assert_eq!(parse_weekday_time("Mon 08:00", horizon), Some(10560));
        assert_eq!(parse_weekday_time("fri 22:00", horizon), Some(7080));
        assert_eq!(parse_weekday_time("Thu 00:00", horizon), Some(4320));
        assert_eq!(parse_weekday_time("Mon 8", horizon), None);
        assert_eq!(parse_weekday_time("Someday 08:00", horizon), None);
    }

    #[test]
    fn stepping_the_narrative_scrubs_to_each_line() {
        let landscape = crate::file::seafood_example().expect("example");
        let mut view = SimulationView {
            scenario: Some("friday-night".into()),
            open: true,
            ..SimulationView::default()
        };
        view.run(&landscape, 0, &egui::Context::default());
        while !view.poll() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        view.step_narrative(1);
        let first = view.outcome.as_ref().expect("ran").narrative[0].t;
        assert_eq!(view.scrub, first);
        view.step_narrative(1);
        assert_eq!(view.narrative_cursor, Some(1));
        view.step_narrative(-5);
        assert_eq!(view.narrative_cursor, Some(0));
    }

    #[test]
    fn defining_a_fault_selects_the_ad_hoc_scenario() {
        let mut view = SimulationView::default();
        view.define_fault("F5", FaultChoice::Drop);
        assert_eq!(view.scenario.as_deref(), Some(AD_HOC_SCENARIO));
        assert!(matches!(
            view.ad_hoc_fault.as_ref().map(|f| &f.kind),
            Some(FaultKind::Partial { .. })
        ));
        assert!(view.open);
    }
}
