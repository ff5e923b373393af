//! `ddb update`: UpdateItem from a change vocabulary (`--set`, `--add`, `--remove`, ...) or
//! DynamoDB's own `--expression`, with an optional condition checked atomically by the server.
//! The item after the update is printed; a false condition changes nothing (exit 3).

use anyhow::Result;
use aws_sdk_dynamodb::operation::update_item::UpdateItemError;
use aws_sdk_dynamodb::types::{
    ReturnConsumedCapacity, ReturnValue, ReturnValuesOnConditionCheckFailure,
};
use clap::ValueEnum;

use super::key::{with_key, Attempt};
use super::put::with_values;
use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::{ExprArgs, GlobalArgs, KeyArgs};
use crate::condition;
use crate::error::{Outcome, UsageError};
use crate::expr::{self, Placeholders};
use crate::item::{self, Item};
use crate::update::{self as changes, ChangeArgs};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Change attributes of one item in place [API: UpdateItem]",
    after_help = "\
Examples:
  ddb update Movies 2015 'The Big New Movie' --set info.rating=5.5 --set info.plot='Everything happens all at once.'
  ddb update Movies 2015 'The Big New Movie' --set info.actors='[\"Larry\",\"Moe\",\"Curly\"]'
  ddb update Movies 2015 'The Big New Movie' --add info.rating=1            # an atomic counter
  ddb update Movies 2015 'The Big New Movie' --remove 'info.actors[0]' --condition 'size(info.actors) > :n' --values ':n=2'
  ddb update Users alice --add tags='[\"admin\"]' --append log='[\"signed in\"]' --must-exist
  ddb update Users alice --expression 'SET #n = :n' --names '#n=name' --values ':n=Alice'

Every path component is aliased, so reserved words (year, name, status) just work; values are
JSON when they parse as JSON and strings otherwise (--typed: DynamoDB JSON). Prints the item
after the update (--return). Exit code 3 when --condition is false or, with --must-exist, when
no item has the key: nothing changed."
)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyArgs,
    /// SET PATH to VALUE (repeatable)
    #[arg(long, value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// SET PATH to VALUE only where it is absent: if_not_exists
    #[arg(long, value_name = "PATH=VALUE")]
    pub set_if_absent: Vec<String>,
    /// ADD a number (an atomic counter; negative to subtract) or a JSON array to a set
    #[arg(long, value_name = "PATH=VALUE")]
    pub add: Vec<String>,
    /// REMOVE an attribute or a list element
    #[arg(long, value_name = "PATH")]
    pub remove: Vec<String>,
    /// DELETE the elements of a JSON array from a set
    #[arg(long, value_name = "PATH=ARRAY")]
    pub delete_from: Vec<String>,
    /// Append the elements of a JSON array to a list, creating it when absent
    #[arg(long, value_name = "PATH=ARRAY")]
    pub append: Vec<String>,
    /// Prepend the elements of a JSON array to a list, creating it when absent
    #[arg(long, value_name = "PATH=ARRAY")]
    pub prepend: Vec<String>,
    /// DynamoDB's own UpdateExpression (with --names/--values), instead of the flags above
    #[arg(long, value_name = "EXPR")]
    pub expression: Option<String>,
    /// Update only if this condition holds for the stored item
    #[arg(long, value_name = "EXPR")]
    pub condition: Option<String>,
    /// Never create an item: refuse (exit 3) when no item has the key
    #[arg(long)]
    pub must_exist: bool,
    /// What to print: the item after the update (new), before it (old), only the changed
    /// attributes (updated-new, updated-old), or nothing
    #[arg(long = "return", value_enum, default_value_t = Returned::New)]
    pub returned: Returned,
    #[command(flatten)]
    pub expr: ExprArgs,
    /// Read keys and values, and print the item, as DynamoDB JSON
    #[arg(long)]
    pub typed: bool,
}

/// `--return`: which attributes UpdateItem sends back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Returned {
    None,
    Old,
    New,
    UpdatedOld,
    UpdatedNew,
}

impl Returned {
    fn as_sdk(self) -> ReturnValue {
        match self {
            Returned::None => ReturnValue::None,
            Returned::Old => ReturnValue::AllOld,
            Returned::New => ReturnValue::AllNew,
            Returned::UpdatedOld => ReturnValue::UpdatedOld,
            Returned::UpdatedNew => ReturnValue::UpdatedNew,
        }
    }
}

impl Args {
    fn change_args(&self) -> ChangeArgs<'_> {
        ChangeArgs {
            set: &self.set,
            set_if_absent: &self.set_if_absent,
            add: &self.add,
            remove: &self.remove,
            delete_from: &self.delete_from,
            append: &self.append,
            prepend: &self.prepend,
        }
    }
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let given = changes::parse(&args.change_args(), args.typed)?;
    match (&args.expression, given.is_empty()) {
        (Some(_), false) => {
            return Err(UsageError(
                "--expression is DynamoDB's whole UpdateExpression: give it alone, or use --set/--add/--remove/... without it".into(),
            )
            .into())
        }
        (None, true) => {
            return Err(UsageError(
                "no change given: use --set, --add, --remove, --delete-from, --append, --prepend, --set-if-absent or --expression".into(),
            )
            .into())
        }
        _ => {}
    }
    let user = Placeholders::parse(&args.expr.names, &args.expr.values, args.typed)?;
    with_key(&args.key, db, async |(key, key_names)| {
        update(args, global, db, &given, user.clone(), key, key_names).await
    })
    .await
}

async fn update(
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    given: &[changes::Change],
    mut placeholders: Placeholders,
    key: Item,
    key_names: Vec<String>,
) -> std::result::Result<Outcome, Attempt> {
    let table = &args.key.table;
    // The key schema names the attributes no change may touch, and the one --must-exist checks.
    let schema = if args.expression.is_none() || args.must_exist {
        Some(db.schema(table).await?.key)
    } else {
        None
    };
    let expression = match (&args.expression, &schema) {
        (Some(text), _) => text.clone(),
        (None, Some(schema)) => changes::expression(given, schema, &mut placeholders)
            .map_err(|e| Attempt::Stale(e.into()))?,
        (None, None) => unreachable!("the schema is read without --expression"),
    };
    let mut condition = args.condition.clone();
    if let (true, Some(schema)) = (args.must_exist, &schema) {
        let pk = placeholders.generated_name("#ddbmustexist", &schema.partition.name)?;
        let exists = format!("attribute_exists({pk})");
        condition = Some(match condition {
            Some(c) => format!("({c}) AND {exists}"),
            None => exists,
        });
    }
    let ctx = db
        .at(table)
        .expression("--expression", Some(&expression))
        .expression("--condition", args.condition.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let result = db
        .client
        .update_item()
        .table_name(table)
        .set_key(Some(key))
        .update_expression(&expression)
        .set_condition_expression(condition)
        .set_expression_attribute_names(placeholders.names_or_none())
        .set_expression_attribute_values(placeholders.values_or_none())
        .return_values(args.returned.as_sdk())
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await;
    match result {
        Ok(out) => {
            report_capacity(global, table, out.consumed_capacity());
            if let Some(attributes) = out.attributes.as_ref().filter(|a| !a.is_empty()) {
                crate::output::print_value(
                    global.output.resolve(false),
                    &item::item_to_json(attributes, &key_names, args.typed),
                )
                .map_err(anyhow::Error::from)?;
            }
            Ok(Outcome::Done)
        }
        Err(err) => {
            if let Some(UpdateItemError::ConditionalCheckFailedException(failed)) =
                err.as_service_error()
            {
                let current = failed.item().cloned();
                condition_not_met(args, table, &placeholders, current);
                return Ok(Outcome::ConditionNotMet);
            }
            Err(Attempt::refused(
                api_error(err, &ctx).context(format!("update {table}")),
            ))
        }
    }
}

/// Says why nothing changed: no item (with --must-exist), or the condition and the values it
/// read from the stored item.
fn condition_not_met(args: &Args, table: &str, placeholders: &Placeholders, current: Option<Item>) {
    match (&current, &args.condition) {
        (None, _) if args.must_exist => {
            eprintln!("ddb: no item with this key in {table} (--must-exist): nothing changed");
        }
        (_, Some(condition)) => {
            let now = current.map_or("no item has this key".to_string(), |it| {
                condition::current_values(condition, placeholders, &it)
            });
            eprintln!(
                "ddb: condition not met, item unchanged in {table}: {condition}{}; now {now}",
                with_values(condition, placeholders)
            );
        }
        (_, None) => eprintln!("ddb: condition not met, item unchanged in {table}"),
    }
}
