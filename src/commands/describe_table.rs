//! `ddb describe-table`: DescribeTable, shown as one table's fields.

use anyhow::Result;
use aws_sdk_dynamodb::types::TableDescription;
use serde_json::{json, Map, Value};

use crate::cli::GlobalArgs;
use crate::client::{Db, KeySchema};
use crate::error::Outcome;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Show a table's key schema, indexes, capacity and size [API: DescribeTable]",
    after_help = "\
Examples:
  ddb describe-table Movies
  ddb describe-table Movies --output json | jq .item_count"
)]
pub struct Args {
    /// Table name
    pub table: String,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let description = db.describe(&args.table).await?;
    print(global, &description)?;
    Ok(Outcome::Done)
}

/// Prints a description (also after `create-table`).
pub fn print(global: &GlobalArgs, description: &TableDescription) -> Result<()> {
    crate::output::print_fields(global.output.resolve(false), &fields(description))?;
    Ok(())
}

fn key_json(schema: &KeySchema) -> Value {
    let attr = |a: &crate::expr::KeyAttribute| json!({"name": a.name, "type": a.kind.as_str()});
    json!({"partition": attr(&schema.partition), "sort": schema.sort.as_ref().map(attr)})
}

/// The description's fields in a stable order, as JSON.
pub fn fields(d: &TableDescription) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), json!(d.table_name()));
    m.insert("status".into(), json!(d.table_status().map(|s| s.as_str())));
    if let Ok(schema) = KeySchema::of(d, None) {
        m.insert("key".into(), key_json(&schema));
    }
    let billing = d
        .billing_mode_summary()
        .and_then(|b| b.billing_mode())
        .map_or("PROVISIONED", |b| b.as_str());
    m.insert("billing_mode".into(), json!(billing));
    if let Some(t) = d.provisioned_throughput() {
        if billing == "PROVISIONED" {
            m.insert("read_capacity_units".into(), json!(t.read_capacity_units()));
            m.insert(
                "write_capacity_units".into(),
                json!(t.write_capacity_units()),
            );
        }
    }
    m.insert("item_count".into(), json!(d.item_count()));
    m.insert("size_bytes".into(), json!(d.table_size_bytes()));
    let gsis: Vec<Value> = d
        .global_secondary_indexes()
        .iter()
        .filter_map(|i| {
            let name = i.index_name()?;
            Some(json!({
                "name": name,
                "status": i.index_status().map(|s| s.as_str()),
                "key": KeySchema::of(d, Some(name)).ok().map(|k| key_json(&k)),
            }))
        })
        .collect();
    if !gsis.is_empty() {
        m.insert("global_secondary_indexes".into(), Value::Array(gsis));
    }
    let lsis: Vec<Value> = d
        .local_secondary_indexes()
        .iter()
        .filter_map(|i| {
            let name = i.index_name()?;
            Some(json!({"name": name, "key": KeySchema::of(d, Some(name)).ok().map(|k| key_json(&k))}))
        })
        .collect();
    if !lsis.is_empty() {
        m.insert("local_secondary_indexes".into(), Value::Array(lsis));
    }
    if let Some(arn) = d.table_arn() {
        m.insert("arn".into(), json!(arn));
    }
    if let Some(created) = d.creation_date_time() {
        m.insert("created".into(), json!(created.to_string()));
    }
    m
}
