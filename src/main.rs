//! The `visavis` binary: parse the command line, then run a subcommand or open the window.

use clap::Parser;
use std::process::ExitCode;
use visavis::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => open_window(args.file),
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<std::path::PathBuf>) -> ExitCode {
    visavis::ui::run(file)
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "this build of visavis has no window (built without the `gui` feature); see `visavis --help`"
    );
    ExitCode::FAILURE
}
