//! What `query` and `scan` do after building their request: follow pages, print items as they
//! come, then the counts, the resume key and the capacity.

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Map, Value};

use super::args::{GlobalArgs, ReadArgs, Select};
use crate::error::{Diagnostic, Outcome};
use crate::item::{self, Item};
use crate::output::{Format, ItemWriter};
use crate::paginate::Totals;

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
    if !global.shows_progress() {
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
        let writer =
            ItemWriter::new(format, args.typed, key_names.clone()).with_columns(&global.columns);
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
