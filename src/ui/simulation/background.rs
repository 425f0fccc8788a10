//! Simulations run on a worker thread, so the window stays responsive while a large landscape
//! simulates: the panel shows a spinner with the elapsed time and a Cancel button. Cancelling
//! drops the result when it arrives (a run cannot be interrupted; it finishes unseen). A worker
//! that panics is reported as an error, never passed on to the user.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::model::Landscape;

use super::run::{RunRequest, SimOutcome, run};

/// A simulation under way.
#[derive(Debug)]
pub struct PendingRun {
    /// What is being run.
    pub request: RunRequest,
    /// The document revision it runs on.
    pub revision: u64,
    started: Instant,
    receiver: Receiver<Result<SimOutcome, String>>,
}

impl PendingRun {
    /// Starts `request` on a copy of `landscape`; `ctx` is asked to repaint when it finishes.
    /// Where no thread can be started, the run happens here and now.
    pub fn start(
        landscape: &Landscape,
        request: RunRequest,
        revision: u64,
        ctx: &egui::Context,
    ) -> Self {
        let (sender, receiver) = channel();
        let document = landscape.clone();
        let job = request.clone();
        let wake = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("simulation".to_owned())
            .spawn(move || {
                let _ = sender.send(run(&document, &job));
                wake.request_repaint();
            });
        if let Err(error) = spawned {
            // The closure (and its sender) is gone; run inline on a new channel.
            let (sender, inline) = channel();
            let result = run(landscape, &request)
                .map_err(|e| format!("{e} (ran without a worker thread: {error})"));
            let _ = sender.send(result);
            return Self {
                request,
                revision,
                started: Instant::now(),
                receiver: inline,
            };
        }
        Self {
            request,
            revision,
            started: Instant::now(),
            receiver,
        }
    }

    /// How long the run has taken so far.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The outcome (or the error to show) once the run has finished; `None` while it runs.
    pub fn poll(&self) -> Option<Result<SimOutcome, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(
                "the simulation stopped unexpectedly (an internal error); nothing was changed"
                    .to_owned(),
            )),
        }
    }
}
