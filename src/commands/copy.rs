//! `ddb copy`: a table's definition and items from one target to another (or to another name on
//! the same one). The definition goes through the same [`TableDefinition`] as
//! `describe-table --as create`; the items through a parallel segmented scan, typed end to end,
//! into the bulk writer's retrying lanes, so sets, binary values and 38-digit numbers arrive as
//! they left.

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;

use super::create_table;
use super::describe_table;
use crate::client::Db;
use crate::commands::args::{ExprArgs, GlobalArgs, ToTargetArgs};
use crate::error::{Outcome, UsageError};
use crate::expr::{self, Placeholders};
use crate::schema::KeySchema;
use crate::transfer::checkpoint::Checkpoint;
use crate::transfer::{self, Sink};

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
    /// Consume at most RCU read and WCU write capacity units a second (as the servers report
    /// them), so a copy does not starve production traffic
    #[arg(long, value_name = "RCU,WCU", value_parser = transfer::parse_rate)]
    pub rate: Option<transfer::Rate>,
    /// Go on with a copy that was interrupted or failed, from where its scan segments stood
    /// (give the same tables, targets and --filter)
    #[arg(long, conflicts_with_all = ["schema_only", "max_items", "if_not_exists"])]
    pub resume: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, source: &Db) -> Result<Outcome> {
    let opened = match args.to.target() {
        Some(options) => Some(Db::connect(&options).await?),
        None => None,
    };
    // The embedded engine's data directory opened twice (the default one, say) is the source
    // itself. Only there does the endpoint name the store: two AWS profiles in one region are
    // two accounts.
    let opened = match opened {
        Some(other)
            if other.endpoint == source.endpoint
                && other.endpoint.starts_with("the embedded engine")
                && !other.endpoint.contains("memory") =>
        {
            other.close().await?;
            None
        }
        other => other,
    };
    let outcome = match &opened {
        Some(to) => copy(args, global, source, to, false).await,
        None => copy(args, global, source, source, true).await,
    };
    if let Some(db) = opened {
        db.close().await?;
    }
    outcome
}

/// `same_target`: the destination is the source's connection.
async fn copy(
    args: &Args,
    global: &GlobalArgs,
    source: &Db,
    to: &Db,
    same_target: bool,
) -> Result<Outcome> {
    if args.source == args.destination && same_target {
        return Err(UsageError(format!(
            "copy {} onto itself: name another table or another target (--to-endpoint-url, --to-region, --to-local)",
            args.source
        ))
        .into());
    }
    let description = source.describe(&args.source).await?;
    let key = if args.data_only || args.resume {
        KeySchema::of(&to.describe(&args.destination).await?, None)?
    } else {
        let mut definition = describe_table::definition(global, source, &description).await?;
        definition.name = args.destination.clone();
        create_table::create_or_accept(
            to,
            global,
            &definition,
            args.if_not_exists,
            "--data-only copies items into it as it is",
        )
        .await?;
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
    let sink = Sink {
        db: to,
        table: &args.destination,
        key,
        parallel: args.parallel as usize,
        delete: false,
        rate: args.rate,
    };
    let bar = transfer::bar(global.shows_progress(), "copied");
    // A whole copy keeps its place, so an interrupted one can go on (a sample has no place to
    // keep: it stops where it likes).
    let mut identity = vec![
        source.endpoint.clone(),
        global.profile.clone().unwrap_or_default(),
        args.source.clone(),
        to.endpoint.clone(),
        args.to.to_profile.clone().unwrap_or_default(),
        args.destination.clone(),
        args.filter.clone().unwrap_or_default(),
    ];
    identity.extend(args.expr.names.iter().chain(&args.expr.values).cloned());
    let path = Checkpoint::path_for(&identity.iter().map(String::as_str).collect::<Vec<_>>())?;
    let mut checkpoint = match (args.resume, args.max_items) {
        (true, _) => Some(Checkpoint::load(path)?),
        (false, None) => Some(Checkpoint::fresh(path, args.segments)),
        (false, Some(_)) => None,
    };
    let segments = checkpoint
        .as_ref()
        .map_or(args.segments, |c| c.segments.len() as i32);
    let moved = transfer::scan_into(
        request,
        ctx,
        segments,
        args.max_items,
        sink,
        &bar,
        checkpoint.as_mut(),
    )
    .await?;
    let stopped = moved.interrupted || moved.scan_error.is_some() || moved.counts.failed > 0;
    if let Some(checkpoint) = &checkpoint {
        if stopped {
            checkpoint.save()?;
        } else {
            checkpoint.remove();
        }
    }
    let resume = "run the same copy again with --resume to go on from where it stopped";
    if !global.quiet {
        eprintln!(
            "ddb: copied {} items from {} to {} in {:.2} s ({:.0} items/s); read {} ({} capacity units), {} failed, {} requests retried, {} write capacity units",
            moved.counts.written,
            args.source,
            args.destination,
            moved.seconds,
            moved.counts.written as f64 / moved.seconds.max(1e-9),
            moved.read,
            moved.read_capacity,
            moved.counts.failed,
            moved.counts.retried,
            moved.counts.capacity
        );
    }
    if moved.interrupted {
        eprintln!("ddb: copy interrupted; {resume}");
        return Ok(Outcome::Interrupted);
    }
    if let Some(error) = moved.scan_error {
        return Err(error.context(format!(
            "copy of {} stopped after {} items were read; {resume}",
            args.source, moved.read
        )));
    }
    if moved.counts.failed > 0 {
        bail!(
            "{} items were not written to {} (e.g. {}); {resume}",
            moved.counts.failed,
            args.destination,
            moved.failure.unwrap_or_default()
        );
    }
    Ok(Outcome::Done)
}
