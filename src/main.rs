//! The `ddb` binary: parse, run, and turn the outcome into the exit code (with `cli::report_clap`
//! and `error::report`, which the shell uses for each of its commands too).

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use ddb::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return ExitCode::from(ddb::cli::report_clap(err)),
    };
    // A shell reading a script runs its commands one at a time: on one thread, the requests to
    // the embedded engine and their answers need no hand-off between threads.
    let script = matches!(cli.command, Command::Shell(_)) && !std::io::stdin().is_terminal();
    let runtime = if script {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
    };
    let runtime = match runtime {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("ddb: error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Shell(args) => ddb::shell::run(&args, &cli.global).await,
            command => {
                ddb::cli::run(Cli {
                    global: cli.global,
                    command,
                })
                .await
            }
        }
    });
    // Connection tasks of the embedded engine may still be winding down; don't wait for them.
    runtime.shutdown_background();
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) => ExitCode::from(ddb::error::report(&err)),
    }
}
