//! DynamoDB JSON (`{"S": "x"}`, `{"NS": ["1", "2"]}`, `{"B": "<base64>"}`) <-> attribute values:
//! lossless both ways.

use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::AttributeValue;
use base64::Engine as _;
use serde_json::{json, Map, Value};

use super::{child_path, is_number_text, kind_of, ItemError};

const TYPES: &str = "S, N, B, BOOL, NULL, L, M, SS, NS or BS";

/// A DynamoDB JSON value as an attribute value; `path` names it in errors.
pub fn from_typed(value: &Value, path: &str) -> Result<AttributeValue, ItemError> {
    let Value::Object(map) = value else {
        return Err(ItemError::at(
            path,
            format!(
                "expected a typed value like {{\"S\": \"text\"}}, found {}",
                kind_of(value)
            ),
        ));
    };
    let mut entries = map.iter();
    let (Some((tag, inner)), None) = (entries.next(), entries.next()) else {
        return Err(ItemError::at(
            path,
            format!(
                "a typed value has exactly one type key ({TYPES}), found {}",
                map.len()
            ),
        ));
    };
    let text = |v: &Value| -> Result<String, ItemError> {
        v.as_str().map(str::to_string).ok_or_else(|| {
            ItemError::at(path, format!("{tag} takes a string, found {}", kind_of(v)))
        })
    };
    let number = |v: &Value| -> Result<String, ItemError> {
        // Numbers are strings in DynamoDB JSON; a bare JSON number is accepted too.
        let n = match v {
            Value::Number(n) => n.to_string(),
            other => text(other)?,
        };
        if is_number_text(&n) {
            Ok(n)
        } else {
            Err(ItemError::at(path, format!("{n:?} is not a number")))
        }
    };
    fn list<'v>(v: &'v Value, tag: &str, path: &str) -> Result<&'v Vec<Value>, ItemError> {
        v.as_array().ok_or_else(|| {
            ItemError::at(path, format!("{tag} takes an array, found {}", kind_of(v)))
        })
    }
    Ok(match tag.as_str() {
        "S" => AttributeValue::S(text(inner)?),
        "N" => AttributeValue::N(number(inner)?),
        "B" => AttributeValue::B(decode_base64(&text(inner)?, path)?),
        "BOOL" => AttributeValue::Bool(inner.as_bool().ok_or_else(|| {
            ItemError::at(
                path,
                format!("BOOL takes true or false, found {}", kind_of(inner)),
            )
        })?),
        "NULL" => {
            if inner != &Value::Bool(true) {
                return Err(ItemError::at(path, "NULL takes true"));
            }
            AttributeValue::Null(true)
        }
        "L" => AttributeValue::L(
            list(inner, tag, path)?
                .iter()
                .enumerate()
                .map(|(i, v)| from_typed(v, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        "M" => {
            let map = inner.as_object().ok_or_else(|| {
                ItemError::at(path, format!("M takes an object, found {}", kind_of(inner)))
            })?;
            AttributeValue::M(
                map.iter()
                    .map(|(k, v)| Ok((k.clone(), from_typed(v, &child_path(path, k))?)))
                    .collect::<Result<_, ItemError>>()?,
            )
        }
        "SS" => AttributeValue::Ss(
            list(inner, tag, path)?
                .iter()
                .map(text)
                .collect::<Result<_, _>>()?,
        ),
        "NS" => AttributeValue::Ns(
            list(inner, tag, path)?
                .iter()
                .map(number)
                .collect::<Result<_, _>>()?,
        ),
        "BS" => AttributeValue::Bs(
            list(inner, tag, path)?
                .iter()
                .map(|v| decode_base64(&text(v)?, path))
                .collect::<Result<_, _>>()?,
        ),
        other => {
            return Err(ItemError::at(
                path,
                format!("unknown type {other:?}; DynamoDB types are {TYPES}"),
            ))
        }
    })
}

/// An attribute value as DynamoDB JSON.
pub fn to_typed(attr: &AttributeValue) -> Value {
    let b64 = |b: &Blob| Value::String(base64::engine::general_purpose::STANDARD.encode(b));
    match attr {
        AttributeValue::S(s) => json!({ "S": s }),
        AttributeValue::N(n) => json!({ "N": n }),
        AttributeValue::B(b) => json!({ "B": b64(b) }),
        AttributeValue::Bool(b) => json!({ "BOOL": b }),
        AttributeValue::Null(_) => json!({ "NULL": true }),
        AttributeValue::L(items) => json!({ "L": items.iter().map(to_typed).collect::<Vec<_>>() }),
        AttributeValue::M(map) => {
            let mut names: Vec<&String> = map.keys().collect();
            names.sort();
            let inner: Map<String, Value> = names
                .into_iter()
                .map(|k| (k.clone(), to_typed(&map[k])))
                .collect();
            json!({ "M": inner })
        }
        AttributeValue::Ss(items) => json!({ "SS": items }),
        AttributeValue::Ns(items) => json!({ "NS": items }),
        AttributeValue::Bs(items) => json!({ "BS": items.iter().map(b64).collect::<Vec<_>>() }),
        _ => Value::Null,
    }
}

pub(crate) fn decode_base64(text: &str, path: &str) -> Result<Blob, ItemError> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map(Blob::new)
        .map_err(|e| ItemError::at(path, format!("binary values are base64: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn attr() -> impl Strategy<Value = AttributeValue> {
        let number = "[-]?[1-9][0-9]{0,37}(\\.[0-9]{1,5})?";
        let leaf = prop_oneof![
            "\\PC{0,10}".prop_map(AttributeValue::S),
            number.prop_map(AttributeValue::N),
            prop::collection::vec(any::<u8>(), 0..16).prop_map(|b| AttributeValue::B(Blob::new(b))),
            any::<bool>().prop_map(AttributeValue::Bool),
            Just(AttributeValue::Null(true)),
            prop::collection::vec("\\PC{1,6}", 1..4).prop_map(AttributeValue::Ss),
            prop::collection::vec(number, 1..4).prop_map(AttributeValue::Ns),
            prop::collection::vec(
                prop::collection::vec(any::<u8>(), 1..6).prop_map(Blob::new),
                1..3
            )
            .prop_map(AttributeValue::Bs),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(AttributeValue::L),
                prop::collection::hash_map("\\PC{1,6}", inner, 0..4).prop_map(AttributeValue::M),
            ]
        })
    }

    proptest! {
        #[test]
        fn typed_json_round_trips_every_type(value in attr()) {
            let json = to_typed(&value);
            let text = json.to_string();
            let reparsed: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(from_typed(&reparsed, "").unwrap(), value);
        }
    }

    #[test]
    fn errors_name_the_path_and_the_problem() {
        let value = json!({"M": {"info": {"M": {"rating": {"N": "high"}}}}});
        let err = from_typed(&value, "x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "at x.info.rating: \"high\" is not a number"
        );
        let err = from_typed(&json!({"Q": "1"}), "a").unwrap_err();
        assert!(err.to_string().contains("unknown type \"Q\""), "{err}");
    }
}
