//! The change vocabulary of `ddb update` (and later `tx` and the web admin), turned into one
//! DynamoDB UpdateExpression. Every path component is aliased (`#u0`, `#u1`, ...), so reserved
//! words just work, and every value is an ExpressionAttributeValue (`:u0`, ...), never spliced
//! into the expression text.

use aws_sdk_dynamodb::types::AttributeValue;

use crate::error::Diagnostic;
use crate::expr::{self, Placeholders};
use crate::schema::KeySchema;

/// One change to an item's attributes.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// `--set PATH=VALUE`
    Set(Path, AttributeValue),
    /// `--set-if-absent PATH=VALUE`: `SET path = if_not_exists(path, :v)`
    SetIfAbsent(Path, AttributeValue),
    /// `--add PATH=VALUE`: a number to add, or a set to merge
    Add(Path, AttributeValue),
    /// `--remove PATH`
    Remove(Path),
    /// `--delete-from PATH=ARRAY`: elements to take out of a set
    DeleteFrom(Path, AttributeValue),
    /// `--append PATH=ARRAY` / `--prepend PATH=ARRAY`: a list, created when absent
    Append(Path, AttributeValue),
    Prepend(Path, AttributeValue),
}

/// A document path: `info.actors[0]` is the name `info`, the name `actors`, the index 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub text: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Name(String),
    Index(u64),
}

impl Path {
    /// Parses `a.b[2].c`; an error names the flag and puts a caret under the bad part.
    pub fn parse(text: &str, flag: &str) -> Result<Path, Diagnostic> {
        let bad = |at: usize, what: &str| {
            Diagnostic::new(format!("{flag}: {what} in the path {text:?}"))
                .with_excerpt(flag, text, at)
        };
        let mut parts = Vec::new();
        let mut name = String::new();
        let mut chars = text.char_indices().peekable();
        let mut after_index = false;
        while let Some((at, c)) = chars.next() {
            match c {
                '.' => {
                    if name.is_empty() && !after_index {
                        return Err(bad(at, "an empty name"));
                    }
                    if !name.is_empty() {
                        parts.push(Part::Name(std::mem::take(&mut name)));
                    }
                    after_index = false;
                    if chars.peek().is_none() {
                        return Err(bad(at, "a name is missing after the dot"));
                    }
                }
                '[' => {
                    if name.is_empty() && parts.is_empty() {
                        return Err(bad(at, "a path starts with a name"));
                    }
                    if name.is_empty() && !after_index {
                        return Err(bad(at, "a list index follows a name, not a dot"));
                    }
                    if !name.is_empty() {
                        parts.push(Part::Name(std::mem::take(&mut name)));
                    }
                    let mut digits = String::new();
                    loop {
                        match chars.next() {
                            Some((_, d)) if d.is_ascii_digit() => digits.push(d),
                            Some((_, ']')) if !digits.is_empty() => break,
                            Some((i, _)) => return Err(bad(i, "a list index is digits in [ ]")),
                            None => return Err(bad(text.len(), "an index is not closed with ]")),
                        }
                    }
                    let index = digits
                        .parse()
                        .map_err(|_| bad(at, "the list index is too large"))?;
                    parts.push(Part::Index(index));
                    after_index = true;
                }
                ']' => return Err(bad(at, "a ] without its [")),
                c => {
                    if after_index {
                        return Err(bad(at, "a . is missing after the index"));
                    }
                    name.push(c);
                }
            }
        }
        if !name.is_empty() {
            parts.push(Part::Name(name));
        }
        if parts.is_empty() {
            return Err(bad(0, "an empty path"));
        }
        Ok(Path {
            text: text.to_string(),
            parts,
        })
    }

    /// The top-level attribute the path starts at.
    pub fn attribute(&self) -> &str {
        match &self.parts[0] {
            Part::Name(name) => name,
            Part::Index(_) => "",
        }
    }

    /// Whether one path is the other or lies inside it (DynamoDB refuses both in one update).
    fn overlaps(&self, other: &Path) -> bool {
        let n = self.parts.len().min(other.parts.len());
        self.parts[..n] == other.parts[..n]
    }
}

/// `PATH=VALUE` of a change flag; the value as `--values` reads it (JSON, or else a string).
fn assignment(text: &str, flag: &str, typed: bool) -> Result<(Path, AttributeValue), Diagnostic> {
    let Some((path, value)) = text.split_once('=') else {
        return Err(
            Diagnostic::new(format!("{flag}: expected PATH=VALUE, found {text:?}")).with_excerpt(
                flag,
                text,
                text.len(),
            ),
        );
    };
    let path = Path::parse(path, flag)?;
    let value = expr::value_from_text(value, typed, &path.text)
        .map_err(|e| Diagnostic::new(format!("{flag} {}: {e}", path.text)))?;
    Ok((path, value))
}

/// A JSON array given for a set (`--add`, `--delete-from`): strings make a string set, numbers a
/// number set. Typed input says its set type itself.
fn as_set(value: AttributeValue, flag: &str, path: &Path) -> Result<AttributeValue, Diagnostic> {
    let refuse = || {
        Diagnostic::new(format!(
            "{flag} {}: give a JSON array of strings or of numbers (a set), like '[\"a\",\"b\"]'",
            path.text
        ))
    };
    match value {
        AttributeValue::L(elements) if !elements.is_empty() => {
            if elements.iter().all(|e| matches!(e, AttributeValue::S(_))) {
                Ok(AttributeValue::Ss(
                    elements
                        .into_iter()
                        .filter_map(|e| e.as_s().ok().cloned())
                        .collect(),
                ))
            } else if elements.iter().all(|e| matches!(e, AttributeValue::N(_))) {
                Ok(AttributeValue::Ns(
                    elements
                        .into_iter()
                        .filter_map(|e| e.as_n().ok().cloned())
                        .collect(),
                ))
            } else {
                Err(refuse())
            }
        }
        set @ (AttributeValue::Ss(_) | AttributeValue::Ns(_) | AttributeValue::Bs(_)) => Ok(set),
        _ => Err(refuse()),
    }
}

/// The changes given on the command line, in the order of the flags' kinds.
#[derive(Debug, Default)]
pub struct ChangeArgs<'a> {
    pub set: &'a [String],
    pub set_if_absent: &'a [String],
    pub add: &'a [String],
    pub remove: &'a [String],
    pub delete_from: &'a [String],
    pub append: &'a [String],
    pub prepend: &'a [String],
}

/// The kinds of change with a value, as flags (`--set`) and JSON fields (`set`) name them.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Set,
    SetIfAbsent,
    Add,
    DeleteFrom,
    Append,
    Prepend,
}

impl Kind {
    const ALL: [(Kind, &'static str, &'static str); 6] = [
        (Kind::Set, "--set", "set"),
        (Kind::SetIfAbsent, "--set-if-absent", "set_if_absent"),
        (Kind::Add, "--add", "add"),
        (Kind::DeleteFrom, "--delete-from", "delete_from"),
        (Kind::Append, "--append", "append"),
        (Kind::Prepend, "--prepend", "prepend"),
    ];

    /// The change, its value checked for the kind (a set to add or delete, a list to append).
    fn change(self, path: Path, value: AttributeValue, label: &str) -> Result<Change, Diagnostic> {
        let list = |value: AttributeValue| {
            if matches!(value, AttributeValue::L(_)) {
                Ok(value)
            } else {
                Err(Diagnostic::new(format!(
                    "{label} {}: give a JSON array of the elements to add, like '[\"x\"]'",
                    path.text
                )))
            }
        };
        Ok(match self {
            Kind::Set => Change::Set(path, value),
            Kind::SetIfAbsent => Change::SetIfAbsent(path, value),
            Kind::Add => {
                let value = match value {
                    number @ AttributeValue::N(_) => number,
                    other => as_set(other, label, &path)?,
                };
                Change::Add(path, value)
            }
            Kind::DeleteFrom => {
                let value = as_set(value, label, &path)?;
                Change::DeleteFrom(path, value)
            }
            Kind::Append => {
                let value = list(value)?;
                Change::Append(path, value)
            }
            Kind::Prepend => {
                let value = list(value)?;
                Change::Prepend(path, value)
            }
        })
    }
}

/// Reads the change flags; `typed` reads values as DynamoDB JSON.
pub fn parse(args: &ChangeArgs, typed: bool) -> Result<Vec<Change>, Diagnostic> {
    let mut changes = Vec::new();
    let given = [
        args.set,
        args.set_if_absent,
        args.add,
        args.delete_from,
        args.append,
        args.prepend,
    ];
    for ((kind, flag, _), texts) in Kind::ALL.into_iter().zip(given) {
        for text in texts {
            let (path, value) = assignment(text, flag, typed)?;
            changes.push(kind.change(path, value, flag)?);
        }
    }
    for text in args.remove {
        changes.push(Change::Remove(Path::parse(text, "--remove")?));
    }
    Ok(changes)
}

/// The change vocabulary as JSON, for `ddb tx`: `{"set": {"info.rating": 7}, "add": {"n": 1},
/// "remove": ["old"], "delete_from": {...}, "append": {...}, "prepend": {...}, "set_if_absent":
/// {...}}`. Values are plain JSON, or DynamoDB JSON with `typed`.
pub fn from_json(
    action: &serde_json::Map<String, serde_json::Value>,
    typed: bool,
) -> Result<Vec<Change>, Diagnostic> {
    use serde_json::Value;
    let mut changes = Vec::new();
    for (kind, _, field) in Kind::ALL {
        match action.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (text, v) in map {
                    let path = Path::parse(text, field)?;
                    let value = if typed {
                        crate::item::from_typed(v, &path.text)
                    } else {
                        crate::item::from_plain(v, &path.text)
                    }
                    .map_err(|e| Diagnostic::new(format!("{field} {}: {e}", path.text)))?;
                    changes.push(kind.change(path, value, field)?);
                }
            }
            Some(_) => {
                return Err(Diagnostic::new(format!(
                    "{field} is an object of paths and values, like {{\"info.rating\": 7}}"
                )))
            }
        }
    }
    let remove_shape = || Diagnostic::new("remove is an array of paths, like [\"info.actors[0]\"]");
    match action.get("remove") {
        None | Some(Value::Null) => {}
        Some(Value::Array(paths)) => {
            for path in paths {
                let text = path.as_str().ok_or_else(remove_shape)?;
                changes.push(Change::Remove(Path::parse(text, "remove")?));
            }
        }
        Some(_) => return Err(remove_shape()),
    }
    Ok(changes)
}

impl Change {
    fn path(&self) -> &Path {
        match self {
            Change::Set(p, _)
            | Change::SetIfAbsent(p, _)
            | Change::Add(p, _)
            | Change::Remove(p)
            | Change::DeleteFrom(p, _)
            | Change::Append(p, _)
            | Change::Prepend(p, _) => p,
        }
    }
}

/// Builds the UpdateExpression for `changes`, adding its names and values to `placeholders`.
/// Refuses, before anything is sent, what DynamoDB would refuse: no change, a change to a key
/// attribute, and two changes on overlapping paths.
pub fn expression(
    changes: &[Change],
    key: &KeySchema,
    placeholders: &mut Placeholders,
) -> Result<String, Diagnostic> {
    if changes.is_empty() {
        return Err(Diagnostic::new(
            "no change given: use --set, --add, --remove, --delete-from, --append, --prepend, --set-if-absent or --expression",
        ));
    }
    for change in changes {
        let path = change.path();
        if key.names().iter().any(|k| k == path.attribute()) {
            return Err(Diagnostic::new(format!(
                "{} is part of the table's key and cannot be changed; put a new item (and delete the old one) instead",
                path.attribute()
            )));
        }
    }
    for (i, a) in changes.iter().enumerate() {
        if let Some(b) = changes[..i].iter().find(|b| b.path().overlaps(a.path())) {
            return Err(Diagnostic::new(format!(
                "the changes to {} and {} overlap; DynamoDB takes one change per path in an update",
                b.path().text,
                a.path().text
            )));
        }
    }
    let mut aliases: Vec<(String, String)> = Vec::new();
    let mut values = 0usize;
    let mut alias = |placeholders: &mut Placeholders, path: &Path| -> Result<String, Diagnostic> {
        let mut out = String::new();
        for part in &path.parts {
            match part {
                Part::Name(name) => {
                    let known = aliases
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, a)| a.clone());
                    let a = match known {
                        Some(a) => a,
                        None => {
                            let a = placeholders
                                .generated_name(&format!("#u{}", aliases.len()), name)?;
                            aliases.push((name.clone(), a.clone()));
                            a
                        }
                    };
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&a);
                }
                Part::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        Ok(out)
    };
    let mut value = |placeholders: &mut Placeholders, v: &AttributeValue| {
        let name = format!(":u{values}");
        values += 1;
        placeholders.generated_value(&name, v.clone())
    };
    let (mut set, mut remove, mut add, mut delete) = (vec![], vec![], vec![], vec![]);
    for change in changes {
        match change {
            Change::Set(p, v) => {
                let p = alias(placeholders, p)?;
                set.push(format!("{p} = {}", value(placeholders, v)?));
            }
            Change::SetIfAbsent(p, v) => {
                let p = alias(placeholders, p)?;
                set.push(format!(
                    "{p} = if_not_exists({p}, {})",
                    value(placeholders, v)?
                ));
            }
            Change::Append(p, v) | Change::Prepend(p, v) => {
                let p = alias(placeholders, p)?;
                let v = value(placeholders, v)?;
                let empty = value(placeholders, &AttributeValue::L(Vec::new()))?;
                let existing = format!("if_not_exists({p}, {empty})");
                set.push(if matches!(change, Change::Append(..)) {
                    format!("{p} = list_append({existing}, {v})")
                } else {
                    format!("{p} = list_append({v}, {existing})")
                });
            }
            Change::Remove(p) => remove.push(alias(placeholders, p)?),
            Change::Add(p, v) => {
                let p = alias(placeholders, p)?;
                add.push(format!("{p} {}", value(placeholders, v)?));
            }
            Change::DeleteFrom(p, v) => {
                let p = alias(placeholders, p)?;
                delete.push(format!("{p} {}", value(placeholders, v)?));
            }
        }
    }
    let clauses: Vec<String> = [
        ("SET", set),
        ("REMOVE", remove),
        ("ADD", add),
        ("DELETE", delete),
    ]
    .into_iter()
    .filter(|(_, parts)| !parts.is_empty())
    .map(|(verb, parts)| format!("{verb} {}", parts.join(", ")))
    .collect();
    Ok(clauses.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::KeyAttribute;
    use aws_sdk_dynamodb::types::ScalarAttributeType;

    fn key() -> KeySchema {
        KeySchema {
            partition: KeyAttribute {
                name: "year".into(),
                kind: ScalarAttributeType::N,
            },
            sort: Some(KeyAttribute {
                name: "title".into(),
                kind: ScalarAttributeType::S,
            }),
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_change_kind_becomes_one_aliased_expression() {
        let set = strings(&["info.rating=7", "name=Bob"]);
        let add = strings(&["count=1", "tags=[\"a\",\"b\"]"]);
        let remove = strings(&["info.actors[0]"]);
        let append = strings(&["log=[\"x\"]"]);
        let absent = strings(&["created=2026"]);
        let args = ChangeArgs {
            set: &set,
            add: &add,
            remove: &remove,
            append: &append,
            set_if_absent: &absent,
            ..Default::default()
        };
        let changes = parse(&args, false).unwrap();
        let mut placeholders = Placeholders::default();
        let text = expression(&changes, &key(), &mut placeholders).unwrap();
        assert_eq!(
            text,
            "SET #u0.#u1 = :u0, #u2 = :u1, #u3 = if_not_exists(#u3, :u2), #u6 = list_append(if_not_exists(#u6, :u6), :u5) REMOVE #u0.#u7[0] ADD #u4 :u3, #u5 :u4"
        );
        assert_eq!(placeholders.names["#u2"], "name");
        assert_eq!(placeholders.values[":u0"], AttributeValue::N("7".into()));
        assert_eq!(
            placeholders.values[":u4"],
            AttributeValue::Ss(vec!["a".into(), "b".into()])
        );
    }

    #[test]
    fn what_dynamodb_would_refuse_is_refused_first() {
        let mut p = Placeholders::default();
        assert!(expression(&[], &key(), &mut p).is_err());
        let set = strings(&["year=2020"]);
        let changes = parse(
            &ChangeArgs {
                set: &set,
                ..Default::default()
            },
            false,
        )
        .unwrap();
        let err = expression(&changes, &key(), &mut p).unwrap_err();
        assert!(err.to_string().contains("part of the table's key"), "{err}");
        let set = strings(&["info.rating=1"]);
        let remove = strings(&["info"]);
        let changes = parse(
            &ChangeArgs {
                set: &set,
                remove: &remove,
                ..Default::default()
            },
            false,
        )
        .unwrap();
        let err = expression(&changes, &key(), &mut Placeholders::default()).unwrap_err();
        assert!(
            err.to_string().contains("info.rating and info overlap"),
            "{err}"
        );
    }

    #[test]
    fn paths_parse_or_point_at_the_problem() {
        assert!(Path::parse("a.b[2].c", "--set").is_ok());
        assert!(Path::parse("a[1][2]", "--set").is_ok());
        for bad in [
            "", ".a", "a..b", "a.", "a[x]", "a[1", "a]", "[1]", "a[1]b", "a.[1]",
        ] {
            assert!(Path::parse(bad, "--set").is_err(), "{bad:?}");
        }
    }
}
