//! `visavis generate` writes a session that `visavis validate` accepts, the same bytes for the
//! same seed.

use std::process::Command;

fn visavis(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .output()
        .expect("the visavis binary runs")
}

#[test]
fn a_generated_session_passes_validate_and_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    for out in [&a, &b] {
        let generated = visavis(&[
            "generate".as_ref(),
            "--measures".as_ref(),
            "300".as_ref(),
            "--stakeholders".as_ref(),
            "7".as_ref(),
            "--positions-per-stakeholder".as_ref(),
            "12".as_ref(),
            "--seed".as_ref(),
            "42".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert!(
            generated.status.success(),
            "{}",
            String::from_utf8_lossy(&generated.stderr)
        );
    }
    let checked = visavis(&["validate".as_ref(), a.as_os_str()]);
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(
        checked.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert!(
        stdout.contains("300 measures, 7 stakeholders, 84 positions"),
        "{stdout}"
    );
    assert!(stdout.contains("0 orphans"), "{stdout}");
    assert!(!stdout.contains("warning"), "{stdout}");
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "the same seed gives the same file"
    );
}
