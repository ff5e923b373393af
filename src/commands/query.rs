//! `ddb query`: Query one partition, every page, with the key-condition shorthands.

use anyhow::Result;
use aws_sdk_dynamodb::types::{ReturnConsumedCapacity, Select as ApiSelect};

use super::key::{with_schema, Attempt};
use super::read;
use crate::client::{api_error, Db};
use crate::commands::args::{GlobalArgs, ReadArgs, Select};
use crate::error::{Outcome, UsageError};
use crate::expr::{self, Placeholders, SortCondition};
use crate::paginate;
use crate::schema::Schema;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Read the items of one partition, optionally a sort-key range [API: Query]",
    after_help = "\
Examples:
  ddb query Movies --pk 1985
  ddb query Movies --pk 1992 --sk-between A L
  ddb query Movies --pk 1992 --projection '#yr, title, info.actors[0]' --names '#yr=year'
  ddb query Movies --pk 2013 --sk '>= M' --desc --max-items 5
  ddb query Movies --pk 2013 --sk-begins-with The --filter 'info.rating > :r' --values ':r=7'
  ddb query Movies --key-condition '#yr = :y' --names '#yr=year' --values ':y=1985' --select count

Follows LastEvaluatedKey to the end unless --max-items stops it; then it prints --start-key to resume."
)]
pub struct Args {
    #[command(flatten)]
    pub read: ReadArgs,
    /// The partition key value (typed from the table's or index's key schema)
    #[arg(
        long,
        value_name = "VALUE",
        required_unless_present = "key_condition",
        conflicts_with = "key_condition"
    )]
    pub pk: Option<String>,
    /// The sort key: VALUE for equality, or 'OP VALUE' with OP one of = < <= > >=
    #[arg(long, value_name = "[OP] VALUE", requires = "pk", conflicts_with_all = ["sk_between", "sk_begins_with"])]
    pub sk: Option<String>,
    /// Sort key between LOW and HIGH, inclusive
    #[arg(long, num_args = 2, value_names = ["LOW", "HIGH"], requires = "pk", conflicts_with = "sk_begins_with")]
    pub sk_between: Option<Vec<String>>,
    /// Sort key starts with PREFIX
    #[arg(long, value_name = "PREFIX", requires = "pk")]
    pub sk_begins_with: Option<String>,
    /// A key condition expression of your own, instead of --pk/--sk
    #[arg(long, value_name = "EXPR")]
    pub key_condition: Option<String>,
    /// Descending sort-key order
    #[arg(long)]
    pub desc: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let index = args.read.index.as_deref();
    with_schema(
        db,
        &args.read.table,
        |s| s.key_of(index).is_ok(),
        async |schema| query(args, global, db, schema).await,
    )
    .await
}

async fn query(
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    schema: &Schema,
) -> std::result::Result<Outcome, Attempt> {
    let r = &args.read;
    let key_names = schema.resume_key_names(r.index.as_deref())?;
    let mut placeholders = Placeholders::parse(&r.expr.names, &r.expr.values, r.typed)?;
    let (condition, flag) = match (&args.key_condition, &args.pk) {
        (Some(raw), _) => (raw.clone(), "--key-condition"),
        (None, Some(pk)) => {
            let schema = schema.key_of(r.index.as_deref())?;
            let sort = sort_condition(args);
            let sort_attr = match (&sort, &schema.sort) {
                (Some(s), Some(attr)) => Some((attr, s)),
                (Some(_), None) => {
                    return Err(Attempt::Stale(
                        UsageError(format!(
                            "{} has no sort key; drop the --sk options",
                            r.index.as_deref().unwrap_or(&r.table)
                        ))
                        .into(),
                    ))
                }
                (None, _) => None,
            };
            // A value that does not parse as the key's type may mean the type changed.
            let condition =
                expr::key_condition(&mut placeholders, &schema.partition, pk, sort_attr)
                    .map_err(|e| Attempt::Stale(e.into()))?;
            (condition, "--pk")
        }
        (None, None) => unreachable!("clap requires --pk or --key-condition"),
    };
    let ctx = db
        .at(&r.table)
        .expression(flag, Some(&condition))
        .expression("--filter", r.filter.as_deref())
        .expression("--projection", r.projection.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let start = read::start_key(r)?;
    let request = db
        .client
        .query()
        .table_name(&r.table)
        .set_index_name(r.index.clone())
        .key_condition_expression(&condition)
        .set_filter_expression(r.filter.clone())
        .set_projection_expression(r.projection.clone())
        .set_expression_attribute_names(placeholders.names_or_none())
        .set_expression_attribute_values(placeholders.values_or_none())
        .consistent_read(r.consistent)
        .scan_index_forward(!args.desc)
        .set_select((r.select == Some(Select::Count)).then_some(ApiSelect::Count))
        .set_limit(r.page_size)
        .return_consumed_capacity(ReturnConsumedCapacity::Total);
    let fetch = |start| {
        let request = request.clone().set_exclusive_start_key(start);
        let ctx = &ctx;
        async move {
            let out = request
                .send()
                .await
                .map_err(|e| api_error(e, ctx).context(format!("query {}", r.table)))?;
            Ok(paginate::Page::from_query(out))
        }
    };
    let mut printer = read::Printer::new(r, global, key_names.clone());
    let drained = paginate::drain(fetch, start, r.max_items, &key_names, |it| {
        printer.write(it)
    })
    .await;
    let totals = match drained {
        Ok(totals) => totals,
        Err(e) if printer.written() == 0 => return Err(Attempt::refused(e)),
        Err(e) => return Err(Attempt::Failed(e)),
    };
    Ok(printer.finish(&totals)?)
}

fn sort_condition(args: &Args) -> Option<SortCondition> {
    if let Some(sk) = &args.sk {
        return Some(SortCondition::parse(sk));
    }
    if let Some([low, high]) = args.sk_between.as_deref() {
        return Some(SortCondition::Between(low.clone(), high.clone()));
    }
    args.sk_begins_with.clone().map(SortCondition::BeginsWith)
}
