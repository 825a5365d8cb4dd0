//! Bounded queues in front of the expensive steps (password hashing, decoding uploads, reading
//! spreadsheets, searching), so that a flood waits in a short line or is told to come back
//! (`AppError::Busy`, 503 with `Retry-After`) instead of exhausting memory and threads.
//!
//! A gate runs at most `running` jobs at once on the blocking pool and lets at most `waiting`
//! more wait, each for at most `patience`. The permit travels with the job: a client that
//! hangs up does not free its place before its job has ended.

use crate::log_throttle::LogThrottle;
use app::error::AppError;
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use tokio::sync::Semaphore;

/// One kind of expensive work and its bounds.
pub struct Gate {
    name: &'static str,
    /// Places in the line, running or waiting.
    admitted: Arc<Semaphore>,
    running: Arc<Semaphore>,
    patience: Duration,
    /// The "busy" warnings, at most one a second.
    busy_log: LogThrottle,
}

/// How long a job waits for its turn before the client is told to come back.
const PATIENCE: Duration = Duration::from_secs(5);

impl Gate {
    pub fn new(name: &'static str, running: usize, waiting: usize, patience: Duration) -> Self {
        let running = running.max(1);
        Self {
            name,
            admitted: Arc::new(Semaphore::new(running + waiting)),
            running: Arc::new(Semaphore::new(running)),
            patience,
            busy_log: LogThrottle::new(),
        }
    }

    /// Runs `job` on the blocking pool when its turn comes; `Busy` when the line is full or
    /// the turn does not come within the gate's patience.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let busy = || {
            if let Some(unlogged) = self.busy_log.admit() {
                tracing::warn!(gate = self.name, unlogged, "at capacity: answered busy");
            }
            AppError::Busy
        };
        let place = Arc::clone(&self.admitted)
            .try_acquire_owned()
            .map_err(|_| busy())?;
        let turn = tokio::time::timeout(self.patience, Arc::clone(&self.running).acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(AppError::internal)?;
        tokio::task::spawn_blocking(move || {
            let _held = (place, turn);
            job()
        })
        .await
        .map_err(AppError::internal)
    }
}

/// The processor's cores, the natural number of CPU-bound jobs at once.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// argon2id takes 19 MiB and tens of milliseconds each: one per core, a short line.
pub static PASSWORD_HASHING: LazyLock<Gate> =
    LazyLock::new(|| Gate::new("password hashing", cores(), 16 * cores(), PATIENCE));

/// Decoding and re-encoding images, checking 3D models: up to hundreds of MiB each.
pub static MEDIA_DECODING: LazyLock<Gate> =
    LazyLock::new(|| Gate::new("media decoding", cores().div_ceil(2), 8, PATIENCE));

/// Reading an imported spreadsheet: one at a time, a few waiting.
pub static SPREADSHEETS: LazyLock<Gate> =
    LazyLock::new(|| Gate::new("spreadsheets", 1, 4, Duration::from_secs(20)));

/// A search or a suggestion: milliseconds each, one per core, a longer line (the box a buyer
/// types in asks for suggestions at every pause).
pub static SEARCHING: LazyLock<Gate> =
    LazyLock::new(|| Gate::new("searching", cores(), 32 * cores(), PATIENCE));

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_line_answers_busy_and_frees_its_places() {
        let gate = Arc::new(Gate::new("test", 1, 1, Duration::from_millis(50)));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let running = {
            let gate = Arc::clone(&gate);
            tokio::spawn(async move { gate.run(move || hold.recv().is_ok()).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        // One running, so the one waiting place times out, and a third is refused at once.
        let waiting = gate.run(|| ()).await;
        assert_eq!(waiting, Err(AppError::Busy));
        release.send(()).unwrap();
        assert_eq!(running.await.unwrap(), Ok(true));
        assert_eq!(gate.run(|| 7).await, Ok(7));
    }

    #[tokio::test]
    async fn beyond_the_line_is_refused_without_waiting() {
        let gate = Arc::new(Gate::new("test", 1, 0, Duration::from_secs(60)));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let running = {
            let gate = Arc::clone(&gate);
            tokio::spawn(async move { gate.run(move || hold.recv().is_ok()).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        let started = std::time::Instant::now();
        assert_eq!(gate.run(|| ()).await, Err(AppError::Busy));
        assert!(started.elapsed() < Duration::from_secs(1));
        release.send(()).unwrap();
        running.await.unwrap().unwrap();
    }
}
