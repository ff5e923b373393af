//! `ddb truncate`: delete every item and keep the table (its definition, indexes, TTL and stream
//! untouched), with [`transfer::truncate`].

use anyhow::{bail, Result};

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::transfer;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Delete every item of a table and keep the table [API: Scan, BatchWriteItem]",
    after_help = "\
Examples:
  ddb truncate Sessions          # asks you to type the name on a terminal
  ddb truncate Sessions --yes    # for scripts; without --yes a script gets an error, never a prompt

Items written while truncate runs may survive it: it deletes what its scan reads."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Scan segments read at once
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(i32).range(1..=1_000_000))]
    pub segments: i32,
    /// BatchWriteItem requests in flight at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub parallel: u64,
    /// Consume at most RCU read and WCU write capacity units a second
    #[arg(long, value_name = "RCU,WCU", value_parser = transfer::parse_rate)]
    pub rate: Option<transfer::Rate>,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    if !args.yes {
        super::confirm(db, &args.table, "Delete every item of table").await?;
    }
    let bar = transfer::bar(global.shows_progress(), "deleted");
    let moved = transfer::truncate(
        db,
        &args.table,
        args.segments,
        args.parallel as usize,
        args.rate,
        &bar,
    )
    .await
    // A failure before the scan began leaves no half-drawn spinner above its message.
    .inspect_err(|_| bar.finish_and_clear())?;
    if db.explain.explained() {
        return Ok(Outcome::Done);
    }
    if !global.quiet {
        eprintln!(
            "ddb: deleted {} items from {} in {:.2} s; {} failed, {} requests retried",
            moved.counts.written,
            args.table,
            moved.seconds,
            moved.counts.failed,
            moved.counts.retried
        );
    }
    if let Some(error) = moved.scan_error {
        return Err(error.context(format!(
            "truncate of {} stopped after {} items were read; run it again to delete the rest",
            args.table, moved.read
        )));
    }
    if moved.counts.failed > 0 {
        bail!(
            "{} items of {} were not deleted (e.g. {}); run truncate again to delete them",
            moved.counts.failed,
            args.table,
            moved.failure.unwrap_or_default()
        );
    }
    crate::output::print_fields(
        global.output.resolve(false),
        &serde_json::json!({"table": args.table, "deleted": moved.counts.written})
            .as_object()
            .cloned()
            .unwrap_or_default(),
    )?;
    Ok(crate::error::Outcome::Done)
}
