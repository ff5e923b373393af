//! Tab completion for `ddb shell`: subcommands and shell commands, options, table names, index
//! names and key attribute names. Everything comes from what the shell already knows (the table
//! list read at start and after commands that change it, and the key schema `use` read): no
//! request is sent per keystroke.

use std::sync::{Arc, Mutex};

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use crate::schema::Schema;

/// What completion draws on, shared between the session and the line editor.
#[derive(Debug, Default)]
pub struct Catalog {
    pub tables: Vec<String>,
    /// The table of `use`, by its key schema.
    pub current: Option<Schema>,
}

impl Catalog {
    /// The key attributes of the current table and its indexes, and the index names.
    fn attributes_and_indexes(&self) -> (Vec<String>, Vec<String>) {
        let Some(schema) = &self.current else {
            return (Vec::new(), Vec::new());
        };
        let mut names = schema.key.names();
        for (_, key) in &schema.indexes {
            names.extend(key.names());
        }
        names.sort();
        names.dedup();
        let indexes = schema.indexes.iter().map(|(n, _)| n.clone()).collect();
        (names, indexes)
    }
}

pub const SHELL_COMMANDS: &[&str] = &[
    "use",
    "help",
    "exit",
    "quit",
    "\\timing",
    "\\explain",
    "\\connect",
    "\\q",
];

pub struct ShellHelper {
    pub catalog: Arc<Mutex<Catalog>>,
    cli: clap::Command,
}

impl ShellHelper {
    /// `cli` is the session's clap tree, already built.
    pub fn new(catalog: Arc<Mutex<Catalog>>, cli: clap::Command) -> ShellHelper {
        ShellHelper { catalog, cli }
    }

    /// The candidates for the word being typed, given the words before it.
    pub fn candidates(&self, before: &[&str], word: &str) -> Vec<String> {
        let catalog = self.catalog.lock().unwrap_or_else(|e| e.into_inner());
        let (attributes, indexes) = catalog.attributes_and_indexes();
        let tables = catalog.tables.clone();
        drop(catalog);
        let Some(first) = before.first() else {
            let mut all: Vec<String> = self
                .cli
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .chain(SHELL_COMMANDS.iter().map(|s| s.to_string()))
                .chain(["SELECT", "INSERT", "UPDATE", "DELETE"].map(String::from))
                .collect();
            all.sort();
            return starting(all, word);
        };
        let previous = before.last().copied().unwrap_or("");
        if first.eq_ignore_ascii_case("select")
            || first.eq_ignore_ascii_case("insert")
            || first.eq_ignore_ascii_case("update")
            || first.eq_ignore_ascii_case("delete")
        {
            let table_next = ["from", "into", "update"]
                .iter()
                .any(|k| previous.eq_ignore_ascii_case(k));
            let candidates = if table_next {
                tables.iter().map(|t| format!("\"{t}\"")).collect()
            } else {
                attributes.iter().map(|a| format!("\"{a}\"")).collect()
            };
            return starting(candidates, word);
        }
        match previous {
            "use" => return starting(tables, word),
            "--index" => return starting(indexes, word),
            "--projection" | "--columns" | "--pk" | "--set" | "--remove" => {
                return starting(attributes, word)
            }
            _ => {}
        }
        if *first == "\\connect" || *first == "\\c" {
            let options = [
                "--endpoint-url",
                "--region",
                "--profile",
                "--local",
                "--in-memory",
                "--data-dir",
            ];
            return starting(options.map(String::from).to_vec(), word);
        }
        let Some(subcommand) = self.cli.find_subcommand(first) else {
            return Vec::new();
        };
        if word.starts_with('-') {
            let options = subcommand
                .get_arguments()
                .filter(|a| !a.is_hide_set())
                .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                .collect();
            return starting(options, word);
        }
        // A positional word: table names where the table goes (the first positional).
        let positional_so_far = before[1..].iter().filter(|w| !w.starts_with('-')).count();
        if positional_so_far == 0 {
            return starting(tables, word);
        }
        Vec::new()
    }
}

fn starting(mut candidates: Vec<String>, word: &str) -> Vec<String> {
    candidates.retain(|c| c.starts_with(word) || c.trim_matches('"').starts_with(word));
    candidates.dedup();
    candidates
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = &line[..pos];
        let start = head.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let before: Vec<&str> = head[..start].split_whitespace().collect();
        let word = &head[start..];
        let pairs = self
            .candidates(&before, word)
            .into_iter()
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}
impl Highlighter for ShellHelper {}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{KeyAttribute, KeySchema};
    use aws_sdk_dynamodb::types::ScalarAttributeType;

    fn helper() -> ShellHelper {
        let key = |name: &str| KeyAttribute {
            name: name.into(),
            kind: ScalarAttributeType::S,
        };
        let schema = Schema::new(
            "Movies",
            KeySchema {
                partition: key("year"),
                sort: Some(key("title")),
            },
            vec![(
                "ByGenre".into(),
                KeySchema {
                    partition: key("genre"),
                    sort: None,
                },
            )],
        );
        let catalog = Catalog {
            tables: vec!["Movies".into(), "Music".into(), "Other".into()],
            current: Some(schema),
        };
        let mut cli = <crate::cli::Cli as clap::CommandFactory>::command();
        cli.build();
        ShellHelper::new(Arc::new(Mutex::new(catalog)), cli)
    }

    #[test]
    fn completes_from_what_the_shell_knows() {
        let h = helper();
        assert_eq!(h.candidates(&[], "descr"), vec!["describe-table"]);
        assert_eq!(h.candidates(&["use"], "Mu"), vec!["Music"]);
        assert_eq!(h.candidates(&["scan"], "Mo"), vec!["Movies"]);
        assert_eq!(
            h.candidates(&["query", "Movies", "--index"], ""),
            vec!["ByGenre"]
        );
        assert_eq!(
            h.candidates(&["scan", "Movies", "--projection"], "t"),
            vec!["title"]
        );
        assert!(h
            .candidates(&["query", "Movies"], "--sk-b")
            .contains(&"--sk-between".to_string()));
        assert_eq!(
            h.candidates(&["SELECT", "*", "FROM"], "Mo"),
            vec!["\"Movies\""]
        );
        assert_eq!(h.candidates(&["\\timing"], "x"), Vec::<String>::new());
    }
}
