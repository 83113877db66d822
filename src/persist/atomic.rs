//! Crash-safe replacement of a file: the new content goes to a temporary file in the same
//! folder, is synced, the old file is kept as `NAME.bak`, and the temporary is renamed over the
//! target. A crash or kill at any moment leaves either the old or the new file, complete.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Marks our temporary files, so leftovers from a crash can be recognised and removed.
const TMP_MARK: &str = ".visavis-tmp";

/// Replace `target` with `bytes` atomically, keeping the previous version as `target.bak`.
///
/// # Errors
/// The I/O error that stopped the save; `target` is then unchanged.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(target);
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?
        .to_string_lossy()
        .into_owned();
    remove_leftovers(&dir, &name);

    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TMP_MARK)
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = fs::metadata(target) {
        // Keep the target's permissions (tempfile creates files readable by the owner only).
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;

    if target.exists() {
        keep_backup(target, &dir, &name)?;
    }
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// The `.bak` path kept next to `target`.
#[must_use]
pub fn backup_path(target: &Path) -> PathBuf {
    let mut s = target.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Copy the current target to `NAME.bak` through its own temporary, so the backup is never
/// half-written either.
fn keep_backup(target: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let bak_tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.bak."))
        .suffix(TMP_MARK)
        .tempfile_in(dir)?;
    let mut src = File::open(target)?;
    io::copy(&mut src, &mut bak_tmp.as_file())?;
    bak_tmp
        .as_file()
        .set_permissions(src.metadata()?.permissions())?;
    bak_tmp.as_file().sync_all()?;
    bak_tmp.persist(backup_path(target)).map_err(|e| e.error)?;
    Ok(())
}

fn parent_dir(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Remove temporaries a crashed save of `name` left in `dir`. Failure is harmless.
fn remove_leftovers(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix) && file.ends_with(TMP_MARK) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Make the rename durable. Not every platform can open a folder; failure is harmless there.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
