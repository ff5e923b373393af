//! `ddb create-table`: CreateTable, then DescribeTable until the table and its indexes are ACTIVE.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, IndexStatus, KeySchemaElement, KeyType,
    Projection, ProjectionType, ProvisionedThroughput, ScalarAttributeType, TableDescription,
    TableStatus,
};

use super::describe_table;
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::schema::{KeyAttribute, KeySchema};

/// How long to wait for ACTIVE before giving up (AWS takes seconds; a GSI on a big table longer).
const WAIT_LIMIT: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Create a table and wait until it is ACTIVE [API: CreateTable, DescribeTable]",
    after_help = "\
Examples:
  ddb create-table Movies --pk year:N --sk title:S --rcu 10 --wcu 10
  ddb create-table Sessions --pk id:S --on-demand --if-not-exists
  ddb create-table Orders --pk customer:S --sk placed:N --gsi ByStatus:status:S:placed:N

Types are S (string), N (number) and B (binary). Without --rcu/--wcu the table is on-demand."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Partition key attribute and type
    #[arg(long, value_name = "NAME:TYPE", value_parser = parse_key_attribute)]
    pub pk: KeyAttribute,
    /// Sort key attribute and type
    #[arg(long, value_name = "NAME:TYPE", value_parser = parse_key_attribute)]
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
    /// A global secondary index projecting all attributes (repeatable)
    #[arg(long, value_name = "NAME:ATTR:TYPE[:ATTR:TYPE]", value_parser = parse_gsi)]
    pub gsi: Vec<Gsi>,
    /// Return as soon as the table is created, without waiting for ACTIVE
    #[arg(long)]
    pub no_wait: bool,
    /// Succeed when a table with this name and the same key schema already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

/// A `--gsi` argument.
#[derive(Debug, Clone)]
pub struct Gsi {
    pub name: String,
    pub partition: KeyAttribute,
    pub sort: Option<KeyAttribute>,
}

fn parse_type(text: &str) -> Result<ScalarAttributeType, String> {
    match text.to_ascii_uppercase().as_str() {
        "S" => Ok(ScalarAttributeType::S),
        "N" => Ok(ScalarAttributeType::N),
        "B" => Ok(ScalarAttributeType::B),
        _ => Err(format!("key types are S, N or B, not {text:?}")),
    }
}

fn parse_key_attribute(text: &str) -> Result<KeyAttribute, String> {
    let (name, kind) = text
        .rsplit_once(':')
        .ok_or_else(|| format!("expected NAME:TYPE like year:N, found {text:?}"))?;
    if name.is_empty() {
        return Err(format!("expected NAME:TYPE like year:N, found {text:?}"));
    }
    Ok(KeyAttribute {
        name: name.to_string(),
        kind: parse_type(kind)?,
    })
}

fn parse_gsi(text: &str) -> Result<Gsi, String> {
    let parts: Vec<&str> = text.split(':').collect();
    let attr = |name: &str, kind: &str| {
        parse_type(kind).map(|kind| KeyAttribute {
            name: name.to_string(),
            kind,
        })
    };
    match parts.as_slice() {
        [name, pa, pt] if !name.is_empty() => Ok(Gsi {
            name: name.to_string(),
            partition: attr(pa, pt)?,
            sort: None,
        }),
        [name, pa, pt, sa, st] if !name.is_empty() => Ok(Gsi {
            name: name.to_string(),
            partition: attr(pa, pt)?,
            sort: Some(attr(sa, st)?),
        }),
        _ => Err(format!(
            "expected NAME:ATTR:TYPE or NAME:ATTR:TYPE:ATTR:TYPE, found {text:?}"
        )),
    }
}

fn key_elements(partition: &KeyAttribute, sort: Option<&KeyAttribute>) -> Vec<KeySchemaElement> {
    std::iter::once((partition, KeyType::Hash))
        .chain(sort.map(|s| (s, KeyType::Range)))
        .map(|(a, t)| {
            KeySchemaElement::builder()
                .attribute_name(&a.name)
                .key_type(t)
                .build()
                .expect("name and type set")
        })
        .collect()
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let throughput = args.rcu.zip(args.wcu).map(|(r, w)| {
        ProvisionedThroughput::builder()
            .read_capacity_units(r)
            .write_capacity_units(w)
            .build()
            .expect("both set")
    });
    let mut definitions: Vec<&KeyAttribute> = vec![&args.pk];
    definitions.extend(args.sk.iter());
    for gsi in &args.gsi {
        definitions.push(&gsi.partition);
        definitions.extend(gsi.sort.iter());
    }
    let mut attribute_definitions: Vec<AttributeDefinition> = Vec::new();
    for attr in definitions {
        if let Some(existing) = attribute_definitions
            .iter()
            .find(|d| d.attribute_name() == attr.name)
        {
            if *existing.attribute_type() != attr.kind {
                bail!(
                    "attribute {} is given two types, {} and {}",
                    attr.name,
                    existing.attribute_type(),
                    attr.kind
                );
            }
            continue;
        }
        attribute_definitions.push(
            AttributeDefinition::builder()
                .attribute_name(&attr.name)
                .attribute_type(attr.kind.clone())
                .build()
                .expect("name and type set"),
        );
    }
    let indexes: Vec<GlobalSecondaryIndex> = args
        .gsi
        .iter()
        .map(|gsi| {
            GlobalSecondaryIndex::builder()
                .index_name(&gsi.name)
                .set_key_schema(Some(key_elements(&gsi.partition, gsi.sort.as_ref())))
                .projection(
                    Projection::builder()
                        .projection_type(ProjectionType::All)
                        .build(),
                )
                .set_provisioned_throughput(throughput.clone())
                .build()
                .expect("name and key set")
        })
        .collect();
    let request = db
        .client
        .create_table()
        .table_name(&args.table)
        .set_key_schema(Some(key_elements(&args.pk, args.sk.as_ref())))
        .set_attribute_definitions(Some(attribute_definitions))
        .set_global_secondary_indexes((!indexes.is_empty()).then_some(indexes))
        .billing_mode(if throughput.is_some() {
            BillingMode::Provisioned
        } else {
            BillingMode::PayPerRequest
        })
        .set_provisioned_throughput(throughput);
    match request.send().await {
        Ok(_) => {}
        Err(err)
            if args.if_not_exists
                && err
                    .as_service_error()
                    .is_some_and(|e| e.is_resource_in_use_exception()) =>
        {
            let existing = db.describe(&args.table).await?;
            let schema = KeySchema::of(&existing, None)?;
            if schema.partition != args.pk || schema.sort != args.sk {
                bail!(
                    "table {} already exists at {} with a different key ({}); --if-not-exists accepts only an identical one",
                    args.table,
                    db.endpoint,
                    key_text(&schema)
                );
            }
            if !global.quiet {
                eprintln!(
                    "ddb: table {} already exists with this key schema",
                    args.table
                );
            }
        }
        Err(err) => {
            let in_use = err
                .as_service_error()
                .is_some_and(|e| e.is_resource_in_use_exception());
            let error = api_error(err, &db.at(&args.table));
            if in_use {
                return Err(error.context(format!(
                    "table {} already exists at {} (--if-not-exists accepts an identical one)",
                    args.table, db.endpoint
                )));
            }
            return Err(error.context(format!("create table {}", args.table)));
        }
    }
    let description = if args.no_wait {
        db.describe(&args.table).await?
    } else {
        wait_active(db, &args.table).await?
    };
    describe_table::print(global, &description)?;
    Ok(Outcome::Done)
}

/// Creates an on-demand table keyed by one string attribute and waits until it is ACTIVE
/// (scratch tables of the benches).
pub(crate) async fn create_simple(db: &Db, table: &str, partition_key: &str) -> Result<()> {
    let pk = KeyAttribute {
        name: partition_key.to_string(),
        kind: ScalarAttributeType::S,
    };
    db.client
        .create_table()
        .table_name(table)
        .set_key_schema(Some(key_elements(&pk, None)))
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(partition_key)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .expect("set"),
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .map_err(|e| api_error(e, &db.at(table)).context(format!("create table {table}")))?;
    wait_active(db, table).await.map(|_| ())
}

fn key_text(schema: &KeySchema) -> String {
    let attr = |a: &KeyAttribute| format!("{}:{}", a.name, a.kind);
    match &schema.sort {
        Some(sort) => format!("--pk {} --sk {}", attr(&schema.partition), attr(sort)),
        None => format!("--pk {}", attr(&schema.partition)),
    }
}

/// Polls DescribeTable until the table and all its global indexes are ACTIVE.
async fn wait_active(db: &Db, table: &str) -> Result<TableDescription> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(100);
    loop {
        let description = db.describe(table).await?;
        let table_active = description.table_status() == Some(&TableStatus::Active);
        let indexes_active = description
            .global_secondary_indexes()
            .iter()
            .all(|i| i.index_status().is_none_or(|s| *s == IndexStatus::Active));
        if table_active && indexes_active {
            return Ok(description);
        }
        if started.elapsed() > WAIT_LIMIT {
            bail!("table {table} is still not ACTIVE after {} minutes; check it with `ddb describe-table {table}`", WAIT_LIMIT.as_secs() / 60);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(2));
    }
}
