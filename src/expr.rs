//! Expression placeholders and the key-condition shorthands.
//!
//! ddb never parses DynamoDB's expression language: the server does, and its errors are mapped
//! back onto the user's text in [`crate::client`]. This module only reads `--names` and
//! `--values`, and builds key conditions from `--pk`, `--sk`, `--sk-between` and
//! `--sk-begins-with`, always with placeholders so reserved words and values are never spliced
//! into expression text.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::Value;

use crate::error::Diagnostic;
use crate::item::{self, Item};
use crate::schema::KeyAttribute;

/// Expression attribute names and values, the user's and the ones ddb generates.
#[derive(Debug, Default, Clone)]
pub struct Placeholders {
    pub names: HashMap<String, String>,
    pub values: Item,
}

impl Placeholders {
    /// Reads `--names` (`#yr=year` or a JSON object) and `--values` (`:v=10` or a JSON object).
    /// A value after `=` is JSON when it parses as JSON and a string otherwise, so `:t=Drama`
    /// and `:t="Drama"` mean the same; `--typed` reads the JSON form as DynamoDB JSON.
    pub fn parse(names: &[String], values: &[String], typed: bool) -> Result<Self, Diagnostic> {
        let mut out = Placeholders::default();
        for arg in names {
            if arg.trim_start().starts_with('{') {
                let json = item::parse_json(arg).map_err(|e| {
                    Diagnostic::new(format!("--names: {e}")).with_excerpt(
                        "--names",
                        arg,
                        e.column.saturating_sub(1),
                    )
                })?;
                let Value::Object(map) = json else {
                    unreachable!("starts with '{{'")
                };
                for (k, v) in map {
                    let Value::String(v) = v else {
                        return Err(Diagnostic::new(format!(
                            "--names: {k} must map to a string"
                        )));
                    };
                    out.add_name(k, v)?;
                }
            } else {
                let (k, v) = split_assignment(arg, '#', "--names", "#yr=year")?;
                out.add_name(k.to_string(), v.to_string())?;
            }
        }
        for arg in values {
            if arg.trim_start().starts_with('{') {
                let json = item::parse_json(arg).map_err(|e| {
                    Diagnostic::new(format!("--values: {e}")).with_excerpt(
                        "--values",
                        arg,
                        e.column.saturating_sub(1),
                    )
                })?;
                let parsed = item::item_from_json(&json, typed)
                    .map_err(|e| Diagnostic::new(format!("--values: {e}")))?;
                for (k, v) in parsed {
                    out.add_value(k, v)?;
                }
            } else {
                let (k, text) = split_assignment(arg, ':', "--values", ":v=10")?;
                let attr = value_from_text(text, typed, k)
                    .map_err(|e| Diagnostic::new(format!("--values: {e}")))?;
                out.add_value(k.to_string(), attr)?;
            }
        }
        Ok(out)
    }

    fn add_name(&mut self, key: String, value: String) -> Result<(), Diagnostic> {
        check_placeholder(&key, '#', "--names")?;
        if self.names.insert(key.clone(), value).is_some() {
            return Err(Diagnostic::new(format!("--names: {key} is given twice")));
        }
        Ok(())
    }

    fn add_value(&mut self, key: String, value: AttributeValue) -> Result<(), Diagnostic> {
        check_placeholder(&key, ':', "--values")?;
        if self.values.insert(key.clone(), value).is_some() {
            return Err(Diagnostic::new(format!("--values: {key} is given twice")));
        }
        Ok(())
    }

    /// Adds a generated name placeholder; `#ddb…` names are reserved for ddb.
    pub fn generated_name(&mut self, key: &str, attr: &str) -> Result<String, Diagnostic> {
        self.add_name(key.to_string(), attr.to_string())
            .map_err(|_| {
                Diagnostic::new(format!(
                    "{key} is used by ddb's shorthands; choose another placeholder"
                ))
            })?;
        Ok(key.to_string())
    }

    pub fn generated_value(
        &mut self,
        key: &str,
        value: AttributeValue,
    ) -> Result<String, Diagnostic> {
        self.add_value(key.to_string(), value).map_err(|_| {
            Diagnostic::new(format!(
                "{key} is used by ddb's shorthands; choose another placeholder"
            ))
        })?;
        Ok(key.to_string())
    }

    /// The names map as the SDK wants it: `None` when empty, since DynamoDB rejects empty maps.
    pub fn names_or_none(&self) -> Option<HashMap<String, String>> {
        (!self.names.is_empty()).then(|| self.names.clone())
    }

    pub fn values_or_none(&self) -> Option<Item> {
        (!self.values.is_empty()).then(|| self.values.clone())
    }
}

/// A value given after `=` on the command line: JSON when it parses as JSON (DynamoDB JSON with
/// `typed`), a string otherwise, so `Drama` and `"Drama"` mean the same.
pub fn value_from_text(
    text: &str,
    typed: bool,
    name: &str,
) -> Result<AttributeValue, item::ItemError> {
    match item::parse_json(text) {
        Ok(json) if typed => item::from_typed(&json, name),
        Ok(json) => item::from_plain(&json, name),
        Err(_) => Ok(AttributeValue::S(text.to_string())),
    }
}

fn split_assignment<'a>(
    arg: &'a str,
    sigil: char,
    flag: &str,
    example: &str,
) -> Result<(&'a str, &'a str), Diagnostic> {
    match arg.split_once('=') {
        Some((k, v)) if k.starts_with(sigil) => Ok((k, v)),
        _ => Err(Diagnostic::new(format!(
            "{flag}: expected {example} or a JSON object, found {arg:?}"
        ))
        .with_excerpt(flag, arg, 0)),
    }
}

fn check_placeholder(key: &str, sigil: char, flag: &str) -> Result<(), Diagnostic> {
    let rest = key.strip_prefix(sigil);
    match rest {
        Some(r) if !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => Ok(()),
        _ => Err(Diagnostic::new(format!(
            "{flag}: {key:?} is not a placeholder; it must be {sigil} followed by letters, digits or _"
        ))),
    }
}

/// Refuses a `:value` or `#name` placeholder that an expression uses but `--values`/`--names`
/// does not give, with DynamoDB's own wording and a caret. DynamoDB refuses these too, but not
/// every DynamoDB-compatible server does (the embedded engine lets some through), and an answer
/// computed with a missing value is worse than an error. Expressions have no string literals, so
/// every `:x` or `#x` token is a placeholder.
pub fn check_placeholders(
    expressions: &[(&'static str, String)],
    placeholders: &Placeholders,
) -> Result<(), Diagnostic> {
    for (flag, text) in expressions {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let sigil = bytes[i];
            if sigil != b':' && sigil != b'#' {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let token = &text[start..i];
            if token.len() < 2 {
                continue;
            }
            let (defined, message, hint) = if sigil == b':' {
                (
                    placeholders.values.contains_key(token),
                    format!("An expression attribute value used in expression is not defined; attribute value: {token}"),
                    format!("give its value with --values '{token}=...'"),
                )
            } else {
                (
                    placeholders.names.contains_key(token),
                    format!("An expression attribute name used in the document path is not defined; attribute name: {token}"),
                    format!("give the attribute it stands for with --names '{token}=attribute'"),
                )
            };
            if !defined {
                let column = text[..start].chars().count();
                return Err(Diagnostic::new(message)
                    .with_excerpt(*flag, text.clone(), column)
                    .with_hint(hint));
            }
        }
    }
    Ok(())
}

/// A condition on the sort key, from `--sk`, `--sk-between` or `--sk-begins-with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortCondition {
    /// `=`, `<`, `<=`, `>` or `>=` and the value's text.
    Compare(&'static str, String),
    Between(String, String),
    BeginsWith(String),
}

impl SortCondition {
    /// Reads `--sk`: `VALUE` (equality) or `OP VALUE` with OP one of = < <= > >=.
    pub fn parse(text: &str) -> SortCondition {
        for op in ["<=", ">=", "=", "<", ">"] {
            if let Some(rest) = text.strip_prefix(op) {
                return SortCondition::Compare(op, rest.trim_start().to_string());
            }
        }
        SortCondition::Compare("=", text.to_string())
    }
}

/// Builds `#ddbpk = :ddbpk [AND <sort condition>]`, adding the placeholders.
pub fn key_condition(
    placeholders: &mut Placeholders,
    partition: &KeyAttribute,
    partition_value: &str,
    sort: Option<(&KeyAttribute, &SortCondition)>,
) -> Result<String, Diagnostic> {
    let typed = |attr: &KeyAttribute, text: &str, flag: &str| {
        item::scalar_from_text(text, &attr.kind, &attr.name)
            .map_err(|e| Diagnostic::new(format!("{flag}: {e}")))
    };
    let pk_name = placeholders.generated_name("#ddbpk", &partition.name)?;
    let pk_value =
        placeholders.generated_value(":ddbpk", typed(partition, partition_value, "--pk")?)?;
    let mut condition = format!("{pk_name} = {pk_value}");
    if let Some((attr, sort)) = sort {
        let sk = placeholders.generated_name("#ddbsk", &attr.name)?;
        let clause = match sort {
            SortCondition::Compare(op, v) => {
                let v = placeholders.generated_value(":ddbsk", typed(attr, v, "--sk")?)?;
                format!("{sk} {op} {v}")
            }
            SortCondition::Between(lo, hi) => {
                let lo =
                    placeholders.generated_value(":ddbsklo", typed(attr, lo, "--sk-between")?)?;
                let hi =
                    placeholders.generated_value(":ddbskhi", typed(attr, hi, "--sk-between")?)?;
                format!("{sk} BETWEEN {lo} AND {hi}")
            }
            SortCondition::BeginsWith(prefix) => {
                let v = placeholders
                    .generated_value(":ddbsk", typed(attr, prefix, "--sk-begins-with")?)?;
                format!("begins_with({sk}, {v})")
            }
        };
        condition.push_str(" AND ");
        condition.push_str(&clause);
    }
    Ok(condition)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::ScalarAttributeType;

    fn attr(name: &str, kind: ScalarAttributeType) -> KeyAttribute {
        KeyAttribute {
            name: name.into(),
            kind,
        }
    }

    #[test]
    fn names_and_values_read_both_forms() {
        let p = Placeholders::parse(
            &["#yr=year".into(), r##"{"#t": "title"}"##.into()],
            &[
                ":v=10".into(),
                ":s=Drama".into(),
                r#"{":o": {"a": [1]}}"#.into(),
            ],
            false,
        )
        .unwrap();
        assert_eq!(p.names["#yr"], "year");
        assert_eq!(p.names["#t"], "title");
        assert_eq!(p.values[":v"], AttributeValue::N("10".into()));
        assert_eq!(p.values[":s"], AttributeValue::S("Drama".into()));
        assert!(matches!(p.values[":o"], AttributeValue::M(_)));
    }

    #[test]
    fn bad_placeholders_are_refused_with_the_flag_named() {
        let err = Placeholders::parse(&["year=year".into()], &[], false).unwrap_err();
        assert!(
            err.message.starts_with("--names: expected #yr=year"),
            "{}",
            err.message
        );
        let err = Placeholders::parse(&[], &[":v=1".into(), ":v=2".into()], false).unwrap_err();
        assert_eq!(err.message, "--values: :v is given twice");
    }

    #[test]
    fn shorthands_build_a_placeholdered_key_condition() {
        let mut p = Placeholders::default();
        let cond = key_condition(
            &mut p,
            &attr("year", ScalarAttributeType::N),
            "1992",
            Some((
                &attr("title", ScalarAttributeType::S),
                &SortCondition::Between("A".into(), "L".into()),
            )),
        )
        .unwrap();
        assert_eq!(
            cond,
            "#ddbpk = :ddbpk AND #ddbsk BETWEEN :ddbsklo AND :ddbskhi"
        );
        assert_eq!(p.names["#ddbpk"], "year");
        assert_eq!(p.values[":ddbpk"], AttributeValue::N("1992".into()));
        assert_eq!(p.values[":ddbskhi"], AttributeValue::S("L".into()));
    }

    #[test]
    fn a_partition_value_of_the_wrong_type_is_refused() {
        let mut p = Placeholders::default();
        let err = key_condition(
            &mut p,
            &attr("year", ScalarAttributeType::N),
            "nineteen",
            None,
        )
        .unwrap_err();
        assert!(
            err.message.contains("\"nineteen\" is not a number"),
            "{}",
            err.message
        );
    }

    #[test]
    fn undefined_placeholders_are_found_with_their_column() {
        let p = Placeholders::parse(&["#yr=year".into()], &[":lo=1".into()], false).unwrap();
        let exprs = vec![("--filter", "#yr BETWEEN :lo AND :hi".to_string())];
        let err = check_placeholders(&exprs, &p).unwrap_err();
        assert!(
            err.message.ends_with("attribute value: :hi"),
            "{}",
            err.message
        );
        assert_eq!(err.excerpt.unwrap().column, 20);
        let exprs = vec![("--projection", "#yr, #t".to_string())];
        let err = check_placeholders(&exprs, &p).unwrap_err();
        assert!(
            err.message.ends_with("attribute name: #t"),
            "{}",
            err.message
        );
        let exprs = vec![("--filter", "#yr >= :lo".to_string())];
        assert!(check_placeholders(&exprs, &p).is_ok());
    }

    #[test]
    fn sort_operators_parse() {
        assert_eq!(
            SortCondition::parse(">= M"),
            SortCondition::Compare(">=", "M".into())
        );
        assert_eq!(
            SortCondition::parse("<x"),
            SortCondition::Compare("<", "x".into())
        );
        assert_eq!(
            SortCondition::parse("Alien"),
            SortCondition::Compare("=", "Alien".into())
        );
    }
}
