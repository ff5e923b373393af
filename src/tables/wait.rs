//! Waiting for a table to settle after CreateTable, UpdateTable or DeleteTable: DescribeTable
//! polled with a growing pause, and on a terminal a spinner saying what is still in progress
//! (each index's status, whether it is backfilling, and the items indexed where the service says).

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::{IndexStatus, TableDescription, TableStatus};
use indicatif::ProgressBar;

use crate::client::{api_error, Db};

/// How long to wait before giving up (AWS takes seconds; a GSI on a big table much longer).
const WAIT_LIMIT: Duration = Duration::from_secs(60 * 60);

/// Polls DescribeTable until the table is ACTIVE and every global index is ACTIVE and no longer
/// backfilling (an index being deleted is waited out until it is gone).
pub async fn until_active(db: &Db, table: &str, bar: &ProgressBar) -> Result<TableDescription> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(50);
    loop {
        let description = db.describe(table).await?;
        match pending(&description) {
            None => {
                bar.finish_and_clear();
                return Ok(description);
            }
            Some(what) => bar.set_message(format!("{table}: {what}")),
        }
        if started.elapsed() > WAIT_LIMIT {
            bar.finish_and_clear();
            bail!(
                "table {table} is still not ACTIVE after {} minutes; check it with `ddb describe-table {table}`",
                WAIT_LIMIT.as_secs() / 60
            );
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(2));
    }
}

/// Polls DescribeTable until it says the table does not exist; any other failure (throttling,
/// the network, credentials) is an error, not "gone".
pub async fn until_gone(db: &Db, table: &str) -> Result<()> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(50);
    loop {
        match db.client.describe_table().table_name(table).send().await {
            Ok(_) => {}
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_resource_not_found_exception()) =>
            {
                return Ok(())
            }
            Err(err) => {
                return Err(api_error(err, &db.at(table))
                    .context(format!("wait for table {table} to be deleted")))
            }
        }
        if started.elapsed() > WAIT_LIMIT {
            bail!(
                "table {table} is still being deleted after {} minutes",
                WAIT_LIMIT.as_secs() / 60
            );
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(1));
    }
}

/// What is not settled yet, as a person reads it; None when everything is.
fn pending(d: &TableDescription) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(status) = d.table_status().filter(|s| **s != TableStatus::Active) {
        parts.push(status.as_str().to_string());
    }
    for index in d.global_secondary_indexes() {
        let active = index
            .index_status()
            .is_none_or(|s| *s == IndexStatus::Active);
        let backfilling = index.backfilling() == Some(true);
        if active && !backfilling {
            continue;
        }
        let mut text = format!(
            "index {} {}",
            index.index_name().unwrap_or("?"),
            index.index_status().map_or("?", |s| s.as_str())
        );
        if backfilling {
            text.push_str(", backfilling");
        }
        if let Some(count) = index.item_count().filter(|n| *n > 0) {
            text.push_str(&format!(", {count} items indexed"));
        }
        parts.push(text);
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
