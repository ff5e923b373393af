//! A table's time to live: shown (DescribeTimeToLive) or turned on or off (UpdateTimeToLive).

use anyhow::Result;
use aws_sdk_dynamodb::types::{TimeToLiveSpecification, TimeToLiveStatus};
use serde_json::{json, Value};

use crate::client::{api_error, Db};
use crate::error::Diagnostic;

/// A table's TTL: its status and, while it is on or changing, the attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ttl {
    pub status: String,
    pub attribute: Option<String>,
}

impl Ttl {
    /// The attribute while TTL is on or being turned on: what recreating the table needs.
    pub fn enabled_attribute(&self) -> Option<&str> {
        matches!(self.status.as_str(), "ENABLED" | "ENABLING")
            .then_some(self.attribute.as_deref())
            .flatten()
    }

    pub fn to_json(&self) -> Value {
        json!({"status": self.status, "attribute": self.attribute})
    }
}

/// DescribeTimeToLive.
pub async fn describe(db: &Db, table: &str) -> Result<Ttl> {
    let out = db
        .client
        .describe_time_to_live()
        .table_name(table)
        .send()
        .await
        .map_err(|e| api_error(e, &db.at(table)).context(format!("describe TTL of {table}")))?;
    let description = out.time_to_live_description();
    Ok(Ttl {
        status: description
            .and_then(|d| d.time_to_live_status())
            .map_or(TimeToLiveStatus::Disabled.as_str(), |s| s.as_str())
            .to_string(),
        attribute: description
            .and_then(|d| d.attribute_name())
            .map(str::to_string),
    })
}

/// UpdateTimeToLive; a refusal that AWS's hourly limit or an attribute already set explains says so.
pub async fn set(db: &Db, table: &str, attribute: &str, enabled: bool) -> Result<()> {
    let spec = TimeToLiveSpecification::builder()
        .enabled(enabled)
        .attribute_name(attribute)
        .build()
        .expect("both set");
    db.client
        .update_time_to_live()
        .table_name(table)
        .time_to_live_specification(spec)
        .send()
        .await
        .map_err(|e| {
            let error = api_error(e, &db.at(table));
            let message = format!("{error:#}").to_ascii_lowercase();
            let error = if message.contains("multiple times") || message.contains("different") {
                Diagnostic::hint_on(
                    error,
                    format!("AWS allows one TTL change per table per hour, and TTL on another attribute must be turned off first (`ddb ttl {table} --off`); `ddb ttl {table}` shows the current setting"),
                )
            } else {
                error
            };
            let verb = if enabled { "turn on" } else { "turn off" };
            error.context(format!("{verb} TTL of {table}"))
        })?;
    Ok(())
}
