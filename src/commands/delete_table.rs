//! `ddb delete-table`: DeleteTable, after a confirmation on a terminal, then waits until it is gone.

use std::io::Write;

use anyhow::{bail, Context, Result};

use super::{can_prompt, wait};
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::{Diagnostic, Outcome, UsageError};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Delete a table and every item in it [API: DeleteTable, DescribeTable]",
    after_help = "\
Examples:
  ddb delete-table Movies          # asks you to type the name on a terminal
  ddb delete-table Movies --yes    # for scripts; without --yes a script gets an error, never a prompt"
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Return without waiting until the table is gone
    #[arg(long)]
    pub no_wait: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    if !args.yes {
        if !can_prompt() {
            return Err(UsageError(format!(
                "refusing to delete table {} without --yes: there is no terminal to confirm on",
                args.table
            ))
            .into());
        }
        let description = db.describe(&args.table).await?;
        eprint!(
            "Delete table {} ({} items) at {}? Type the table name to confirm: ",
            args.table,
            description
                .item_count()
                .map_or("?".to_string(), |n| n.to_string()),
            db.endpoint
        );
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .context("cannot read the confirmation")?;
        if answer.trim() != args.table {
            bail!("not confirmed; table {} was not deleted", args.table);
        }
    }
    db.client
        .delete_table()
        .table_name(&args.table)
        .send()
        .await
        .map_err(|e| {
            let error = api_error(e, &db.at(&args.table));
            let error = if format!("{error}").contains("protected against deletion") {
                Diagnostic::hint_on(
                    error,
                    format!(
                        "turn protection off first: ddb update-table {} --deletion-protection off",
                        shlex::try_quote(&args.table).unwrap_or_default()
                    ),
                )
            } else {
                error
            };
            error.context(format!("delete table {}", args.table))
        })?;
    if !args.no_wait {
        wait::until_gone(db, &args.table).await?;
    }
    if !global.quiet {
        eprintln!("ddb: deleted table {}", args.table);
    }
    Ok(Outcome::Done)
}
