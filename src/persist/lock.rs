//! One writer per file: every save, export and rewrite of a file first takes an exclusive lock
//! keyed by the file's canonical path, so that two commands (or a command and a window) never
//! interleave their temporaries, backups and renames. The lock files live in the data folder
//! (`$VISAVIS_DATA_DIR/locks` or the platform's, beside the recovery copies), never beside the
//! user's files; they stay, empty. Where no lock can be taken (no data folder, a file system
//! without locks) the write goes ahead unlocked, as it did before locks existed.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// Held while a file is written; released when dropped (or when the process ends, however).
pub struct TargetLock {
    _file: Option<File>,
}

/// Wait for, then take, the lock of `target`.
#[must_use]
pub fn lock_target(target: &Path) -> TargetLock {
    let file = lock_path(target).and_then(|path| {
        std::fs::create_dir_all(path.parent()?).ok()?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .ok()?;
        file.lock().ok()?;
        Some(file)
    });
    TargetLock { _file: file }
}

/// `locks/NAME-HASH.lock` in the data folder: the file's name (for a person looking) and a hash
/// of its canonical path (its folder's, for a file not written yet).
fn lock_path(target: &Path) -> Option<PathBuf> {
    let dir = super::recovery::default_dir()?.parent()?.join("locks");
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let canonical = std::fs::canonicalize(target)
        .or_else(|_| {
            std::fs::canonicalize(&folder).map(|f| f.join(target.file_name().unwrap_or_default()))
        })
        .ok()?;
    let short: String = canonical
        .file_name()?
        .to_string_lossy()
        .chars()
        .take(40)
        .collect();
    Some(dir.join(format!(
        "{short}-{:016x}.lock",
        fnv1a(canonical.as_os_str().as_encoded_bytes())
    )))
}

/// FNV-1a, 64 bits: a hash that every build and platform computes the same, so two versions of
/// Vis-à-vis running at once agree on a file's lock.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_and_a_link_to_it_share_one_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("s.ron");
        std::fs::File::create(&file).expect("creates");
        #[cfg(unix)]
        {
            let link = dir.path().join("lien.ron");
            std::os::unix::fs::symlink(&file, &link).expect("links");
            assert_eq!(lock_path(&file), lock_path(&link));
        }
        assert_ne!(lock_path(&file), lock_path(&dir.path().join("autre.ron")));
    }
}
