//! One file per subcommand: its clap `Args` and its `run` (the clap tree and the dispatch are in
//! [`crate::cli`]). This is the only layer that prints results (servers log to stderr through their
//! own logger); a command returns an [`crate::error::Outcome`] or an error, and `main` decides the
//! exit code. Shared here: [`args`] (argument groups), [`key`] (the key of the item acted on),
//! [`read`] (query and scan output), and the small helpers below.

pub mod args;
pub mod bench;
pub mod completions;
pub mod conditional_delete;
pub mod copy;
pub mod create_table;
pub mod delete;
pub mod delete_table;
pub mod describe_table;
pub mod dump;
pub mod get;
pub mod key;
pub mod list_tables;
pub mod local;
pub mod put;
pub mod query;
pub mod read;
pub mod restore;
pub mod scan;
pub mod serve;
pub mod shell;
pub mod sql;
pub mod tail;
pub mod truncate;
pub mod ttl;
pub mod tx;
pub mod ui;
pub mod update;
pub mod update_table;

use std::io::{IsTerminal, Read};

use anyhow::{Context, Result};
use aws_sdk_dynamodb::types::ConsumedCapacity;

use crate::client::{Db, Notice};
use crate::error::Diagnostic;
use crate::item;
use args::GlobalArgs;

/// Connects to the target the global options choose, and says what the user should hear about it.
pub async fn connect(global: &GlobalArgs) -> Result<Db> {
    let db = Db::connect(&global.target()).await?;
    if let Some(notice) = &db.notice {
        say_notice(global, notice);
    }
    if db.read_only_copy() && !global.quiet {
        eprintln!("ddb: cannot write the data directory or its database: reading a copy of it in memory; writes are refused");
    }
    Ok(db)
}

/// The embedded engine chosen by default: said in full when its data directory is first used,
/// in a few words on a terminal afterwards, and not at all to scripts, whose stderr stays quiet
/// unless something changed.
fn say_notice(global: &GlobalArgs, notice: &Notice) {
    if global.quiet {
        return;
    }
    if notice.created {
        eprintln!(
            "ddb: no AWS region or endpoint is configured, so ddb uses its embedded engine; its data is in {} (--region or AWS_REGION targets AWS, --endpoint-url any DynamoDB; --quiet hides this)",
            notice.data
        );
    } else if std::io::stderr().is_terminal() {
        eprintln!("ddb: embedded engine ({})", notice.data);
    }
}

/// Parses JSON given on the command line; a syntax error points at the column.
pub(crate) fn parse_json_arg(label: &str, text: &str) -> Result<serde_json::Value, Diagnostic> {
    item::parse_json(text).map_err(|e| {
        let line = text.lines().nth(e.line.saturating_sub(1)).unwrap_or(text);
        Diagnostic::new(format!("{label}: {e}")).with_excerpt(
            label,
            line,
            e.column.saturating_sub(1),
        )
    })
}

/// Reads an argument that may be `-` for standard input.
pub(crate) fn read_arg_or_stdin(text: &str) -> Result<(String, &'static str)> {
    if text == "-" {
        let mut input = String::new();
        std::io::stdin()
            .read_to_string(&mut input)
            .context("cannot read standard input")?;
        Ok((input, "stdin"))
    } else {
        Ok((text.to_string(), "ITEM"))
    }
}

/// Prints consumed capacity on stderr when `--consumed-capacity` asked for it.
pub(crate) fn report_capacity(
    global: &GlobalArgs,
    table: &str,
    capacity: Option<&ConsumedCapacity>,
) {
    if global.consumed_capacity {
        eprintln!(
            "consumed capacity: {} on {table}",
            capacity_text(capacity.and_then(|c| c.capacity_units()))
        );
    }
}

pub(crate) fn capacity_text(units: Option<f64>) -> String {
    match units {
        Some(u) => format!("{u} capacity units"),
        None => "not reported by the server".to_string(),
    }
}

/// Resolves on Ctrl-C or SIGTERM: how servers (`local`, `serve`, `ui`) learn to stop. The
/// handlers are installed when this is called, not when the future is first polled: a server
/// calls it before it says it is listening, so a SIGTERM sent right after that line is not lost
/// (or left to kill the process uncleanly).
pub(crate) fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            match (interrupt, terminate) {
                (Ok(mut interrupt), Ok(mut terminate)) => {
                    tokio::select! {
                        _ = interrupt.recv() => {}
                        _ = terminate.recv() => {}
                    }
                }
                (Ok(mut only), Err(_)) | (Err(_), Ok(mut only)) => {
                    only.recv().await;
                }
                // No handler could be installed: the signals keep their default, which ends the
                // process.
                (Err(_), Err(_)) => std::future::pending().await,
            }
        }
    }
    #[cfg(windows)]
    {
        let interrupt = tokio::signal::windows::ctrl_c();
        async move {
            match interrupt {
                Ok(mut interrupt) => {
                    interrupt.recv().await;
                }
                Err(_) => std::future::pending().await,
            }
        }
    }
}

/// Asks the user to type the table's name before a destructive command (`what`, e.g. "Delete
/// table"); without a terminal to ask on, refuses and names `--yes`.
pub(crate) async fn confirm(db: &Db, table: &str, what: &str) -> Result<()> {
    use std::io::Write;
    if db.explain.is_on() {
        return Ok(()); // nothing will be sent, so there is nothing to confirm
    }
    if !can_prompt() {
        return Err(crate::error::UsageError(format!(
            "refusing to {} {table} without --yes: there is no terminal to confirm on",
            what.to_lowercase()
        ))
        .into());
    }
    let description = db.describe(table).await?;
    eprint!(
        "{what} {table} ({} items) at {}? Type the table name to confirm: ",
        description
            .item_count()
            .map_or("?".to_string(), |n| n.to_string()),
        db.endpoint
    );
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .context("cannot read the confirmation")?;
    if answer.trim() != table {
        anyhow::bail!("not confirmed; nothing was done to {table}");
    }
    Ok(())
}

/// Whether ddb may ask the user a question: both stdin and stderr are terminals.
pub(crate) fn can_prompt() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
