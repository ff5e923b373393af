//! The flag values that make up a table definition, parsed: `--pk`/`--sk` (`NAME:TYPE`),
//! `--gsi`, `--lsi`, `--gsi-capacity` and `--tag`. Errors are one line naming the value and the
//! form expected, as clap shows them.

use super::{Capacity, Index, Projection};
use crate::schema::{KeyAttribute, KeySchema};

fn parse_type(text: &str) -> Result<aws_sdk_dynamodb::types::ScalarAttributeType, String> {
    use aws_sdk_dynamodb::types::ScalarAttributeType as T;
    match text.to_ascii_uppercase().as_str() {
        "S" => Ok(T::S),
        "N" => Ok(T::N),
        "B" => Ok(T::B),
        _ => Err(format!("key types are S, N or B, not {text:?}")),
    }
}

fn attribute(name: &str, kind: &str) -> Result<KeyAttribute, String> {
    if name.is_empty() {
        return Err("an attribute name is empty".into());
    }
    Ok(KeyAttribute {
        name: name.to_string(),
        kind: parse_type(kind)?,
    })
}

/// `NAME:TYPE`, as `--pk` and `--sk` take it.
pub fn parse_key_attribute(text: &str) -> Result<KeyAttribute, String> {
    let (name, kind) = text
        .rsplit_once(':')
        .ok_or_else(|| format!("expected NAME:TYPE like year:N, found {text:?}"))?;
    attribute(name, kind).map_err(|e| format!("{e} in {text:?} (expected NAME:TYPE like year:N)"))
}

fn parse_projection(text: &str) -> Result<Projection, String> {
    match text.to_ascii_lowercase().as_str() {
        "all" => return Ok(Projection::All),
        "keys" | "keys_only" | "keys-only" => return Ok(Projection::KeysOnly),
        _ => {}
    }
    let names = text
        .strip_prefix("include=")
        .ok_or_else(|| format!("a projection is all, keys or include=a,b,c, not {text:?}"))?;
    let names: Vec<String> = names.split(',').map(str::to_string).collect();
    if names.iter().any(String::is_empty) {
        return Err(format!(
            "include= needs attribute names separated by commas, found {text:?}"
        ));
    }
    Ok(Projection::Include(names))
}

/// `NAME:PK:TYPE[:SK:TYPE][:PROJECTION]`, as `--gsi` and `update-table --add-gsi` take it.
pub fn parse_gsi(text: &str) -> Result<Index, String> {
    let usage = || {
        format!("expected NAME:PK:TYPE[:SK:TYPE][:PROJECTION] like ByGenre:genre:S:year:N:keys, found {text:?}")
    };
    let parts: Vec<&str> = text.split(':').collect();
    let (name, partition, sort, projection) = match parts.as_slice() {
        [name, pa, pt] => (name, attribute(pa, pt), None, None),
        [name, pa, pt, p] => (name, attribute(pa, pt), None, Some(p)),
        [name, pa, pt, sa, st] => (name, attribute(pa, pt), Some(attribute(sa, st)), None),
        [name, pa, pt, sa, st, p] => (name, attribute(pa, pt), Some(attribute(sa, st)), Some(p)),
        _ => return Err(usage()),
    };
    if name.is_empty() {
        return Err(usage());
    }
    let with_usage = |e: String| format!("{e}; {}", usage());
    Ok(Index {
        name: name.to_string(),
        key: KeySchema {
            partition: partition.map_err(with_usage)?,
            sort: sort.transpose().map_err(with_usage)?,
        },
        projection: projection
            .map(|p| parse_projection(p))
            .transpose()
            .map_err(with_usage)?
            .unwrap_or_default(),
    })
}

/// `NAME:SK:TYPE[:PROJECTION]`, as `--lsi` takes it. The partition key is left empty here and
/// set to the table's by [`TableDefinition::new`].
pub fn parse_lsi(text: &str) -> Result<Index, String> {
    let usage = || {
        format!("expected NAME:SK:TYPE[:PROJECTION] like ByRating:rating:N:keys, found {text:?}")
    };
    let parts: Vec<&str> = text.split(':').collect();
    let (name, sort, projection) = match parts.as_slice() {
        [name, sa, st] => (name, attribute(sa, st), None),
        [name, sa, st, p] => (name, attribute(sa, st), Some(p)),
        _ => return Err(usage()),
    };
    if name.is_empty() {
        return Err(usage());
    }
    let with_usage = |e: String| format!("{e}; {}", usage());
    let sort = sort.map_err(with_usage)?;
    Ok(Index {
        name: name.to_string(),
        key: KeySchema {
            partition: sort.clone(),
            sort: Some(sort),
        },
        projection: projection
            .map(|p| parse_projection(p))
            .transpose()
            .map_err(with_usage)?
            .unwrap_or_default(),
    })
}

/// `NAME=RCU,WCU`, as `--gsi-capacity` takes it.
pub fn parse_gsi_capacity(text: &str) -> Result<(String, Capacity), String> {
    let usage = || format!("expected NAME=RCU,WCU like ByGenre=5,5, found {text:?}");
    let (name, units) = text.split_once('=').ok_or_else(usage)?;
    let (read, write) = units.split_once(',').ok_or_else(usage)?;
    let unit = |t: &str| t.trim().parse::<i64>().ok().filter(|n| *n >= 1);
    match (name.is_empty(), unit(read), unit(write)) {
        (false, Some(read), Some(write)) => Ok((name.to_string(), Capacity { read, write })),
        _ => Err(usage()),
    }
}

/// `KEY=VALUE`, as `--tag` takes it.
pub fn parse_tag(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
        _ => Err(format!(
            "expected KEY=VALUE like team=search, found {text:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsi_specs_take_an_optional_sort_key_and_projection() {
        let g = parse_gsi("ByGenre:genre:S").unwrap();
        assert_eq!(g.key.to_text(), "genre S (partition)");
        assert_eq!(g.projection, Projection::All);
        let g = parse_gsi("ByGenre:genre:S:keys").unwrap();
        assert_eq!(g.projection, Projection::KeysOnly);
        let g = parse_gsi("ByGenre:genre:S:year:N").unwrap();
        assert_eq!(g.key.to_text(), "genre S (partition), year N (sort)");
        let g = parse_gsi("ByGenre:genre:S:year:N:include=title,rating").unwrap();
        assert_eq!(
            g.projection,
            Projection::Include(vec!["title".into(), "rating".into()])
        );
    }

    #[test]
    fn bad_specs_say_what_was_expected() {
        for bad in [
            "ByGenre",
            "ByGenre:genre",
            ":genre:S",
            "G:genre:X",
            "G:g:S:everything",
            "G:g:S:include=",
        ] {
            let err = parse_gsi(bad).unwrap_err();
            assert!(err.contains(bad), "{bad}: {err}");
        }
        assert!(parse_lsi("ByRating:rating").is_err());
        assert!(parse_gsi_capacity("ByGenre=0,5").is_err());
        assert_eq!(
            parse_gsi_capacity("ByGenre=3,4").unwrap(),
            ("ByGenre".into(), Capacity { read: 3, write: 4 })
        );
        assert!(parse_tag("=x").is_err());
        assert_eq!(parse_tag("a=b=c").unwrap(), ("a".into(), "b=c".into()));
    }
}
