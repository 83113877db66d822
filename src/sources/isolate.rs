//! Reading a document in a child process, so that a hostile or broken document (a PDF that
//! makes the reader panic, loop or eat memory) never takes the caller down.
//!
//! The parent runs `visavis extract DOCUMENT` (the same program, [`std::env::current_exe`]),
//! reads what it prints ([`super::Extracted::to_text`]) and kills it past
//! [`Limits::seconds`]. The child, in [`run_child`], bounds its own address space to
//! [`Limits::memory_mb`] and its CPU time to a little more than the parent's limit (Linux and
//! other Unix systems, through `rlimit`; elsewhere these two are not set and only the parent's
//! time limit holds), and turns a panic of the reader into an error that names the file.
//! Plain text and Markdown have no parser to isolate: they are read in the caller's process.

use super::{ExtractError, Extracted, Format};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

/// What a child reading a document may use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock seconds before the parent kills the child.
    pub seconds: u64,
    /// Address space of the child, in megabytes (Unix).
    pub memory_mb: u64,
    /// The program run as `PROGRAM extract DOCUMENT`; `None` for this program. Tests name the
    /// `visavis` binary here, since their own executable is the test harness.
    pub program: Option<PathBuf>,
}

impl Default for Limits {
    /// 30 seconds and 1,024 MB: a 500-page PDF reads in a few seconds within a few hundred
    /// megabytes.
    fn default() -> Self {
        Self {
            seconds: 30,
            memory_mb: 1024,
            program: None,
        }
    }
}

/// Read `path` in a child process bounded by `limits` (plain text and Markdown in this one).
///
/// # Errors
/// Those of [`super::extract`], as the child reports them ([`ExtractError::Reported`]), and
/// [`ExtractError::TimedOut`], [`ExtractError::OutOfMemory`], [`ExtractError::Crashed`] or
/// [`ExtractError::Spawn`] when the child does not finish well.
pub fn extract_isolated(path: &Path, limits: &Limits) -> Result<Extracted, ExtractError> {
    let format = Format::of(path).ok_or_else(|| ExtractError::Unsupported {
        path: path.to_owned(),
    })?;
    if !format.needs_isolation() {
        return super::extract(path);
    }
    let program = match &limits.program {
        Some(p) => p.clone(),
        None => std::env::current_exe().map_err(|source| ExtractError::Spawn {
            path: path.to_owned(),
            program: "visavis".to_owned(),
            source,
        })?,
    };
    let mut command = Command::new(&program);
    command
        .arg("extract")
        .arg("--max-memory")
        .arg(limits.memory_mb.to_string())
        .arg("--max-seconds")
        .arg(limits.seconds.to_string())
        .arg("--")
        .arg(path);
    let output = run_limited(command, limits.seconds, path)?;
    if output.success {
        let text = String::from_utf8_lossy(&output.stdout);
        return Ok(Extracted::from_text(&text, format == Format::Pdf));
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let french = said
        .lines()
        .find_map(|l| l.strip_prefix(super::error::FRENCH_LINE))
        .map(str::to_owned);
    let message = said
        .lines()
        .filter(|l| !l.starts_with(super::error::FRENCH_LINE))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned();
    if message.contains("memory allocation of") || message.contains("out of memory") {
        return Err(ExtractError::OutOfMemory {
            path: path.to_owned(),
            limit_mb: limits.memory_mb,
        });
    }
    if output.code == Some(1) && !message.is_empty() {
        return Err(ExtractError::Reported {
            path: path.to_owned(),
            message,
            french,
        });
    }
    if output.cpu_exceeded {
        return Err(ExtractError::TimedOut {
            path: path.to_owned(),
            seconds: limits.seconds,
        });
    }
    Err(ExtractError::Crashed {
        path: path.to_owned(),
        how: output.how,
    })
}

/// How a child ended, with what it wrote.
#[derive(Debug)]
pub(super) struct Finished {
    pub success: bool,
    pub code: Option<i32>,
    /// Stopped by its CPU limit (SIGXCPU).
    pub cpu_exceeded: bool,
    /// How it ended, in words.
    pub how: String,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Run `command`, killing it after `seconds`; its output is read while it runs, so that a
/// child writing much never blocks on a full pipe.
pub(super) fn run_limited(
    mut command: Command,
    seconds: u64,
    path: &Path,
) -> Result<Finished, ExtractError> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| ExtractError::Spawn {
            path: path.to_owned(),
            program: command.get_program().to_string_lossy().into_owned(),
            source,
        })?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                // A read error leaves what was read: the exit status says the rest.
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let waited = child.wait_timeout(Duration::from_secs(seconds));
    let Ok(Some(status)) = waited else {
        // Past the limit (or the wait itself failed): stop it, and reap it.
        let _ = child.kill();
        let _ = child.wait();
        let _ = stdout.join();
        let _ = stderr.join();
        return Err(ExtractError::TimedOut {
            path: path.to_owned(),
            seconds,
        });
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let signal = signal_of(status);
    Ok(Finished {
        success: status.success(),
        code: status.code(),
        cpu_exceeded: signal == Some(SIGXCPU),
        how: match (status.code(), signal) {
            (Some(code), _) => format!("exit status {code}"),
            (None, Some(signal)) => format!("killed by signal {signal}"),
            (None, None) => "ended abnormally".to_owned(),
        },
        stdout,
        stderr,
    })
}

/// The signal number of a CPU limit exceeded, on Linux and the BSDs.
const SIGXCPU: i32 = 24;

#[cfg(unix)]
fn signal_of(status: std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_status: std::process::ExitStatus) -> Option<i32> {
    None
}

/// What `visavis extract` does: bound this process (memory, and CPU time to a little more than
/// `max_seconds`), then read `path`, a panic of the reader turned into
/// [`ExtractError::ReaderFailed`].
///
/// # Errors
/// Those of [`super::extract`], and [`ExtractError::ReaderFailed`].
pub fn run_child(
    path: &Path,
    memory_mb: Option<u64>,
    max_seconds: Option<u64>,
) -> Result<Extracted, ExtractError> {
    limit_self(memory_mb, max_seconds);
    // The reader's panic message is part of the error below, not a backtrace on stderr.
    std::panic::set_hook(Box::new(|_| {}));
    catching(path, || super::extract(path))
}

/// `read()`, with a panic turned into [`ExtractError::ReaderFailed`].
pub(super) fn catching(
    path: &Path,
    read: impl FnOnce() -> Result<Extracted, ExtractError>,
) -> Result<Extracted, ExtractError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "it stopped without saying why".to_owned());
        Err(ExtractError::ReaderFailed {
            path: path.to_owned(),
            format: Format::of(path).map_or("document", Format::name),
            detail,
        })
    })
}

#[cfg(unix)]
fn limit_self(memory_mb: Option<u64>, max_seconds: Option<u64>) {
    use rlimit::Resource;
    // A limit the system refuses (one above a hard limit already set) leaves the one in
    // force: the parent's time limit still holds.
    if let Some(mb) = memory_mb {
        let bytes = mb.saturating_mul(1024 * 1024);
        let _ = rlimit::setrlimit(Resource::AS, bytes, bytes);
    }
    if let Some(seconds) = max_seconds {
        let _ = rlimit::setrlimit(
            Resource::CPU,
            seconds.saturating_add(1),
            seconds.saturating_add(2),
        );
    }
}

/// Not Unix: no limit set on this process (documented); the parent's time limit holds.
#[cfg(not(unix))]
fn limit_self(_memory_mb: Option<u64>, _max_seconds: Option<u64>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_child_past_its_time_limit_is_killed_and_reported() {
        let mut sleep = Command::new("sleep");
        sleep.arg("600");
        let started = std::time::Instant::now();
        let err = run_limited(sleep, 1, Path::new("lent.pdf")).expect_err("killed");
        assert!(
            matches!(err, ExtractError::TimedOut { seconds: 1, .. }),
            "{err}"
        );
        assert!(err.to_string().starts_with("lent.pdf: "), "{err}");
        // Well before the child would have ended by itself.
        assert!(started.elapsed() < Duration::from_mins(5));
    }

    #[cfg(unix)]
    #[test]
    fn a_child_that_finishes_in_time_gives_its_output() {
        let mut echo = Command::new("sh");
        echo.args(["-c", "printf 'un\\n\\ndeux\\n'; echo oups >&2; exit 3"]);
        let done = run_limited(echo, 60, Path::new("x.pdf")).expect("ran");
        assert_eq!(done.stdout, b"un\n\ndeux\n");
        assert_eq!(done.stderr, b"oups\n");
        assert_eq!(done.code, Some(3));
        assert!(!done.success);
    }

    #[test]
    fn a_panic_of_the_reader_becomes_an_error_naming_the_file() {
        let err =
            catching(Path::new("piège.pdf"), || panic!("unexpected encoding")).expect_err("caught");
        let message = err.to_string();
        assert!(
            message.starts_with("piège.pdf: the PDF reader failed"),
            "{message}"
        );
        assert!(message.contains("unexpected encoding"), "{message}");
    }
}
