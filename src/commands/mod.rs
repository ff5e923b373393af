//! One file per subcommand: its clap `Args` and its `run`. This is the only layer that prints
//! results (servers log to stderr through their own logger); it returns an [`Outcome`] or an error, and `main` decides the exit code.

pub mod bench;
pub mod completions;
pub mod conditional_delete;
pub mod create_table;
pub mod delete;
pub mod delete_table;
pub mod describe_table;
pub mod get;
pub mod list_tables;
pub mod local;
pub mod put;
pub mod query;
pub mod scan;
pub mod serve;

use std::io::{IsTerminal, Read};

use anyhow::{Context, Result};
use aws_sdk_dynamodb::types::ConsumedCapacity;

use crate::cli::{Cli, Command, GlobalArgs, KeyArgs};
use crate::client::{Db, Notice};
use crate::error::{Diagnostic, Outcome, UsageError};
use crate::item::{self, Item};
use crate::schema::{KeySchema, Schema};

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> Result<Outcome> {
    let global = &cli.global;
    match cli.command {
        Command::Completions(args) => completions::run(&args),
        Command::Local(args) => local::run(&args, global).await,
        command => {
            let db = Db::connect(&global.target()).await?;
            if let Some(notice) = &db.notice {
                say_notice(global, notice);
            }
            let outcome = run_on(command, global, &db).await;
            let closed = db.close().await;
            let outcome = outcome?;
            closed?;
            Ok(outcome)
        }
    }
}

/// The embedded engine chosen by default: said in full when its data directory is first used,
/// in a few words on a terminal afterwards, and not at all to scripts, whose stderr stays quiet
/// unless something changed.
fn say_notice(global: &GlobalArgs, notice: &Notice) {
    if global.quiet {
        return;
    }
    if notice.created {
        eprintln!(
            "ddb: no AWS region or endpoint is configured, so ddb uses its embedded engine; its data is in {} (--region or AWS_REGION targets AWS, --endpoint-url any DynamoDB; --quiet hides this)",
            notice.data
        );
    } else if std::io::stderr().is_terminal() {
        eprintln!("ddb: embedded engine ({})", notice.data);
    }
}

async fn run_on(command: Command, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    match command {
        Command::CreateTable(args) => create_table::run(&args, global, db).await,
        Command::DescribeTable(args) => describe_table::run(&args, global, db).await,
        Command::ListTables(args) => list_tables::run(&args, global, db).await,
        Command::DeleteTable(args) => delete_table::run(&args, global, db).await,
        Command::Put(args) => put::run(&args, global, db).await,
        Command::Get(args) => get::run(&args, global, db).await,
        Command::Delete(args) => delete::run(&args, global, db).await,
        Command::ConditionalDelete(args) => conditional_delete::run(&args, global, db).await,
        Command::Query(args) => query::run(&args, global, db).await,
        Command::Scan(args) => scan::run(&args, global, db).await,
        Command::Serve(args) => serve::run(&args, global, db).await,
        Command::Bench(args) => bench::run(&args, global, db).await,
        Command::Local(_) | Command::Completions(_) => unreachable!("handled without a connection"),
    }
}

/// Runs `act` with the key the user gave and the names of the table's key attributes (for
/// output order). Positional values are typed from the key schema: a remembered one first, and
/// DescribeTable's when `act` was refused as [`Attempt::Stale`] (see [`with_schema`]).
pub(crate) async fn with_key<T>(
    args: &KeyArgs,
    db: &Db,
    act: impl AsyncFn((Item, Vec<String>)) -> std::result::Result<T, Attempt>,
) -> Result<T> {
    if let Some(key) = json_key(args)? {
        return act(key).await.map_err(Attempt::into_error);
    }
    with_schema(
        db,
        &args.table,
        |_| true,
        async |schema| act(positional_key(args, &schema.key).map_err(Attempt::Stale)?).await,
    )
    .await
}

/// The key given as one JSON object, with its attribute names in the order written; None when
/// the key is given as positional values.
fn json_key(args: &KeyArgs) -> Result<Option<(Item, Vec<String>)>> {
    let [json] = args.key.as_slice() else {
        return Ok(None);
    };
    if !json.trim_start().starts_with('{') {
        return Ok(None);
    }
    let value = parse_json_arg("KEY", json)?;
    let key = item::key_from_json(&value).map_err(|e| Diagnostic::new(format!("KEY: {e}")))?;
    // Key attributes print first, in the order the user wrote them.
    let names: Vec<String> = value
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    Ok(Some((key, names)))
}

/// The key given as positional values, typed from the key schema.
fn positional_key(args: &KeyArgs, schema: &KeySchema) -> Result<(Item, Vec<String>)> {
    let mut key = Item::new();
    let mut attrs = std::iter::once(&schema.partition).chain(schema.sort.iter());
    let expected = 1 + usize::from(schema.sort.is_some());
    if args.key.len() != expected {
        let shape = match &schema.sort {
            Some(sort) => format!("{} and {}", schema.partition.name, sort.name),
            None => schema.partition.name.clone(),
        };
        return Err(UsageError(format!(
            "table {} has the key {shape}: give {expected} value(s) or a JSON object, not {}",
            args.table,
            args.key.len()
        ))
        .into());
    }
    for text in &args.key {
        let attr = attrs.next().expect("counted above");
        let value = item::scalar_from_text(text, &attr.kind, &attr.name)
            .map_err(|e| Diagnostic::new(format!("KEY: {e}")))?;
        key.insert(attr.name.clone(), value);
    }
    Ok((key, schema.names()))
}

/// How a command's try with one key schema ended badly.
pub(crate) enum Attempt {
    /// Refused before anything was printed, in a way a changed table explains: the server's
    /// ValidationException, or a local check against the key (a sort key it lacks, a value not of
    /// its type, a count of values). Worth one more try when the schema was a remembered one.
    Stale(anyhow::Error),
    Failed(anyhow::Error),
}

impl Attempt {
    pub(crate) fn into_error(self) -> anyhow::Error {
        match self {
            Attempt::Stale(e) | Attempt::Failed(e) => e,
        }
    }

    /// A failed request: the server's ValidationException may come from a changed key schema.
    pub(crate) fn refused(err: anyhow::Error) -> Attempt {
        let code = err
            .downcast_ref::<Diagnostic>()
            .and_then(|d| d.code.as_deref());
        if code == Some("ValidationException") {
            Attempt::Stale(err)
        } else {
            Attempt::Failed(err)
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for Attempt {
    fn from(err: E) -> Self {
        Attempt::Failed(err.into())
    }
}

/// Runs `attempt` with the key schema a previous run remembered for `table` when there is one
/// (and `usable` accepts it), and once more with DescribeTable's answer when that try was
/// [`Attempt::Stale`]: a query or a positional get costs one round trip instead of two, and a
/// table changed since is still read right.
pub(crate) async fn with_schema<T>(
    db: &Db,
    table: &str,
    usable: impl Fn(&Schema) -> bool,
    attempt: impl AsyncFn(&Schema) -> std::result::Result<T, Attempt>,
) -> Result<T> {
    if let Some(schema) = db.remembered_schema(table).filter(|s| usable(s)) {
        match attempt(&schema).await {
            Err(Attempt::Stale(_)) => db.forget_schema(table),
            done => return done.map_err(Attempt::into_error),
        }
    }
    let schema = db.schema(table).await?;
    attempt(&schema).await.map_err(Attempt::into_error)
}

/// Parses JSON given on the command line; a syntax error points at the column.
pub(crate) fn parse_json_arg(label: &str, text: &str) -> Result<serde_json::Value, Diagnostic> {
    item::parse_json(text).map_err(|e| {
        let line = text.lines().nth(e.line.saturating_sub(1)).unwrap_or(text);
        Diagnostic::new(format!("{label}: {e}")).with_excerpt(
            label,
            line,
            e.column.saturating_sub(1),
        )
    })
}

/// Reads an argument that may be `-` for standard input.
pub(crate) fn read_arg_or_stdin(text: &str) -> Result<(String, &'static str)> {
    if text == "-" {
        let mut input = String::new();
        std::io::stdin()
            .read_to_string(&mut input)
            .context("cannot read standard input")?;
        Ok((input, "stdin"))
    } else {
        Ok((text.to_string(), "ITEM"))
    }
}

/// Prints consumed capacity on stderr when `--consumed-capacity` asked for it.
pub(crate) fn report_capacity(
    global: &GlobalArgs,
    table: &str,
    capacity: Option<&ConsumedCapacity>,
) {
    if global.consumed_capacity {
        eprintln!(
            "consumed capacity: {} on {table}",
            capacity_text(capacity.and_then(|c| c.capacity_units()))
        );
    }
}

pub(crate) fn capacity_text(units: Option<f64>) -> String {
    match units {
        Some(u) => format!("{u} capacity units"),
        None => "not reported by the server".to_string(),
    }
}

/// Resolves on Ctrl-C or SIGTERM: how servers (`local`, `serve`) learn to stop.
pub(crate) async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

/// Whether ddb may ask the user a question: both stdin and stderr are terminals.
pub(crate) fn can_prompt() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// What `query` and `scan` do after building their request: follow pages, print items as they
/// come, then the counts, the resume key and the capacity.
pub(crate) mod read {
    use anyhow::Result;
    use aws_sdk_dynamodb::types::ConsumedCapacity;
    use indicatif::{ProgressBar, ProgressStyle};
    use serde_json::{json, Map, Value};

    use crate::cli::{GlobalArgs, ReadArgs, Select};
    use crate::error::{Diagnostic, Outcome};
    use crate::item::{self, Item};
    use crate::output::{Format, ItemWriter};
    use crate::paginate::{Page, Totals};

    /// The capacity units of a response, 0 when the server gave none.
    pub fn units(capacity: Option<&ConsumedCapacity>) -> f64 {
        capacity.and_then(|c| c.capacity_units()).unwrap_or(0.0)
    }

    pub fn page(
        items: Vec<Item>,
        last_key: Option<Item>,
        count: i32,
        scanned: i32,
        capacity: Option<&ConsumedCapacity>,
    ) -> Page {
        Page {
            items,
            last_key,
            count: count.into(),
            scanned: scanned.into(),
            capacity: units(capacity),
        }
    }

    /// `--start-key`, plain or typed per attribute.
    pub fn start_key(args: &ReadArgs) -> Result<Option<Item>> {
        let Some(text) = &args.start_key else {
            return Ok(None);
        };
        let value = super::parse_json_arg("--start-key", text)?;
        Ok(Some(item::key_from_json(&value).map_err(|e| {
            Diagnostic::new(format!("--start-key: {e}"))
        })?))
    }

    /// A spinner on stderr while reading, when stderr is a terminal.
    pub fn progress(global: &GlobalArgs) -> ProgressBar {
        use std::io::IsTerminal;
        if global.quiet || global.no_progress || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new_spinner()
            .with_style(ProgressStyle::with_template("{spinner} {msg}").expect("valid template"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    }

    /// Prints a read's items as they arrive, then its counts, resume key and capacity.
    pub struct Printer<'a> {
        args: &'a ReadArgs,
        global: &'a GlobalArgs,
        key_names: Vec<String>,
        format: Format,
        writer: ItemWriter,
        bar: ProgressBar,
    }

    impl<'a> Printer<'a> {
        pub fn new(args: &'a ReadArgs, global: &'a GlobalArgs, key_names: Vec<String>) -> Self {
            let format = global.output.resolve(args.select != Some(Select::Count));
            let writer = ItemWriter::new(format, args.typed, key_names.clone());
            Printer {
                args,
                global,
                key_names,
                format,
                writer,
                bar: progress(global),
            }
        }

        pub fn write(&mut self, it: Item) -> Result<()> {
            self.writer.write(&it)?;
            self.bar.inc(1);
            if self.bar.position() % 256 == 1 {
                self.bar
                    .set_message(format!("{} items", self.bar.position()));
            }
            Ok(())
        }

        /// Items printed so far.
        pub fn written(&self) -> u64 {
            self.writer.written()
        }

        pub fn finish(self, totals: &Totals) -> Result<Outcome> {
            self.bar.finish_and_clear();
            let (args, global, format) = (self.args, self.global, self.format);
            let mut summary = Map::new();
            summary.insert("count".into(), json!(totals.count));
            summary.insert("scanned_count".into(), json!(totals.scanned));
            let resume = totals
                .resume
                .as_ref()
                .map(|k| item::key_to_json(k, &self.key_names));
            if global.consumed_capacity {
                summary.insert("consumed_capacity".into(), json!(totals.capacity));
                if format != Format::Json {
                    eprintln!(
                        "consumed capacity: {} capacity units on {} over {} page(s)",
                        totals.capacity, args.table, totals.pages
                    );
                }
            }
            if args.select == Some(Select::Count) {
                let value = if format == Format::Text {
                    json!(totals.count)
                } else {
                    Value::Object(summary)
                };
                crate::output::print_value(format, &value)?;
            } else {
                summary.insert(
                    "last_evaluated_key".into(),
                    resume.clone().unwrap_or(Value::Null),
                );
                self.writer.finish(summary)?;
            }
            if let Some(key) = resume {
                if !global.quiet {
                    eprintln!(
                        "ddb: stopped after {} items; resume with --start-key '{key}'",
                        totals.emitted
                    );
                }
            }
            Ok(Outcome::Done)
        }
    }
}
