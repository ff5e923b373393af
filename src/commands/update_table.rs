//! `ddb update-table`: one UpdateTable change (an index added or dropped, capacity, stream,
//! deletion protection or class), then DescribeTable until the table and every index are ACTIVE
//! and no index is backfilling.
//!
//! DynamoDB takes one of these changes per call (one index created or deleted, the capacity, the
//! stream); two at once are refused here, before anything is sent, with the two commands to run.

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::{
    BillingMode, GlobalSecondaryIndexUpdate, StreamSpecification, TableDescription,
    UpdateGlobalSecondaryIndexAction,
};

use super::describe_table;
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::definition::{self, Capacity, Index, StreamView, TableClass, TableDefinition};
use crate::error::{Outcome, UsageError};
use crate::tables::create::throughput;
use crate::tables::{index, wait};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Change a table: add or drop an index, capacity, stream, protection or class, and wait until done [API: UpdateTable, DescribeTable]",
    after_help = "\
Examples:
  ddb update-table Movies --add-gsi ByGenre:genre:S:year:N     # waits while the index backfills
  ddb update-table Movies --drop-gsi ByGenre
  ddb update-table Movies --rcu 20 --wcu 10 --gsi-capacity ByGenre=5,5
  ddb update-table Movies --on-demand
  ddb update-table Movies --stream new-and-old                  # then: ddb tail Movies
  ddb update-table Movies --deletion-protection off

DynamoDB makes one of these changes per call: run two commands for two changes."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Create a global secondary index (same spec as create-table --gsi)
    #[arg(long, value_name = "NAME:PK:TYPE[:SK:TYPE][:PROJECTION]", value_parser = definition::parse_gsi)]
    pub add_gsi: Option<Index>,
    /// Delete a global secondary index
    #[arg(long, value_name = "NAME")]
    pub drop_gsi: Option<String>,
    /// Switch to on-demand capacity
    #[arg(long, conflicts_with_all = ["rcu", "wcu", "gsi_capacity"])]
    pub on_demand: bool,
    /// Provisioned read capacity units (switches an on-demand table to provisioned)
    #[arg(long, requires = "wcu", value_parser = clap::value_parser!(i64).range(1..))]
    pub rcu: Option<i64>,
    /// Provisioned write capacity units
    #[arg(long, requires = "rcu", value_parser = clap::value_parser!(i64).range(1..))]
    pub wcu: Option<i64>,
    /// A global index's capacity (repeatable; with --add-gsi, the new index's)
    #[arg(long, value_name = "NAME=RCU,WCU", value_parser = definition::parse_gsi_capacity)]
    pub gsi_capacity: Vec<(String, Capacity)>,
    /// Turn the stream on with this view, or off
    #[arg(long, value_enum, value_name = "VIEW")]
    pub stream: Option<StreamChange>,
    /// Turn deletion protection on or off
    #[arg(long, value_enum, value_name = "ON|OFF")]
    pub deletion_protection: Option<Switch>,
    /// Storage class
    #[arg(long, value_enum, value_name = "CLASS")]
    pub table_class: Option<TableClass>,
    /// Return once the change is accepted, without waiting for it to finish
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StreamChange {
    NewAndOld,
    New,
    Old,
    Keys,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

impl StreamChange {
    fn view(self) -> Option<StreamView> {
        match self {
            StreamChange::NewAndOld => Some(StreamView::NewAndOld),
            StreamChange::New => Some(StreamView::New),
            StreamChange::Old => Some(StreamView::Old),
            StreamChange::Keys => Some(StreamView::Keys),
            StreamChange::Off => None,
        }
    }
}

impl Args {
    /// The flags of each change asked for; DynamoDB takes one per call.
    fn changes(&self) -> Vec<&'static str> {
        let capacity = self.on_demand
            || self.rcu.is_some()
            || (!self.gsi_capacity.is_empty() && self.add_gsi.is_none());
        [
            (self.add_gsi.is_some(), "--add-gsi"),
            (self.drop_gsi.is_some(), "--drop-gsi"),
            (
                capacity,
                "capacity (--on-demand, --rcu/--wcu, --gsi-capacity)",
            ),
            (self.stream.is_some(), "--stream"),
            (self.deletion_protection.is_some(), "--deletion-protection"),
            (self.table_class.is_some(), "--table-class"),
        ]
        .into_iter()
        .filter_map(|(asked, flag)| asked.then_some(flag))
        .collect()
    }
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    match args.changes().as_slice() {
        [] => return Err(UsageError(format!(
            "update-table {}: nothing to change; give one of --add-gsi, --drop-gsi, --on-demand, --rcu/--wcu, --gsi-capacity, --stream, --deletion-protection, --table-class",
            args.table
        )).into()),
        [_] => {}
        many => return Err(UsageError(format!(
            "update-table makes one change per call, as DynamoDB does, and {} were asked for: {}; run one command for each",
            many.len(),
            many.join(" and ")
        )).into()),
    }
    let table = db.describe(&args.table).await?;
    let current = TableDefinition::from_description(&table, None, Vec::new())?;
    let mut request = db.client.update_table().table_name(&args.table);
    if let Some(gsi) = &args.add_gsi {
        let own = args
            .gsi_capacity
            .iter()
            .find(|(name, _)| *name == gsi.name)
            .map(|(_, c)| *c);
        if let Some((other, _)) = args.gsi_capacity.iter().find(|(n, _)| *n != gsi.name) {
            return Err(UsageError(format!(
                "--gsi-capacity {other}: with --add-gsi, only the new index's capacity can be given"
            ))
            .into());
        }
        if own.is_some() && current.capacity.is_none() {
            return Err(UsageError(format!(
                "--gsi-capacity {}: table {} is on-demand, so its indexes have no capacity to set",
                gsi.name, args.table
            ))
            .into());
        }
        request = index::add_gsi(request, &current, gsi, own)?;
    }
    if let Some(name) = &args.drop_gsi {
        request = index::drop_gsi(request, &current, name)?;
    }
    if args.on_demand {
        if current.capacity.is_none() {
            return said(global, db, &table, "it is already on-demand").await;
        }
        request = request.billing_mode(BillingMode::PayPerRequest);
    }
    let table_capacity = args
        .rcu
        .zip(args.wcu)
        .map(|(read, write)| Capacity { read, write });
    if args.add_gsi.is_none() && (table_capacity.is_some() || !args.gsi_capacity.is_empty()) {
        request = match capacity_change(request, args, &current, &table, table_capacity)? {
            Some(request) => request,
            None => return said(global, db, &table, "its capacity is already that").await,
        };
    }
    if let Some(change) = args.stream {
        let enabled = current.stream;
        match (enabled, change.view()) {
            (None, None) => return said(global, db, &table, "its stream is already off").await,
            (Some(on), Some(wanted)) if on == wanted => {
                return said(global, db, &table, "its stream is already on with this view").await
            }
            (Some(on), Some(_)) => bail!(
                "table {} already streams {} images; DynamoDB changes a stream's view only by turning it off and on: ddb update-table {} --stream off, then --stream {}",
                args.table,
                on.flag(),
                args.table,
                change.view().map_or("off", StreamView::flag)
            ),
            (_, view) => {
                request = request.stream_specification(
                    StreamSpecification::builder()
                        .stream_enabled(view.is_some())
                        .set_stream_view_type(view.map(StreamView::to_sdk))
                        .build()
                        .expect("enabled set"),
                );
            }
        }
    }
    if let Some(switch) = args.deletion_protection {
        if current.deletion_protection == (switch == Switch::On) {
            return said(global, db, &table, "its deletion protection is already so").await;
        }
        request = request.deletion_protection_enabled(switch == Switch::On);
    }
    if let Some(class) = args.table_class {
        if current.class == class {
            return said(global, db, &table, "its class is already that").await;
        }
        request = request.table_class(class.to_sdk());
    }
    index::send_update(db, &args.table, request).await?;
    let description = if args.no_wait {
        db.describe(&args.table).await?
    } else {
        wait::until_active(db, &args.table, &super::read::progress(global)).await?
    };
    describe_table::print(global, db, &description).await?;
    Ok(Outcome::Done)
}

/// Capacity: the table's (switching an on-demand table to provisioned when needed, which
/// DynamoDB accepts only with every index's capacity too) and the indexes' named ones.
/// None when every figure asked for is already in force: AWS refuses a call that changes no
/// capacity, even beside one that does.
fn capacity_change(
    mut request: aws_sdk_dynamodb::operation::update_table::builders::UpdateTableFluentBuilder,
    args: &Args,
    current: &TableDefinition,
    table: &TableDescription,
    table_capacity: Option<Capacity>,
) -> Result<Option<aws_sdk_dynamodb::operation::update_table::builders::UpdateTableFluentBuilder>> {
    let mut changed = false;
    for (name, _) in &args.gsi_capacity {
        if !current.gsis.iter().any(|g| &g.name == name) {
            bail!(
                "table {} has no global secondary index named {name}",
                args.table
            );
        }
    }
    let switching = current.capacity.is_none();
    if switching && table_capacity.is_none() {
        return Err(UsageError(format!(
            "table {} is on-demand: give --rcu and --wcu to switch it to provisioned capacity",
            args.table
        ))
        .into());
    }
    if let Some(capacity) = table_capacity.filter(|c| switching || current.capacity != Some(*c)) {
        request = request.provisioned_throughput(throughput(capacity));
        changed = true;
        if switching {
            request = request.billing_mode(BillingMode::Provisioned);
        }
    }
    for gsi in &current.gsis {
        let named = args
            .gsi_capacity
            .iter()
            .find(|(n, _)| *n == gsi.name)
            .map(|(_, c)| *c);
        // Switching to provisioned needs every index's capacity; otherwise only the named ones.
        let Some(capacity) = named.or(table_capacity.filter(|_| switching)) else {
            continue;
        };
        let in_force = table
            .global_secondary_indexes()
            .iter()
            .find(|i| i.index_name() == Some(gsi.name.as_str()))
            .and_then(|i| i.provisioned_throughput())
            .map(|t| (t.read_capacity_units(), t.write_capacity_units()));
        if !switching && in_force == Some((Some(capacity.read), Some(capacity.write))) {
            continue;
        }
        changed = true;
        request = request.global_secondary_index_updates(
            GlobalSecondaryIndexUpdate::builder()
                .update(
                    UpdateGlobalSecondaryIndexAction::builder()
                        .index_name(&gsi.name)
                        .provisioned_throughput(throughput(capacity))
                        .build()
                        .expect("name and capacity set"),
                )
                .build(),
        );
    }
    Ok(changed.then_some(request))
}

/// Nothing to send: says why, and shows the table as it is.
async fn said(
    global: &GlobalArgs,
    db: &Db,
    table: &TableDescription,
    what: &str,
) -> Result<Outcome> {
    if !global.quiet {
        eprintln!(
            "ddb: table {} unchanged: {what}",
            table.table_name().unwrap_or_default()
        );
    }
    describe_table::print(global, db, table).await?;
    Ok(Outcome::Done)
}
