//! The fuzzer's committed corpus (`fuzz/corpus/load/`: seeds and every input that once crashed
//! the loader), replayed through the loader without the fuzzer, so a regression fails
//! `cargo test`.

use super::repo_file;
use std::path::Path;
use visavis::persist;

#[test]
fn every_committed_fuzz_input_loads_or_fails_cleanly() {
    let dir = repo_file("fuzz/corpus/load");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus is committed") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("readable");
        let result = std::panic::catch_unwind(|| {
            let _ = persist::load_bytes(&bytes, Path::new("fuzz.ron"), "now");
        });
        assert!(result.is_ok(), "{} makes the loader panic", path.display());
        replayed += 1;
    }
    assert!(replayed >= 10, "only {replayed} corpus files");
}
