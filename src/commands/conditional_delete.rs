//! `ddb conditional-delete`: DeleteItem with a condition the server checks atomically. When it is
//! false the item is kept, and the message shows the condition and the item's current values.

use anyhow::Result;
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;

use super::delete::{delete_item, print_deleted, Deleted};
use super::key::{with_key, Attempt};
use super::put::with_values;
use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::{ExprArgs, GlobalArgs, KeyArgs};
use crate::condition;
use crate::error::Outcome;
use crate::expr::Placeholders;
use crate::item::Item;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Delete one item only if a condition holds, atomically [API: DeleteItem]",
    after_help = "\
Examples:
  ddb conditional-delete Movies 2015 'The Big New Movie' --condition 'info.rating <= :val' --values ':val=5'
  ddb conditional-delete Movies 1992 Alien --condition 'attribute_exists(#yr)' --names '#yr=year'

Prints the deleted item. Exit code 3 when the condition is false: the item is kept and the
message shows the item's current values of the attributes the condition names."
)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyArgs,
    /// Delete only if this condition holds for the stored item
    #[arg(long, value_name = "EXPR")]
    pub condition: String,
    #[command(flatten)]
    pub expr: ExprArgs,
    /// Read values and print the item as DynamoDB JSON
    #[arg(long)]
    pub typed: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let placeholders = Placeholders::parse(&args.expr.names, &args.expr.values, args.typed)?;
    with_key(&args.key, db, async |key| {
        delete_if(args, global, db, &placeholders, key).await
    })
    .await
}

async fn delete_if(
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    placeholders: &Placeholders,
    (key, key_names): (Item, Vec<String>),
) -> std::result::Result<Outcome, Attempt> {
    let table = &args.key.table;
    match delete_item(
        db,
        table,
        key.clone(),
        Some((&args.condition, placeholders)),
    )
    .await?
    {
        Deleted::Done(out) => {
            report_capacity(global, table, out.consumed_capacity());
            print_deleted(global, out.attributes.as_ref(), &key_names, args.typed)?;
            Ok(Outcome::Done)
        }
        Deleted::ConditionFailed(current) => {
            let current = match current {
                Some(it) => Some(it),
                // Servers that do not return the item on failure: read it to explain.
                None => current_item(db, table, key).await?,
            };
            let now = current.map_or("no item has this key".to_string(), |it| {
                condition::current_values(&args.condition, placeholders, &it)
            });
            eprintln!(
                "ddb: condition not met, item kept in {table}: {}{}; now {now}",
                args.condition,
                with_values(&args.condition, placeholders)
            );
            Ok(Outcome::ConditionNotMet)
        }
    }
}

async fn current_item(db: &Db, table: &str, key: Item) -> Result<Option<Item>> {
    let out = db
        .client
        .get_item()
        .table_name(table)
        .set_key(Some(key))
        .consistent_read(true)
        .return_consumed_capacity(ReturnConsumedCapacity::None)
        .send()
        .await
        .map_err(|e| api_error(e, &db.at(table)))?;
    Ok(out.item)
}
