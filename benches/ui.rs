//! The window, headless: the search/filter step of one keystroke, and one full frame (egui
//! layout of the whole window + tessellation, no GPU) at 1600 × 1000 points with the grid
//! scrolled to the middle and the pointer over a cell. Targets: frame median under 1 ms on the
//! Ségur example and under 3 ms at 5,000 × 20 cells, the same at 1,000 and 5,000 rows; a
//! keystroke's filtering under 5 ms.
//!
//! Besides divan's table, `cargo bench --bench ui` prints min / median / p95 / max over 200
//! frames for each size, and splits the median into egui's pass (our code, layout, text) and
//! tessellation.

mod common;

use common::{SIZES, session};
use divan::Bencher;
use eframe::egui::{self, Event, Key, Modifiers, Pos2, RawInput, Rect, Vec2};
use std::time::{Duration, Instant};
use visavis::model::Session;
use visavis::ui::{App, Prefs};
use visavis::view::{DossierIndex, Filters, Row, Selection};

fn main() {
    // For a profiler: `VISAVIS_PROFILE_FRAMES=5000x20 valgrind --tool=callgrind <bench binary>`
    // runs 100 frames of that size after the settling ones, and nothing else; add
    // `--toggle-collect=ui::steady_frames` to leave out the session's set-up.
    if let Ok(size) = std::env::var("VISAVIS_PROFILE_FRAMES") {
        steady_frames(&mut Window::new(session(&size).clone()));
        return;
    }
    if std::env::args().any(|a| a == "--bench") {
        percentiles();
    }
    divan::main();
}

#[inline(never)]
fn steady_frames(w: &mut Window) {
    for _ in 0..100 {
        w.frame(Vec::new());
    }
}

/// The search field after a keystroke: the rows that match "gouvernan".
#[divan::bench(args = SIZES, sample_count = 100)]
fn search_keystroke(bencher: Bencher, size: &str) {
    rows(
        bencher,
        size,
        &Filters {
            search: "gouvernan".to_owned(),
            ..Filters::default()
        },
    );
}

/// The worst keystroke: a word found nowhere, so every row's text is read to the end.
#[divan::bench(args = SIZES, sample_count = 100)]
fn search_keystroke_no_match(bencher: Bencher, size: &str) {
    rows(
        bencher,
        size,
        &Filters {
            search: "zyxw".to_owned(),
            ..Filters::default()
        },
    );
}

/// A filter toggle: only the rows with a gap.
#[divan::bench(args = SIZES, sample_count = 100)]
fn filter_only_gaps(bencher: Bencher, size: &str) {
    rows(
        bencher,
        size,
        &Filters {
            only_gaps: true,
            ..Filters::default()
        },
    );
}

/// The rows `filters` keep, computed from the index of the session of `size`.
fn rows(bencher: Bencher, size: &str, filters: &Filters) {
    let s = session(size);
    let index = DossierIndex::new(s);
    bencher.bench(|| index.rows(s, filters));
}

/// Opening a session: indexing it for the grid and the search.
#[divan::bench(args = SIZES, sample_count = 20)]
fn index(bencher: Bencher, size: &str) {
    let s = session(size);
    bencher.bench(|| DossierIndex::new(s));
}

/// The frame's sizes: those of the other benchmarks, and 1,000 × 20 to compare with 5,000 × 20
/// (the same columns, five times the rows).
const FRAME_SIZES: [&str; 4] = ["segur", "1000x10", "1000x20", "5000x20"];

/// One frame of the window: egui pass (our views, layout, text) and tessellation.
#[divan::bench(args = FRAME_SIZES, sample_count = 200, sample_size = 1)]
fn frame(bencher: Bencher, size: &str) {
    let mut window = Window::new(session(size).clone());
    bencher.bench_local(|| window.frame(Vec::new()));
}

const SCREEN: Vec2 = Vec2::new(1600.0, 1000.0);

/// The app in a headless egui context.
struct Window {
    ctx: egui::Context,
    app: App,
    time: f64,
}

impl Window {
    /// A window on `session`, the middle row selected and scrolled to, the pointer over the
    /// grid, after the frames that settle fonts, layout and the scroll.
    fn new(session: Session) -> Self {
        let mut w = Self {
            ctx: egui::Context::default(),
            app: App::new(Prefs::default(), session, None, None),
            time: 0.0,
        };
        w.frame(Vec::new());
        let middle = w.app.rows().len() / 2;
        let measure = w.app.rows()[middle..]
            .iter()
            .find_map(|r| match r {
                Row::Measure(m) => Some(*m),
                Row::Pillar(_) => None,
            })
            .expect("a measure row");
        w.app.set_selection(Selection {
            measure,
            stakeholder: 0,
        });
        // Down selects the next row and scrolls the grid to it, as the keyboard does.
        w.frame(vec![key(Key::ArrowDown, true), key(Key::ArrowDown, false)]);
        w.frame(vec![Event::PointerMoved(Pos2::new(700.0, 500.0))]);
        for _ in 0..60 {
            w.frame(Vec::new());
        }
        w.check_scrolled();
        w
    }

    /// Run one frame with `events` and tessellate it; returns the number of meshes.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        let (mut out, _) = self.pass(events);
        out.textures_delta.clear();
        self.ctx
            .tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point)
            .len()
    }

    /// The egui pass alone, and its duration.
    fn pass(&mut self, events: Vec<Event>) -> (egui::FullOutput, Duration) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let start = Instant::now();
        let out = self.ctx.run_ui(input, |ui| self.app.show(ui));
        (out, start.elapsed())
    }

    /// Panics unless the selected row is on screen: the benchmark must measure the middle.
    fn check_scrolled(&mut self) {
        let sel = self.app.selection().expect("a selection");
        let d = &self.app.session().dossier;
        let title = format!(
            "{} × {}",
            d.measures[sel.measure].title, d.stakeholders[sel.stakeholder].name
        );
        self.ctx.enable_accesskit();
        let (mut out, _) = self.pass(Vec::new());
        self.ctx.disable_accesskit();
        out.textures_delta.clear();
        let update = out
            .platform_output
            .accesskit_update
            .expect("accesskit is on");
        let shown = update
            .nodes
            .iter()
            .any(|(_, n)| n.label().is_some_and(|l| l.starts_with(&title)));
        assert!(shown, "the selected middle row is on screen");
        self.frame(Vec::new());
    }
}

fn key(key: Key, pressed: bool) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    }
}

/// Print min / median / p95 / max over 200 frames per size, and the median of the egui pass
/// and of the tessellation separately.
fn percentiles() {
    println!("frame, 1600 × 1000 points, 200 frames (ms): min / median / p95 / max");
    for size in FRAME_SIZES {
        let mut w = Window::new(session(size).clone());
        let (mut total, mut passes, mut tess) = (Vec::new(), Vec::new(), Vec::new());
        let mut discarded = Vec::new();
        for _ in 0..200 {
            let start = Instant::now();
            let (mut out, pass) = w.pass(Vec::new());
            out.textures_delta.clear();
            if out.platform_output.num_completed_passes > 1 {
                discarded.extend(out.platform_output.request_discard_reasons.clone());
            }
            let t = Instant::now();
            let meshes = w
                .ctx
                .tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
            tess.push(t.elapsed());
            drop(meshes);
            passes.push(pass);
            total.push(start.elapsed());
        }
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let q = |v: &mut Vec<Duration>, p: usize| {
            v.sort();
            ms(v[(v.len() - 1) * p / 100])
        };
        println!(
            "  {size:>8}: {:.3} / {:.3} / {:.3} / {:.3}   (median pass {:.3}, tessellation {:.3})",
            q(&mut total, 0),
            q(&mut total, 50),
            q(&mut total, 95),
            q(&mut total, 100),
            q(&mut passes, 50),
            q(&mut tess, 50),
        );
        if !discarded.is_empty() {
            println!(
                "  {size:>8}: {} frames needed a second pass: {:?}",
                discarded.len(),
                discarded[0]
            );
        }
    }
}
