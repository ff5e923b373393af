//! `ddb restore`: tables from a `ddb dump` directory: each definition created from its
//! `table.json` (the same creation as `create-table` and `copy`), then its items loaded with
//! `put --file`'s bulk load, rejects and summary included.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::create_table;
use super::put;
use crate::client::Db;
use crate::commands::args::{ExprArgs, GlobalArgs};
use crate::definition::TableDefinition;
use crate::error::Outcome;
use crate::input::InputFormat;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Create tables and load their items from a `ddb dump` directory [API: CreateTable, UpdateTimeToLive, BatchWriteItem]",
    after_help = "\
Examples:
  ddb --local restore backup/                              # every table in backup/
  ddb restore backup/ Orders --rename Orders=OrdersCopy
  ddb restore backup/ --data-only                           # into tables that exist

table.json may also be the output of `aws dynamodb describe-table` ({\"Table\": ...})."
)]
pub struct Args {
    /// Directory a `ddb dump` wrote
    pub dir: PathBuf,
    /// Tables to restore [default: every table in the directory]
    pub tables: Vec<String>,
    /// Restore a table under another name (repeatable)
    #[arg(long, value_name = "OLD=NEW", value_parser = parse_rename)]
    pub rename: Vec<(String, String)>,
    /// Create the tables only
    #[arg(long, conflicts_with = "data_only")]
    pub schema_only: bool,
    /// Load items into tables that exist; create nothing
    #[arg(long)]
    pub data_only: bool,
    /// Accept an existing table with the same definition
    #[arg(long)]
    pub if_not_exists: bool,
    /// BatchWriteItem requests in flight at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub parallel: u16,
}

fn parse_rename(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((old, new)) if !old.is_empty() && !new.is_empty() => {
            Ok((old.to_string(), new.to_string()))
        }
        _ => Err(format!("expected OLD=NEW, found {text:?}")),
    }
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let tables = if args.tables.is_empty() {
        dumped_tables(&args.dir)?
    } else {
        args.tables.clone()
    };
    if tables.is_empty() {
        bail!(
            "{} holds no dumped table (no */table.json)",
            args.dir.display()
        );
    }
    if let Some((old, _)) = args.rename.iter().find(|(old, _)| !tables.contains(old)) {
        return Err(crate::error::UsageError(format!(
            "--rename {old}=...: {old} is not among the tables restored ({})",
            tables.join(", ")
        ))
        .into());
    }
    for table in &tables {
        let dir = args.dir.join(table);
        let path = dir.join("table.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let value = crate::commands::parse_json_arg(&path.display().to_string(), &text)?;
        let mut definition = TableDefinition::from_json(&value)
            .with_context(|| format!("{}: not a table definition", path.display()))?;
        if let Some((_, new)) = args.rename.iter().find(|(old, _)| old == table) {
            definition.name = new.clone();
        }
        if !args.data_only {
            create_table::create_or_accept(
                db,
                global,
                &definition,
                args.if_not_exists,
                "--data-only loads into it as it is, --rename restores under another name",
            )
            .await?;
        }
        if args.schema_only {
            continue;
        }
        let found: Vec<PathBuf> = ["items.ndjson.gz", "items.ndjson"]
            .iter()
            .map(|name| dir.join(name))
            .filter(|p| p.exists())
            .collect();
        let items = match found.as_slice() {
            [one] => one.clone(),
            [] => bail!("{} has no items.ndjson.gz or items.ndjson", dir.display()),
            _ => bail!(
                "{} has both items.ndjson.gz and items.ndjson, from two dumps: remove the older one",
                dir.display()
            ),
        };
        let loaded = put::file::run(&load_args(args, &definition.name, &items), global, db).await?;
        if !matches!(loaded, Outcome::Done) {
            return Ok(loaded);
        }
    }
    Ok(Outcome::Done)
}

/// The subdirectories holding a table.json, sorted.
fn dumped_tables(dir: &Path) -> Result<Vec<String>> {
    let mut tables: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("table.json").is_file())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_string))
        .collect();
    tables.sort();
    Ok(tables)
}

/// `put TABLE --file ITEMS --typed`, as restore loads a table.
fn load_args(args: &Args, table: &str, items: &Path) -> put::Args {
    put::Args {
        table: table.to_string(),
        item: None,
        typed: true,
        condition: None,
        if_absent: false,
        returned: put::PutReturn::None,
        expr: ExprArgs::default(),
        bulk: put::file::BulkArgs {
            file: Some(items.display().to_string()),
            format: Some(InputFormat::Ndjson),
            csv_types: None,
            parallel: args.parallel,
            rejects: None,
            dry_run: false,
            resume_from: None,
            retry_timeout: 120,
        },
    }
}
