//! How far long work has gone (open, save, export of a large session) and whether the user asked
//! to cancel it: shared between the thread doing the work and the window showing a progress bar
//! with a Cancel button. No egui; `persist` reports into it, the window reads it.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Steps of the fraction done: fine enough for a bar of any width.
const STEPS: u32 = 10_000;

/// Progress and cancellation of one piece of work. Cheap to update from a tight loop.
#[derive(Debug, Default)]
pub struct Progress {
    /// Fraction done, in [`STEPS`].
    done: AtomicU32,
    cancelled: AtomicBool,
}

impl Progress {
    /// Progress for work that cannot be cancelled and that nobody watches.
    #[must_use]
    pub fn none() -> Self {
        Self::default()
    }

    /// Record that `fraction` (0 to 1) of the work is done. Never goes back.
    pub fn set(&self, fraction: f64) {
        // The clamp keeps the value within 0..=STEPS, so the cast neither wraps nor truncates.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let steps = (fraction.clamp(0.0, 1.0) * f64::from(STEPS)) as u32;
        self.done.fetch_max(steps, Ordering::Relaxed);
    }

    /// Record that the part of the work from `from` to `to` (fractions of the whole) is done as
    /// far as `part` (0 to 1) of it.
    pub fn set_within(&self, from: f64, to: f64, part: f64) {
        self.set(from + (to - from) * part.clamp(0.0, 1.0));
    }

    /// The fraction done, 0 to 1.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        // Both are at most STEPS, which an f32 holds exactly.
        #[allow(clippy::cast_precision_loss)]
        let (done, steps) = (self.done.load(Ordering::Relaxed) as f32, STEPS as f32);
        done / steps
    }

    /// Ask the work to stop. It stops at its next check and changes nothing.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Progress::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_moves_forward_and_stays_within_bounds() {
        let p = Progress::none();
        p.set(0.5);
        p.set(0.2);
        assert!((p.fraction() - 0.5).abs() < 1e-4);
        p.set(7.0);
        assert!((p.fraction() - 1.0).abs() < 1e-4);
    }

    #[test]
    fn a_part_of_the_work_maps_into_its_share_of_the_bar() {
        let p = Progress::none();
        p.set_within(0.1, 0.9, 0.5);
        assert!((p.fraction() - 0.5).abs() < 1e-4);
        assert!(!p.is_cancelled());
        p.cancel();
        assert!(p.is_cancelled());
    }
}
