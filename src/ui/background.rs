//! Work that may take long (simulations of large landscapes) runs on a worker thread, so the
//! window stays responsive: a [`Job`] is polled once per frame and asks for a repaint when it
//! finishes. A worker that panics is reported as an error, never passed on to the user; where
//! no thread can be started, the work runs at once on the calling thread.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Work under way on a worker thread.
#[derive(Debug)]
pub struct Job<T> {
    started: Instant,
    receiver: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `name`; `ctx` is asked to repaint when it is done.
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Self {
        let (sender, receiver) = channel();
        let shared = Arc::new(Mutex::new(Some(work)));
        let for_worker = Arc::clone(&shared);
        let inline_sender = sender.clone();
        let wake = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let work = for_worker
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                if let Some(work) = work {
                    let _ = sender.send(work());
                }
                wake.request_repaint();
            });
        if spawned.is_err() {
            let work = shared.lock().unwrap_or_else(PoisonError::into_inner).take();
            if let Some(work) = work {
                let _ = inline_sender.send(work());
            }
        }
        Self {
            started: Instant::now(),
            receiver,
        }
    }

    /// How long the work has taken so far.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The result once the work is done (`Err` when the worker died); `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(
                "the work stopped unexpectedly (an internal error); nothing was changed".to_owned(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(job: &Job<T>) -> Result<T, String> {
        loop {
            if let Some(result) = job.poll() {
                return result;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn a_job_delivers_its_result() {
        let job = Job::spawn("test", &egui::Context::default(), || 6 * 7);
        assert_eq!(wait(&job), Ok(42));
    }

    #[test]
    fn a_panicking_job_is_an_error_not_a_panic() {
        let job: Job<i32> = Job::spawn("test", &egui::Context::default(), || {
            panic!("deliberate panic in a worker (expected by this test)")
        });
        assert!(wait(&job).is_err_and(|e| e.contains("stopped unexpectedly")));
    }
}
