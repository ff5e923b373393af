//! Plain JSON <-> attribute values. Lossy on the way out (sets become arrays, binary becomes
//! base64 text), exact on the way in: numbers keep their decimal text.

use aws_sdk_dynamodb::types::AttributeValue;
use base64::Engine as _;
use serde_json::{Map, Number, Value};

use super::{child_path, ItemError};

/// A plain JSON value as an attribute value; `path` names it in errors.
pub fn from_plain(value: &Value, path: &str) -> Result<AttributeValue, ItemError> {
    Ok(match value {
        Value::Null => AttributeValue::Null(true),
        Value::Bool(b) => AttributeValue::Bool(*b),
        // With serde_json's arbitrary_precision the number's text is the text that was parsed.
        Value::Number(n) => AttributeValue::N(n.to_string()),
        Value::String(s) => AttributeValue::S(s.clone()),
        Value::Array(items) => AttributeValue::L(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| from_plain(v, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => AttributeValue::M(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), from_plain(v, &child_path(path, k))?)))
                .collect::<Result<_, ItemError>>()?,
        ),
    })
}

/// An attribute value as plain JSON. Numbers keep the exact text DynamoDB stored.
pub fn to_plain(attr: &AttributeValue) -> Value {
    match attr {
        AttributeValue::S(s) => Value::String(s.clone()),
        AttributeValue::N(n) => number(n),
        AttributeValue::Bool(b) => Value::Bool(*b),
        AttributeValue::Null(_) => Value::Null,
        AttributeValue::B(b) => Value::String(base64::engine::general_purpose::STANDARD.encode(b)),
        AttributeValue::L(items) => Value::Array(items.iter().map(to_plain).collect()),
        AttributeValue::M(map) => {
            let mut names: Vec<&String> = map.keys().collect();
            names.sort();
            Value::Object(
                names
                    .into_iter()
                    .map(|k| (k.clone(), to_plain(&map[k])))
                    .collect::<Map<_, _>>(),
            )
        }
        AttributeValue::Ss(items) => {
            Value::Array(items.iter().cloned().map(Value::String).collect())
        }
        AttributeValue::Ns(items) => Value::Array(items.iter().map(|n| number(n)).collect()),
        AttributeValue::Bs(items) => Value::Array(
            items
                .iter()
                .map(|b| Value::String(base64::engine::general_purpose::STANDARD.encode(b)))
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// DynamoDB's number text as a JSON number with the same text; text JSON cannot hold as a
/// number (it never comes from DynamoDB) stays a string rather than being altered.
pub(crate) fn number(text: &str) -> Value {
    match serde_json::from_str::<Number>(text) {
        Ok(n) => Value::Number(n),
        Err(_) => Value::String(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            "[-]?[1-9][0-9]{0,37}(\\.[0-9]{1,10})?".prop_map(|s| super::number(&s)),
            "\\PC{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("\\PC{1,8}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn sorted(value: Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<_> = map.into_iter().collect();
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
            }
            Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
            other => other,
        }
    }

    proptest! {
        #[test]
        fn plain_json_round_trips(value in json_value()) {
            let attr = from_plain(&value, "").unwrap();
            prop_assert_eq!(to_plain(&attr), sorted(value));
        }
    }

    #[test]
    fn thirty_eight_digit_numbers_keep_every_digit() {
        let text = r#"{"n": 12345678901234567890123456789012345678, "f": 0.10000000000000000000000000000000000001}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let n = from_plain(&value["n"], "n").unwrap();
        assert_eq!(
            n,
            AttributeValue::N("12345678901234567890123456789012345678".into())
        );
        let f = from_plain(&value["f"], "f").unwrap();
        assert_eq!(
            to_plain(&f).to_string(),
            "0.10000000000000000000000000000000000001"
        );
    }
}
