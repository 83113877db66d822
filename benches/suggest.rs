//! Suggested evidence (`src/suggest`) on the Ségur example, 1,000 × 10 and 5,000 × 20 cells:
//! building the index of a dossier (what the window does off the UI thread when a session
//! opens or its dossier changes), and one cell's suggestions (what the detail panel asks when a
//! cell is selected). Targets (issue 18): under 2 s and under 5 ms at 5,000 measures.

mod common;

use common::{SIZES, session};
use divan::Bencher;
use visavis::suggest::{Index, for_cell};

fn main() {
    divan::main();
}

/// The index of the dossier's positions (no source text).
#[divan::bench(args = SIZES, sample_count = 10)]
fn build(bencher: Bencher, size: &str) {
    let d = &session(size).dossier;
    bencher.bench(|| Index::build(d, |_| None));
}

/// The suggestions of one cell in the middle of the grid, cited and dismissed ones left out.
#[divan::bench(args = SIZES, sample_count = 50)]
fn one_cell(bencher: Bencher, size: &str) {
    let s = session(size);
    let index = Index::build(&s.dossier, |_| None);
    let (m, k) = (
        s.dossier.measures.len() / 2,
        s.dossier.stakeholders.len() / 2,
    );
    bencher.bench(|| for_cell(&index, s, m, k, 5));
}
