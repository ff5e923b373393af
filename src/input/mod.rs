//! Items read from a file or standard input, one record at a time so memory stays flat whatever
//! the input's size: NDJSON (one item per line), a JSON array, or CSV with a header row.
//!
//! Each record keeps its position (the line for NDJSON and CSV, the element number for a JSON
//! array) and its raw text, so a bad record can be reported by position and written to a rejects
//! file as it was given. A record that cannot become an item is not an error of the reader: it is
//! a [`Record`] whose `item` is `Err`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use clap::ValueEnum;

use crate::item::{self, Item};

mod csv;

use self::csv::CsvRecords;
pub use self::csv::CsvTypes;

/// The `--format` choices for `put --file`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object per line
    Ndjson,
    /// A JSON array of objects
    Json,
    /// Comma-separated values with a header row
    Csv,
}

/// One input record: where it was, what it said, and the item it makes (or why not).
#[derive(Debug)]
pub struct Record {
    /// 1-based line (NDJSON, CSV) or element number (JSON array).
    pub position: u64,
    pub raw: String,
    pub item: Result<Item, String>,
}

/// Counts the bytes read, for progress and ETA.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// An open input: its records, its size when known, and the bytes read so far.
pub struct Input {
    pub records: Box<dyn Iterator<Item = io::Result<Record>> + Send>,
    pub size: Option<u64>,
    pub bytes_read: Arc<AtomicU64>,
    pub format: InputFormat,
}

/// Opens `path` (`-` for standard input), gunzipping it when it starts with gzip's magic bytes.
/// Without `format`, a `.csv` (or `.csv.gz`) name means CSV, and otherwise the first non-blank
/// character decides: `[` a JSON array, anything else NDJSON.
pub fn open(
    path: &str,
    format: Option<InputFormat>,
    typed: bool,
    csv_types: CsvTypes,
) -> io::Result<Input> {
    let (reader, size): (Box<dyn Read + Send>, Option<u64>) = if path == "-" {
        (Box::new(io::stdin()), None)
    } else {
        let file = File::open(path)?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(file), size)
    };
    let bytes_read = Arc::new(AtomicU64::new(0));
    let mut counted = BufReader::with_capacity(
        256 * 1024,
        Counted {
            inner: reader,
            count: bytes_read.clone(),
        },
    );
    // Gzip by its magic bytes, whatever the name; progress stays in compressed bytes read.
    let gzip = counted.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + Send> = if gzip {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::bufread::MultiGzDecoder::new(counted),
        ))
    } else {
        Box::new(counted)
    };
    let name = path.strip_suffix(".gz").unwrap_or(path);
    let format = match format {
        Some(f) => f,
        None if Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")) =>
        {
            InputFormat::Csv
        }
        None => {
            let buffered = reader.fill_buf()?;
            match buffered.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'[') => InputFormat::Json,
                _ => InputFormat::Ndjson,
            }
        }
    };
    let records: Box<dyn Iterator<Item = io::Result<Record>> + Send> = match format {
        InputFormat::Ndjson => Box::new(NdjsonRecords {
            reader,
            line: 0,
            typed,
        }),
        InputFormat::Json => Box::new(ArrayRecords::new(reader, typed)),
        InputFormat::Csv => Box::new(CsvRecords::new(reader, csv_types)?),
    };
    Ok(Input {
        records,
        size,
        bytes_read,
        format,
    })
}

/// A file's bytes, gunzipped when it starts with gzip's magic bytes (for reading a CSV header
/// apart from the records).
pub fn open_plain(path: &str) -> io::Result<Box<dyn BufRead + Send>> {
    let mut file = BufReader::new(File::open(path)?);
    Ok(if file.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    })
}

/// An item from one record's text. A line of DynamoDB's export to S3, `{"Item": {...}}` with a
/// DynamoDB JSON item inside, is recognised as such without a flag.
fn item_from_text(text: &str, typed: bool) -> Result<Item, String> {
    let value = item::parse_json(text).map_err(|e| e.to_string())?;
    if let Some(exported) = aws_export_item(&value) {
        return Ok(exported);
    }
    item::item_from_json(&value, typed).map_err(|e| e.to_string())
}

fn aws_export_item(value: &serde_json::Value) -> Option<Item> {
    let object = value.as_object().filter(|o| o.len() == 1)?;
    let inner = object.get("Item").filter(|i| i.is_object())?;
    item::item_from_json(inner, true).ok()
}

struct NdjsonRecords<R> {
    reader: R,
    line: u64,
    typed: bool,
}

/// No item can come near this even as escaped DynamoDB JSON (an item is at most 400 KB); a longer
/// record is refused without being held, so memory stays flat whatever the input.
pub const MAX_RECORD: usize = 16 * 1024 * 1024;

/// A record over [`MAX_RECORD`] bytes: reported, and not kept (it could not be an item).
fn too_long(bytes: u64) -> String {
    format!(
        "the record is {bytes} bytes long, over the {} MiB a record may have (an item is at most 400 KB); it is not written to the rejects file",
        MAX_RECORD / (1024 * 1024)
    )
}

/// What one bounded line read found.
enum Line {
    End,
    /// A line, without its newline, in the caller's buffer.
    Text,
    /// A line over the bound, skipped to its newline; its length.
    TooLong(u64),
}

/// Reads one line into `out` (cleared first), holding at most `max` bytes of it.
fn read_line_bounded(reader: &mut impl BufRead, out: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    out.clear();
    let mut skipped: u64 = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (skipped, out.is_empty()) {
                (0, true) => Line::End,
                (0, false) => Line::Text,
                _ => Line::TooLong(skipped),
            });
        }
        let (chunk, ends) = match buf.iter().position(|&b| b == b'\n') {
            Some(at) => (&buf[..at], at + 1),
            None => (buf, buf.len()),
        };
        let found_newline = ends > chunk.len();
        if skipped > 0 || out.len() + chunk.len() > max {
            skipped += (out.len() + chunk.len()) as u64;
            out.clear();
        } else {
            out.extend_from_slice(chunk);
        }
        reader.consume(ends);
        if found_newline {
            return Ok(if skipped > 0 {
                Line::TooLong(skipped)
            } else {
                Line::Text
            });
        }
    }
}

impl<R: BufRead> Iterator for NdjsonRecords<R> {
    type Item = io::Result<Record>;
    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        loop {
            let line = match read_line_bounded(&mut self.reader, &mut bytes, MAX_RECORD) {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            self.line += 1;
            let (raw, item) = match line {
                Line::End => return None,
                Line::TooLong(length) => (String::new(), Err(too_long(length))),
                Line::Text => {
                    if bytes.ends_with(b"\r") {
                        bytes.pop();
                    }
                    match String::from_utf8(std::mem::take(&mut bytes)) {
                        Ok(text) if text.trim().is_empty() => continue,
                        Ok(text) => {
                            let item = item_from_text(&text, self.typed);
                            (text, item)
                        }
                        Err(e) => {
                            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                            (text, Err("the line is not valid UTF-8".to_string()))
                        }
                    }
                }
            };
            return Some(Ok(Record {
                position: self.line,
                raw,
                item,
            }));
        }
    }
}

/// The elements of a JSON array, found by bracket matching (strings and escapes respected) so
/// that only one element is held at a time.
struct ArrayRecords<R> {
    reader: R,
    typed: bool,
    element: u64,
    /// A byte read one too far (the `,` or `]` ending a scalar element).
    pushback: Option<u8>,
    started: bool,
    done: bool,
}

impl<R: BufRead> ArrayRecords<R> {
    fn new(reader: R, typed: bool) -> Self {
        ArrayRecords {
            reader,
            typed,
            element: 0,
            pushback: None,
            started: false,
            done: false,
        }
    }

    fn byte(&mut self) -> io::Result<Option<u8>> {
        if let Some(b) = self.pushback.take() {
            return Ok(Some(b));
        }
        let buf = self.reader.fill_buf()?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.reader.consume(1);
        Ok(Some(b))
    }

    fn skip_blank(&mut self) -> io::Result<Option<u8>> {
        loop {
            match self.byte()? {
                Some(b) if b.is_ascii_whitespace() => continue,
                other => return Ok(other),
            }
        }
    }

    fn malformed(&mut self, what: &str) -> io::Error {
        self.done = true;
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "malformed JSON array after element {}: {what}",
                self.element
            ),
        )
    }

    /// The bytes of the next element, or `None` after the closing `]`.
    fn next_element(&mut self) -> io::Result<Option<Vec<u8>>> {
        if !self.started {
            self.started = true;
            if self.skip_blank()? != Some(b'[') {
                return Err(self.malformed("the input does not start with ["));
            }
        }
        let first = match self.skip_blank()? {
            Some(b']') => return Ok(None),
            Some(b',') if self.element > 0 => self.skip_blank()?,
            Some(b) if self.element == 0 => Some(b),
            Some(_) => return Err(self.malformed("expected , or ] between elements")),
            None => return Err(self.malformed("the array is not closed with ]")),
        };
        let mut out = Vec::new();
        let (mut depth, mut in_string, mut escaped) = (0u32, false, false);
        let mut next = first;
        loop {
            let Some(b) = next else {
                return Err(self.malformed("the input ends inside an element"));
            };
            if out.len() > MAX_RECORD {
                return Err(self.malformed(&too_long(out.len() as u64)));
            }
            if in_string {
                out.push(b);
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b',' | b']' if depth == 0 => {
                        self.pushback = Some(b);
                        return Ok(Some(out));
                    }
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                out.push(b);
            }
            next = self.byte()?;
        }
    }
}

impl<R: BufRead> Iterator for ArrayRecords<R> {
    type Item = io::Result<Record>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_element() {
            Ok(Some(bytes)) => {
                self.element += 1;
                let raw = String::from_utf8_lossy(&bytes).trim().to_string();
                let item = item_from_text(&raw, self.typed);
                Some(Ok(Record {
                    position: self.element,
                    raw,
                    item,
                }))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => Some(Err(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::AttributeValue;

    fn read(text: &str, format: Option<InputFormat>, types: &str) -> Vec<Record> {
        let dir = tempfile::tempdir().unwrap();
        let name = if format == Some(InputFormat::Csv) {
            "in.csv"
        } else {
            "in.txt"
        };
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let input = open(
            path.to_str().unwrap(),
            format,
            false,
            types.parse().unwrap(),
        )
        .unwrap();
        input.records.map(|r| r.unwrap()).collect()
    }

    #[test]
    fn ndjson_keeps_line_numbers_across_blank_and_bad_lines() {
        let records = read("{\"a\": 1}\n\n{\"a\": \n{\"b\": \"x\"}\n", None, "");
        let positions: Vec<u64> = records.iter().map(|r| r.position).collect();
        assert_eq!(positions, [1, 3, 4]);
        assert!(records[1]
            .item
            .as_ref()
            .unwrap_err()
            .contains("malformed JSON"));
        assert_eq!(
            records[2].item.as_ref().unwrap()["b"],
            AttributeValue::S("x".into())
        );
    }

    #[test]
    fn a_json_array_is_read_element_by_element() {
        let records = read(
            " [ {\"a\": \"],[\"}, {\"b\": [1, {\"c\": 2}]} , 7 ]",
            None,
            "",
        );
        assert_eq!(records.len(), 3);
        assert_eq!(
            records[0].item.as_ref().unwrap()["a"],
            AttributeValue::S("],[".into())
        );
        assert!(records[1].item.is_ok());
        assert!(records[2]
            .item
            .as_ref()
            .unwrap_err()
            .contains("must be a JSON object"));
    }

    #[test]
    fn a_line_over_the_bound_is_skipped_without_being_held() {
        let input = format!("{}\nnext\n{}", "x".repeat(100), "y".repeat(7));
        let mut reader = std::io::BufReader::with_capacity(8, input.as_bytes());
        let mut out = Vec::new();
        assert!(matches!(
            read_line_bounded(&mut reader, &mut out, 10).unwrap(),
            Line::TooLong(100)
        ));
        assert!(out.capacity() <= 64, "the long line was never held");
        assert!(matches!(
            read_line_bounded(&mut reader, &mut out, 10).unwrap(),
            Line::Text
        ));
        assert_eq!(out, b"next");
        assert!(matches!(
            read_line_bounded(&mut reader, &mut out, 10).unwrap(),
            Line::Text
        ));
        assert_eq!(out, b"yyyyyyy", "a last line without its newline");
        assert!(matches!(
            read_line_bounded(&mut reader, &mut out, 10).unwrap(),
            Line::End
        ));
    }

    #[test]
    fn ndjson_keeps_going_after_a_line_that_is_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.ndjson");
        std::fs::write(&path, b"{\"id\": \"\xff\"}\n{\"id\": \"ok\"}\n").unwrap();
        let input = open(path.to_str().unwrap(), None, false, CsvTypes::default()).unwrap();
        let records: Vec<Record> = input.records.map(Result::unwrap).collect();
        assert_eq!(records.len(), 2);
        assert_eq!(
            records[0].item.as_ref().unwrap_err(),
            "the line is not valid UTF-8"
        );
        assert!(records[1].item.is_ok());
    }
}
