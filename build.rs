//! The build date shown in the About dialog: `VISAVIS_BUILD_EPOCH` (seconds since 1970), from
//! `SOURCE_DATE_EPOCH` when set (reproducible builds; `packaging/build-deb.sh` sets it), else the
//! last commit's date when the crate is a git checkout, else nothing (the dialog leaves the line
//! out). It never fails: a build script that panics would break every build.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => Some(value),
        Err(_) => commit_epoch(),
    };
    if let Some(secs) = epoch
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()))
    {
        println!("cargo:rustc-env=VISAVIS_BUILD_EPOCH={secs}");
    }
}

/// The last commit's date, when the crate's folder is the top of a git work tree (not a crate
/// inside another repository), and the files whose change means another commit.
fn commit_epoch() -> Option<String> {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if Path::new(&top).canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    // HEAD, and the branch it points to: a loose ref, or packed-refs once packed. `--git-path`
    // resolves them in a linked work tree too (HEAD in its own git dir, refs in the common one).
    let path = |p: String| dir.join(p); // relative to `dir` unless already absolute
    if let Some(head) = git(&["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo:rerun-if-changed={}", path(head).display());
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        let loose = git(&["rev-parse", "--git-path", &branch]).map(path);
        let packed = git(&["rev-parse", "--git-path", "packed-refs"]).map(path);
        if let Some(watched) = loose
            .filter(|p| p.is_file())
            .or(packed)
            .filter(|p| p.is_file())
        {
            println!("cargo:rerun-if-changed={}", watched.display());
        }
    }
    git(&["log", "-1", "--format=%ct"])
}
