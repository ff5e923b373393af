//! Writers for what commands print on stdout: json, ndjson, table, text, csv and tsv, chosen by
//! `--output` (auto: a table on a terminal; otherwise ndjson for item streams and json for single
//! results). Attributes come in a stable order: key attributes first, then sorted.

use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde_json::{Map, Value};

use crate::item::{self, Item};

mod delimited;

use delimited::Delimited;

/// The `--output` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A table on a terminal; otherwise ndjson for query and scan, json for the rest.
    Auto,
    Json,
    Ndjson,
    Table,
    Text,
    /// RFC 4180, a header row; columns from --columns or the items
    Csv,
    /// Tab-separated, a header row; tabs, newlines and backslashes escaped
    Tsv,
}

/// A format with `auto` decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Ndjson,
    Table,
    Text,
    Csv,
    Tsv,
}

impl OutputFormat {
    /// Decides `auto` for a result that is a stream of items (`stream`) or a single value.
    pub fn resolve(self, stream: bool) -> Format {
        match self {
            OutputFormat::Json => Format::Json,
            OutputFormat::Ndjson => Format::Ndjson,
            OutputFormat::Table => Format::Table,
            OutputFormat::Text => Format::Text,
            OutputFormat::Csv => Format::Csv,
            OutputFormat::Tsv => Format::Tsv,
            OutputFormat::Auto if io::stdout().is_terminal() => Format::Table,
            OutputFormat::Auto if stream => Format::Ndjson,
            OutputFormat::Auto => Format::Json,
        }
    }
}

/// Writes a stream of items as they arrive; only the table waits for the end, to size columns.
pub struct ItemWriter {
    format: Format,
    typed: bool,
    first: Vec<String>,
    out: io::BufWriter<io::Stdout>,
    rows: Vec<Value>,
    delimited: Option<Delimited>,
    written: u64,
    /// Someone is watching: each item is shown as it arrives, not when a buffer fills.
    terminal: bool,
}

/// A writer dropped without `finish` (a read failed partway) still writes the csv or tsv rows it
/// held back to choose the columns.
impl Drop for ItemWriter {
    fn drop(&mut self) {
        if let Some(d) = self.delimited.as_mut() {
            let _ = d.flush_held(&mut self.out);
            let _ = self.out.flush();
        }
    }
}

impl ItemWriter {
    /// `first` names the attributes shown first (the key attributes).
    pub fn new(format: Format, typed: bool, first: Vec<String>) -> Self {
        let delimited = matches!(format, Format::Csv | Format::Tsv)
            .then(|| Delimited::new(format == Format::Tsv, first.clone(), Vec::new()));
        ItemWriter {
            format,
            typed,
            first,
            out: io::BufWriter::new(io::stdout()),
            rows: Vec::new(),
            delimited,
            written: 0,
            terminal: io::IsTerminal::is_terminal(&io::stdout()),
        }
    }

    /// The columns of csv and tsv output (document paths allowed), instead of the items' own.
    pub fn with_columns(mut self, columns: &[String]) -> Self {
        if !columns.is_empty() && self.delimited.is_some() {
            let tsv = self.format == Format::Tsv;
            self.delimited = Some(Delimited::new(tsv, self.first.clone(), columns.to_vec()));
        }
        self
    }

    pub fn written(&self) -> u64 {
        self.written
    }

    pub fn write(&mut self, it: &Item) -> io::Result<()> {
        let value = item::item_to_json(it, &self.first, self.typed);
        match self.format {
            Format::Ndjson => writeln!(self.out, "{value}")?,
            Format::Json => {
                let sep = if self.written == 0 {
                    "{\"items\":[\n"
                } else {
                    ",\n"
                };
                write!(self.out, "{sep}{value}")?;
            }
            Format::Text => writeln!(self.out, "{}", text_line(&value))?,
            Format::Table => self.rows.push(value),
            Format::Csv | Format::Tsv => {
                // Plain values whatever --typed says: a field holds the value, not its type.
                let plain = item::item_to_json(it, &self.first, false);
                if let Some(d) = self.delimited.as_mut() {
                    d.write(&mut self.out, plain)?;
                }
            }
        }
        self.written += 1;
        if self.terminal && matches!(self.format, Format::Ndjson | Format::Text) {
            self.out.flush()?;
        }
        Ok(())
    }

    /// Ends the stream. `summary` (counts, resume key, capacity) closes the json document; the
    /// other formats carry items only.
    pub fn finish(mut self, summary: Map<String, Value>) -> io::Result<()> {
        match self.format {
            Format::Json => {
                if self.written == 0 {
                    write!(self.out, "{{\"items\":[")?;
                }
                write!(self.out, "\n]")?;
                for (k, v) in summary {
                    write!(self.out, ",{}:{v}", Value::String(k))?;
                }
                writeln!(self.out, "}}")?;
            }
            Format::Table if !self.rows.is_empty() => writeln!(self.out, "{}", table(&self.rows))?,
            Format::Csv | Format::Tsv => {
                if let Some(d) = self.delimited.as_mut() {
                    d.finish(&mut self.out)?;
                }
            }
            _ => {}
        }
        self.out.flush()
    }
}

/// Prints one value (a single item, a description, a list) in the given format.
pub fn print_value(format: Format, value: &Value) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(value).map_err(io::Error::other)?
        ),
        Format::Ndjson => writeln!(out, "{value}"),
        Format::Table => match value {
            Value::Array(rows) if rows.iter().all(Value::is_object) => {
                writeln!(out, "{}", table(rows))
            }
            Value::Array(rows) => rows.iter().try_for_each(|r| writeln!(out, "{}", cell(r))),
            Value::Object(_) => writeln!(out, "{}", table(std::slice::from_ref(value))),
            other => writeln!(out, "{}", cell(other)),
        },
        Format::Text => match value {
            Value::Array(rows) => rows
                .iter()
                .try_for_each(|r| writeln!(out, "{}", text_line(r))),
            other => writeln!(out, "{}", text_line(other)),
        },
        Format::Csv | Format::Tsv => {
            let mut rows = Delimited::new(format == Format::Tsv, Vec::new(), Vec::new());
            match value {
                Value::Array(items) => items
                    .iter()
                    .try_for_each(|r| rows.write(&mut out, r.clone()))?,
                other => rows.write(&mut out, other.clone())?,
            }
            rows.finish(&mut out)
        }
    }
}

/// Key/value pairs as a two-column table, for descriptions on a terminal.
pub fn print_fields(format: Format, fields: &Map<String, Value>) -> io::Result<()> {
    if format != Format::Table {
        return print_value(format, &Value::Object(fields.clone()));
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    for (k, v) in fields {
        t.add_row(vec![k.clone(), cell(v)]);
    }
    writeln!(io::stdout().lock(), "{t}")
}

/// Rows of objects as a table; columns in order of first appearance.
fn table(rows: &[Value]) -> String {
    let mut columns: Vec<&String> = Vec::new();
    for row in rows {
        for k in row.as_object().into_iter().flat_map(|m| m.keys()) {
            if !columns.contains(&k) {
                columns.push(k);
            }
        }
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(columns.iter().map(|c| c.as_str()));
    for row in rows {
        t.add_row(
            columns
                .iter()
                .map(|c| row.get(c.as_str()).map(cell).unwrap_or_default()),
        );
    }
    t.to_string()
}

/// A value as a table cell or a text field: strings bare, everything else as compact JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// An object as `name=value` fields separated by tabs; anything else as a cell.
fn text_line(value: &Value) -> String {
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}={}", cell(v)))
            .collect::<Vec<_>>()
            .join("\t"),
        other => cell(other),
    }
}
