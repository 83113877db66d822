//! The sessions the benchmarks run on: the Ségur example shipped in `saves/`, and two generated
//! ones (1,000 × 10 and 5,000 × 20 cells), built once and written once under the target folder.

#![allow(dead_code)] // each bench uses part of this module

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use visavis::generate::{Spec, session as generate};
use visavis::model::Session;

/// The sizes every benchmark runs on.
pub const SIZES: [&str; 3] = ["segur", "1000x10", "5000x20"];

/// `"MEASURESxSTAKEHOLDERS"` as a generator spec; `None` for the Ségur example.
fn spec(size: &str) -> Option<Spec> {
    let (measures, stakeholders) = size.split_once('x')?;
    Some(Spec::new(
        measures.parse().ok()?,
        stakeholders.parse().ok()?,
    ))
}

/// The session of `size` (`"segur"` or `"MEASURESxSTAKEHOLDERS"`), built once per process.
pub fn session(size: &str) -> &'static Session {
    static BUILT: OnceLock<std::sync::Mutex<Vec<(String, &'static Session)>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .expect("not poisoned");
    if let Some((_, s)) = built.iter().find(|(s, _)| s == size) {
        return s;
    }
    let session = match spec(size) {
        Some(spec) => generate(&spec),
        None => {
            visavis::persist::load(&example())
                .expect("the example loads")
                .session
        }
    };
    // Kept for the whole run, like the benchmarks' other inputs.
    let session: &'static Session = Box::leak(Box::new(session));
    built.push((size.to_owned(), session));
    session
}

/// The Ségur example analysis.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/segur-analyse-exemple.ron")
}

/// A scratch folder for the benchmarks' files.
pub fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("visavis-bench");
    std::fs::create_dir_all(&dir).expect("the target folder is writable");
    dir
}

/// The session file of `size` (the example itself for the Ségur).
pub fn file(size: &str) -> PathBuf {
    // Written by this process, so a file left by an older generator is never measured.
    static WRITTEN: OnceLock<std::sync::Mutex<Vec<String>>> = OnceLock::new();
    if spec(size).is_none() {
        return example();
    }
    let path = scratch().join(format!("{size}.ron"));
    let mut written = WRITTEN
        .get_or_init(Default::default)
        .lock()
        .expect("not poisoned");
    if !written.iter().any(|s| s == size) {
        visavis::persist::save(session(size), &path).expect("the scratch folder is writable");
        written.push(size.to_owned());
    }
    path
}
