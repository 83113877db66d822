//! Loading and saving session files: the Ségur example, 1,000 × 10 and 5,000 × 20 cells.
//! Target: under 300 ms each at 5,000 × 20.

mod common;

use common::{SIZES, file, scratch, session};
use divan::Bencher;

fn main() {
    divan::main();
}

/// Read, parse, migrate and check a session file, as opening it in the window does.
#[divan::bench(args = SIZES, sample_count = 20)]
fn load(bencher: Bencher, size: &str) {
    let path = file(size);
    bencher.bench(|| visavis::persist::load(&path).expect("loads"));
}

/// Save a session atomically (write, fsync, keep `.bak`, rename), as Ctrl+S does.
#[divan::bench(args = SIZES, sample_count = 20)]
fn save(bencher: Bencher, size: &str) {
    let s = session(size);
    let path = scratch().join(format!("save-{size}.ron"));
    bencher.bench(|| visavis::persist::save(s, &path).expect("saves"));
}

/// The text of a session file alone, without the disk.
#[divan::bench(args = SIZES, sample_count = 20)]
fn to_ron(bencher: Bencher, size: &str) {
    let s = session(size);
    bencher.bench(|| visavis::persist::to_ron(s).expect("serialises"));
}
