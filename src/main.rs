//! The `ddb` binary: parse, run, and decide the exit code. Nothing else decides exit codes.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use ddb::error::{Diagnostic, UsageError};

fn main() -> ExitCode {
    let cli = match ddb::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            // clap's "error: ..." becomes "ddb: error: ...", like every other error.
            let rendered = err.render();
            if std::io::stderr().is_terminal() {
                eprint!("ddb: {}", rendered.ansi());
            } else {
                eprint!("ddb: {rendered}");
            }
            return ExitCode::from(2);
        }
        Err(help_or_version) => {
            let _ = help_or_version.print();
            return ExitCode::SUCCESS;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("ddb: error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(ddb::cli::run(cli));
    // Connection tasks of the embedded engine may still be winding down; don't wait for them.
    runtime.shutdown_background();
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) => {
            // A closed pipe (`ddb scan T | head`) is the reader's choice, not a failure.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("ddb: error: {err:#}");
            if let Some(diagnostic) = err.chain().find_map(|c| c.downcast_ref::<Diagnostic>()) {
                for line in diagnostic.detail_lines() {
                    eprintln!("{line}");
                }
            }
            let usage = err.chain().any(|c| c.is::<UsageError>());
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}
