//! `ddb describe-table`: DescribeTable with the table's TTL (DescribeTimeToLive) and tags
//! (ListTagsOfResource), shown as one table's fields, or as the `ddb create-table` command line
//! that recreates the table (`--as create`).

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::TableDescription;
use serde_json::{json, Map, Value};

use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::definition::TableDefinition;
use crate::error::Outcome;
use crate::output::Format;
use crate::schema::{self, KeySchema};
use crate::tables::ttl;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Show a table's keys, indexes, capacity, stream, TTL and tags [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource]",
    after_help = "\
Examples:
  ddb describe-table Movies
  ddb describe-table Movies --output json | jq .global_secondary_indexes
  ddb describe-table Movies --as create                  # the create-table command that recreates it
  eval \"$(ddb describe-table Movies --as create) --endpoint-url http://localhost:8000\""
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Print the table as a command instead: `create` gives the `ddb create-table` line that
    /// recreates its definition (keys, capacity, indexes, stream, TTL, tags, protection, class)
    #[arg(long = "as", value_enum, value_name = "FORM")]
    pub form: Option<Form>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Form {
    Create,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let description = db.describe(&args.table).await?;
    match args.form {
        Some(Form::Create) => {
            println!(
                "{}",
                definition(global, db, &description)
                    .await?
                    .to_command()
                    .map_err(anyhow::Error::msg)?
            );
        }
        None => print(global, db, &description).await?,
    }
    Ok(Outcome::Done)
}

/// The table's whole definition: the description with its TTL attribute and tags, each asked
/// for; what the target cannot say is noted on stderr.
pub(crate) async fn definition(
    global: &GlobalArgs,
    db: &Db,
    description: &TableDescription,
) -> Result<TableDefinition> {
    let extras = Extras::read(global, db, description, true).await;
    if let Some(failure) = extras.failed.first() {
        bail!(
            "cannot read all of table {}'s definition ({failure}); a copy without it would not be the same table",
            description.table_name().unwrap_or_default()
        );
    }
    if !global.quiet {
        for left_out in beyond_definition(description) {
            eprintln!(
                "ddb: {} has {left_out}, which ddb does not carry to another table; set it there yourself",
                description.table_name().unwrap_or_default()
            );
        }
    }
    TableDefinition::from_description(
        description,
        extras
            .ttl
            .as_ref()
            .and_then(|t| t.enabled_attribute())
            .map(str::to_string),
        extras.tags.unwrap_or_default(),
    )
}

/// Settings of the table that its definition (and so `--as create`, `copy`, `dump`) leaves out.
fn beyond_definition(d: &TableDescription) -> Vec<&'static str> {
    let mut found = Vec::new();
    if d.sse_description()
        .and_then(|s| s.sse_type())
        .is_some_and(|t| *t == aws_sdk_dynamodb::types::SseType::Kms)
    {
        found.push("encryption with a KMS key");
    }
    if !d.replicas().is_empty() {
        found.push("replicas in other regions (a global table)");
    }
    if d.on_demand_throughput().is_some_and(|t| {
        t.max_read_request_units().is_some() || t.max_write_request_units().is_some()
    }) {
        found.push("an on-demand throughput limit");
    }
    found
}

/// Prints a description with its TTL and tags (also after `create-table` and `update-table`).
pub async fn print(global: &GlobalArgs, db: &Db, description: &TableDescription) -> Result<()> {
    let format = global.output.resolve(false);
    let mut fields = schema::description_fields(description);
    let extras = Extras::read(global, db, description, false).await;
    if let Some(ttl) = extras.ttl {
        fields.insert("ttl".into(), ttl.to_json());
    }
    if let Some(tags) = extras.tags {
        let tags: Map<String, Value> = tags.into_iter().map(|(k, v)| (k, json!(v))).collect();
        fields.insert("tags".into(), Value::Object(tags));
    }
    if format == Format::Table {
        readable(&mut fields);
    }
    crate::output::print_fields(format, &fields)?;
    Ok(())
}

/// What DescribeTable leaves out and takes a call each; a target that cannot answer one
/// (DynamoDB Local has no tagging, a role may lack the permission) costs that part only, with a
/// note on stderr: always when the output is to recreate the table, else unless the target
/// simply has no such operation.
struct Extras {
    ttl: Option<ttl::Ttl>,
    tags: Option<Vec<(String, String)>>,
    /// What could not be read for a reason other than the target lacking the operation.
    failed: Vec<String>,
}

impl Extras {
    async fn read(
        global: &GlobalArgs,
        db: &Db,
        description: &TableDescription,
        recreating: bool,
    ) -> Extras {
        let table = description.table_name().unwrap_or_default();
        let mut failed = Vec::new();
        let mut note = |what: &str, err: &anyhow::Error| {
            let unsupported = format!("{err}").contains("UnknownOperationException");
            if !global.quiet && (recreating || !unsupported) {
                eprintln!("ddb: {what} of {table} left out: {err:#}");
            }
            if !unsupported {
                failed.push(format!("{what}: {err:#}"));
            }
        };
        let ttl = match ttl::describe(db, table).await {
            Ok(ttl) => Some(ttl),
            Err(err) => {
                note("TTL", &err);
                None
            }
        };
        let tags = match description.table_arn() {
            Some(arn) => match tags(db, table, arn).await {
                Ok(tags) => Some(tags),
                Err(err) => {
                    note("tags", &err);
                    None
                }
            },
            None => None,
        };
        Extras { ttl, tags, failed }
    }
}

/// ListTagsOfResource, every page.
async fn tags(db: &Db, table: &str, arn: &str) -> Result<Vec<(String, String)>> {
    let mut tags = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let out = db
            .client
            .list_tags_of_resource()
            .resource_arn(arn)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(e, &db.at(table)))?;
        tags.extend(
            out.tags()
                .iter()
                .map(|t| (t.key().to_string(), t.value().to_string())),
        );
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            return Ok(tags);
        }
    }
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
                let mut parts = vec![format!(
                    "{}: {}",
                    index["name"].as_str().unwrap_or("?"),
                    key_text(&index["key"]).unwrap_or_default()
                )];
                let projection = index["projection"].as_str().unwrap_or("ALL");
                parts.push(match index["included"].as_array() {
                    Some(names) => format!(
                        "{projection} {}",
                        names
                            .iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                    None => projection.to_string(),
                });
                if let Some(status) = index["status"].as_str() {
                    parts.push(status.to_string());
                }
                if index["backfilling"] == true {
                    parts.push("backfilling".into());
                }
                if let Some(count) = index["item_count"].as_i64() {
                    parts.push(format!("{count} items"));
                }
                if let (Some(r), Some(w)) = (
                    index["read_capacity_units"].as_i64(),
                    index["write_capacity_units"].as_i64(),
                ) {
                    parts.push(format!("{r} RCU, {w} WCU"));
                }
                parts.join("; ")
            })
            .collect();
        fields.insert(list.into(), Value::String(lines.join("\n")));
    }
    for (name, value) in fields.iter_mut() {
        if matches!(name.as_str(), "stream" | "ttl" | "tags") && value.is_object() {
            *value = Value::String(compact(value));
        }
    }
}

/// `{"enabled": true, "view_type": "KEYS_ONLY"}` as `enabled: true, view_type: KEYS_ONLY`.
fn compact(value: &Value) -> String {
    value
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| match v {
            Value::String(s) => format!("{k}: {s}"),
            other => format!("{k}: {other}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
