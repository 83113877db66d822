//! The `visavis` binary: parse the command line, then run a subcommand or open the window.

use clap::Parser;
use std::process::ExitCode;
use visavis::cli::{self, Cli};

fn main() -> ExitCode {
    // `--frames` reports the time to the first frame from here.
    let started = std::time::Instant::now();
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => open_window(args.file, args.frames, started),
    }
}

#[cfg(feature = "gui")]
fn open_window(
    file: Option<std::path::PathBuf>,
    frames: Option<u32>,
    started: std::time::Instant,
) -> ExitCode {
    match frames {
        Some(n) => visavis::ui::run_frames(file, n, started),
        None => visavis::ui::run(file),
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(
    _file: Option<std::path::PathBuf>,
    _frames: Option<u32>,
    _started: std::time::Instant,
) -> ExitCode {
    eprintln!(
        "this build of visavis has no window (built without the `gui` feature); see `visavis --help`"
    );
    ExitCode::FAILURE
}
