//! Attribute values as users type and read them.
//!
//! Two JSON forms: *plain* (`{"year": 2015, "title": "x"}`, types inferred: string S,
//! number N with its exact decimal text, bool BOOL, null NULL, array L, object M) and
//! *typed*, DynamoDB's own JSON (`{"year": {"N": "2015"}}`), the only lossless form for sets
//! and binary. This module converts both ways, orders attributes for stable output, and
//! computes item sizes by DynamoDB's rules. It does no I/O.

mod plain;
mod size;
mod typed;

use std::collections::HashMap;

use aws_sdk_dynamodb::types::{AttributeValue, ScalarAttributeType};
use serde_json::{Map, Value};

pub use plain::{from_plain, to_plain};
pub use size::{item_size, MAX_ITEM_BYTES};
pub use typed::{from_typed, to_typed};

/// An item or a key, as the SDK holds it.
pub type Item = HashMap<String, AttributeValue>;

/// A value that cannot become an attribute value, with the path to it inside the item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", path_prefix(.path))]
pub struct ItemError {
    pub path: String,
    pub message: String,
}

fn path_prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("at {path}: ")
    }
}

impl ItemError {
    pub(crate) fn at(path: &str, message: impl Into<String>) -> Self {
        ItemError {
            path: path.to_string(),
            message: message.into(),
        }
    }
}

/// JSON text that failed to parse, with the 1-based line and column serde_json reports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed JSON at line {line}, column {column}: {message}")]
pub struct JsonSyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl From<serde_json::Error> for JsonSyntaxError {
    fn from(err: serde_json::Error) -> Self {
        // serde_json appends " at line L column C" to its message; we report those separately.
        let text = err.to_string();
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_string(),
            None => text,
        };
        JsonSyntaxError {
            line: err.line(),
            column: err.column(),
            message,
        }
    }
}

/// Parses JSON text, keeping numbers' exact decimal text. An error's column counts characters,
/// as a person (and a caret under the input) does; serde_json counts bytes.
pub fn parse_json(text: &str) -> Result<Value, JsonSyntaxError> {
    serde_json::from_str(text).map_err(|e| {
        let mut err = JsonSyntaxError::from(e);
        if let Some(line) = text.lines().nth(err.line.saturating_sub(1)) {
            err.column = line
                .char_indices()
                .take_while(|(at, _)| *at < err.column)
                .count();
        }
        err
    })
}

/// A JSON object as an item, in the plain or the typed form.
pub fn item_from_json(value: &Value, typed: bool) -> Result<Item, ItemError> {
    let Value::Object(map) = value else {
        return Err(ItemError::at(
            "",
            format!("an item must be a JSON object, not {}", kind_of(value)),
        ));
    };
    map.iter()
        .map(|(name, value)| {
            let attr = if typed {
                from_typed(value, name)?
            } else {
                from_plain(value, name)?
            };
            Ok((name.clone(), attr))
        })
        .collect()
}

/// A key given as JSON. Key attributes are scalars, so an object value can only be the typed
/// form: each attribute is read as typed when it is an object and as plain otherwise, which lets
/// resume keys and `--typed` keys be pasted anywhere a key is expected.
pub fn key_from_json(value: &Value) -> Result<Item, ItemError> {
    let Value::Object(map) = value else {
        return Err(ItemError::at(
            "",
            format!("a key must be a JSON object, not {}", kind_of(value)),
        ));
    };
    map.iter()
        .map(|(name, value)| {
            let attr = if value.is_object() {
                from_typed(value, name)?
            } else {
                from_plain(value, name)?
            };
            Ok((name.clone(), attr))
        })
        .collect()
}

/// A key as JSON that [`key_from_json`] reads back to the same key: plain where that is
/// lossless (S, N), typed for binary.
pub fn key_to_json(key: &Item, order: &[String]) -> Value {
    let mut map = Map::new();
    for name in ordered_names(key, order) {
        let attr = &key[name];
        let value = match attr {
            AttributeValue::S(_) | AttributeValue::N(_) => to_plain(attr),
            _ => to_typed(attr),
        };
        map.insert(name.clone(), value);
    }
    Value::Object(map)
}

/// An item as JSON, attributes in stable order: the names in `first` (the key attributes), then
/// the rest sorted.
pub fn item_to_json(item: &Item, first: &[String], typed: bool) -> Value {
    let mut map = Map::new();
    for name in ordered_names(item, first) {
        let attr = &item[name];
        map.insert(
            name.clone(),
            if typed {
                to_typed(attr)
            } else {
                to_plain(attr)
            },
        );
    }
    Value::Object(map)
}

/// The item's attribute names: those of `first` that it has, in that order, then the rest sorted.
pub fn ordered_names<'a>(item: &'a Item, first: &[String]) -> Vec<&'a String> {
    let mut names: Vec<&String> = first
        .iter()
        .filter_map(|n| item.get_key_value(n).map(|(k, _)| k))
        .collect();
    let mut rest: Vec<&String> = item.keys().filter(|k| !first.contains(k)).collect();
    rest.sort();
    names.extend(rest);
    names
}

/// Only the named attributes of an item: its key, given the key attribute names.
pub fn project(item: &Item, names: &[String]) -> Item {
    names
        .iter()
        .filter_map(|n| item.get(n).map(|v| (n.clone(), v.clone())))
        .collect()
}

/// A scalar typed by a key schema from text typed at the command line (`ddb get Movies 2015 x`).
pub fn scalar_from_text(
    text: &str,
    kind: &ScalarAttributeType,
    name: &str,
) -> Result<AttributeValue, ItemError> {
    match kind {
        ScalarAttributeType::N => {
            if is_number_text(text) {
                Ok(AttributeValue::N(text.to_string()))
            } else {
                Err(ItemError::at(
                    name,
                    format!("{text:?} is not a number, and the key attribute {name} is of type N"),
                ))
            }
        }
        ScalarAttributeType::B => typed::decode_base64(text, name).map(AttributeValue::B),
        _ => Ok(AttributeValue::S(text.to_string())),
    }
}

/// The DynamoDB type letter of an attribute value.
pub fn type_name(attr: &AttributeValue) -> &'static str {
    match attr {
        AttributeValue::S(_) => "S",
        AttributeValue::N(_) => "N",
        AttributeValue::B(_) => "B",
        AttributeValue::Bool(_) => "BOOL",
        AttributeValue::Null(_) => "NULL",
        AttributeValue::L(_) => "L",
        AttributeValue::M(_) => "M",
        AttributeValue::Ss(_) => "SS",
        AttributeValue::Ns(_) => "NS",
        AttributeValue::Bs(_) => "BS",
        _ => "unknown",
    }
}

/// Whether text is a number DynamoDB accepts: optional sign, digits with an optional point,
/// optional exponent.
pub fn is_number_text(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, f),
        None => (mantissa, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        !(whole.is_empty() && fraction.is_empty()) && digits(whole) && digits(fraction);
    let exponent_ok = match exponent {
        None => true,
        Some(e) => {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        }
    };
    mantissa_ok && exponent_ok
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn child_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn number_text_accepts_what_dynamodb_accepts() {
        for ok in [
            "0",
            "-1",
            "1.5",
            ".5",
            "5.",
            "1e10",
            "1E-3",
            "+2",
            "12345678901234567890123456789012345678",
        ] {
            assert!(is_number_text(ok), "{ok}");
        }
        for bad in ["", "-", "abc", "1..2", "1e", "1e+", "0x10", "1 2", "."] {
            assert!(!is_number_text(bad), "{bad}");
        }
    }

    #[test]
    fn keys_accept_plain_and_typed_attributes_together() {
        let key = key_from_json(&json!({"year": 2015, "title": {"S": "x"}})).unwrap();
        assert_eq!(key["year"], AttributeValue::N("2015".into()));
        assert_eq!(key["title"], AttributeValue::S("x".into()));
    }

    #[test]
    fn key_json_round_trips_binary_through_the_typed_form() {
        let key: Item = [
            ("id".to_string(), AttributeValue::B(vec![0, 1, 255].into())),
            ("n".to_string(), AttributeValue::N("7".into())),
        ]
        .into();
        let json = key_to_json(&key, &["id".into(), "n".into()]);
        assert_eq!(key_from_json(&json).unwrap(), key);
    }

    #[test]
    fn item_json_puts_key_attributes_first_then_sorts() {
        let item =
            item_from_json(&json!({"z": 1, "a": 2, "title": "t", "year": 1}), false).unwrap();
        let out = item_to_json(&item, &["year".into(), "title".into()], false);
        let names: Vec<&String> = out.as_object().unwrap().keys().collect();
        assert_eq!(names, ["year", "title", "a", "z"]);
    }

    #[test]
    fn json_error_columns_count_characters_not_bytes() {
        let err = parse_json(r#"{"title": "Ünï",}"#).unwrap_err();
        assert_eq!((err.line, err.column), (1, 17));
        let ascii = parse_json(r#"{"title": "Uni",}"#).unwrap_err();
        assert_eq!(
            ascii.column, err.column,
            "the same place whatever the letters"
        );
    }

    #[test]
    fn json_syntax_errors_carry_line_and_column() {
        let err = parse_json("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 7));
        assert!(err.message.contains("expected `:`"), "{}", err.message);
    }
}
