//! `ddb delete`: DeleteItem without a condition; prints the item it deleted.

use anyhow::Result;
use aws_sdk_dynamodb::operation::delete_item::{DeleteItemError, DeleteItemOutput};
use aws_sdk_dynamodb::types::{
    ReturnConsumedCapacity, ReturnValue, ReturnValuesOnConditionCheckFailure,
};

use super::key::{with_key, Attempt};
use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::{GlobalArgs, KeyArgs};
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

Prints the deleted item, or nothing when no item had the key (which is not an error).
See conditional-delete to delete only when a condition holds."
)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyArgs,
    /// Print DynamoDB JSON ({"S": "x"})
    #[arg(long)]
    pub typed: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    with_key(&args.key, db, async |(key, key_names)| {
        match delete_item(db, &args.key.table, key, None).await? {
            Deleted::Done(out) => {
                report_capacity(global, &args.key.table, out.consumed_capacity());
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
