//! What the commands do with files that are not what they seem: pipes, devices, read-only
//! files, links, a session named as a report's output, a full disk, a reader that leaves early,
//! two rewrites of one file at once.

use super::{example_session_path, write_file};
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use visavis::persist;

/// `visavis ARGS…` with its own data folder (for the locks), as a user runs it.
fn visavis(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .env("VISAVIS_DATA_DIR", data)
        .stdin(Stdio::null())
        .output()
        .expect("visavis runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
#[cfg(unix)]
fn a_report_written_into_a_named_pipe_reaches_its_reader_and_the_pipe_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("o");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut got = String::new();
            fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_string(&mut got))
                .expect("reads the pipe");
            got
        })
    };
    let example = example_session_path();
    let out = visavis(
        dir.path(),
        &[
            "report",
            example.to_str().expect("UTF-8 path"),
            "-o",
            fifo.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got = reader.join().expect("the reader ends");
    assert!(got.contains("Ségur"), "the report went through the pipe");
    assert!(is_fifo(&fifo), "the pipe is still a pipe");
    assert!(!dir.path().join("o.bak").exists(), "no backup of a pipe");
}

#[test]
#[cfg(unix)]
fn a_report_to_dev_null_works_and_to_dev_full_fails_saying_the_disk_is_full() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let example = example_session_path();
    let example = example.to_str().expect("UTF-8 path");
    let out = visavis(dir.path(), &["report", example, "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    if Path::new("/dev/full").exists() {
        let out = visavis(dir.path(), &["report", example, "-o", "/dev/full"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.contains("/dev/full"), "{stderr}");
        assert!(
            fs::metadata("/dev/full").is_ok_and(|m| m.file_type().is_char_device()),
            "the device is still a device"
        );
    }
}

#[test]
#[cfg(unix)]
fn reading_a_named_pipe_is_refused_at_once_instead_of_waiting_for_ever() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("s.ron");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    let started = Instant::now();
    for command in ["validate", "fmt", "report"] {
        let out = visavis(dir.path(), &[command, fifo.to_str().expect("UTF-8")]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains("named pipe, not a file"),
            "{command}: {stderr}"
        );
    }
    assert!(started.elapsed() < Duration::from_mins(1), "nothing waited");
}

#[test]
#[cfg(unix)]
fn output_to_a_full_disk_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let example = example_session_path();
    let out = Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(["validate", example.to_str().expect("UTF-8")])
        .env("VISAVIS_DATA_DIR", dir.path())
        .stdout(fs::File::create("/dev/full").expect("opens /dev/full"))
        .output()
        .expect("runs");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("cannot write the output"), "{stderr}");
}

#[test]
fn a_reader_that_leaves_early_ends_the_output_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let example = example_session_path();
    let example = example.to_str().expect("UTF-8");
    // Many lines, so that some are written after the reader has gone.
    let mut args = vec!["validate"];
    args.extend(std::iter::repeat_n(example, 400));
    let mut child = Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(&args)
        .env("VISAVIS_DATA_DIR", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("piped");
    let _ = stdout.read(&mut first);
    drop(stdout); // `| head -c 16`
    let out = child.wait_with_output().expect("ends");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "quietly: {stderr}");
}

#[test]
fn a_report_never_replaces_a_session_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("autre.ron");
    fs::copy(example_session_path(), &other).expect("copies");
    let before = fs::read(&other).expect("reads");
    let example = example_session_path();
    let args = [
        "report",
        example.to_str().expect("UTF-8"),
        "-o",
        other.to_str().expect("UTF-8"),
    ];
    for _ in 0..2 {
        let out = visavis(dir.path(), &args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("is a session or a dossier"), "{stderr}");
    }
    assert_eq!(
        fs::read(&other).expect("reads"),
        before,
        "the session is untouched"
    );
    assert!(!dir.path().join("autre.ron.bak").exists());
    let mut forced = args.to_vec();
    forced.push("--force");
    let out = visavis(dir.path(), &forced);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&fs::read(&other).expect("reads")).starts_with("# "),
        "Markdown now"
    );
}

#[test]
#[cfg(unix)]
fn a_read_only_file_is_neither_rewritten_nor_reported_over() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    // Not in canonical form, so that fmt would rewrite it.
    let canonical = fs::read_to_string(example_session_path()).expect("reads");
    write_file(&session, canonical.replace('\t', "    "));
    fs::set_permissions(&session, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = fs::read(&session).expect("reads");
    let out = visavis(dir.path(), &["fmt", session.to_str().expect("UTF-8")]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read(&session).expect("reads"), before);

    let report = dir.path().join("rapport.md");
    write_file(&report, "ancien rapport");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o444)).expect("chmod");
    let example = example_session_path();
    let out = visavis(
        dir.path(),
        &[
            "report",
            example.to_str().expect("UTF-8"),
            "-o",
            report.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("read-only"));
    assert_eq!(
        fs::read_to_string(&report).expect("reads"),
        "ancien rapport"
    );
}

#[test]
#[cfg(unix)]
fn rewriting_through_a_link_names_the_backup_beside_the_real_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("vrai.ron");
    let canonical = fs::read_to_string(example_session_path()).expect("reads");
    write_file(&real, canonical.replace('\t', "    "));
    let link = dir.path().join("lien.ron");
    std::os::unix::fs::symlink(&real, &link).expect("links");
    let out = visavis(dir.path(), &["fmt", link.to_str().expect("UTF-8")]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bak = dir.path().join("vrai.ron.bak");
    assert!(bak.exists());
    assert!(stdout.contains(&bak.display().to_string()), "{stdout}");
}

#[test]
fn two_rewrites_of_one_file_at_once_never_lose_a_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("s.ron");
    // The example in the current format's canonical text (it may be of an older format).
    let example = persist::load(&example_session_path()).expect("loads");
    let canonical = persist::to_ron(&example.session).expect("encodes");
    for round in 0..4 {
        write_file(&session, canonical.replace('\t', "    "));
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_visavis"))
                .args(["fmt", session.to_str().expect("UTF-8")])
                .env("VISAVIS_DATA_DIR", dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("runs")
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().expect("ends");
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                text(&out.stderr)
            );
        }
        assert_eq!(
            fs::read_to_string(&session).expect("the file is there"),
            canonical
        );
        let bak = fs::read_to_string(dir.path().join("s.ron.bak")).expect("the backup is there");
        assert!(bak == canonical || bak == canonical.replace('\t', "    "));
    }
}

#[test]
fn a_report_named_with_an_extension_no_format_has_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("rapport.pdf");
    let example = example_session_path();
    let example = example.to_str().expect("UTF-8");
    let out = visavis(
        dir.path(),
        &["report", example, "-o", pdf.to_str().expect("UTF-8")],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no report format is written as .pdf"),
        "{stderr}"
    );
    assert!(!pdf.exists(), "no Markdown under a PDF's name");
    // Asked for explicitly, it is written as asked.
    let out = visavis(
        dir.path(),
        &[
            "report",
            example,
            "--format",
            "html",
            "-o",
            pdf.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&fs::read(&pdf).expect("written")).starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_file_over_the_limit_is_read_when_max_size_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("gros.ron");
    // Sparse: past the 100 MiB limit without writing it.
    fs::File::create(&big)
        .and_then(|f| f.set_len(visavis::persist::MAX_FILE_SIZE + 1))
        .expect("a sparse file");
    let path = big.to_str().expect("UTF-8");
    let out = visavis(dir.path(), &["validate", path]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("--max-size"),
        "the refusal says how to go on: {stderr}"
    );
    let out = visavis(dir.path(), &["validate", "--max-size", "200", path]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !stderr.contains("bytes, more than"),
        "read this time: {stderr}"
    );
    assert!(
        stderr.contains("gros.ron:1:"),
        "and judged on what it holds: {stderr}"
    );
}

#[test]
#[cfg(all(feature = "gui", target_os = "linux"))]
fn the_window_without_a_display_says_so_in_plain_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(["--frames", "1"])
        .env("VISAVIS_DATA_DIR", dir.path())
        .env("HOME", dir.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("runs");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no display found"), "{stderr}");
    assert!(
        !stderr.contains(".cargo/registry"),
        "no path into a crate: {stderr}"
    );
}
