//! `ddb describe-table`: DescribeTable, shown as one table's fields.

use anyhow::Result;
use aws_sdk_dynamodb::types::TableDescription;
use serde_json::{Map, Value};

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::output::Format;
use crate::schema::{self, KeySchema};

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
    let format = global.output.resolve(false);
    let mut fields = schema::description_fields(description);
    if format == Format::Table {
        readable(&mut fields);
    }
    crate::output::print_fields(format, &fields)?;
    Ok(())
}

/// Keys and indexes as a person reads them, for the table a terminal shows: `year N
/// (partition), title S (sort)`, and an index a line.
fn readable(fields: &mut Map<String, Value>) {
    let key_text = |key: &Value| KeySchema::from_json(key).map(|k| k.to_text());
    if let Some(text) = fields.get("key").and_then(key_text) {
        fields.insert("key".into(), Value::String(text));
    }
    for list in ["global_secondary_indexes", "local_secondary_indexes"] {
        let Some(Value::Array(indexes)) = fields.get(list) else {
            continue;
        };
        let lines: Vec<String> = indexes
            .iter()
            .map(|index| {
                let name = index["name"].as_str().unwrap_or("?");
                let key = key_text(&index["key"]).unwrap_or_default();
                match index["status"].as_str() {
                    Some(status) => format!("{name}: {key}; {status}"),
                    None => format!("{name}: {key}"),
                }
            })
            .collect();
        fields.insert(list.into(), Value::String(lines.join("\n")));
    }
}
