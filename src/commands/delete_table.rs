//! `ddb delete-table`: DeleteTable, after a confirmation on a terminal, then waits until it is gone.

use anyhow::Result;

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;

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
        super::confirm(db, &args.table, "Delete table").await?;
    }
    crate::tables::delete(db, &args.table, !args.no_wait).await?;
    if !global.quiet {
        eprintln!("ddb: deleted table {}", args.table);
    }
    Ok(Outcome::Done)
}
