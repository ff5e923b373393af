//! ddb: a command-line tool for Amazon DynamoDB with an embedded DynamoDB-compatible engine.
//!
//! # Map
//!
//! Layers, from the top; a module uses only the layers below it (`tests/it/layers.rs` checks):
//!
//! | layer | module | owns |
//! |---|---|---|
//! | interactive | [`shell`](mod@shell) | `ddb shell`: one connection, many command lines (a line editor with history and completion, or a script on stdin) |
//! | command line | [`cli`] | the clap tree (`Cli`, `Command`) and the dispatch to the commands |
//! | | [`commands`] | one file per subcommand, its `Args` and its `run`; shared argument groups ([`commands::args`]), the key of the item acted on ([`commands::key`]), query/scan output ([`commands::read`]); the only layer that prints results |
//! | mechanisms | [`serve`] | the multi-client TCP server: protocol, handler, reply budget, one file per model |
//! | | [`ui`](mod@ui) | `ddb ui`: the web admin's server, its guard (host, origin, per-launch secret), its JSON API (reads, the Query/Scan form, the item editor's conditional changes, table actions) and the embedded page |
//! | | [`bench`](mod@bench) | query-vs-scan and serve load measurements, reports and plots |
//! | | [`transfer`] | scans into the bulk writer (copy, truncate) and the checkpoint a copy resumes from |
//! | | [`batch`] | BatchWriteItem lanes with retries (puts and deletes), for bulk loads, copies and truncates |
//! | | [`stream`] | following a table's stream across its shards, for `tail` |
//! | | [`tables`] | a table over its life as requests: create and wait until ACTIVE, TTL, global indexes added and dropped, delete; the commands and `ddb ui` share them |
//! | | [`paginate`] | following `LastEvaluatedKey`, stopping early, resume keys, parallel scans |
//! | | [`output`] | json / ndjson / table / text / csv / tsv writers |
//! | connection | [`client`] | the connected SDK client, and SDK errors as one-line messages |
//! | | [`schema_cache`] | key schemas remembered between runs, so a query takes one round trip |
//! | | [`engine`] | the embedded engine (dynoxide-rs) in-process or as `ddb local`, behind ddb's front (names it cannot hold; for `ddb local`, timeouts and a bounded shutdown) |
//! | | [`target`] | where requests go (`TargetOptions` in, a `Target` out): an endpoint, the embedded engine, or AWS |
//! | data | [`update`] | the change vocabulary (`--set`, `--add`, ...) as one UpdateExpression |
//! | | [`condition`] | why a condition was false: the paths it names and their current values |
//! | | [`expr`] | expression placeholders and the `--pk`/`--sk` shorthands |
//! | | [`partiql`] | just enough PartiQL to tell whether a SELECT reads one partition or scans |
//! | | [`definition`] | a table's whole definition: parsed from create-table's flags, compared, printed back as a command line, and as DynamoDB's JSON for dump/restore |
//! | | [`schema`] | key schemas and table descriptions, and their JSON |
//! | | [`input`] | NDJSON, JSON array and CSV records, read one at a time |
//! | | [`item`] | attribute values: plain JSON and DynamoDB JSON, keys, item size |
//! | | [`error`] | how a command ends: outcomes, and errors that carry a caret and a hint |
//!
//! # One command, top to bottom
//!
//! `ddb query Movies --pk 1992 --sk-between A L`:
//! `main` parses argv with [`cli::Cli`] and hands it to [`cli::run`], which connects through
//! [`commands::connect`]: the global options become a [`target::TargetOptions`],
//! [`target::resolve`] decides where to go (say, nothing is configured: the embedded engine), and
//! [`client::Db::connect`] opens the engine's database, puts ddb's front before it and builds an
//! `aws-sdk-dynamodb` client whose HTTP client hands each request to the front in process (the
//! command layer says so once, when the data directory is created). The query command reads the table's
//! key schema ([`client::Db::schema`]; at a remote endpoint, one remembered by [`schema_cache`]
//! first), [`expr`] turns the shorthands into
//! `#ddbpk = :ddbpk AND #ddbsk BETWEEN :ddbsklo AND :ddbskhi` with the values as
//! `ExpressionAttributeValues`, and [`paginate`] sends `Query` requests, following
//! `LastEvaluatedKey` and handing each item to an [`output`] writer as it arrives. SDK errors come
//! back through [`client::api_error`] as one line, with the expression and a caret when the server
//! named a position. `main` maps the [`error::Outcome`] or the error to the exit code.

pub mod batch;
pub mod bench;
pub mod cli;
pub mod client;
pub mod commands;
pub mod condition;
pub mod definition;
pub mod engine;
pub mod error;
pub mod expr;
pub mod input;
pub mod item;
pub mod output;
pub mod paginate;
pub mod partiql;
pub mod schema;
pub mod schema_cache;
pub mod serve;
pub mod shell;
pub mod stream;
pub mod tables;
pub mod target;
pub mod transfer;
pub mod ui;
pub mod update;
