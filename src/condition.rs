//! Why a condition expression was false: the attribute paths it names and the item's current
//! values of them, so `conditional-delete` can say "info.rating is 7" rather than only "no".

use crate::expr::Placeholders;
use crate::item::{self, Item};
use aws_sdk_dynamodb::types::AttributeValue;

/// Words of the expression language that are not attribute names.
const KEYWORDS: &[&str] = &[
    "and",
    "or",
    "not",
    "between",
    "in",
    "attribute_exists",
    "attribute_not_exists",
    "attribute_type",
    "begins_with",
    "contains",
    "size",
];

/// The document paths a condition names, with `#name` placeholders resolved, in order of
/// first appearance (`info.rating`, `info.actors[0]`).
pub fn paths(condition: &str, placeholders: &Placeholders) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = condition.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ':' {
            // A value placeholder: skip it.
            i += 1;
            while i < chars.len() && is_name_char(chars[i]) {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' || c == '#' {
            let start = i;
            while i < chars.len()
                && (is_name_char(chars[i]) || matches!(chars[i], '#' | '.' | '[' | ']'))
            {
                i += 1;
            }
            let raw: String = chars[start..i].iter().collect();
            let is_function = chars[i..].iter().find(|c| !c.is_whitespace()) == Some(&'(');
            if is_function || KEYWORDS.contains(&raw.to_ascii_lowercase().as_str()) {
                continue;
            }
            let resolved = resolve_names(&raw, placeholders);
            if !out.contains(&resolved) {
                out.push(resolved);
            }
        } else {
            i += 1;
        }
    }
    out
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn resolve_names(path: &str, placeholders: &Placeholders) -> String {
    let mut out = String::new();
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        out.push_str(
            placeholders
                .names
                .get(token.as_str())
                .map_or(token.as_str(), String::as_str),
        );
        token.clear();
    };
    for c in path.chars() {
        if matches!(c, '.' | '[' | ']') {
            flush(&mut token, &mut out);
            out.push(c);
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// The value at a document path (`info.actors[0]`), if the item has one.
pub fn lookup<'a>(it: &'a Item, path: &str) -> Option<&'a AttributeValue> {
    let mut segments = path.split('.');
    let first = segments.next()?;
    let (name, indexes) = split_indexes(first);
    let mut current = index_into(it.get(name)?, &indexes)?;
    for segment in segments {
        let (name, indexes) = split_indexes(segment);
        let AttributeValue::M(map) = current else {
            return None;
        };
        current = index_into(map.get(name)?, &indexes)?;
    }
    Some(current)
}

fn split_indexes(segment: &str) -> (&str, Vec<usize>) {
    match segment.find('[') {
        None => (segment, Vec::new()),
        Some(at) => (
            &segment[..at],
            segment[at..]
                .split(['[', ']'])
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect(),
        ),
    }
}

fn index_into<'a>(mut value: &'a AttributeValue, indexes: &[usize]) -> Option<&'a AttributeValue> {
    for &i in indexes {
        let AttributeValue::L(list) = value else {
            return None;
        };
        value = list.get(i)?;
    }
    Some(value)
}

/// "info.rating = 7, title = \"X\"" for the paths a condition names; missing ones say so.
pub fn current_values(condition: &str, placeholders: &Placeholders, it: &Item) -> String {
    paths(condition, placeholders)
        .iter()
        .map(|path| match lookup(it, path) {
            Some(value) => format!("{path} = {}", item::to_plain(value)),
            None => format!("{path} is absent"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The values of the placeholders a condition uses, as ":val = 5".
pub fn placeholder_values(condition: &str, placeholders: &Placeholders) -> String {
    let mut keys: Vec<&String> = placeholders
        .values
        .keys()
        .filter(|k| condition.contains(k.as_str()))
        .collect();
    keys.sort();
    keys.iter()
        .map(|k| format!("{k} = {}", item::to_plain(&placeholders.values[*k])))
        .collect::<Vec<String>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_skip_functions_keywords_and_values() {
        let mut p = Placeholders::default();
        p.names.insert("#yr".into(), "year".into());
        let found = paths("info.rating <= :val AND attribute_exists(#yr) AND NOT begins_with(title, :t) OR size(info.actors[0]) > :n", &p);
        assert_eq!(found, ["info.rating", "year", "title", "info.actors[0]"]);
    }

    #[test]
    fn lookup_walks_maps_and_lists() {
        let it = item::item_from_json(&json!({"info": {"rating": 7, "actors": ["A", "B"]}}), false)
            .unwrap();
        assert_eq!(
            lookup(&it, "info.rating"),
            Some(&AttributeValue::N("7".into()))
        );
        assert_eq!(
            lookup(&it, "info.actors[1]"),
            Some(&AttributeValue::S("B".into()))
        );
        assert_eq!(lookup(&it, "info.plot"), None);
        assert_eq!(
            current_values(
                "info.rating <= :val AND info.plot = :p",
                &Placeholders::default(),
                &it
            ),
            "info.rating = 7, info.plot is absent"
        );
    }
}
