//! Agreement between two analysts (`visavis agree`) and the merge of their sessions (`visavis
//! merge`) on the Ségur example, 1,000 × 10 and 5,000 × 20 cells: the comparison or the merge
//! alone, and with the loading of the files (and, for the merge, the saving of its output) as
//! the command does; and what the window recomputes after an edit while comparing. Targets
//! (DESIGN): within 1.3× the time to load the inputs (and save the output); under 1 s at
//! 5,000 × 20.

mod common;

use common::{SIZES, file, scratch, session};
use divan::Bencher;
use std::path::PathBuf;
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

/// What the window redoes after each edit while comparing with a second analyst: every cell's
/// mark, then the agreement figures.
#[divan::bench(args = SIZES, sample_count = 20)]
fn window_refresh(bencher: Bencher, size: &str) {
    let a = session(size);
    let index = visavis::view::DossierIndex::new(a);
    let mut fresh = visavis::view::compare::Comparison::default();
    fresh.others.push(visavis::view::compare::Compared {
        name: "B".into(),
        session: std::sync::Arc::new(second(size)),
    });
    // A comparison not made yet: what a changed stance costs (typing a note costs nothing).
    bencher.bench_local(|| {
        let mut c = fresh.clone();
        c.refresh(a, &index);
        c.agreement(a).expect("same dossier")
    });
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

/// A third analyst's copy: every thirteenth assessed cell's note extended. Every ninety-first
/// cell is changed by both this copy and [`second`]'s: a conflict.
fn third(size: &str) -> Session {
    let mut s = session(size).clone();
    for (i, a) in s.assessments.values_mut().enumerate() {
        if i % 13 == 0 {
            a.note.push_str(" Relu.");
        }
    }
    s
}

/// The two sides' files, written once per size: `[base, ours, theirs]`.
fn merge_files(size: &str) -> [PathBuf; 3] {
    let ours = scratch().join(format!("{size}-ours.ron"));
    let theirs = scratch().join(format!("{size}-theirs.ron"));
    visavis::persist::save(&second(size), &ours).expect("the scratch folder is writable");
    visavis::persist::save(&third(size), &theirs).expect("the scratch folder is writable");
    [file(size), ours, theirs]
}

const NOW: &str = "2026-12-02T10:00:00Z";

/// The three-way merge of two analysts' copies, on sessions in memory.
#[divan::bench(args = SIZES, sample_count = 20)]
fn merge_three_way(bencher: Bencher, size: &str) {
    let base = session(size);
    let (ours, theirs) = (second(size), third(size));
    bencher.bench(|| visavis::teamwork::merge(Some(base), &[&ours, &theirs], NOW).expect("merges"));
}

/// The n-way merge (no base) of two analysts' copies, on sessions in memory.
#[divan::bench(args = SIZES, sample_count = 20)]
fn merge_without_base(bencher: Bencher, size: &str) {
    let (ours, theirs) = (second(size), third(size));
    bencher.bench(|| visavis::teamwork::merge(None, &[&ours, &theirs], NOW).expect("merges"));
}

/// What `visavis merge --base BASE OURS THEIRS -o OUT` does: load the three files, merge,
/// save the result.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_merge_save(bencher: Bencher, size: &str) {
    let [base, ours, theirs] = merge_files(size);
    let out = scratch().join(format!("{size}-merged.ron"));
    bencher.bench(|| {
        let b = visavis::persist::load(&base).expect("loads").session;
        let o = visavis::persist::load(&ours).expect("loads").session;
        let t = visavis::persist::load(&theirs).expect("loads").session;
        let m = visavis::teamwork::merge(Some(&b), &[&o, &t], NOW).expect("merges");
        visavis::persist::save_merged(&m.session, &out, false).expect("saves")
    });
}

/// The reference for [`load_merge_save`]: the same three loads and one save, no merge.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_three_save_one(bencher: Bencher, size: &str) {
    let [base, ours, theirs] = merge_files(size);
    let out = scratch().join(format!("{size}-merged.ron"));
    bencher.bench(|| {
        let _b = visavis::persist::load(&base).expect("loads").session;
        let o = visavis::persist::load(&ours).expect("loads").session;
        let _t = visavis::persist::load(&theirs).expect("loads").session;
        visavis::persist::save_merged(&o, &out, false).expect("saves")
    });
}
