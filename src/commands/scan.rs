//! `ddb scan`: Scan every item, every page, optionally as a parallel scan of N segments.

use anyhow::Result;
use aws_sdk_dynamodb::types::{ReturnConsumedCapacity, Select as ApiSelect};

use super::read;
use crate::client::{api_error, Db};
use crate::commands::args::{GlobalArgs, ReadArgs, Select};
use crate::error::{Outcome, UsageError};
use crate::expr::{self, Placeholders};
use crate::paginate;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Read every item of a table or index, every page [API: Scan]",
    after_help = "\
Examples:
  ddb scan Movies --max-items 20
  ddb scan Movies --filter '#yr BETWEEN :lo AND :hi' --names '#yr=year' --values ':lo=1950' --values ':hi=1959'
  ddb scan Movies --segments 4 --output ndjson > movies.ndjson
  ddb scan Movies --typed --output ndjson > movies.typed.ndjson
  ddb scan Movies --select count

A scan reads (and is charged for) every item, filtered or not; a query reads one partition."
)]
pub struct Args {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Parallel scan with N segments read at once; every item is still printed exactly once
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..=1_000_000))]
    pub segments: Option<i32>,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let r = &args.read;
    if args.segments.is_some_and(|n| n > 1) && (r.max_items.is_some() || r.start_key.is_some()) {
        return Err(UsageError(
            "--segments reads segments side by side, so there is no single place to stop or resume: drop --max-items/--start-key or --segments".into(),
        )
        .into());
    }
    let key_names = db
        .schema(&r.table)
        .await?
        .resume_key_names(r.index.as_deref())?;
    let placeholders = Placeholders::parse(&r.expr.names, &r.expr.values, r.typed)?;
    let ctx = db
        .at(&r.table)
        .expression("--filter", r.filter.as_deref())
        .expression("--projection", r.projection.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let start = read::start_key(r)?;
    let request = db
        .client
        .scan()
        .table_name(&r.table)
        .set_index_name(r.index.clone())
        .set_filter_expression(r.filter.clone())
        .set_projection_expression(r.projection.clone())
        .set_expression_attribute_names(placeholders.names_or_none())
        .set_expression_attribute_values(placeholders.values_or_none())
        .consistent_read(r.consistent)
        .set_select((r.select == Some(Select::Count)).then_some(ApiSelect::Count))
        .set_limit(r.page_size)
        .return_consumed_capacity(ReturnConsumedCapacity::Total);
    let table = r.table.clone();
    let fetch = move |segment: Option<(i32, i32)>, start| {
        let request = request
            .clone()
            .set_exclusive_start_key(start)
            .set_segment(segment.map(|s| s.0))
            .set_total_segments(segment.map(|s| s.1));
        let ctx = ctx.clone();
        let table = table.clone();
        async move {
            let out = request
                .send()
                .await
                .map_err(|e| api_error(e, &ctx).context(format!("scan {table}")))?;
            Ok(paginate::Page::from_scan(out))
        }
    };
    let mut printer = read::Printer::new(r, global, key_names.clone());
    let emit = |it| printer.write(it);
    let totals = match args.segments.filter(|&n| n > 1) {
        Some(total) => {
            paginate::segments(
                total,
                move |segment, start| fetch(Some((segment, total)), start),
                emit,
            )
            .await?
        }
        None => {
            paginate::drain(
                |start| fetch(None, start),
                start,
                r.max_items,
                &key_names,
                emit,
            )
            .await?
        }
    };
    printer.finish(&totals)
}
