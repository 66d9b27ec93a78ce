//! The claimcheck binary: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = claimcheck::cli::Args::parse();
    let mut stdout = std::io::stdout().lock();
    // Not locked for the run: the progress bar's thread writes to stderr too,
    // and a lock held here would make it (and the run waiting on it) hang.
    let mut stderr = std::io::stderr();
    let result = claimcheck::run::run(&args, &mut std::io::stdin(), &mut stdout, &mut stderr);
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) => {
            // A closed pipe (`claimcheck … | head`) is not an error worth a message.
            if let claimcheck::error::Error::Write(io) = &e
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::from(0);
            }
            let _ = writeln!(stderr, "error: {e}");
            ExitCode::from(2)
        }
    }
}
