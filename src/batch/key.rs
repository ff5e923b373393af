//! An item's key, checked against the table's key schema and written as a canonical text: the
//! lane an item goes to, and the duplicates a request collapses, are decided by it.

use aws_sdk_dynamodb::types::AttributeValue;

use super::Pending;
use crate::item::{self, Item};
use crate::schema::{KeyAttribute, KeySchema};

/// Checks an item has the table's key attributes with the right types, and makes its key id.
pub fn prepare(
    position: u64,
    raw: String,
    it: Item,
    schema: &KeySchema,
) -> Result<Pending, (String, String)> {
    let mut key = String::new();
    for attr in std::iter::once(&schema.partition).chain(schema.sort.iter()) {
        match it.get(&attr.name) {
            None => return Err((raw, format!("missing the key attribute {}", attr.name))),
            Some(value) => {
                let found = item::type_name(value);
                if found != attr.kind.as_str() {
                    return Err((
                        raw,
                        format!(
                            "the key attribute {} must be of type {}, found {found}",
                            attr.name, attr.kind
                        ),
                    ));
                }
                key_part(&mut key, attr, value);
            }
        }
    }
    let size = item::item_size(&it);
    if size > item::MAX_ITEM_BYTES {
        return Err((
            raw,
            format!(
                "the item is {size} bytes, over DynamoDB's limit of {} bytes",
                item::MAX_ITEM_BYTES
            ),
        ));
    }
    Ok(Pending {
        position,
        raw,
        item: it,
        key,
        delete: false,
    })
}

/// Appends a canonical text of one key value: numbers equal in value ("1", "1.0") give the same
/// text, as DynamoDB treats them as the same key.
fn key_part(out: &mut String, attr: &KeyAttribute, value: &AttributeValue) {
    use std::fmt::Write;
    match value {
        AttributeValue::N(n) => {
            let _ = write!(out, "N{}\u{0}", canonical_number(n));
        }
        AttributeValue::S(s) => {
            let _ = write!(out, "S{}:{s}\u{0}", s.len());
        }
        AttributeValue::B(b) => {
            let _ = write!(out, "B{:?}\u{0}", b.as_ref());
        }
        _ => {
            let _ = write!(out, "?{}\u{0}", attr.name);
        }
    }
}

/// A number's value as text: sign, significant digits, and the exponent of the first digit.
fn canonical_number(text: &str) -> String {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], body[at + 1..].parse::<i64>().unwrap_or(0)),
        None => (body, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{whole}{fraction}");
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return "0".to_string();
    }
    let point = whole.len() as i64 - leading as i64 + exponent;
    format!("{}{significant}e{point}", if negative { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::ScalarAttributeType;

    #[test]
    fn equal_numbers_have_one_key_text() {
        assert_eq!(canonical_number("1"), canonical_number("1.0"));
        assert_eq!(canonical_number("100"), canonical_number("1e2"));
        assert_eq!(canonical_number("0.05"), canonical_number("5E-2"));
        assert_eq!(canonical_number("-0"), canonical_number("0.000"));
        assert_ne!(canonical_number("10"), canonical_number("1"));
        assert_ne!(canonical_number("-1"), canonical_number("1"));
    }

    #[test]
    fn prepare_checks_key_presence_and_type() {
        let schema = KeySchema {
            partition: KeyAttribute {
                name: "year".into(),
                kind: ScalarAttributeType::N,
            },
            sort: Some(KeyAttribute {
                name: "title".into(),
                kind: ScalarAttributeType::S,
            }),
        };
        let it = |v: serde_json::Value| item::item_from_json(&v, false).unwrap();
        let err = prepare(
            1,
            String::new(),
            it(serde_json::json!({"year": 1})),
            &schema,
        )
        .unwrap_err();
        assert_eq!(err.1, "missing the key attribute title");
        let err = prepare(
            1,
            String::new(),
            it(serde_json::json!({"year": "1", "title": "x"})),
            &schema,
        )
        .unwrap_err();
        assert_eq!(err.1, "the key attribute year must be of type N, found S");
        assert!(prepare(
            1,
            String::new(),
            it(serde_json::json!({"year": 1, "title": "x"})),
            &schema
        )
        .is_ok());
    }
}
