//! CSV (RFC 4180) and TSV rows of items: a header row, then one row per item. Columns are the
//! ones `--columns` names (document paths such as `info.rating` or `actors[0]` allowed), else the
//! key attributes and then the sorted union of the top-level attributes of the first 1,000
//! items; attributes that appear only later are left out and named once on stderr.
//!
//! A field is a string as it is, a number exactly as stored, `true`/`false`, binary as base64,
//! sets, lists and maps as JSON text, and NULL or a missing attribute empty. TSV has no quoting:
//! a tab, newline, carriage return or backslash in a value is written `\t`, `\n`, `\r`, `\\`.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde_json::Value;

/// How many items decide the columns when `--columns` does not.
const SAMPLE: usize = 1000;

pub struct Delimited {
    tsv: bool,
    first: Vec<String>,
    columns: Option<Vec<String>>,
    /// The columns came from `--columns`.
    named: bool,
    header_written: bool,
    sample: Vec<Value>,
    dropped: BTreeSet<String>,
}

impl Delimited {
    pub fn new(tsv: bool, first: Vec<String>, columns: Vec<String>) -> Delimited {
        Delimited {
            tsv,
            first,
            named: !columns.is_empty(),
            columns: (!columns.is_empty()).then_some(columns),
            header_written: false,
            sample: Vec::new(),
            dropped: BTreeSet::new(),
        }
    }

    /// Takes one item as plain JSON; rows go out once the columns are known.
    pub fn write(&mut self, out: &mut impl Write, item: Value) -> io::Result<()> {
        if self.columns.is_some() {
            self.header(out)?;
            return self.row(out, &item);
        }
        self.sample.push(item);
        if self.sample.len() >= SAMPLE {
            self.decide(out)?;
        }
        Ok(())
    }

    /// Writes the rows held to choose the columns, if any: what a read that failed partway has
    /// already printed in every other format.
    pub fn flush_held(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.columns.is_none() && !self.sample.is_empty() {
            self.decide(out)?;
        }
        Ok(())
    }

    /// Writes what is held (the header at least) and names the attributes left out.
    pub fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.columns {
            None => self.decide(out)?,
            Some(_) => self.header(out)?,
        }
        if !self.dropped.is_empty() {
            let names: Vec<&str> = self.dropped.iter().map(String::as_str).collect();
            eprintln!(
                "ddb: attributes not in the first {SAMPLE} items were left out of the columns: {}; name them with --columns",
                names.join(", ")
            );
        }
        Ok(())
    }

    /// Columns from the sample, then the header and the sample's rows.
    fn decide(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.columns = Some(columns_of(&self.first, &self.sample));
        self.header(out)?;
        for item in std::mem::take(&mut self.sample) {
            self.row(out, &item)?;
        }
        Ok(())
    }

    fn header(&mut self, out: &mut impl Write) -> io::Result<()> {
        let columns = self.columns.clone().unwrap_or_default();
        if !self.header_written && !columns.is_empty() {
            self.line(out, columns.iter().map(String::as_str))?;
        }
        self.header_written = true;
        Ok(())
    }

    fn row(&mut self, out: &mut impl Write, item: &Value) -> io::Result<()> {
        let columns = self.columns.as_ref().expect("columns are known");
        // Columns the user named leave the rest out on purpose; only derived ones warn.
        if let Some(map) = item.as_object().filter(|_| !self.named) {
            for name in map.keys() {
                let listed = columns.iter().any(|c| {
                    c == name
                        || c.starts_with(&format!("{name}."))
                        || c.starts_with(&format!("{name}["))
                });
                if !listed {
                    self.dropped.insert(name.clone());
                }
            }
        }
        // Derived columns are attribute names, which may hold '.' or '['; named ones are paths.
        let fields: Vec<String> = columns
            .iter()
            .map(|c| {
                field(if self.named {
                    lookup(item, c)
                } else {
                    item.get(c)
                })
            })
            .collect();
        self.line(out, fields.iter().map(String::as_str))
    }

    fn line<'a>(
        &self,
        out: &mut impl Write,
        fields: impl Iterator<Item = &'a str>,
    ) -> io::Result<()> {
        let fields: Vec<String> = fields
            .map(|f| {
                if self.tsv {
                    tsv_escape(f)
                } else {
                    csv_quote(f)
                }
            })
            .collect();
        let separator = if self.tsv { "\t" } else { "," };
        // RFC 4180 ends records with CRLF; TSV with a newline.
        let end = if self.tsv { "\n" } else { "\r\n" };
        write!(out, "{}{end}", fields.join(separator))
    }
}

/// The key attributes that appear, then the sorted union of the other top-level attributes.
fn columns_of(first: &[String], items: &[Value]) -> Vec<String> {
    let mut others: BTreeSet<&String> = BTreeSet::new();
    let mut keys: Vec<String> = Vec::new();
    for item in items.iter().filter_map(Value::as_object) {
        for name in item.keys() {
            if first.contains(name) {
                if !keys.contains(name) {
                    keys.push(name.clone());
                }
            } else {
                others.insert(name);
            }
        }
    }
    keys.sort_by_key(|k| first.iter().position(|f| f == k));
    keys.into_iter()
        .chain(others.into_iter().cloned())
        .collect()
}

/// A document path (`a.b[2].c`) in a plain JSON item.
fn lookup<'v>(item: &'v Value, path: &str) -> Option<&'v Value> {
    let mut current = item;
    for part in path.split('.') {
        let (name, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !name.is_empty() {
            current = current.get(name)?;
        }
        for index in rest.split('[').skip(1) {
            current = current.get(index.strip_suffix(']')?.parse::<usize>().ok()?)?;
        }
    }
    Some(current)
}

fn field(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn csv_quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn tsv_escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(tsv: bool, columns: &[&str], items: &[Value]) -> String {
        let mut writer = Delimited::new(
            tsv,
            vec!["pk".into()],
            columns.iter().map(|c| c.to_string()).collect(),
        );
        let mut out = Vec::new();
        for item in items {
            writer.write(&mut out, item.clone()).unwrap();
        }
        writer.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn key_first_then_sorted_with_quoting_and_exact_numbers() {
        let items = [
            json!({"z": "a,b", "pk": "k1", "n": 12345678901234567890u64, "q": "say \"hi\""}),
            json!({"pk": "k2", "m": {"x": [1, true]}, "nul": null, "b": false}),
        ];
        assert_eq!(
            render(false, &[], &items),
            "pk,b,m,n,nul,q,z\r\nk1,,,12345678901234567890,,\"say \"\"hi\"\"\",\"a,b\"\r\nk2,false,\"{\"\"x\"\":[1,true]}\",,,,\r\n"
        );
    }

    #[test]
    fn paths_as_columns_and_tsv_escapes() {
        let items = [json!({"pk": "a\tb", "info": {"rating": 7.5, "actors": ["x\\y", "z\nw"]}})];
        assert_eq!(
            render(true, &["pk", "info.rating", "info.actors[1]"], &items),
            "pk\tinfo.rating\tinfo.actors[1]\na\\tb\t7.5\tz\\nw\n"
        );
    }

    #[test]
    fn an_empty_stream_still_has_its_header_when_columns_are_named() {
        assert_eq!(render(false, &["pk", "n"], &[]), "pk,n\r\n");
    }
}
