//! Crash-safe replacement of a file: the new content goes to a temporary file in the same
//! folder, is synced, the old file is kept as `NAME.bak`, and the temporary is renamed over the
//! target. A crash or kill at any moment leaves either the old or the new file, complete.

use crate::progress::Progress;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The share of a save's progress bar that writing the bytes takes; what comes before it
/// (turning the session into text) takes the rest.
pub const WRITE_SHARE_FROM: f64 = 0.5;

/// Bytes written between two progress reports (and cancellation checks).
const CHUNK: usize = 1 << 20;

/// Marks our temporary files, so leftovers from a crash can be recognised and removed.
const TMP_MARK: &str = ".visavis-tmp";

/// The most of the target's name a temporary's name repeats: `.NAME.XXXXXX.bak.visavis-tmp`
/// must stay within the 255 bytes most file systems allow even when NAME nearly fills them.
const MAX_NAME_IN_TMP: usize = 200;

/// `name`, cut to [`MAX_NAME_IN_TMP`] bytes at a character boundary.
fn short_name(name: &str) -> &str {
    let mut end = name.len().min(MAX_NAME_IN_TMP);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// Replace `target` with `bytes` atomically, keeping the previous version as `target.bak`.
///
/// When `target` is a symbolic link, the file it points to is replaced and the link stays. The
/// new file keeps the old one's permissions; a file saved for the first time gets the usual
/// permissions of a new file (the umask's), not owner-only ones.
///
/// Writing reports into `progress` (from [`WRITE_SHARE_FROM`] to the end) and stops, leaving
/// `target` untouched, when the user cancels before the new file takes the old one's place;
/// after that a save can no longer be cancelled.
///
/// # Errors
/// The I/O error that stopped the save (`Interrupted` when cancelled); `target` is then
/// unchanged.
pub fn write_atomic(target: &Path, bytes: &[u8], progress: &Progress) -> io::Result<()> {
    write_atomic_keeping(target, bytes, progress, Backup::Keep)
}

/// Whether a replacement keeps the previous version as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Keep it: every save, export and command output but one.
    Keep,
    /// Do not: `visavis merge` as a git merge driver (`-o %A`) replaces git's own temporary
    /// copy of the file, and git keeps every version.
    None,
}

/// [`write_atomic`], keeping the previous version as `target.bak` or not.
///
/// # Errors
/// As [`write_atomic`].
pub fn write_atomic_keeping(
    target: &Path,
    bytes: &[u8],
    progress: &Progress,
    backup: Backup,
) -> io::Result<()> {
    let target = &resolve_links(target)?;
    let dir = parent_dir(target);
    let full_name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?
        .to_string_lossy();
    let name = short_name(&full_name);
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the folder {} does not exist", dir.display()),
        ));
    }
    let old = match fs::metadata(target) {
        Ok(meta) if meta.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "a folder has this name",
            ));
        }
        // A named pipe, a device or a socket cannot be replaced nor kept as a backup: it is
        // written into, as every Unix tool does (`-o /dev/stdout`, `-o /dev/null`).
        Ok(meta) if !meta.is_file() => return write_into(target, bytes, progress),
        Ok(meta) => {
            refuse_read_only(target, &meta)?;
            Some(meta)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    remove_leftovers(&dir, name);

    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TMP_MARK);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Never more open than the old file while the content is written (the umask narrows
        // this further); a first save gets what any new file gets.
        let mode = old
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    write_chunks(&mut tmp, bytes, progress)?;
    if let Some(meta) = &old {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    // The last moment a cancel can be honoured: the temporary is removed as it is dropped.
    check_cancelled(progress)?;

    if old.is_some() && backup == Backup::Keep {
        keep_backup(target, &dir, name)?;
    }
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// The error a write over a read-only file stops with: the file's permissions say it must not
/// change, and a rename would change it all the same, so it is refused as an editor refuses it.
#[derive(Debug)]
pub struct ReadOnlyTarget;

impl std::fmt::Display for ReadOnlyTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file is read-only")
    }
}

impl std::error::Error for ReadOnlyTarget {}

/// Refuse to replace a regular file its permissions protect: no write permission for anyone,
/// or none for this user (opening it for writing, without changing it, tells).
fn refuse_read_only(target: &Path, meta: &fs::Metadata) -> io::Result<()> {
    let denied = meta.permissions().readonly()
        || matches!(
            fs::OpenOptions::new().write(true).open(target),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied
        );
    if denied {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            ReadOnlyTarget,
        ));
    }
    Ok(())
}

/// Write `bytes` into a file that is not a regular one (pipe, device, socket), in place.
fn write_into(target: &Path, bytes: &[u8], progress: &Progress) -> io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(target)?;
    write_chunks(&mut file, bytes, progress)?;
    file.flush()
}

/// Write `bytes` a chunk at a time, reporting each into `progress` and stopping when the user
/// cancels.
fn write_chunks(out: &mut impl Write, bytes: &[u8], progress: &Progress) -> io::Result<()> {
    let mut written = 0;
    for chunk in bytes.chunks(CHUNK) {
        check_cancelled(progress)?;
        out.write_all(chunk)?;
        written += chunk.len();
        // Sizes far below 2^52 bytes are exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        progress.set_within(WRITE_SHARE_FROM, 1.0, written as f64 / bytes.len() as f64);
    }
    Ok(())
}

/// An `Interrupted` error once the user has cancelled.
fn check_cancelled(progress: &Progress) -> io::Result<()> {
    if progress.is_cancelled() {
        return Err(io::Error::new(io::ErrorKind::Interrupted, "cancelled"));
    }
    Ok(())
}

/// Follow symbolic links from `path` to the file they name (which may not exist yet), so a save
/// replaces that file and leaves the links alone.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    // The limit Linux itself applies to a chain of links.
    const MAX_LINKS: usize = 40;
    let mut path = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let dest = fs::read_link(&path)?;
                path = parent_dir(&path).join(dest);
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The `.bak` a save of `target` keeps: beside the file a symbolic link names, not beside the
/// link.
#[must_use]
pub fn backup_of(target: &Path) -> PathBuf {
    backup_path(&resolve_links(target).unwrap_or_else(|_| target.to_owned()))
}

/// The `.bak` path kept next to `target`.
#[must_use]
pub fn backup_path(target: &Path) -> PathBuf {
    let mut s = target.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Make the current target `NAME.bak`, through a temporary name so the backup is never
/// half-written either. A hard link costs nothing whatever the file's size and keeps its
/// permissions; where the file system has no hard links, the file is copied.
fn keep_backup(target: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let prefix = format!(".{name}.bak.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TMP_MARK);
    if let Ok(link) = builder.make_in(dir, |path| fs::hard_link(target, path)) {
        let link_path = link.path().to_owned();
        link.persist(backup_path(target)).map_err(|e| e.error)?;
        // Renaming a name onto another name of the same file does nothing (POSIX), and that is
        // the case when a save was killed after this step last time (the `.bak` is then a link
        // to the target): remove the extra name, which is otherwise gone already.
        let _ = fs::remove_file(link_path);
        return Ok(());
    }
    let bak_tmp = builder.tempfile_in(dir)?;
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
