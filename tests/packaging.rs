//! The desktop integration shipped in `packaging/`: the desktop entry and the `AppStream`
//! metadata validate with the freedesktop tools (installed by `.ci/run`), and the MIME rule that
//! makes session files open with Vis-à-vis matches sessions, not dossiers or other RON files.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Run `tool args`, or say why the check is skipped when the tool is not installed.
fn run(tool: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match Command::new(tool).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "skipped: {tool} is not installed (apt-get install desktop-file-utils appstream)"
            );
            None
        }
        Err(e) => panic!("{tool}: {e}"),
    }
}

#[test]
fn the_desktop_entry_validates_and_names_the_session_type() {
    let path = Path::new(ROOT).join("packaging/fr.visavis.Visavis.desktop");
    let text = std::fs::read_to_string(&path).expect("desktop entry");
    assert!(text.contains("MimeType=application/x-visavis-session;"));
    assert!(text.contains("Name=Vis-à-vis") && text.contains("Comment[fr]="));
    assert!(text.contains("Keywords[fr]="), "keywords in French as well");
    if let Some(out) = run("desktop-file-validate", &[path.as_os_str()]) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn the_appstream_metadata_validates_once_filled_in() {
    let template = std::fs::read_to_string(
        Path::new(ROOT).join("packaging/fr.visavis.Visavis.metainfo.xml.in"),
    )
    .expect("template");
    let filled = template
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@DATE@", "2026-12-01")
        .replace("@HOMEPAGE@", env!("CARGO_PKG_HOMEPAGE"));
    assert!(!filled.contains('@'), "every placeholder is filled");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fr.visavis.Visavis.metainfo.xml");
    #[allow(clippy::disallowed_methods)] // a temporary test file, not a session
    std::fs::write(&path, filled).expect("write");
    if let Some(out) = run(
        "appstreamcli",
        &["validate".as_ref(), "--no-net".as_ref(), path.as_os_str()],
    ) {
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The `(value, end offset)` of the MIME rule's string match.
fn magic() -> (String, usize) {
    let xml =
        std::fs::read_to_string(Path::new(ROOT).join("packaging/fr.visavis.Visavis.mime.xml"))
            .expect("mime rule");
    let attr = |name: &str| {
        let start = xml.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        xml[start..start + xml[start..].find('"').expect("closing quote")].to_owned()
    };
    assert!(!xml.contains("<glob"), "no glob: .ron is not ours alone");
    let offset = attr("offset");
    let end = offset.split_once(':').map_or(offset.as_str(), |(_, e)| e);
    (attr("value"), end.parse().expect("offset range"))
}

/// Whether shared-mime-info's rule would call `bytes` a session: the value starts within the
/// offset range.
fn is_session(bytes: &[u8], (value, end): &(String, usize)) -> bool {
    let v = value.as_bytes();
    (0..=*end).any(|i| bytes.get(i..i + v.len()) == Some(v))
}

#[test]
fn the_mime_rule_matches_sessions_only() {
    let rule = magic();
    let read = |p: &str| std::fs::read(Path::new(ROOT).join(p)).expect(p);
    assert!(is_session(&read("saves/segur-analyse-exemple.ron"), &rule));
    assert!(
        !is_session(&read("assets/segur-2020.ron"), &rule),
        "a dossier is not a session"
    );
    assert!(!is_session(
        b"(\n    name: \"config\",\n    level: 3,\n)\n",
        &rule
    ));
    // Every format the loader reads carries the field near the top (a migrated format 1 too).
    let generated = visavis::persist::to_ron(&visavis::model::Session::new(
        visavis::persist::default_dossier(),
        "",
        "2026-01-01T00:00:00Z",
    ))
    .expect("serialises");
    assert!(is_session(generated.as_bytes(), &rule));
}
