//! `ddb tail`: a table's stream as NDJSON, one line per change, until a count, a timeout or
//! Ctrl-C stops it (each exits 0).

use std::io::Write;
use std::time::Duration;

use anyhow::{bail, Result};
use serde_json::{json, Map, Value};

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::item;
use crate::schema::KeySchema;
use crate::stream::{Follower, Record, Start};

/// The longest pause between polls of an idle stream (AWS allows five GetRecords a second per
/// shard; this stays well under it).
const IDLE_POLL: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Follow a table's stream: one JSON line per change [API: DescribeTable, DescribeStream, GetShardIterator, GetRecords]",
    after_help = "\
Examples:
  ddb tail Movies                                   # changes from now on, until Ctrl-C
  ddb tail Movies --from trim-horizon --max-records 10
  ddb tail Movies --timeout 30 | jq 'select(.event == \"REMOVE\") | .keys'

Each line: {\"event\": \"INSERT|MODIFY|REMOVE\", \"keys\": {...}, \"new\": {...}, \"old\": {...},
\"seq\": \"...\", \"time\": \"...\"}; new and old appear as the stream's view type carries them.
A table needs a stream first: ddb update-table TABLE --stream new-and-old"
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Where to start: the oldest record kept, or changes made from now on
    #[arg(long, value_enum, default_value = "latest")]
    pub from: Start,
    /// Stop after this many records
    #[arg(long, value_name = "N")]
    pub max_records: Option<u64>,
    /// Stop after this many seconds
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Items in DynamoDB JSON ({"S": "x"}) instead of plain JSON
    #[arg(long)]
    pub typed: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    if let Some(seconds) = args.timeout {
        if !(seconds.is_finite() && seconds > 0.0) {
            return Err(crate::error::UsageError(format!(
                "--timeout {seconds}: give a number of seconds above 0"
            ))
            .into());
        }
    }
    let description = db.describe(&args.table).await?;
    let enabled = description
        .stream_specification()
        .is_some_and(|s| s.stream_enabled());
    let Some(arn) = description.latest_stream_arn().filter(|_| enabled) else {
        bail!(
            "table {} has no stream to follow; turn one on with: ddb update-table {} --stream new-and-old",
            args.table,
            shlex::try_quote(&args.table).unwrap_or_default()
        );
    };
    let key_names = KeySchema::of(&description, None)?.names();
    let mut follower = Follower::new(db.streams(), arn, args.from, db.at(&args.table));
    // A timeout too long to represent is no deadline at all.
    let deadline = args
        .timeout
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .and_then(|d| tokio::time::Instant::now().checked_add(d));
    let stop = async {
        match deadline {
            Some(at) => tokio::time::sleep_until(at).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(stop);
    let interrupt = tokio::signal::ctrl_c();
    tokio::pin!(interrupt);
    let mut printed: u64 = 0;
    let mut pause = Duration::from_millis(50);
    loop {
        let records = tokio::select! {
            records = follower.poll() => records?,
            _ = &mut stop => break,
            _ = &mut interrupt => break,
        };
        let Some(records) = records else {
            if !global.quiet {
                eprintln!(
                    "ddb: the stream of {} is turned off and read to its end",
                    args.table
                );
            }
            break;
        };
        {
            // Scoped, so no lock of stdout is held across an await (the shell runs as a task).
            let mut out = std::io::stdout().lock();
            for record in &records {
                if args.max_records.is_some_and(|max| printed >= max) {
                    break;
                }
                writeln!(out, "{}", line(record, &key_names, args.typed))?;
                printed += 1;
            }
            out.flush()?;
        }
        if args.max_records.is_some_and(|max| printed >= max) {
            break;
        }
        if records.is_empty() {
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = &mut stop => break,
                _ = &mut interrupt => break,
            }
            pause = (pause * 2).min(IDLE_POLL);
        } else {
            pause = Duration::from_millis(50);
        }
    }
    if !global.quiet {
        eprintln!("ddb: {printed} records from {}", args.table);
    }
    Ok(Outcome::Done)
}

/// `{"event", "keys", "new", "old", "seq", "time"}`, images only where the record has them.
fn line(record: &Record, key_names: &[String], typed: bool) -> Value {
    let mut fields = Map::new();
    fields.insert("event".into(), json!(record.event));
    fields.insert(
        "keys".into(),
        item::item_to_json(&record.keys, key_names, typed),
    );
    if let Some(new) = &record.new {
        fields.insert("new".into(), item::item_to_json(new, key_names, typed));
    }
    if let Some(old) = &record.old {
        fields.insert("old".into(), item::item_to_json(old, key_names, typed));
    }
    fields.insert("seq".into(), json!(record.sequence));
    fields.insert("time".into(), json!(record.time));
    Value::Object(fields)
}
