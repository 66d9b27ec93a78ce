//! The progress bar of a long run: articles done / total and the time
//! elapsed, on stderr, only when stderr is a terminal and not in CI.
//!
//! The workers that analyse articles never draw: they bump a counter, and one
//! thread of the bar's own reads it and redraws a few times a second. So a
//! worker never waits for the terminal, and nothing the bar does can stall
//! the pool (a stderr lock held elsewhere delays a redraw, never a worker).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// Sets smaller than this finish too quickly for a bar to help.
pub const MIN_ARTICLES: usize = 200;

/// How often the bar's thread redraws.
const REDRAW: Duration = Duration::from_millis(100);

/// Whether a bar should be drawn: stderr is a terminal and `CI` is unset.
pub fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Runs `work`, giving it a counter of the articles done; while it runs a bar
/// for `total` articles is drawn when `show` is true. The bar is cleared
/// before this returns.
pub fn with_bar<T>(total: usize, show: bool, work: impl FnOnce(&AtomicUsize) -> T) -> T {
    let done = AtomicUsize::new(0);
    if !show || total < MIN_ARTICLES {
        return work(&done);
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {elapsed} elapsed")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let (stop, stopped) = mpsc::channel::<()>();
    std::thread::scope(|s| {
        let done = &done;
        let bar = &bar;
        s.spawn(move || {
            bar.tick();
            // A message or a dropped sender both mean the work is over.
            while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(REDRAW) {
                bar.set_position(done.load(Ordering::Relaxed) as u64);
            }
            bar.finish_and_clear();
        });
        let out = work(done);
        drop(stop);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_runs_once_and_its_value_is_returned_with_or_without_a_bar() {
        for show in [false, true] {
            let n = with_bar(MIN_ARTICLES, show, |done| {
                done.fetch_add(MIN_ARTICLES, Ordering::Relaxed);
                7
            });
            assert_eq!(n, 7);
        }
    }
}
