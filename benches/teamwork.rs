//! Agreement between two analysts (`visavis agree`) on the Ségur example, 1,000 × 10 and
//! 5,000 × 20 cells: the comparison alone, and with the loading of both files as the command
//! does. Target (DESIGN): within 1.3× the time to load the inputs; under 1 s at 5,000 × 20.

mod common;

use common::{SIZES, file, session};
use divan::Bencher;
use visavis::model::{Session, Stance};

fn main() {
    divan::main();
}

/// A second analyst's copy: every seventh assessed cell read one stance further.
fn second(size: &str) -> Session {
    let mut s = session(size).clone();
    for (i, a) in s.assessments.values_mut().enumerate() {
        if i % 7 == 0 {
            a.stance = a.stance.map(|st| match st {
                Stance::Agreement => Stance::Partial,
                Stance::Partial => Stance::Gap,
                Stance::Gap => Stance::Silent,
                Stance::Silent => Stance::Agreement,
            });
        }
    }
    s
}

/// Every statistic, overall, per stakeholder and per pillar, on sessions in memory.
#[divan::bench(args = SIZES, sample_count = 20)]
fn compare(bencher: Bencher, size: &str) {
    let a = session(size);
    let b = second(size);
    bencher.bench(|| visavis::teamwork::compare(&[a, &b]).expect("same dossier"));
}

/// Load both files, then compare: what `visavis agree A B` does before printing.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_compare(bencher: Bencher, size: &str) {
    let path = file(size);
    bencher.bench(|| {
        let a = visavis::persist::load(&path).expect("loads").session;
        let b = visavis::persist::load(&path).expect("loads").session;
        visavis::teamwork::compare(&[&a, &b]).expect("same dossier")
    });
}
