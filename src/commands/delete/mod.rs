//! `ddb delete`: DeleteItem without a condition, printing the item it deleted; or many items at
//! once ([`bulk`]): those a filter or key condition finds, or the keys a file lists.

mod bulk;

use anyhow::Result;
use aws_sdk_dynamodb::operation::delete_item::{DeleteItemError, DeleteItemOutput};
use aws_sdk_dynamodb::types::{
    ReturnConsumedCapacity, ReturnValue, ReturnValuesOnConditionCheckFailure,
};

use super::key::{with_key, Attempt};
use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::{ExprArgs, GlobalArgs, KeyArgs};
use crate::error::Outcome;
use crate::expr::{self, Placeholders};
use crate::item::{self, Item};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Delete one item by its key, whatever it holds [API: DeleteItem]",
    after_help = "\
Examples:
  ddb delete Movies 2015 'The Big New Movie'
  ddb delete Movies '{\"year\": 2015, \"title\": \"The Big New Movie\"}' --output json
  ddb delete Sessions --filter 'expires < :now' --values \":now=$(date +%s)\" --dry-run
  ddb delete Movies --key-condition '#y = :y' --names '#y=year' --values ':y=1999' --yes
  ddb delete Movies --keys-file stale.ndjson --yes

Prints the deleted item, or nothing when no item had the key (which is not an error).
With --filter or --key-condition, each item found is deleted with that expression as its
condition, so an item changed meanwhile so that it no longer matches is kept (counted as
skipped). See conditional-delete to delete one item only when a condition holds."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// The key: a JSON object, or the partition key value and then the sort key value
    #[arg(num_args = 0..=2, value_name = "KEY", required_unless_present_any = ["filter", "key_condition", "keys_file"], conflicts_with_all = ["filter", "key_condition", "keys_file"])]
    pub key: Vec<String>,
    /// Print DynamoDB JSON ({"S": "x"}); with --keys-file, read it
    #[arg(long)]
    pub typed: bool,
    /// Delete every item this filter expression matches (a Scan finds them)
    #[arg(long, value_name = "EXPR", conflicts_with_all = ["key_condition", "keys_file"])]
    pub filter: Option<String>,
    /// Delete every item this key condition matches (a Query finds them; --index for an index's)
    #[arg(long, value_name = "EXPR", conflicts_with = "keys_file")]
    pub key_condition: Option<String>,
    /// The index --key-condition reads
    #[arg(long, requires = "key_condition")]
    pub index: Option<String>,
    /// Delete the keys in this file (NDJSON, a key a line; - for standard input)
    #[arg(long, value_name = "FILE")]
    pub keys_file: Option<String>,
    /// With --keys-file: delete a key's item only if this condition holds
    #[arg(long, value_name = "EXPR", requires = "keys_file")]
    pub condition: Option<String>,
    #[command(flatten)]
    pub expr: ExprArgs,
    /// Print the keys that would be deleted (NDJSON) and their count; delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Delete many without asking (needed without a terminal, unless --dry-run)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// DeleteItem requests in flight at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub parallel: u16,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    if args.key.is_empty() {
        return bulk::run(args, global, db).await;
    }
    if args.dry_run || !args.expr.names.is_empty() || !args.expr.values.is_empty() {
        return Err(crate::error::UsageError(
            "--dry-run, --names and --values go with --filter, --key-condition or --keys-file"
                .into(),
        )
        .into());
    }
    let key_args = KeyArgs {
        table: args.table.clone(),
        key: args.key.clone(),
    };
    with_key(&key_args, db, async |(key, key_names)| {
        match delete_item(db, &args.table, key, None).await? {
            Deleted::Done(out) => {
                report_capacity(global, &args.table, out.consumed_capacity());
                print_deleted(global, out.attributes.as_ref(), &key_names, args.typed)?;
                Ok(Outcome::Done)
            }
            Deleted::ConditionFailed(_) => unreachable!("no condition was sent"),
        }
    })
    .await
}

/// What a DeleteItem came to.
pub(crate) enum Deleted {
    Done(Box<DeleteItemOutput>),
    /// The condition was false; the item as it is now, when the server returned it.
    ConditionFailed(Option<Item>),
}

/// DeleteItem returning the old item, with an optional condition checked atomically by the server.
/// A ValidationException may mean the key was typed from a schema that changed: nothing was
/// deleted, and the caller may try again.
pub(crate) async fn delete_item(
    db: &Db,
    table: &str,
    key: Item,
    condition: Option<(&str, &Placeholders)>,
) -> std::result::Result<Deleted, Attempt> {
    let placeholders = condition.map(|(_, p)| p);
    let ctx = db
        .at(table)
        .expression("--condition", condition.map(|(c, _)| c));
    if let Some(p) = placeholders {
        expr::check_placeholders(&ctx.expressions, p)?;
    }
    let result = db
        .client
        .delete_item()
        .table_name(table)
        .set_key(Some(key))
        .set_condition_expression(condition.map(|(c, _)| c.to_string()))
        .set_expression_attribute_names(placeholders.and_then(Placeholders::names_or_none))
        .set_expression_attribute_values(placeholders.and_then(Placeholders::values_or_none))
        .return_values(ReturnValue::AllOld)
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await;
    match result {
        Ok(out) => Ok(Deleted::Done(Box::new(out))),
        Err(err) => {
            if let Some(DeleteItemError::ConditionalCheckFailedException(failed)) =
                err.as_service_error()
            {
                return Ok(Deleted::ConditionFailed(failed.item().cloned()));
            }
            Err(Attempt::refused(
                api_error(err, &ctx).context(format!("delete from {table}")),
            ))
        }
    }
}

pub(crate) fn print_deleted(
    global: &GlobalArgs,
    old: Option<&Item>,
    key_names: &[String],
    typed: bool,
) -> Result<()> {
    if let Some(old) = old {
        crate::output::print_value(
            global.output.resolve(false),
            &item::item_to_json(old, key_names, typed),
        )?;
    }
    Ok(())
}
