//! `ddb copy`: a table's definition and items from one target to another (or to another name on
//! the same one). The definition goes through the same [`TableDefinition`] as
//! `describe-table --as create`; the items through a parallel segmented scan, typed end to end,
//! into the bulk writer's retrying lanes, so sets, binary values and 38-digit numbers arrive as
//! they left.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::mpsc;

use super::create_table::{self, Refused};
use super::{describe_table, read};
use crate::batch::{self, Options as BatchOptions};
use crate::client::{api_error, Db};
use crate::commands::args::{ExprArgs, GlobalArgs, ToTargetArgs};
use crate::definition::TableDefinition;
use crate::error::{Outcome, UsageError};
use crate::expr::{self, Placeholders};
use crate::paginate;
use crate::schema::KeySchema;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Copy a table's definition and items to another table or target [API: DescribeTable, CreateTable, Scan, BatchWriteItem]",
    after_help = "\
Examples:
  ddb --region eu-west-1 copy Orders Orders --to-local            # pull a table into the embedded engine
  ddb --local copy Movies Movies --to-endpoint-url http://127.0.0.1:8000   # push one into DynamoDB Local
  ddb copy Movies MoviesBackup                                    # another name, same target
  ddb copy Movies Movies --to-region us-west-2 --data-only --filter '#y > :y' --names '#y=year' --values ':y=2000'

The destination table is created from the source's definition (keys, capacity, indexes and
projections, stream, TTL, deletion protection, class, tags) unless --data-only; an existing one
is an error unless --if-not-exists finds the same definition. Exit 1 if any item was not written."
)]
pub struct Args {
    /// Source table (on the target the global options select)
    pub source: String,
    /// Destination table
    pub destination: String,
    #[command(flatten)]
    pub to: ToTargetArgs,
    /// Accept an existing destination table with the same definition
    #[arg(long)]
    pub if_not_exists: bool,
    /// Create the destination table only; copy no items
    #[arg(long, conflicts_with = "data_only")]
    pub schema_only: bool,
    /// Copy items into an existing destination table; create nothing
    #[arg(long)]
    pub data_only: bool,
    /// Scan segments read at once
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(i32).range(1..=1_000_000))]
    pub segments: i32,
    /// BatchWriteItem requests in flight at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub parallel: u64,
    /// Copy only the items this filter expression keeps
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
    #[command(flatten)]
    pub expr: ExprArgs,
    /// Copy at most this many items (a sample)
    #[arg(long, value_name = "N")]
    pub max_items: Option<u64>,
}

pub async fn run(args: &Args, global: &GlobalArgs, source: &Db) -> Result<Outcome> {
    let opened = match args.to.target() {
        Some(options) => Some(Db::connect(&options).await?),
        None => None,
    };
    // The same store opened twice (the default data directory, say) is the source itself.
    let (opened, destination) = match opened {
        Some(other) if other.endpoint == source.endpoint && !other.endpoint.contains("memory") => {
            other.close().await?;
            (None, source)
        }
        Some(other) => (Some(other), source),
        None => (None, source),
    };
    let destination_db = opened.as_ref().unwrap_or(destination);
    let outcome = copy(args, global, source, destination_db).await;
    if let Some(db) = opened {
        db.close().await?;
    }
    outcome
}

async fn copy(args: &Args, global: &GlobalArgs, source: &Db, to: &Db) -> Result<Outcome> {
    if args.source == args.destination && source.endpoint == to.endpoint {
        return Err(UsageError(format!(
            "copy {} onto itself: name another table or another target (--to-endpoint-url, --to-region, --to-local)",
            args.source
        ))
        .into());
    }
    let description = source.describe(&args.source).await?;
    let key = if args.data_only {
        KeySchema::of(&to.describe(&args.destination).await?, None)?
    } else {
        let mut definition = describe_table::definition(global, source, &description).await?;
        definition.name = args.destination.clone();
        create(args, global, to, &definition).await?;
        definition.key
    };
    if args.schema_only {
        return Ok(Outcome::Done);
    }
    let source_key = KeySchema::of(&description, None)?;
    if source_key != key {
        bail!(
            "table {} at {} is keyed {}, not {} as {} is: the items would not fit",
            args.destination,
            to.endpoint,
            key.to_text(),
            source_key.to_text(),
            args.source
        );
    }
    items(args, global, source, to, &key).await
}

/// Creates the destination from the definition and waits until it is ACTIVE (TTL turned on).
async fn create(
    args: &Args,
    global: &GlobalArgs,
    to: &Db,
    definition: &TableDefinition,
) -> Result<()> {
    let created = match create_table::create(to, definition).await {
        Ok(()) => true,
        Err(Refused::Exists(_)) if args.if_not_exists => {
            let existing = to.describe(&definition.name).await?;
            let existing = TableDefinition::from_description(&existing, None, Vec::new())?;
            create_table::same_or_error(definition, &existing, to)?;
            false
        }
        Err(Refused::Exists(error)) => {
            return Err(error.context(format!(
                "table {} already exists at {}: --if-not-exists accepts one with the same definition, --data-only copies items into it as it is",
                definition.name, to.endpoint
            )))
        }
        Err(Refused::Other(error)) => return Err(error),
    };
    create_table::settle(to, definition, created, &read::progress(global)).await?;
    if created && !global.quiet {
        eprintln!("ddb: created table {} at {}", definition.name, to.endpoint);
    }
    Ok(())
}

/// Scans the source in segments into the destination's writer lanes.
async fn items(
    args: &Args,
    global: &GlobalArgs,
    source: &Db,
    to: &Db,
    key: &KeySchema,
) -> Result<Outcome> {
    let placeholders = Placeholders::parse(&args.expr.names, &args.expr.values, false)?;
    let ctx = source
        .at(&args.source)
        .expression("--filter", args.filter.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let request = source
        .client
        .scan()
        .table_name(&args.source)
        .set_filter_expression(args.filter.clone())
        .set_expression_attribute_names(placeholders.names_or_none())
        .set_expression_attribute_values(placeholders.values_or_none())
        .return_consumed_capacity(ReturnConsumedCapacity::Total);
    let total = args.segments;
    let table = args.source.clone();
    let fetch = move |segment: i32, start| {
        let request = request
            .clone()
            .set_exclusive_start_key(start)
            .segment(segment)
            .total_segments(total);
        let ctx = ctx.clone();
        let table = table.clone();
        async move {
            let out = request
                .send()
                .await
                .map_err(|e| api_error(e, &ctx).context(format!("scan {table}")))?;
            Ok(read::page(
                out.items.unwrap_or_default(),
                out.last_evaluated_key,
                out.count,
                out.scanned_count,
                out.consumed_capacity.as_ref(),
            ))
        }
    };
    let bar = bar(global);
    let (failures_tx, mut failures_rx) = mpsc::unbounded_channel();
    let writer = batch::Writer::start(
        to.client.clone(),
        args.destination.clone(),
        &BatchOptions {
            parallel: args.parallel as usize,
            retry_for: Duration::from_secs(120),
        },
        failures_tx,
        Arc::new(|_: &batch::Counts| {}),
    );
    let started = Instant::now();
    let mut pages = paginate::segment_pages(total, fetch);
    let mut read = 0u64;
    let mut read_capacity = 0.0;
    let mut scan_error = None;
    'pages: while let Some(page) = pages.recv().await {
        let page = match page {
            Ok(page) => page,
            Err(error) => {
                scan_error = Some(error);
                break;
            }
        };
        read_capacity += page.capacity;
        for item in page.items {
            if args.max_items.is_some_and(|max| read >= max) {
                break 'pages;
            }
            read += 1;
            match batch::prepare(read, String::new(), item, key) {
                Ok(pending) => writer.send(pending).await,
                Err((_, reason)) => bail!(
                    "an item of {} does not fit {}: {reason}",
                    args.source,
                    args.destination
                ),
            }
            bar.inc(1);
        }
    }
    drop(pages);
    let counts = writer.finish().await;
    bar.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();
    if !global.quiet {
        eprintln!(
            "ddb: copied {} items from {} to {} in {elapsed:.2} s ({:.0} items/s); read {read} ({read_capacity} capacity units), {} failed, {} requests retried, {} write capacity units",
            counts.written,
            args.source,
            args.destination,
            counts.written as f64 / elapsed.max(1e-9),
            counts.failed,
            counts.retried,
            counts.capacity
        );
    }
    if let Some(error) = scan_error {
        return Err(error.context(format!(
            "copy stopped after {read} items were read; run it again with --data-only to copy every item again (a copy overwrites, so nothing is doubled)"
        )));
    }
    if counts.failed > 0 {
        let example = failures_rx.try_recv().map(|f| f.reason).unwrap_or_default();
        bail!(
            "{} items were not written to {} (e.g. {example}); run the copy again with --data-only to write every item again",
            counts.failed,
            args.destination
        );
    }
    Ok(Outcome::Done)
}

fn bar(global: &GlobalArgs) -> ProgressBar {
    use std::io::IsTerminal;
    if global.quiet || global.no_progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} copied {pos} items ({per_sec}) {elapsed}")
            .expect("valid template"),
    )
}
