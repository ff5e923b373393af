//! The key of the item a command acts on, and the key schema behind it: a key given as JSON is
//! taken as is; positional values are typed from the table's key schema, a remembered one first,
//! and DescribeTable's when the try with it was refused in a way a changed table explains.

use anyhow::Result;

use super::args::KeyArgs;
use super::parse_json_arg;
use crate::client::Db;
use crate::error::{Diagnostic, UsageError};
use crate::item::{self, Item};
use crate::schema::{KeySchema, Schema};

/// Runs `act` with the key the user gave and the names of the table's key attributes (for
/// output order). Positional values are typed from the key schema: a remembered one first, and
/// DescribeTable's when `act` was refused as [`Attempt::Stale`] (see [`with_schema`]).
pub(crate) async fn with_key<T>(
    args: &KeyArgs,
    db: &Db,
    act: impl AsyncFn((Item, Vec<String>)) -> std::result::Result<T, Attempt>,
) -> Result<T> {
    if let Some(key) = json_key(args)? {
        return act(key).await.map_err(Attempt::into_error);
    }
    with_schema(
        db,
        &args.table,
        |_| true,
        async |schema| act(positional_key(args, &schema.key).map_err(Attempt::Stale)?).await,
    )
    .await
}

/// The key given as one JSON object, with its attribute names in the order written; None when
/// the key is given as positional values.
fn json_key(args: &KeyArgs) -> Result<Option<(Item, Vec<String>)>> {
    let [json] = args.key.as_slice() else {
        return Ok(None);
    };
    if !json.trim_start().starts_with('{') {
        return Ok(None);
    }
    let value = parse_json_arg("KEY", json)?;
    let key = item::key_from_json(&value).map_err(|e| Diagnostic::new(format!("KEY: {e}")))?;
    // Key attributes print first, in the order the user wrote them.
    let names: Vec<String> = value
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    Ok(Some((key, names)))
}

/// The key given as positional values, typed from the key schema.
fn positional_key(args: &KeyArgs, schema: &KeySchema) -> Result<(Item, Vec<String>)> {
    let mut key = Item::new();
    let mut attrs = std::iter::once(&schema.partition).chain(schema.sort.iter());
    let expected = 1 + usize::from(schema.sort.is_some());
    if args.key.len() != expected {
        let shape = match &schema.sort {
            Some(sort) => format!("{} and {}", schema.partition.name, sort.name),
            None => schema.partition.name.clone(),
        };
        return Err(UsageError(format!(
            "table {} has the key {shape}: give {expected} value(s) or a JSON object, not {}",
            args.table,
            args.key.len()
        ))
        .into());
    }
    for text in &args.key {
        let attr = attrs.next().expect("counted above");
        let value = item::scalar_from_text(text, &attr.kind, &attr.name)
            .map_err(|e| Diagnostic::new(format!("KEY: {e}")))?;
        key.insert(attr.name.clone(), value);
    }
    Ok((key, schema.names()))
}

/// How a command's try with one key schema ended badly.
pub(crate) enum Attempt {
    /// Refused before anything was printed, in a way a changed table explains: the server's
    /// ValidationException, or a local check against the key (a sort key it lacks, a value not of
    /// its type, a count of values). Worth one more try when the schema was a remembered one.
    Stale(anyhow::Error),
    Failed(anyhow::Error),
}

impl Attempt {
    pub(crate) fn into_error(self) -> anyhow::Error {
        match self {
            Attempt::Stale(e) | Attempt::Failed(e) => e,
        }
    }

    /// A failed request: the server's ValidationException may come from a changed key schema.
    pub(crate) fn refused(err: anyhow::Error) -> Attempt {
        let code = err
            .downcast_ref::<Diagnostic>()
            .and_then(|d| d.code.as_deref());
        if code == Some("ValidationException") {
            Attempt::Stale(err)
        } else {
            Attempt::Failed(err)
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for Attempt {
    fn from(err: E) -> Self {
        Attempt::Failed(err.into())
    }
}

/// Runs `attempt` with the key schema a previous run remembered for `table` when there is one
/// (and `usable` accepts it), and once more with DescribeTable's answer when that try was
/// [`Attempt::Stale`]: a query or a positional get costs one round trip instead of two, and a
/// table changed since is still read right.
pub(crate) async fn with_schema<T>(
    db: &Db,
    table: &str,
    usable: impl Fn(&Schema) -> bool,
    attempt: impl AsyncFn(&Schema) -> std::result::Result<T, Attempt>,
) -> Result<T> {
    if let Some(schema) = db.remembered_schema(table).filter(|s| usable(s)) {
        match attempt(&schema).await {
            Err(Attempt::Stale(_)) => db.forget_schema(table),
            done => return done.map_err(Attempt::into_error),
        }
    }
    let schema = db.schema(table).await?;
    attempt(&schema).await.map_err(Attempt::into_error)
}
