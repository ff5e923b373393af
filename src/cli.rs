//! The command line, as clap derives it.
//!
//! Conventions: global options are declared once here with `global = true`; each subcommand's
//! `Args` lives in its own file under `commands/` next to its `run`, with `about` naming the
//! DynamoDB API it calls and `after_help` ending in examples. Argument groups shared by several
//! subcommands (keys, expressions, reads) are defined here once. Closed sets are `ValueEnum`s.

use clap::{Parser, Subcommand};

use anyhow::Result;
use clap::CommandFactory;

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::commands::{
    self, bench, completions, conditional_delete, copy, create_table, delete, delete_table,
    describe_table, dump, get, list_tables, local, put, query, restore, scan, serve, shell, sql,
    tail, truncate, ttl, tx, ui, update, update_table,
};
use crate::error::Outcome;

const EXAMPLES: &str = "\
Examples:
  ddb create-table Movies --pk year:N --sk title:S --rcu 10 --wcu 10
  ddb put Movies '{\"year\": 2015, \"title\": \"The Big New Movie\", \"info\": {\"rating\": 0}}'
  ddb get Movies 2015 'The Big New Movie'
  ddb query Movies --pk 1992 --sk-between A L
  ddb scan Movies --filter '#yr BETWEEN :lo AND :hi' --names '#yr=year' --values ':lo=1950' --values ':hi=1959'
  ddb --endpoint-url http://localhost:8000 list-tables

Targets: --endpoint-url, then --local, then a configured region (AWS); with none of them
ddb uses its embedded engine. Exit codes: 0 ok, 1 error, 2 usage, 3 condition not met, 4 no such item, 130 interrupted.";

/// ddb: administer DynamoDB tables from the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "ddb",
    version,
    about = "Administer Amazon DynamoDB tables: AWS, DynamoDB Local, or the embedded engine",
    after_help = EXAMPLES,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    CreateTable(create_table::Args),
    DescribeTable(describe_table::Args),
    UpdateTable(update_table::Args),
    Ttl(ttl::Args),
    ListTables(list_tables::Args),
    DeleteTable(delete_table::Args),
    Truncate(truncate::Args),
    Put(put::Args),
    Get(get::Args),
    Update(update::Args),
    Tx(tx::Args),
    Delete(delete::Args),
    ConditionalDelete(conditional_delete::Args),
    Query(query::Args),
    Scan(scan::Args),
    Sql(sql::Args),
    Shell(shell::Args),
    Tail(tail::Args),
    Copy(copy::Args),
    Dump(dump::Args),
    Restore(restore::Args),
    Serve(serve::Args),
    Ui(ui::Args),
    Bench(bench::Args),
    Local(local::Args),
    Completions(completions::Args),
}

/// Runs the parsed command line: the commands that need no database first, then the rest with a
/// connection that is closed (and the embedded engine stopped) whatever the outcome.
pub async fn run(cli: Cli) -> Result<Outcome> {
    let global = &cli.global;
    if global.explain {
        refuse_explain(&cli.command)?;
    }
    match cli.command {
        Command::Completions(args) => completions::run(&args, &mut Cli::command()),
        Command::Local(args) => local::run(&args, global).await,
        command => {
            let db = commands::connect(global).await?;
            let outcome = run_explained(command, global, &db).await;
            let closed = db.close().await;
            let outcome = outcome?;
            closed?;
            Ok(outcome)
        }
    }
}

/// Prints a command line clap refused (as `ddb: error: ...`) or the help it was asked for, and
/// returns the exit code: 2 for an error, 0 for help and version.
pub fn report_clap(err: clap::Error) -> u8 {
    use std::io::IsTerminal;
    if !err.use_stderr() {
        let _ = err.print();
        return 0;
    }
    let rendered = err.render();
    if std::io::stderr().is_terminal() {
        eprint!("ddb: {}", rendered.ansi());
    } else {
        eprint!("ddb: {rendered}");
    }
    2
}

/// `--explain` prints one command's requests; these commands read or write files, serve, or
/// follow, and what they send depends on answers: refused rather than half explained.
pub(crate) fn refuse_explain(command: &Command) -> Result<()> {
    let name = match command {
        Command::Copy(_) => "copy",
        Command::Dump(_) => "dump",
        Command::Restore(_) => "restore",
        Command::Serve(_) => "serve",
        Command::Ui(_) => "ui",
        Command::Bench(_) => "bench",
        Command::Local(_) => "local",
        Command::Tail(_) => "tail",
        // It only reads the definition, and --explain lets those reads through.
        Command::DescribeTable(_) => "describe-table",
        _ => return Ok(()),
    };
    Err(crate::error::UsageError(format!(
        "--explain does not apply to {name}: it covers the commands that send requests of their own (get, put, update, delete, query, scan, sql, tx, the table commands)"
    ))
    .into())
}

/// Runs a command with `--explain` as `global` says: once a request was printed instead of sent,
/// the command's failure for want of its answer is the expected end, and the outcome is success.
pub(crate) async fn run_explained(
    command: Command,
    global: &GlobalArgs,
    db: &Db,
) -> Result<Outcome> {
    db.explain.start(global.explain);
    let outcome = run_on(command, global, db).await;
    let explained = db.explain.explained();
    // What runs next on this connection (the shell's next command) sends for real unless it asks.
    db.explain.start(false);
    if explained {
        return Ok(Outcome::Done);
    }
    outcome
}

async fn run_on(command: Command, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    match command {
        Command::CreateTable(args) => create_table::run(&args, global, db).await,
        Command::DescribeTable(args) => describe_table::run(&args, global, db).await,
        Command::UpdateTable(args) => update_table::run(&args, global, db).await,
        Command::Ttl(args) => ttl::run(&args, global, db).await,
        Command::ListTables(args) => list_tables::run(&args, global, db).await,
        Command::DeleteTable(args) => delete_table::run(&args, global, db).await,
        Command::Truncate(args) => truncate::run(&args, global, db).await,
        Command::Put(args) => put::run(&args, global, db).await,
        Command::Get(args) => get::run(&args, global, db).await,
        Command::Update(args) => update::run(&args, global, db).await,
        Command::Tx(args) => tx::run(&args, global, db).await,
        Command::Delete(args) => delete::run(&args, global, db).await,
        Command::ConditionalDelete(args) => conditional_delete::run(&args, global, db).await,
        Command::Query(args) => query::run(&args, global, db).await,
        Command::Scan(args) => scan::run(&args, global, db).await,
        Command::Sql(args) => sql::run(&args, global, db).await,
        Command::Tail(args) => tail::run(&args, global, db).await,
        Command::Copy(args) => copy::run(&args, global, db).await,
        Command::Dump(args) => dump::run(&args, global, db).await,
        Command::Restore(args) => restore::run(&args, global, db).await,
        Command::Serve(args) => serve::run(&args, global, db).await,
        Command::Ui(args) => ui::run(&args, global, db).await,
        Command::Bench(args) => bench::run(&args, global, db).await,
        Command::Local(_) | Command::Completions(_) => {
            unreachable!("handled before a connection is shared")
        }
        Command::Shell(_) => unreachable!("main starts the shell, which runs commands"),
    }
}
