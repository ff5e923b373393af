//! CSV records: a header row, then one item per row, typed by `--csv-types` or inferred. Each
//! record keeps its exact text for the rejects file.

use std::collections::HashMap;
use std::io::{self, Read};

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::Value;

use super::{Record, MAX_RECORD};
use crate::item::{self, Item};

/// How to type CSV columns: `year=N,rating=N`; other columns are inferred.
#[derive(Debug, Clone, Default)]
pub struct CsvTypes(HashMap<String, CsvType>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvType {
    S,
    N,
    B,
    Bool,
    Json,
}

impl std::str::FromStr for CsvTypes {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let mut types = HashMap::new();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (name, kind) = pair
                .split_once('=')
                .ok_or_else(|| format!("expected COLUMN=TYPE like year=N, found {pair:?}"))?;
            let kind = match kind.trim().to_ascii_uppercase().as_str() {
                "S" => CsvType::S,
                "N" => CsvType::N,
                "B" => CsvType::B,
                "BOOL" => CsvType::Bool,
                "JSON" => CsvType::Json,
                other => {
                    return Err(format!(
                        "CSV column types are S, N, B, BOOL or JSON, not {other:?}"
                    ))
                }
            };
            types.insert(name.trim().to_string(), kind);
        }
        Ok(CsvTypes(types))
    }
}

/// The bytes the CSV parser has read, kept from the start of the current record: a rejected row
/// goes to the rejects file exactly as given, not as the parser understood it. Holding more than
/// [`MAX_RECORD`] of one record is an error, so a file without line ends cannot fill memory.
struct Tape<R> {
    inner: R,
    kept: Vec<u8>,
    /// The input offset of `kept[0]`.
    base: u64,
}

impl<R: Read> Read for Tape<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.kept.len() > MAX_RECORD + 64 * 1024 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the CSV record starting at byte {} is over the {} MiB a record may have (no line end?)",
                    self.base,
                    MAX_RECORD / (1024 * 1024)
                ),
            ));
        }
        let n = self.inner.read(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl<R> Tape<R> {
    /// The text of `start..end` of the input and the line ends before it, and forgets everything
    /// before `end`.
    fn cut(&mut self, start: u64, end: u64) -> (String, u64) {
        let from = (start.saturating_sub(self.base) as usize).min(self.kept.len());
        let to = (end.saturating_sub(self.base) as usize).clamp(from, self.kept.len());
        // A record ends at its `\r` when a line ends in `\r\n`: the `\n` leads the next one.
        let text = String::from_utf8_lossy(&self.kept[from..to]);
        let body = text.trim_start_matches(['\n', '\r']);
        let line_ends = text[..text.len() - body.len()].matches('\n').count() as u64;
        let body = body.trim_end_matches(['\n', '\r']).to_string();
        self.kept.drain(..to);
        self.base += to as u64;
        (body, line_ends)
    }
}

pub(super) struct CsvRecords<R> {
    reader: csv::Reader<Tape<R>>,
    header: csv::StringRecord,
    types: CsvTypes,
    done: bool,
}

impl<R: Read> CsvRecords<R> {
    pub(super) fn new(reader: R, types: CsvTypes) -> io::Result<Self> {
        let tape = Tape {
            inner: reader,
            kept: Vec::new(),
            base: 0,
        };
        // Rows with the wrong number of fields are read, so they can be rejected as given.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(tape);
        let header = reader.headers().map_err(csv_error)?.clone();
        for name in types.0.keys() {
            if !header.iter().any(|h| h == name) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("--csv-types names {name:?}, which is not a column of the header"),
                ));
            }
        }
        let end = reader.position().byte();
        reader.get_mut().cut(0, end);
        Ok(CsvRecords {
            reader,
            header,
            types,
            done: false,
        })
    }

    fn item(&self, record: &csv::StringRecord) -> Result<Item, String> {
        let mut it = Item::new();
        for (name, text) in self.header.iter().zip(record.iter()) {
            if text.is_empty() {
                continue; // An empty field is an absent attribute, as DynamoDB has no empty-column notion.
            }
            let value = match self.types.0.get(name) {
                Some(CsvType::S) => AttributeValue::S(text.to_string()),
                Some(CsvType::N) if item::is_number_text(text) => {
                    AttributeValue::N(text.to_string())
                }
                Some(CsvType::N) => return Err(format!("column {name}: {text:?} is not a number")),
                Some(CsvType::B) => item::scalar_from_text(
                    text,
                    &aws_sdk_dynamodb::types::ScalarAttributeType::B,
                    name,
                )
                .map_err(|e| format!("column {name}: {e}"))?,
                Some(CsvType::Bool) => match text {
                    "true" | "TRUE" | "True" => AttributeValue::Bool(true),
                    "false" | "FALSE" | "False" => AttributeValue::Bool(false),
                    _ => return Err(format!("column {name}: {text:?} is not true or false")),
                },
                Some(CsvType::Json) => {
                    let json: Value =
                        item::parse_json(text).map_err(|e| format!("column {name}: {e}"))?;
                    item::from_plain(&json, name).map_err(|e| format!("column {name}: {e}"))?
                }
                None => infer(text),
            };
            it.insert(name.to_string(), value);
        }
        Ok(it)
    }
}

/// A CSV field's type when `--csv-types` does not name its column: a number only when it reads
/// back the same (so "007" and "1e3" stay strings), true/false as BOOL, anything else S.
fn infer(text: &str) -> AttributeValue {
    let canonical_number = item::is_number_text(text)
        && !text.starts_with('+')
        && !text.contains(['e', 'E'])
        && !text.ends_with('.')
        && !text.starts_with('.')
        && !(text.trim_start_matches('-').starts_with('0')
            && text.trim_start_matches('-').len() > 1
            && !text.trim_start_matches('-').starts_with("0."));
    match text {
        "true" => AttributeValue::Bool(true),
        "false" => AttributeValue::Bool(false),
        _ if canonical_number => AttributeValue::N(text.to_string()),
        _ => AttributeValue::S(text.to_string()),
    }
}

/// A CSV reader's error as an I/O error; csv's own text already says "CSV".
fn csv_error(e: csv::Error) -> io::Error {
    if e.is_io_error() {
        if let csv::ErrorKind::Io(inner) = e.into_kind() {
            return inner;
        }
        unreachable!("is_io_error said so");
    }
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

impl<R: Read> Iterator for CsvRecords<R> {
    type Item = io::Result<Record>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut record = csv::StringRecord::new();
        match self.reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                return Some(Err(csv_error(e)));
            }
        }
        let start = record.position().map_or(0, |p| p.byte());
        let position = record.position().map_or(0, |p| p.line());
        let end = self.reader.position().byte();
        let (raw, line_ends) = self.reader.get_mut().cut(start, end);
        let position = position + line_ends;
        let item = if record.len() != self.header.len() {
            Err(format!(
                "CSV: the row has {} fields, the header {}",
                record.len(),
                self.header.len()
            ))
        } else {
            self.item(&record)
        };
        Some(Ok(Record {
            position,
            raw,
            item,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, types: &str) -> Vec<Record> {
        CsvRecords::new(
            io::Cursor::new(text.as_bytes().to_vec()),
            types.parse().unwrap(),
        )
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    #[test]
    fn csv_handles_quotes_embedded_newlines_and_types() {
        let text = "year,title,rating,zip\n1992,\"Alien, the \"\"third\"\"\",7.5,007\n1993,\"two\nlines\",,1\n";
        let records = read(text, "year=N");
        assert_eq!(records.len(), 2);
        let first = records[0].item.as_ref().unwrap();
        assert_eq!(
            first["title"],
            AttributeValue::S("Alien, the \"third\"".into())
        );
        assert_eq!(first["rating"], AttributeValue::N("7.5".into()));
        assert_eq!(
            first["zip"],
            AttributeValue::S("007".into()),
            "leading zeros keep a string"
        );
        let second = records[1].item.as_ref().unwrap();
        assert_eq!(second["title"], AttributeValue::S("two\nlines".into()));
        assert!(
            !second.contains_key("rating"),
            "an empty field is an absent attribute"
        );
        assert_eq!(records[1].position, 3);
    }

    #[test]
    fn csv_types_are_checked() {
        let records = read("year,title\nnineteen,x\n", "year=N");
        assert_eq!(
            records[0].item.as_ref().unwrap_err(),
            "column year: \"nineteen\" is not a number"
        );
    }

    #[test]
    fn csv_rows_with_the_wrong_number_of_fields_are_rejected_as_given() {
        let text =
            "id,n,x\ngood1,1,ok\nshort,2\nlong,3,x,\"ex\"\"tra\"\r\nbadnum,abc,y\ngood2,4,fine\n";
        let records = read(text, "n=N");
        let raws: Vec<&str> = records.iter().map(|r| r.raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "good1,1,ok",
                "short,2",
                "long,3,x,\"ex\"\"tra\"",
                "badnum,abc,y",
                "good2,4,fine"
            ]
        );
        let lines: Vec<u64> = records.iter().map(|r| r.position).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6]);
        let short = records[1].item.as_ref().unwrap_err();
        assert_eq!(short, "CSV: the row has 2 fields, the header 3");
        assert!(records[2].item.is_err());
        assert!(records[3]
            .item
            .as_ref()
            .unwrap_err()
            .contains("not a number"));
        assert!(records[0].item.is_ok() && records[4].item.is_ok());
    }

    #[test]
    fn csv_without_line_ends_stops_at_the_bound() {
        let zeros = std::io::repeat(0).take(MAX_RECORD as u64 * 2);
        let mut records = CsvRecords::new(
            std::io::Cursor::new(b"id\n".to_vec()).chain(zeros),
            CsvTypes::default(),
        )
        .unwrap();
        let err = records.next().unwrap().unwrap_err();
        assert!(err.to_string().contains("over the 16 MiB"), "{err}");
        assert!(records.next().is_none());
    }
}
