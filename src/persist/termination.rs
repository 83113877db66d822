//! SIGTERM and SIGHUP (logout, shutdown, a closed terminal): instead of dying with the unsaved
//! work, the process is told, so that it writes the recovery copy and its preferences and then
//! closes. A second signal while the first is handled ends the process at once, as the default
//! would. UI-free: the window polls [`Termination::requested`]; a thread wakes it.

use std::io::Read;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The signals that ask the process to end, and whether one came.
#[derive(Clone, Debug)]
pub struct Termination {
    flag: Arc<AtomicBool>,
}

impl Termination {
    /// Catch SIGTERM and SIGHUP from now on; `wake` is called (on a thread of its own) when one
    /// comes, so that a window idle on its event loop looks at [`Termination::requested`].
    ///
    /// # Errors
    /// When the handlers cannot be installed (the signals then keep their default action).
    pub fn install(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let flag = Arc::new(AtomicBool::new(false));
        let (mut read, write) = UnixStream::pair()?;
        for signal in [SIGTERM, SIGHUP] {
            // First: a signal that comes once the flag is set ends the process (the window may
            // be stuck); then: set the flag, then write a byte that wakes the thread below.
            signal_hook::flag::register_conditional_default(signal, Arc::clone(&flag))?;
            signal_hook::flag::register(signal, Arc::clone(&flag))?;
            signal_hook::low_level::pipe::register(signal, write.try_clone()?)?;
        }
        std::thread::Builder::new()
            .name("visavis-signals".to_owned())
            .spawn(move || {
                let mut byte = [0u8];
                while read.read(&mut byte).is_ok_and(|n| n > 0) {
                    wake();
                }
            })?;
        Ok(Self { flag })
    }

    /// Whether SIGTERM or SIGHUP came.
    #[must_use]
    pub fn requested(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }
}
