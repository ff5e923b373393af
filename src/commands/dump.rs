//! `ddb dump`: tables to a directory, each as `TABLE/table.json` (its definition as DynamoDB's
//! DescribeTable, DescribeTimeToLive and ListTagsOfResource give it) and `TABLE/items.ndjson.gz`
//! (DynamoDB JSON, an item a line, from a parallel scan). `ddb restore` reads them back.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::describe_table;
use crate::client::{all_table_names, api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::item;
use crate::paginate;
use crate::schema::KeySchema;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Write tables' definitions and items to a directory [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource, Scan]",
    after_help = "\
Examples:
  ddb --region eu-west-1 dump backup/ Orders Customers
  ddb --local dump backup/                     # every table
  ddb --endpoint-url http://127.0.0.1:8000 restore backup/   # and back, anywhere

Each table becomes DIR/TABLE/table.json and DIR/TABLE/items.ndjson.gz (items.ndjson with
--no-gzip). A table's files appear only once it is dumped whole."
)]
pub struct Args {
    /// Directory to write into (created if missing)
    pub dir: PathBuf,
    /// Tables to dump [default: every table at the target]
    pub tables: Vec<String>,
    /// Scan segments read at once
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(i32).range(1..=1_000_000))]
    pub segments: i32,
    /// Write items.ndjson uncompressed
    #[arg(long)]
    pub no_gzip: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let tables = if args.tables.is_empty() {
        all_table_names(&db.client)
            .await
            .map_err(|e| api_error(e, &db.at("")).context("list tables"))?
    } else {
        args.tables.clone()
    };
    for table in &tables {
        let dir = args.dir.join(table);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let description = db.describe(table).await?;
        let definition = describe_table::definition(global, db, &description).await?;
        let items = items(args, db, table, &definition.key, &dir).await?;
        write_atomically(&dir.join("table.json"), |out| {
            serde_json::to_writer_pretty(&mut *out, &definition.to_json())?;
            writeln!(out)?;
            Ok(())
        })?;
        if !global.quiet {
            eprintln!("ddb: dumped {items} items of {table} to {}", dir.display());
        }
    }
    Ok(Outcome::Done)
}

/// Scans the table into its items file; returns how many.
async fn items(args: &Args, db: &Db, table: &str, key: &KeySchema, dir: &Path) -> Result<u64> {
    let name = if args.no_gzip {
        "items.ndjson"
    } else {
        "items.ndjson.gz"
    };
    let request = db.client.scan().table_name(table);
    let ctx = db.at(table);
    let fetch = crate::transfer::segment_fetch(request, ctx, args.segments);
    let partial = dir.join(format!("{name}.partial"));
    let file =
        File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
    let mut out = if args.no_gzip {
        ItemsFile::Plain(BufWriter::new(file))
    } else {
        ItemsFile::Gzip(flate2::write::GzEncoder::new(
            BufWriter::new(file),
            flate2::Compression::fast(),
        ))
    };
    let names = key.names();
    let mut count = 0u64;
    let mut pages = paginate::segment_pages(args.segments, fetch);
    while let Some((_, page)) = pages.recv().await {
        for it in page?.items {
            writeln!(out.writer(), "{}", item::item_to_json(&it, &names, true))?;
            count += 1;
        }
    }
    out.finish()?;
    std::fs::rename(&partial, dir.join(name))?;
    // An earlier dump in the other form would be restored instead of this one.
    let other = if args.no_gzip {
        "items.ndjson.gz"
    } else {
        "items.ndjson"
    };
    match std::fs::remove_file(dir.join(other)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("cannot remove the older {other}"))
        }
        _ => {}
    }
    Ok(count)
}

enum ItemsFile {
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
}

impl ItemsFile {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            ItemsFile::Plain(out) => out,
            ItemsFile::Gzip(out) => out,
        }
    }

    /// Flushes everything, the gzip trailer included: an error here is an error of the dump.
    fn finish(self) -> std::io::Result<()> {
        match self {
            ItemsFile::Plain(mut out) => out.flush(),
            ItemsFile::Gzip(out) => out.finish()?.flush(),
        }
    }
}

/// Writes a file under a temporary name and renames it into place once whole.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<()>,
) -> Result<()> {
    let partial = path.with_extension("partial");
    let mut out = BufWriter::new(
        File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?,
    );
    write(&mut out)?;
    out.flush()?;
    drop(out);
    std::fs::rename(&partial, path).with_context(|| format!("cannot write {}", path.display()))
}
