//! What one line of `ddb shell` asks for: a shell command (`use`, `\timing`, ...), a PartiQL
//! statement, or a ddb command line. The table set with `use` is put where a command expects its
//! table, so `get 2015 "The Big New Movie"` after `use Movies` reads the Movies table.

use aws_sdk_dynamodb::types::ScalarAttributeType;

use crate::schema::KeySchema;

/// Subcommands that take the table of `use` when the line names none: reads, and writes of one
/// item. Table changes and bulk deletes must name their table.
const ITEM_KEY: &[&str] = &["get", "update", "delete", "conditional-delete"];
const TABLE_ONLY: &[&str] = &["describe-table", "query", "scan", "tail"];

/// Whether a line is a PartiQL statement: SELECT, INSERT or EXISTS first, or the statements
/// that share a first word with a subcommand, told apart by their next keyword: DELETE FROM,
/// and UPDATE with a SET (`ddb update` spells it --set).
fn is_sql(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    let is = |w: &str, k: &str| w.eq_ignore_ascii_case(k);
    if ["SELECT", "INSERT", "EXISTS"].iter().any(|k| is(first, k)) {
        return true;
    }
    if is(first, "DELETE") {
        return words.next().is_some_and(|w| is(w, "FROM"));
    }
    is(first, "UPDATE") && words.any(|w| is(w, "SET") || is(w, "REMOVE"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Empty,
    Exit,
    Help,
    /// `use TABLE`, or `use` alone to forget it.
    Use(Option<String>),
    /// `\timing [on|off]`; None toggles.
    Timing(Option<bool>),
    /// `\explain [on|off]`; None toggles.
    Explain(Option<bool>),
    /// `\connect` and its target options.
    Connect(Vec<String>),
    /// A PartiQL statement, for `ddb sql`.
    Sql(String),
    /// The words of a ddb command line, without the leading `ddb`.
    Command(Vec<String>),
}

/// Reads a line; an unclosed quote is an error.
pub fn parse(text: &str) -> Result<Line, String> {
    let text = text.trim();
    let comment = text.starts_with('#')
        || text
            .strip_prefix("--")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
    if text.is_empty() || comment {
        return Ok(Line::Empty);
    }
    if is_sql(text) {
        return Ok(Line::Sql(text.trim_end_matches(';').trim().to_string()));
    }
    // Shell commands start with a backslash, which shell quoting would take as an escape.
    let (first, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let rest = shlex::split(rest).ok_or_else(|| "a quote is not closed".to_string())?;
    let words: Vec<String> = std::iter::once(first.to_string()).chain(rest).collect();
    let on_off = |words: &[String], what: &str| match words.get(1).map(String::as_str) {
        None => Ok(None),
        Some("on") => Ok(Some(true)),
        Some("off") => Ok(Some(false)),
        Some(other) => Err(format!("{what} takes on or off, not {other}")),
    };
    Ok(match words[0].as_str() {
        "exit" | "quit" | "\\q" => Line::Exit,
        "help" | "\\?" | "\\h" => Line::Help,
        "use" => match words.len() {
            1 => Line::Use(None),
            2 => Line::Use(Some(words[1].clone())),
            _ => return Err("use takes one table name".into()),
        },
        "\\timing" => Line::Timing(on_off(&words, "\\timing")?),
        "\\explain" => Line::Explain(on_off(&words, "\\explain")?),
        "\\connect" | "\\c" => Line::Connect(words[1..].to_vec()),
        w if w.starts_with('\\') => {
            return Err(format!(
                "unknown shell command {w}: \\timing, \\explain, \\connect, \\q (help lists them)"
            ))
        }
        _ => Line::Command(words),
    })
}

/// Whether `option` (a long or short flag of `subcommand`, or a global one) takes a value.
fn takes_value(subcommand: &clap::Command, option: &str) -> bool {
    let name = option.split('=').next().unwrap_or(option);
    let found = subcommand.get_arguments().find(|arg| {
        name.strip_prefix("--")
            .map(|long| arg.get_long() == Some(long))
            .unwrap_or_else(|| {
                let short: Vec<char> = name.trim_start_matches('-').chars().collect();
                short.len() == 1 && arg.get_short() == Some(short[0])
            })
    });
    !option.contains('=') && found.is_some_and(|arg| arg.get_action().takes_values())
}

/// The table of `use`, its key schema, and the tables the shell knows of.
#[derive(Debug, Clone, Copy)]
pub struct Current<'a> {
    pub table: &'a str,
    pub key: &'a KeySchema,
    pub tables: &'a [String],
}

impl Current<'_> {
    /// Whether `values` can be the key of the current table: as many as its key has, each
    /// parsing as its type (a number key does not take `Users`).
    fn is_key(&self, values: &[&String]) -> bool {
        let kinds: Vec<_> = std::iter::once(&self.key.partition)
            .chain(self.key.sort.as_ref())
            .map(|k| &k.kind)
            .collect();
        values.len() == kinds.len()
            && values.iter().zip(kinds).all(|(v, kind)| match kind {
                ScalarAttributeType::N => v.parse::<f64>().is_ok(),
                _ => true,
            })
    }
}

/// The command's words with the table of `use` put in as its first positional argument when the
/// positionals the line gives are exactly what the command takes besides a table: the key of
/// the current table (`get 2015 'The Big New Movie'`, or one JSON object), the item of `put`,
/// nothing for `query` and `scan`. Any other count is left to the parser, so a line never has a
/// table slipped in front of a table it names itself.
///
/// When the values could be either a key of the current table or another table and its key
/// (the first names a table the shell knows), the line is refused as ambiguous.
pub fn with_table(
    words: Vec<String>,
    current: Option<Current>,
    cli: &clap::Command,
) -> Result<Vec<String>, String> {
    let (Some(current), Some(name)) = (current, words.first()) else {
        return Ok(words);
    };
    let Some(subcommand) = cli.find_subcommand(name) else {
        return Ok(words);
    };
    let mut positionals = Vec::new();
    let mut at = 1;
    while at < words.len() {
        let word = &words[at];
        if word == "--" {
            positionals.extend(words[at + 1..].iter());
            break;
        }
        if word.starts_with('-') && word.len() > 1 {
            at += if takes_value(subcommand, word) { 2 } else { 1 };
            continue;
        }
        positionals.push(word);
        at += 1;
    }
    let json = |w: &&String| w.trim_start().starts_with('{');
    let implied = match name.as_str() {
        n if ITEM_KEY.contains(&n) => {
            let key = current.is_key(&positionals)
                || positionals.len() == 1 && positionals.first().is_some_and(json);
            if key && positionals.len() > 1 && current.tables.contains(positionals[0]) {
                return Err(format!(
                    "{} could be a table or part of a key of {}: name the table ({n} {} {})",
                    positionals[0],
                    current.table,
                    current.table,
                    positionals
                        .iter()
                        .map(|p| p.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
            // Bulk delete names its table; a read of keys from a file may take it.
            key || n == "get" && positionals.is_empty()
        }
        "put" => match positionals.as_slice() {
            [] => true,
            [item] => json(item) || item.as_str() == "-",
            _ => false,
        },
        n if TABLE_ONLY.contains(&n) => positionals.is_empty(),
        _ => false,
    };
    if !implied {
        return Ok(words);
    }
    let mut out = words;
    out.insert(1, current.table.to_string());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    fn words(text: &str) -> Vec<String> {
        match parse(text).unwrap() {
            Line::Command(words) => words,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lines_of_each_kind() {
        assert_eq!(parse("  ").unwrap(), Line::Empty);
        assert_eq!(parse("-- a comment").unwrap(), Line::Empty);
        assert!(matches!(
            parse("--explain get T 1").unwrap(),
            Line::Command(_)
        ));
        assert!(matches!(
            parse("UPDATE T REMOVE a WHERE k = 1").unwrap(),
            Line::Sql(_)
        ));
        assert_eq!(
            parse("select * from T;").unwrap(),
            Line::Sql("select * from T".into())
        );
        assert_eq!(
            parse("use Movies").unwrap(),
            Line::Use(Some("Movies".into()))
        );
        assert_eq!(
            parse("delete 2015 x").unwrap(),
            Line::Command(vec!["delete".into(), "2015".into(), "x".into()])
        );
        assert!(matches!(
            parse("DELETE FROM T WHERE k = 1").unwrap(),
            Line::Sql(_)
        ));
        assert!(matches!(
            parse("update T 1 --set a=1").unwrap(),
            Line::Command(_)
        ));
        assert!(matches!(
            parse("UPDATE T SET a = 1 WHERE k = 1").unwrap(),
            Line::Sql(_)
        ));
        assert_eq!(parse("\\timing on").unwrap(), Line::Timing(Some(true)));
        assert_eq!(parse("\\explain").unwrap(), Line::Explain(None));
        assert!(parse("\\timing maybe").is_err());
        assert!(parse("get T 'open").is_err());
        assert!(parse("\\nope").is_err());
        assert_eq!(
            parse("\\connect --endpoint-url http://x").unwrap(),
            Line::Connect(vec!["--endpoint-url".into(), "http://x".into()])
        );
    }

    #[test]
    fn the_table_of_use_goes_where_the_table_goes() {
        use crate::schema::KeyAttribute;
        let mut cli = Cli::command();
        cli.build();
        let key = KeySchema {
            partition: KeyAttribute {
                name: "year".into(),
                kind: ScalarAttributeType::N,
            },
            sort: Some(KeyAttribute {
                name: "title".into(),
                kind: ScalarAttributeType::S,
            }),
        };
        let tables = vec![
            "Movies".to_string(),
            "Users".to_string(),
            "Other".to_string(),
        ];
        let movies = Some(Current {
            table: "Movies",
            key: &key,
            tables: &tables,
        });
        let put = |text: &str| with_table(words(text), movies, &cli).unwrap().join(" ");
        assert_eq!(
            put("get 2015 'The Big New Movie'"),
            "get Movies 2015 The Big New Movie"
        );
        assert_eq!(put("get '{\"year\": 1}'"), "get Movies {\"year\": 1}");
        assert_eq!(
            put("get Other 1 x"),
            "get Other 1 x",
            "three values: a table and a key"
        );
        // A number key does not take a word: Users is the table.
        assert_eq!(put("update Users 5 --set a=1"), "update Users 5 --set a=1");
        assert_eq!(put("delete Users 5"), "delete Users 5");
        assert_eq!(put("delete 1992 Heat"), "delete Movies 1992 Heat");
        assert_eq!(
            put("delete --filter 'a > :v' --values :v=1 --yes"),
            "delete --filter a > :v --values :v=1 --yes",
            "a bulk delete names its table"
        );
        assert_eq!(put("query --pk 1992"), "query Movies --pk 1992");
        assert_eq!(
            put("query --index ByGenre --pk Western"),
            "query Movies --index ByGenre --pk Western"
        );
        assert_eq!(put("query Other --pk 1"), "query Other --pk 1");
        assert_eq!(put("scan --typed -o json"), "scan Movies --typed -o json");
        assert_eq!(put("put --file=a.ndjson"), "put Movies --file=a.ndjson");
        assert_eq!(put("put '{\"year\": 1}'"), "put Movies {\"year\": 1}");
        assert_eq!(put("put Other '{\"id\": 1}'"), "put Other {\"id\": 1}");
        assert_eq!(put("list-tables"), "list-tables");
        assert_eq!(put("delete-table"), "delete-table", "never implied");
        assert_eq!(put("truncate --yes"), "truncate --yes", "never implied");
        assert_eq!(
            with_table(words("get 1 x"), None, &cli).unwrap().join(" "),
            "get 1 x"
        );
        // A string key: `Users` could be either, and Users is a table: refused.
        let by_name = KeySchema {
            partition: KeyAttribute {
                name: "id".into(),
                kind: ScalarAttributeType::S,
            },
            sort: Some(KeyAttribute {
                name: "n".into(),
                kind: ScalarAttributeType::S,
            }),
        };
        let people = Some(Current {
            table: "People",
            key: &by_name,
            tables: &tables,
        });
        let err = with_table(words("delete Users 5"), people, &cli).unwrap_err();
        assert!(
            err.contains("name the table (delete People Users 5)"),
            "{err}"
        );
    }
}
