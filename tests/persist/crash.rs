//! Crash safety: a child process saves a growing session in a loop and is killed with SIGKILL at
//! random moments; after every kill the file is complete and is one of the versions the child
//! wrote (never empty, never partial), and the `.bak` is the version before it.
//!
//! The child is this test binary run again on [`child_saves_a_growing_session_until_killed`].
//! 200 kills by default; `VISAVIS_CRASH_KILLS=1000 cargo test --test persist crash` for a long
//! run (`VISAVIS_CRASH_SEED` replays a run's kill moments).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use visavis::model::{Assessment, CellId, Dossier, EvidenceSet, Session, Stance};
use visavis::persist;

/// Names the session file a child run must save to.
const CHILD_FILE: &str = "VISAVIS_CRASH_CHILD_FILE";

/// What the child prints once it is in its save loop.
const READY: &str = "child ready";

/// Version `n` of the growing session: the first `n` cells of the Ségur grid assessed (then, past
/// the grid's size, every note rewritten), stamped with `n` so a reader can tell the version.
fn version(dossier: &Dossier, n: u64) -> Session {
    let mut s = Session::new(
        dossier.clone(),
        "Test de robustesse",
        "2026-01-01T00:00:00Z",
    );
    s.modified = n.to_string();
    let cells: Vec<CellId> = dossier
        .measures
        .iter()
        .flat_map(|m| {
            dossier
                .stakeholders
                .iter()
                .map(|st| CellId::new(m.id.as_str(), st.id.as_str()))
        })
        .collect();
    let count = usize::try_from(n).unwrap_or(usize::MAX).min(cells.len());
    for (i, cell) in cells.into_iter().take(count).enumerate() {
        let a = Assessment {
            stance: Some(Stance::ALL[i % 4]),
            note: format!("version {n}, cellule {i} : « note » \"citée\" \\ fin"),
            evidence: EvidenceSet::default(),
            labels: BTreeSet::new(),
            review: BTreeMap::new(),
            dismissed: BTreeSet::new(),
            author: "enfant".into(),
            modified: n.to_string().into(),
        };
        s.assessments.insert(cell, a);
    }
    s
}

/// The version a file holds, checking it is exactly that version's bytes.
fn version_in(dossier: &Dossier, path: &Path) -> Result<u64, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.is_empty() {
        return Err(format!("{} is empty", path.display()));
    }
    let loaded = persist::load_bytes(&bytes, path, "now").map_err(|e| e.to_string())?;
    let n: u64 = loaded
        .session
        .modified
        .parse()
        .map_err(|_| format!("{}: not a version stamp", path.display()))?;
    let expected = persist::to_ron(&version(dossier, n)).map_err(|e| e.to_string())?;
    if expected.as_bytes() != bytes.as_slice() {
        return Err(format!("{} parses but is not version {n}", path.display()));
    }
    Ok(n)
}

/// A small, seedable generator for the kill moments (no timing is asserted on).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn spawn_child(path: &Path) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "crash::child_saves_a_growing_session_until_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_FILE, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts")
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file_complete() {
    let kills: u32 = std::env::var("VISAVIS_CRASH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("VISAVIS_CRASH_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x005e_ed0f_5e60);
    let mut rng = XorShift(seed | 1);

    let dossier = persist::default_dossier();
    let dir = tempfile::tempdir().expect("tempdir");
    let path: PathBuf = dir.path().join("analyse.ron");
    persist::save(&version(&dossier, 0), &path).expect("version 0");

    let started = Instant::now();
    let mut last = 0;
    let mut kills_that_moved = 0;
    let mut kills_mid_save = 0;
    let mut previous = (0, 0);
    for kill in 0..kills {
        let mut child = spawn_child(&path);
        // Wait until the child is in its save loop, so every kill lands somewhere in a save
        // (or between two), then let it run a random while: 0 to 25 ms.
        let stdout = BufReader::new(child.stdout.take().expect("piped"));
        let ready = stdout
            .lines()
            .map_while(Result::ok)
            .any(|line| line.ends_with(READY));
        assert!(ready, "the child could not start");
        std::thread::sleep(Duration::from_micros(rng.next() % 25_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");

        let n = version_in(&dossier, &path).unwrap_or_else(|e| panic!("after kill {kill}: {e}"));
        assert!(n >= last, "after kill {kill}: went back from {last} to {n}");
        let bak = persist::backup_path(&path);
        if n > 0 {
            let b = version_in(&dossier, &bak)
                .unwrap_or_else(|e| panic!("after kill {kill}, the backup: {e}"));
            assert!(
                b == n || b + 1 == n,
                "after kill {kill}: the file is version {n}, its backup {b}"
            );
            if b == n && (n, b) != previous {
                kills_mid_save += 1; // killed between keeping the backup and the rename
            }
            previous = (n, b);
        }
        if n > last {
            kills_that_moved += 1;
        }
        last = n;
    }
    // The next save cleans what the kills left behind.
    persist::save(&version(&dossier, last + 1), &path).expect("a clean save");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporaries left: {leftovers:?}");
    eprintln!(
        "crash test: {kills} kills in {:.1} s (seed {seed}); the session grew to version {last}; \
         {kills_that_moved} kills came after at least one save, {kills_mid_save} landed between \
         the backup and the rename",
        started.elapsed().as_secs_f64()
    );
}

/// The child: loads the file it is given, then saves the next version, and the next, forever.
#[test]
#[ignore = "the child process of the crash test; does nothing on its own"]
fn child_saves_a_growing_session_until_killed() {
    let Some(path) = std::env::var_os(CHILD_FILE).map(PathBuf::from) else {
        return;
    };
    let dossier = persist::default_dossier();
    let mut n = version_in(&dossier, &path).expect("the parent checked it");
    // After libtest's "test … ... " on the same line.
    println!("{READY}");
    loop {
        n += 1;
        persist::save(&version(&dossier, n), &path).expect("saves");
    }
}
