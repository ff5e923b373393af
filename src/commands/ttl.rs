//! `ddb ttl`: a table's time to live, shown (DescribeTimeToLive) or turned on or off
//! (UpdateTimeToLive).

use anyhow::Result;
use serde_json::{json, Map, Value};

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::tables::ttl::{describe, set};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Show a table's time to live, or turn it on or off [API: DescribeTimeToLive, UpdateTimeToLive]",
    after_help = "\
Examples:
  ddb ttl Sessions                  # status and attribute
  ddb ttl Sessions --attr expires   # items whose 'expires' (epoch seconds) has passed are deleted
  ddb ttl Sessions --off

DynamoDB deletes expired items in the background, typically within days, not at the second.
AWS allows one TTL change per table per hour."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Turn TTL on, keyed by this attribute (a number: seconds since the epoch)
    #[arg(long, value_name = "NAME", conflicts_with = "off")]
    pub attr: Option<String>,
    /// Turn TTL off
    #[arg(long)]
    pub off: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let current = describe(db, &args.table).await?;
    let change = match (&args.attr, current.enabled_attribute()) {
        (Some(wanted), Some(on)) if wanted == on => None,
        (Some(wanted), _) => Some((wanted.as_str(), true)),
        (None, Some(on)) if args.off => Some((on, false)),
        (None, _) => None,
    };
    let after = match change {
        Some((attribute, enabled)) => {
            set(db, &args.table, attribute, enabled).await?;
            describe(db, &args.table).await?
        }
        None => current.clone(),
    };
    let mut fields = Map::new();
    fields.insert("table".into(), json!(args.table));
    if let Value::Object(ttl) = after.to_json() {
        fields.extend(ttl);
    }
    crate::output::print_fields(global.output.resolve(false), &fields)?;
    Ok(Outcome::Done)
}
