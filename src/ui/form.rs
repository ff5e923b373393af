//! The Query and Scan forms of the page, as DynamoDB expressions: the key condition from the
//! partition key value and a sort key condition (the same builder `ddb query --pk/--sk` uses),
//! and filter rows on any attribute path with a typed value. Every name and value becomes a
//! placeholder, so reserved words and odd characters need nothing from the user.

use aws_sdk_dynamodb::types::AttributeValue;
use serde::Deserialize;

use crate::expr::{self, Placeholders, SortCondition};
use crate::item;
use crate::schema::KeySchema;

/// One filter row: `attr` is a document path (`info.rating`, `actors[0]`).
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    pub attr: String,
    pub op: String,
    /// S, N, BOOL or NULL (not needed by exists and not_exists).
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
    /// The upper bound of `between`.
    #[serde(default)]
    pub value2: Option<String>,
}

/// The sort key part of the Query form.
#[derive(Debug, Clone, Default)]
pub struct SortForm {
    /// eq, lt, le, gt, ge, between, begins_with; empty for none.
    pub op: String,
    pub value: String,
    pub value2: String,
}

/// `#ddbpk = :ddbpk [AND ...]` for the key of the table or index.
pub fn key_condition(
    placeholders: &mut Placeholders,
    key: &KeySchema,
    partition_value: &str,
    sort: &SortForm,
) -> Result<String, String> {
    let condition = match sort.op.as_str() {
        "" => None,
        "eq" => Some(SortCondition::Compare("=", sort.value.clone())),
        "lt" => Some(SortCondition::Compare("<", sort.value.clone())),
        "le" => Some(SortCondition::Compare("<=", sort.value.clone())),
        "gt" => Some(SortCondition::Compare(">", sort.value.clone())),
        "ge" => Some(SortCondition::Compare(">=", sort.value.clone())),
        "between" => Some(SortCondition::Between(
            sort.value.clone(),
            sort.value2.clone(),
        )),
        "begins_with" => Some(SortCondition::BeginsWith(sort.value.clone())),
        other => {
            return Err(format!(
                "sort key condition {other}: eq, lt, le, gt, ge, between or begins_with"
            ))
        }
    };
    let sort = match (&condition, &key.sort) {
        (Some(c), Some(attr)) => Some((attr, c)),
        (Some(_), None) => return Err("this key has no sort key".into()),
        (None, _) => None,
    };
    expr::key_condition(placeholders, &key.partition, partition_value, sort).map_err(|e| e.message)
}

/// The filter rows joined with AND, or None for no row.
pub fn filter(placeholders: &mut Placeholders, rows: &[Row]) -> Result<Option<String>, String> {
    let mut parts = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let at = |e: String| format!("filter row {}: {e}", i + 1);
        let path = path(placeholders, i, &row.attr).map_err(at)?;
        let mut value = |suffix: &str, text: Option<&String>| -> Result<String, String> {
            let v = typed(row.kind.as_deref(), text.map(String::as_str))?;
            placeholders
                .generated_value(&format!(":f{i}{suffix}"), v)
                .map_err(|e| e.message)
        };
        let part = match row.op.as_str() {
            op @ ("=" | "<>" | "<" | "<=" | ">" | ">=") => {
                format!("{path} {op} {}", value("", row.value.as_ref()).map_err(at)?)
            }
            "between" => {
                let lo = value("", row.value.as_ref()).map_err(at)?;
                let hi = value("b", row.value2.as_ref()).map_err(at)?;
                format!("{path} BETWEEN {lo} AND {hi}")
            }
            "begins_with" => format!(
                "begins_with({path}, {})",
                value("", row.value.as_ref()).map_err(at)?
            ),
            "contains" => format!(
                "contains({path}, {})",
                value("", row.value.as_ref()).map_err(at)?
            ),
            "exists" => format!("attribute_exists({path})"),
            "not_exists" => format!("attribute_not_exists({path})"),
            other => {
                return Err(at(format!(
                    "operator {other}: =, <>, <, <=, >, >=, between, begins_with, contains, exists or not_exists"
                )))
            }
        };
        parts.push(part);
    }
    Ok((!parts.is_empty()).then(|| parts.join(" AND ")))
}

/// The longest condition [`unchanged`] builds, in characters (DynamoDB's limit is 4 KB).
const MAX_CONDITION: usize = 3000;
/// The most terms it joins.
const MAX_TERMS: usize = 100;

/// The condition that an item still holds what the page loaded: every top-level attribute
/// equal to its loaded value (sets compare as sets, maps and lists as documents). An attribute
/// another client added is not seen by it (DynamoDB has no condition on names it is not told),
/// which is why the API first reads the item and compares it whole ([`same_item`]).
///
/// DynamoDB caps an expression at 4 KB: the key attributes come first, then the others in name
/// order while the condition stays under [`MAX_CONDITION`] characters and [`MAX_TERMS`] terms
/// (the whole-item comparison before the write covers the rest).
pub fn unchanged(
    placeholders: &mut Placeholders,
    loaded: &item::Item,
    key_names: &[String],
) -> Result<String, String> {
    let mut names: Vec<&String> = loaded.keys().filter(|n| !key_names.contains(n)).collect();
    names.sort();
    let names = key_names
        .iter()
        .filter(|k| loaded.contains_key(*k))
        .chain(names);
    let mut parts: Vec<String> = Vec::new();
    for (i, name) in names.enumerate() {
        let length: usize = parts.iter().map(|p| p.len() + 5).sum();
        if parts.len() >= MAX_TERMS || length > MAX_CONDITION {
            break;
        }
        let key = placeholders
            .generated_name(&format!("#c{i}"), name)
            .map_err(|e| e.message)?;
        let value = placeholders
            .generated_value(&format!(":c{i}"), loaded[name].clone())
            .map_err(|e| e.message)?;
        parts.push(format!("{key} = {value}"));
    }
    if parts.is_empty() {
        return Err("the loaded item has no attributes".into());
    }
    Ok(parts.join(" AND "))
}

/// Whether two items hold the same attributes and values, sets compared without order.
pub fn same_item(a: &item::Item, b: &item::Item) -> bool {
    fn canonical(v: &AttributeValue) -> AttributeValue {
        let sorted = |s: &Vec<String>| {
            let mut s = s.clone();
            s.sort();
            s
        };
        match v {
            AttributeValue::Ss(s) => AttributeValue::Ss(sorted(s)),
            AttributeValue::Ns(s) => AttributeValue::Ns(sorted(s)),
            AttributeValue::Bs(s) => {
                let mut s = s.clone();
                s.sort_by(|x, y| x.as_ref().cmp(y.as_ref()));
                AttributeValue::Bs(s)
            }
            AttributeValue::L(l) => AttributeValue::L(l.iter().map(canonical).collect()),
            AttributeValue::M(m) => {
                AttributeValue::M(m.iter().map(|(k, v)| (k.clone(), canonical(v))).collect())
            }
            other => other.clone(),
        }
    }
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| canonical(v) == canonical(w)))
}

/// A document path with every name as a placeholder: `info.actors[0]` -> `#f0_0.#f0_1[0]`.
fn path(placeholders: &mut Placeholders, row: usize, text: &str) -> Result<String, String> {
    let mut out = Vec::new();
    for (j, component) in text.split('.').enumerate() {
        let (name, indexes) = match component.find('[') {
            Some(at) => component.split_at(at),
            None => (component, ""),
        };
        let valid_indexes = indexes.is_empty()
            || indexes
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .is_some_and(|inner| {
                    inner
                        .split("][")
                        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                });
        if name.is_empty() || !valid_indexes {
            return Err(format!("{text:?} is not an attribute path (a.b, list[0])"));
        }
        let key = placeholders
            .generated_name(&format!("#f{row}_{j}"), name)
            .map_err(|e| e.message)?;
        out.push(format!("{key}{indexes}"));
    }
    Ok(out.join("."))
}

/// A form value with its chosen type.
fn typed(kind: Option<&str>, text: Option<&str>) -> Result<AttributeValue, String> {
    let text = text.unwrap_or("");
    Ok(match kind.unwrap_or("S") {
        "S" => AttributeValue::S(text.to_string()),
        "N" if item::is_number_text(text) => AttributeValue::N(text.trim().to_string()),
        "N" => return Err(format!("{text:?} is not a number")),
        "BOOL" => match text {
            "true" => AttributeValue::Bool(true),
            "false" => AttributeValue::Bool(false),
            _ => return Err(format!("{text:?}: a boolean is true or false")),
        },
        "NULL" => AttributeValue::Null(true),
        other => return Err(format!("type {other}: S, N, BOOL or NULL")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(attr: &str, op: &str, kind: &str, value: &str) -> Row {
        Row {
            attr: attr.into(),
            op: op.into(),
            kind: Some(kind.into()),
            value: Some(value.into()),
            value2: None,
        }
    }

    #[test]
    fn rows_become_one_expression_with_placeholders() {
        let mut p = Placeholders::default();
        let mut between = row("year", "between", "N", "1950");
        between.value2 = Some("1959".into());
        let rows = vec![
            row("info.rating", ">", "N", "7.5"),
            between,
            row("actors[0]", "begins_with", "S", "A"),
            Row {
                attr: "size".into(),
                op: "not_exists".into(),
                kind: None,
                value: None,
                value2: None,
            },
        ];
        let text = filter(&mut p, &rows).unwrap().unwrap();
        assert_eq!(
            text,
            "#f0_0.#f0_1 > :f0 AND #f1_0 BETWEEN :f1 AND :f1b AND begins_with(#f2_0[0], :f2) AND attribute_not_exists(#f3_0)"
        );
        assert_eq!(p.names["#f0_1"], "rating");
        assert_eq!(p.values[":f1b"], AttributeValue::N("1959".into()));
        assert_eq!(filter(&mut Placeholders::default(), &[]).unwrap(), None);
    }

    #[test]
    fn an_unchanged_item_is_every_loaded_attribute_equal() {
        let mut p = Placeholders::default();
        let loaded: item::Item = [
            ("id".to_string(), AttributeValue::S("a".into())),
            ("n".to_string(), AttributeValue::N("1".into())),
        ]
        .into();
        let key = vec!["n".to_string()];
        assert_eq!(
            unchanged(&mut p, &loaded, &key).unwrap(),
            "#c0 = :c0 AND #c1 = :c1"
        );
        assert_eq!(p.names["#c0"], "n", "the key first");
        assert!(unchanged(&mut Placeholders::default(), &item::Item::new(), &key).is_err());
        let wide: item::Item = (0..500)
            .map(|i| {
                (
                    format!("attribute_{i:03}"),
                    AttributeValue::N(i.to_string()),
                )
            })
            .collect();
        let condition = unchanged(&mut Placeholders::default(), &wide, &key).unwrap();
        assert!(condition.len() < 4000, "{}", condition.len());
        assert_eq!(condition.matches(" = ").count(), MAX_TERMS);
        let with_set = |s: &[&str]| -> item::Item {
            [(
                "s".to_string(),
                AttributeValue::Ss(s.iter().map(|x| x.to_string()).collect()),
            )]
            .into()
        };
        assert!(same_item(&with_set(&["a", "b"]), &with_set(&["b", "a"])));
        assert!(!same_item(&with_set(&["a"]), &with_set(&["a", "b"])));
        let mut more = loaded.clone();
        more.insert("added".into(), AttributeValue::Bool(true));
        assert!(!same_item(&loaded, &more), "an added attribute is a change");
    }

    #[test]
    fn bad_rows_are_named() {
        let mut p = Placeholders::default();
        let err = filter(&mut p, &[row("a", "=", "N", "ten")]).unwrap_err();
        assert_eq!(err, "filter row 1: \"ten\" is not a number");
        let err = filter(&mut Placeholders::default(), &[row("a..b", "=", "S", "x")]).unwrap_err();
        assert!(err.contains("not an attribute path"), "{err}");
        let err = filter(&mut Placeholders::default(), &[row("a[x]", "=", "S", "x")]).unwrap_err();
        assert!(err.contains("not an attribute path"), "{err}");
        let err = filter(&mut Placeholders::default(), &[row("a", "like", "S", "x")]).unwrap_err();
        assert!(err.contains("operator like"), "{err}");
        let err = filter(
            &mut Placeholders::default(),
            &[row("a", "=", "BOOL", "yes")],
        )
        .unwrap_err();
        assert!(err.contains("true or false"), "{err}");
    }
}
