//! The hand-made REFI-QDA project of `tests/fixtures/refi-qda/hand-made`, zipped as another tool
//! would hand it over: shared by the command line's tests and the window's.

use std::io::Write as _;
use std::path::Path;

const HAND_MADE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/refi-qda/hand-made"
);

/// The project's `project.qde`.
pub fn hand_made_qde() -> std::path::PathBuf {
    Path::new(HAND_MADE).join("project.qde")
}

/// The hand-made project as a `.qdpx` archive at `path`.
pub fn hand_made_qdpx(path: &Path) {
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let root = Path::new(HAND_MADE);
    zip.start_file("project.qde", options).expect("entry");
    zip.write_all(&std::fs::read(hand_made_qde()).expect("project.qde"))
        .expect("write");
    let mut names: Vec<_> = std::fs::read_dir(root.join("sources"))
        .expect("sources")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    for path in names {
        let name = format!(
            "sources/{}",
            path.file_name().expect("name").to_string_lossy()
        );
        zip.start_file(name, options).expect("entry");
        zip.write_all(&std::fs::read(&path).expect("read"))
            .expect("write");
    }
    zip.finish().expect("finish");
}
