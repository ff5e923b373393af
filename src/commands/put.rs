//! `ddb put`: PutItem, optionally conditional; with `--file`, a bulk load (see [`file`]).

pub(crate) mod file;

use anyhow::Result;
use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::types::{
    ReturnConsumedCapacity, ReturnValue, ReturnValuesOnConditionCheckFailure,
};

use super::{parse_json_arg, read_arg_or_stdin, report_capacity};
use crate::client::{api_error, Db};
use crate::commands::args::{ExprArgs, GlobalArgs};
use crate::condition;
use crate::error::{Diagnostic, Outcome};
use crate::expr::{self, Placeholders};
use crate::item::{self, Item};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Write one item, replacing any item with the same key [API: PutItem]",
    after_help = "\
Examples:
  ddb put Movies '{\"year\": 2015, \"title\": \"The Big New Movie\", \"info\": {\"plot\": \"Nothing happens at all.\", \"rating\": 0}}'
  echo '{\"year\": 2015, \"title\": \"X\"}' | ddb put Movies -
  ddb put Movies --typed '{\"year\": {\"N\": \"2015\"}, \"title\": {\"S\": \"X\"}, \"tags\": {\"SS\": [\"a\", \"b\"]}}'
  ddb put Movies '{\"year\": 2015, \"title\": \"X\"}' --if-absent          # insert only: exit 3 if it exists
  ddb put Movies '{\"year\": 2015, \"title\": \"X\", \"v\": 2}' --return old  # print the item it replaced
  ddb put Movies --file fixtures/movies.ndjson                 # bulk: BatchWriteItem, 25 per request
  ddb put Movies --file movies.csv --csv-types 'year=N,rating=N' --rejects bad.csv
  ddb scan Movies --typed --output ndjson | ddb put Copy --file - --typed

Exit code 3 when --condition is false (nothing is written). With --file, bad records are
reported by line and written to --rejects, and the exit code is 1 if any was rejected."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// The item as a JSON object, or - to read it from standard input
    #[arg(
        value_name = "ITEM",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    pub item: Option<String>,
    /// Read the item as DynamoDB JSON ({"S": "x"}), the only form for sets and binary
    #[arg(long)]
    pub typed: bool,
    /// Write only if this condition holds for the item currently stored
    #[arg(long, value_name = "EXPR")]
    pub condition: Option<String>,
    /// Insert only: refuse (exit 3) when an item with this key exists, leaving it as it was
    #[arg(long, conflicts_with = "file")]
    pub if_absent: bool,
    /// What to print: the item this put replaced (old; nothing when there was none), or nothing
    #[arg(long = "return", value_enum, default_value_t = PutReturn::None, conflicts_with = "file")]
    pub returned: PutReturn,
    #[command(flatten)]
    pub expr: ExprArgs,
    #[command(flatten)]
    pub bulk: file::BulkArgs,
}

/// `put --return`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PutReturn {
    None,
    Old,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let Some(item_arg) = &args.item else {
        return file::run(args, global, db).await;
    };
    let (text, label) = read_arg_or_stdin(item_arg)?;
    let item = parse_item(&text, label, args.typed)?;
    let mut placeholders = Placeholders::parse(&args.expr.names, &args.expr.values, args.typed)?;
    let mut condition = args.condition.clone();
    if args.if_absent {
        // The partition key is in every item: absent exactly when no item has this key.
        let partition = db.schema(&args.table).await?.key.partition.name;
        let name = placeholders.generated_name("#ddbifabsent", &partition)?;
        let absent = format!("attribute_not_exists({name})");
        condition = Some(match condition {
            Some(c) => format!("({c}) AND {absent}"),
            None => absent,
        });
    }
    let ctx = db
        .at(&args.table)
        .expression("--condition", args.condition.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let result = db
        .client
        .put_item()
        .table_name(&args.table)
        .set_item(Some(item))
        .set_condition_expression(condition)
        .set_expression_attribute_names(placeholders.names_or_none())
        .set_expression_attribute_values(placeholders.values_or_none())
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .set_return_values((args.returned == PutReturn::Old).then_some(ReturnValue::AllOld))
        .send()
        .await;
    match result {
        Ok(out) => {
            report_capacity(global, &args.table, out.consumed_capacity());
            if let Some(old) = out.attributes.as_ref().filter(|a| !a.is_empty()) {
                let key_names = match db.schema(&args.table).await {
                    Ok(schema) => schema.key.names(),
                    Err(_) => Vec::new(),
                };
                crate::output::print_value(
                    global.output.resolve(false),
                    &item::item_to_json(old, &key_names, args.typed),
                )?;
            }
            Ok(Outcome::Done)
        }
        Err(err) => {
            if let Some(PutItemError::ConditionalCheckFailedException(failed)) =
                err.as_service_error()
            {
                if args.if_absent && args.condition.is_none() {
                    eprintln!(
                        "ddb: an item with this key already exists in {} (--if-absent): nothing written",
                        args.table
                    );
                    return Ok(Outcome::ConditionNotMet);
                }
                let condition = args.condition.as_deref().unwrap_or_default();
                let current = failed
                    .item()
                    .map_or("no item has this key".to_string(), |it| {
                        condition::current_values(condition, &placeholders, it)
                    });
                eprintln!(
                    "ddb: condition not met, nothing written to {}: {condition}{}; now {current}",
                    args.table,
                    with_values(condition, &placeholders)
                );
                return Ok(Outcome::ConditionNotMet);
            }
            Err(api_error(err, &ctx).context(format!("put into {}", args.table)))
        }
    }
}

/// " (:val = 5)" for the placeholders a condition uses, or nothing.
pub(crate) fn with_values(condition: &str, placeholders: &Placeholders) -> String {
    let values = condition::placeholder_values(condition, placeholders);
    if values.is_empty() {
        values
    } else {
        format!(" ({values})")
    }
}

/// An item from JSON text: syntax errors point at line and column, type errors name the path,
/// and an item over DynamoDB's 400 KB limit is refused before it is sent.
pub fn parse_item(text: &str, label: &str, typed: bool) -> Result<Item, Diagnostic> {
    let value = parse_json_arg(label, text)?;
    let item = item::item_from_json(&value, typed).map_err(|e| {
        let hint = if typed {
            "typed JSON wraps every value: {\"year\": {\"N\": \"2015\"}}"
        } else {
            "plain JSON infers types; --typed reads DynamoDB JSON"
        };
        Diagnostic::new(format!("{label}: {e}")).with_hint(hint)
    })?;
    let size = item::item_size(&item);
    if size > item::MAX_ITEM_BYTES {
        return Err(Diagnostic::new(format!(
            "{label}: the item is {size} bytes, over DynamoDB's limit of {} bytes (400 KB)",
            item::MAX_ITEM_BYTES
        ))
        .with_hint("store large values elsewhere (S3) and keep a reference in the item"));
    }
    Ok(item)
}
