//! Deleting a table: DeleteTable, then DescribeTable until the service says it is gone.

use anyhow::Result;

use super::wait;
use crate::client::{api_error, Db};
use crate::error::Diagnostic;

/// Sends DeleteTable and, with `wait`, waits until the table is gone. A table protected against
/// deletion gets the command that turns the protection off as its hint.
pub async fn delete(db: &Db, table: &str, wait: bool) -> Result<()> {
    db.client
        .delete_table()
        .table_name(table)
        .send()
        .await
        .map_err(|e| {
            let error = api_error(e, &db.at(table));
            let error = if format!("{error}").contains("protected against deletion") {
                Diagnostic::hint_on(
                    error,
                    format!(
                        "turn protection off first: ddb update-table {} --deletion-protection off",
                        shlex::try_quote(table).unwrap_or_default()
                    ),
                )
            } else {
                error
            };
            error.context(format!("delete table {table}"))
        })?;
    if wait {
        wait::until_gone(db, table).await?;
    }
    Ok(())
}
