//! `ddb truncate`: delete every item and keep the table (its definition, indexes, TTL and stream
//! untouched): a keys-only parallel scan feeding BatchWriteItem deletes through the bulk writer's
//! retrying lanes.

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;

use super::transfer::{self, Sink};
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::expr::Placeholders;
use crate::schema::KeySchema;

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
    let key = KeySchema::of(&db.describe(&args.table).await?, None)?;
    // Keys only: every name aliased, so reserved words (year, name) need no care.
    let names: Vec<String> = key
        .names()
        .iter()
        .enumerate()
        .map(|(i, name)| format!("#k{i}={name}"))
        .collect();
    let placeholders = Placeholders::parse(&names, &[], false)?;
    let projection: Vec<String> = (0..names.len()).map(|i| format!("#k{i}")).collect();
    let request = db
        .client
        .scan()
        .table_name(&args.table)
        .projection_expression(projection.join(", "))
        .set_expression_attribute_names(placeholders.names_or_none())
        .return_consumed_capacity(ReturnConsumedCapacity::Total);
    let sink = Sink {
        db,
        table: &args.table,
        key: &key,
        parallel: args.parallel as usize,
        delete: true,
        rate: args.rate,
    };
    let bar = transfer::bar(global, "deleted");
    let moved = transfer::scan_into(
        request,
        db.at(&args.table),
        args.segments,
        None,
        sink,
        &bar,
        None,
    )
    .await?;
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
