//! What one line of `ddb shell` asks for: a shell command (`use`, `\timing`, ...), a PartiQL
//! statement, or a ddb command line. The table set with `use` is put where a command expects its
//! table, so `get 2015 "The Big New Movie"` after `use Movies` reads the Movies table.

use clap::CommandFactory;

use crate::cli::Cli;

/// Subcommands whose first positional argument is a table that `use` may supply. Destructive
/// ones (delete-table, truncate) and ones naming several tables (copy, dump) must say it.
const TABLE_FIRST: &[&str] = &[
    "describe-table",
    "update-table",
    "ttl",
    "put",
    "get",
    "update",
    "delete",
    "conditional-delete",
    "query",
    "scan",
    "tail",
];

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
    is(first, "UPDATE") && words.any(|w| is(w, "SET"))
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
    if text.is_empty() || text.starts_with('#') || text.starts_with("--") {
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

/// The command's words with the table of `use` put in as its first positional argument, unless
/// the subcommand takes no table or the line already starts its positionals with a known table.
pub fn with_table(words: Vec<String>, table: Option<&str>, known: &[String]) -> Vec<String> {
    let Some(table) = table else { return words };
    let Some(name) = words.first() else {
        return words;
    };
    if !TABLE_FIRST.contains(&name.as_str()) {
        return words;
    }
    let mut cli = Cli::command();
    cli.build();
    let Some(subcommand) = cli.find_subcommand(name) else {
        return words;
    };
    let mut at = 1;
    let mut first_positional = None;
    while at < words.len() {
        let word = &words[at];
        if word == "--" {
            first_positional = words.get(at + 1).map(|_| at + 1);
            break;
        }
        if word.starts_with('-') && word.len() > 1 {
            at += if takes_value(subcommand, word) { 2 } else { 1 };
            continue;
        }
        first_positional = Some(at);
        break;
    }
    match first_positional {
        Some(i) if words[i] == table || known.contains(&words[i]) => words,
        Some(i) => {
            let mut out = words;
            out.insert(i, table.to_string());
            out
        }
        None => {
            let mut out = words;
            out.insert(1, table.to_string());
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let known = vec!["Movies".to_string(), "Other".to_string()];
        let put = |text: &str| with_table(words(text), Some("Movies"), &known).join(" ");
        assert_eq!(
            put("get 2015 'The Big New Movie'"),
            "get Movies 2015 The Big New Movie"
        );
        assert_eq!(put("get Other 1 x"), "get Other 1 x");
        assert_eq!(put("query --pk 1992"), "query Movies --pk 1992");
        assert_eq!(
            put("query --index ByGenre --pk Western"),
            "query Movies --index ByGenre --pk Western"
        );
        assert_eq!(put("scan --typed -o json"), "scan Movies --typed -o json");
        assert_eq!(put("put --file=a.ndjson"), "put Movies --file=a.ndjson");
        assert_eq!(put("list-tables"), "list-tables");
        assert_eq!(put("delete-table"), "delete-table", "never implied");
        assert_eq!(
            with_table(words("get 1 x"), None, &known).join(" "),
            "get 1 x"
        );
    }
}
