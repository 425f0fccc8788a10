//! Simulations run as background jobs (`ui::background`), so the window stays responsive while
//! a large landscape simulates: the panel shows a spinner with the elapsed time and a Cancel
//! button. Cancelling drops the job; its result is discarded when it arrives.

use std::time::Duration;

use crate::model::Landscape;
use crate::ui::background::Job;

use super::run::{RunRequest, SimOutcome, run};

/// A simulation under way.
#[derive(Debug)]
pub struct PendingRun {
    /// What is being run.
    pub request: RunRequest,
    /// The document revision it runs on.
    pub revision: u64,
    job: Job<Result<SimOutcome, String>>,
}

impl PendingRun {
    /// Starts `request` on a copy of `landscape`; `ctx` is asked to repaint when it finishes.
    pub fn start(
        landscape: &Landscape,
        request: RunRequest,
        revision: u64,
        ctx: &egui::Context,
    ) -> Self {
        let document = landscape.clone();
        let job_request = request.clone();
        let job = Job::spawn("simulation", ctx, move || run(&document, &job_request));
        Self {
            request,
            revision,
            job,
        }
    }

    /// How long the run has taken so far.
    pub fn elapsed(&self) -> Duration {
        self.job.elapsed()
    }

    /// The outcome (or the error to show) once the run has finished; `None` while it runs.
    pub fn poll(&self) -> Option<Result<SimOutcome, String>> {
        self.job.poll().map(|result| result.and_then(|run| run))
    }
}
