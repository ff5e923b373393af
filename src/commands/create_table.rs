//! `ddb create-table`: CreateTable from a [`TableDefinition`], then DescribeTable until the table
//! and its indexes are ACTIVE, then UpdateTimeToLive when `--ttl` asks (TTL has no place in
//! CreateTable).

use anyhow::{bail, Result};

use super::describe_table;
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::definition::{self, Capacity, Index, StreamView, TableClass, TableDefinition};
use crate::error::{Outcome, UsageError};
use crate::schema::{KeyAttribute, KeySchema};
use crate::tables::create::{create, settle, Refused};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Create a table and wait until it is ACTIVE [API: CreateTable, DescribeTable, UpdateTimeToLive]",
    after_help = "\
Examples:
  ddb create-table Movies --pk year:N --sk title:S --rcu 10 --wcu 10
  ddb create-table Sessions --pk id:S --ttl expires --if-not-exists
  ddb create-table Movies --pk year:N --sk title:S --gsi ByGenre:genre:S:year:N:include=rating
  ddb create-table Orders --pk customer:S --sk placed:N --lsi ByTotal:total:N:keys \\
      --stream new-and-old --tag team=shop --deletion-protection

Types are S (string), N (number) and B (binary). Without --rcu/--wcu the table is on-demand.
An index projects all attributes unless its spec ends in :keys (keys only) or :include=a,b,c.
`ddb describe-table TABLE --as create` prints the command that recreates a table."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Partition key attribute and type
    #[arg(long, value_name = "NAME:TYPE", value_parser = definition::parse_key_attribute)]
    pub pk: KeyAttribute,
    /// Sort key attribute and type
    #[arg(long, value_name = "NAME:TYPE", value_parser = definition::parse_key_attribute)]
    pub sk: Option<KeyAttribute>,
    /// Provisioned read capacity units
    #[arg(long, requires = "wcu", conflicts_with = "on_demand", value_parser = clap::value_parser!(i64).range(1..))]
    pub rcu: Option<i64>,
    /// Provisioned write capacity units
    #[arg(long, requires = "rcu", value_parser = clap::value_parser!(i64).range(1..))]
    pub wcu: Option<i64>,
    /// On-demand capacity (the default without --rcu/--wcu)
    #[arg(long)]
    pub on_demand: bool,
    /// A global secondary index; PROJECTION is all (default), keys or include=a,b,c (repeatable)
    #[arg(long, value_name = "NAME:PK:TYPE[:SK:TYPE][:PROJECTION]", value_parser = definition::parse_gsi)]
    pub gsi: Vec<Index>,
    /// A global index's capacity when the table is provisioned (default: the table's)
    #[arg(long, value_name = "NAME=RCU,WCU", value_parser = definition::parse_gsi_capacity)]
    pub gsi_capacity: Vec<(String, Capacity)>,
    /// A local secondary index: the table's partition key with another sort key (repeatable)
    #[arg(long, value_name = "NAME:SK:TYPE[:PROJECTION]", value_parser = definition::parse_lsi)]
    pub lsi: Vec<Index>,
    /// Turn on the table's stream, carrying new and old images, new, old, or keys only
    #[arg(long, value_enum, value_name = "VIEW")]
    pub stream: Option<StreamView>,
    /// Expire items by this attribute (epoch seconds), once the table is ACTIVE
    #[arg(long, value_name = "ATTR")]
    pub ttl: Option<String>,
    /// A tag (repeatable)
    #[arg(long, value_name = "KEY=VALUE", value_parser = definition::parse_tag)]
    pub tag: Vec<(String, String)>,
    /// Refuse DeleteTable until it is turned off (update-table --deletion-protection off)
    #[arg(long)]
    pub deletion_protection: bool,
    /// Storage class
    #[arg(long, value_enum, value_name = "CLASS")]
    pub table_class: Option<TableClass>,
    /// Return as soon as the table is created, without waiting for ACTIVE (and without --ttl)
    #[arg(long, conflicts_with = "ttl")]
    pub no_wait: bool,
    /// Succeed when a table with this name and the same definition (keys, billing mode, indexes
    /// and their projections, stream) already exists; a difference is an error naming it
    #[arg(long)]
    pub if_not_exists: bool,
}

impl Args {
    /// The definition the flags ask for; an error names a flag that contradicts another.
    pub fn definition(&self) -> Result<TableDefinition, UsageError> {
        let key = KeySchema {
            partition: self.pk.clone(),
            sort: self.sk.clone(),
        };
        let mut def = TableDefinition::new(&self.table, key).with_lsis(self.lsi.clone());
        def.capacity = self
            .rcu
            .zip(self.wcu)
            .map(|(read, write)| Capacity { read, write });
        def.gsis = self.gsi.clone();
        for (name, capacity) in &self.gsi_capacity {
            if !def.gsis.iter().any(|g| &g.name == name) {
                return Err(UsageError(format!(
                    "--gsi-capacity {name}: there is no --gsi named {name}"
                )));
            }
            if def.capacity.is_none() {
                return Err(UsageError(format!(
                    "--gsi-capacity {name}: an on-demand table's indexes have no capacity to set; give the table --rcu and --wcu"
                )));
            }
            def.gsi_capacity.push((name.clone(), *capacity));
        }
        def.stream = self.stream;
        def.ttl = self.ttl.clone();
        def.tags = self.tag.clone();
        def.deletion_protection = self.deletion_protection;
        def.class = self.table_class.unwrap_or_default();
        def.key_attributes().map_err(UsageError)?;
        Ok(def)
    }
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let def = args.definition()?;
    let created = match create(db, &def).await {
        Ok(()) => true,
        Err(Refused::Exists(error)) if args.if_not_exists => {
            let existing = db.describe(&def.name).await?;
            let existing = TableDefinition::from_description(&existing, None, Vec::new())?;
            drop(error);
            same_or_error(&def, &existing, db)?;
            if !global.quiet {
                eprintln!(
                    "ddb: table {} already exists with this definition",
                    def.name
                );
            }
            false
        }
        Err(Refused::Exists(error)) => {
            return Err(error.context(format!(
                "table {} already exists at {} (--if-not-exists accepts an identical one)",
                def.name, db.endpoint
            )))
        }
        Err(Refused::Other(error)) => return Err(error),
    };
    let description = if args.no_wait {
        db.describe(&def.name).await?
    } else {
        settle(db, &def, created, &super::read::progress(global)).await?
    };
    describe_table::print(global, db, &description).await?;
    Ok(Outcome::Done)
}

/// Creates the table of the definition, or with `if_not_exists` accepts an existing one with the
/// same definition, then waits until it is ACTIVE with TTL on (what `copy` and `restore` do with a
/// definition). `instead` says, for an existing table, what else the user can do.
pub(crate) async fn create_or_accept(
    db: &Db,
    global: &GlobalArgs,
    definition: &TableDefinition,
    if_not_exists: bool,
    instead: &str,
) -> Result<()> {
    let created = match create(db, definition).await {
        Ok(()) => true,
        Err(Refused::Exists(_)) if if_not_exists => {
            let existing = db.describe(&definition.name).await?;
            let existing = TableDefinition::from_description(&existing, None, Vec::new())?;
            same_or_error(definition, &existing, db)?;
            false
        }
        Err(Refused::Exists(error)) => {
            return Err(error.context(format!(
                "table {} already exists at {}: --if-not-exists accepts one with the same definition, {instead}",
                definition.name, db.endpoint
            )))
        }
        Err(Refused::Other(error)) => return Err(error),
    };
    settle(db, definition, created, &super::read::progress(global)).await?;
    if created && !global.quiet {
        eprintln!("ddb: created table {} at {}", definition.name, db.endpoint);
    }
    Ok(())
}

/// An existing table with another definition is an error naming each difference.
pub(crate) fn same_or_error(
    wanted: &TableDefinition,
    existing: &TableDefinition,
    db: &Db,
) -> Result<()> {
    let differences = wanted.differences(existing);
    if differences.is_empty() {
        return Ok(());
    }
    bail!(
        "table {} already exists at {} with another definition: {}; --if-not-exists accepts only an identical one (`ddb describe-table {} --as create` shows it)",
        wanted.name,
        db.endpoint,
        differences.join("; "),
        wanted.name
    )
}
