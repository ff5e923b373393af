//! `ddb shell`: one connection for many commands, above the command line it drives (its `Args`
//! are in the clap tree with the other subcommands; `main` starts it). On a terminal, a line editor with history,
//! completion and Ctrl-C cancelling the running command; otherwise commands are read from stdin,
//! one per line, and only their output is printed. Each line goes through the same clap parser
//! and the same commands as `ddb` itself ([`line`] says what a line asks for).

mod complete;
mod line;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser};
use futures_util::FutureExt;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use tokio::signal::unix::{signal, Signal, SignalKind};

use self::complete::{Catalog, ShellHelper};
use self::line::Line;
use crate::cli::{self, Cli, Command};
use crate::client::{all_table_names, Db};
use crate::commands::args::GlobalArgs;
use crate::commands::shell::Args;
use crate::commands::{self, completions};
use crate::error::{report, Outcome};
use crate::output::OutputFormat;

/// The options ddb sends to AWS or to an endpoint: kept by the shell, not by each command.
const TARGET_OPTIONS: &[&str] = &[
    "endpoint_url",
    "region",
    "profile",
    "local",
    "data_dir",
    "in_memory",
];

struct Session {
    db: Db,
    /// The options the shell started with; the target ones follow `\connect`.
    global: GlobalArgs,
    timing: bool,
    catalog: Arc<Mutex<Catalog>>,
    sigint: Signal,
    /// On a terminal: shell commands confirm what they did; a script prints only its output.
    interactive: bool,
    /// The clap tree, built once: building it is most of what a short command costs here.
    cli: clap::Command,
    /// The shell's own global options, given again to every command ([`launch_flags`]).
    launch: Vec<String>,
}

/// Connects to the target of `global` and runs the session until `exit`, Ctrl-D or the end of
/// stdin.
pub async fn run(args: &Args, global: &GlobalArgs) -> Result<Outcome> {
    let db = commands::connect(global).await?;
    let sigint = signal(SignalKind::interrupt()).context("cannot catch Ctrl-C")?;
    let mut session = Session {
        db,
        global: global.clone(),
        timing: false,
        catalog: Arc::default(),
        sigint,
        interactive: std::io::stdin().is_terminal(),
        cli: {
            let mut cli = Cli::command().args_override_self(true);
            cli.build();
            cli
        },
        launch: launch_flags(global),
    };
    session.refresh_tables().await;
    let outcome = if session.interactive {
        interactive(&mut session).await
    } else {
        script(args, &mut session).await
    };
    let closed = session.db.close().await;
    let outcome = outcome?;
    closed?;
    Ok(outcome)
}

/// The line editor's loop: Ctrl-C clears the line, Ctrl-D (or `exit`) leaves.
async fn interactive(session: &mut Session) -> Result<Outcome> {
    let config = rustyline::Config::builder()
        .max_history_size(2000)?
        .auto_add_history(false)
        .build();
    let mut editor: rustyline::Editor<ShellHelper, FileHistory> =
        rustyline::Editor::with_config(config)?;
    editor.set_helper(Some(ShellHelper::new(
        session.catalog.clone(),
        session.cli.clone(),
    )));
    let history = history_path(&session.global);
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    if !session.global.quiet {
        eprintln!(
            "ddb shell on {}: `help` lists the shell commands, Ctrl-D leaves",
            session.db.endpoint
        );
    }
    loop {
        let prompt = match &session.current() {
            Some(table) => format!("ddb:{table}> "),
            None => "ddb> ".to_string(),
        };
        let read = tokio::task::block_in_place(|| editor.readline(&prompt));
        let text = match read {
            Ok(text) => text,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e).context("cannot read the line"),
        };
        if !text.trim().is_empty() {
            let _ = editor.add_history_entry(text.as_str());
            if let Some(path) = &history {
                // Appended at once, so a shell that is killed keeps what was typed, and two
                // shells side by side both keep theirs.
                let _ = editor.append_history(path);
            }
        }
        if session.execute(&text).await.is_none() {
            break;
        }
    }
    Ok(Outcome::Done)
}

/// Commands from stdin, one a line: stop at the first that fails, with its exit code.
async fn script(args: &Args, session: &mut Session) -> Result<Outcome> {
    let mut first_failure = None;
    // Lines are read on their own thread, ahead of the commands, so no command waits for a read.
    let (lines_tx, mut lines_rx) = tokio::sync::mpsc::channel::<std::io::Result<String>>(256);
    std::thread::spawn(move || {
        for line in std::io::stdin().lines() {
            let failed = line.is_err();
            if lines_tx.blocking_send(line).is_err() || failed {
                return;
            }
        }
    });
    while let Some(line) = lines_rx.recv().await {
        let input = line.context("cannot read commands from stdin")?;
        match session.execute(&input).await {
            None => break,
            Some(0) => {}
            Some(code) => {
                first_failure.get_or_insert(code);
                if !args.keep_going {
                    break;
                }
            }
        }
    }
    Ok(first_failure.map_or(Outcome::Done, Outcome::Failed))
}

/// The history file, in the data directory.
fn history_path(global: &GlobalArgs) -> Option<PathBuf> {
    let dir = global
        .data_dir
        .clone()
        .or_else(crate::target::default_data_dir)?;
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("shell_history"))
}

impl Session {
    /// A confirmation of a shell command, on a terminal only.
    fn say(&self, what: &str) {
        if self.interactive && !self.global.quiet {
            eprintln!("ddb: {what}");
        }
    }

    fn current(&self) -> Option<String> {
        self.lock().current.as_ref().map(|s| s.table().to_string())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Catalog> {
        self.catalog.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the table list for completion; a target that cannot list simply completes none.
    async fn refresh_tables(&self) {
        if let Ok(tables) = all_table_names(&self.db.client).await {
            self.lock().tables = tables;
        }
    }

    /// Runs one line; None when the shell should end, else the line's exit code.
    async fn execute(&mut self, text: &str) -> Option<u8> {
        let line = match line::parse(text) {
            Ok(line) => line,
            Err(message) => {
                eprintln!("ddb: error: {message}");
                return Some(2);
            }
        };
        let code = match line {
            Line::Empty => 0,
            Line::Exit => return None,
            Line::Help => {
                println!("{}", help());
                0
            }
            Line::Use(None) => {
                self.lock().current = None;
                0
            }
            Line::Use(Some(table)) => match self.db.schema(&table).await {
                Ok(schema) => {
                    self.lock().current = Some(schema);
                    0
                }
                Err(err) => report(&err),
            },
            Line::Timing(on) => {
                self.timing = on.unwrap_or(!self.timing);
                self.say(&format!(
                    "timing is {}",
                    if self.timing { "on" } else { "off" }
                ));
                0
            }
            Line::Explain(on) => {
                self.global.explain = on.unwrap_or(!self.global.explain);
                self.say(if self.global.explain {
                    "explain is on: requests are printed, not sent"
                } else {
                    "explain is off"
                });
                0
            }
            Line::Connect(words) => self.connect(words).await,
            Line::Sql(statement) => match self.command(vec!["sql".into(), statement]).await {
                Ended::Code(code) => code,
                Ended::StdoutClosed => return None,
            },
            Line::Command(words) => {
                let words = {
                    let catalog = self.lock();
                    let current = catalog.current.as_ref().map(|schema| line::Current {
                        table: schema.table(),
                        key: &schema.key,
                        tables: &catalog.tables,
                    });
                    line::with_table(words, current, &self.cli)
                };
                let words = match words {
                    Ok(words) => words,
                    Err(message) => {
                        eprintln!("ddb: error: {message}");
                        return Some(2);
                    }
                };
                if !self.interactive && words.iter().any(|w| w == "-" || w.ends_with("=-")) {
                    eprintln!("ddb: error: stdin holds the shell's script, so a command here cannot read it (-): name a file");
                    return Some(2);
                }
                match self.command(words).await {
                    Ended::Code(code) => code,
                    Ended::StdoutClosed => return None,
                }
            }
        };
        Some(code)
    }

    /// `\connect`: a new target for the rest of the session; the old one stays on failure.
    async fn connect(&mut self, words: Vec<String>) -> u8 {
        if words.is_empty() {
            eprintln!(
                "ddb: connected to {}; \\connect takes --endpoint-url URL, --local, --in-memory, --data-dir DIR, --region, --profile",
                self.db.endpoint
            );
            return 0;
        }
        #[derive(Debug, Parser)]
        #[command(name = "\\connect", no_binary_name = true)]
        struct Connect {
            #[command(flatten)]
            global: GlobalArgs,
        }
        let parsed = match Connect::try_parse_from(&words) {
            Ok(parsed) => parsed,
            Err(err) => return cli::report_clap(err),
        };
        let mut global = self.global.clone();
        global.set_target_from(&parsed.global);
        match commands::connect(&global).await {
            Ok(db) => {
                let old = std::mem::replace(&mut self.db, db);
                if let Err(err) = old.close().await {
                    report(&err);
                }
                self.global = global;
                self.lock().current = None;
                self.refresh_tables().await;
                self.say(&format!("connected to {}", self.db.endpoint));
                0
            }
            Err(err) => report(&err),
        }
    }

    /// A ddb command line, parsed as `ddb` parses it, run on the session's connection.
    async fn command(&mut self, words: Vec<String>) -> Ended {
        let mut argv = vec!["ddb".to_string()];
        argv.extend(self.launch.iter().cloned());
        argv.extend(words);
        let matches = match self.cli.try_get_matches_from_mut(&argv) {
            Ok(matches) => matches,
            Err(err) => return Ended::Code(cli::report_clap(err)),
        };
        let typed_target = TARGET_OPTIONS.iter().any(|id| {
            let set = |m: &clap::ArgMatches| m.value_source(id) == Some(ValueSource::CommandLine);
            set(&matches) || matches.subcommand().is_some_and(|(_, m)| set(m))
        });
        if typed_target {
            eprintln!("ddb: error: the shell keeps one connection; change it with \\connect (e.g. \\connect --endpoint-url URL)");
            return Ended::Code(2);
        }
        let cli = match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(err) => return Ended::Code(cli::report_clap(err)),
        };
        let mut global = cli.global;
        global.set_target_from(&self.global);
        global.explain |= self.global.explain;
        let changes_tables = matches!(
            cli.command,
            Command::CreateTable(_)
                | Command::DeleteTable(_)
                | Command::Restore(_)
                | Command::Copy(_)
        );
        let started = Instant::now();
        let result = match cli.command {
            Command::Shell(_) => {
                eprintln!("ddb: error: already in the shell");
                return Ended::Code(2);
            }
            Command::Local(_) => {
                eprintln!("ddb: error: run `ddb local` outside the shell: it serves until stopped");
                return Ended::Code(2);
            }
            Command::Completions(args) => completions::run(&args, &mut Cli::command()),
            command => self.cancellable(command, &global).await,
        };
        if self.timing {
            eprintln!("Time: {:.3} ms", started.elapsed().as_secs_f64() * 1000.0);
        }
        if changes_tables {
            self.refresh_tables().await;
        }
        match result {
            Ok(outcome) => Ended::Code(outcome.exit_code()),
            // `ddb shell < script | head`: nobody reads what the next commands would print.
            Err(err) if crate::error::is_broken_pipe(&err) => Ended::StdoutClosed,
            Err(err) => Ended::Code(report(&err)),
        }
    }

    /// Runs a command until it ends or Ctrl-C cancels it (the shell stays).
    async fn cancellable(&mut self, command: Command, global: &GlobalArgs) -> Result<Outcome> {
        if global.explain {
            cli::refuse_explain(&command)?;
        }
        // A Ctrl-C that arrived between commands is not meant for this one.
        while matches!(self.sigint.recv().now_or_never(), Some(Some(()))) {}
        let db = &self.db;
        if handles_interrupt(&command) {
            // Its own Ctrl-C handling saves where to resume and says how; let it finish that.
            return cli::run_explained(command, global, db).await;
        }
        tokio::select! {
            result = cli::run_explained(command, global, db) => result,
            _ = self.sigint.recv() => {
                eprintln!("ddb: cancelled");
                Ok(Outcome::Interrupted)
            }
        }
    }
}

/// The shell's own global options (output and the like), given again to every command so
/// `ddb -o json shell` keeps printing JSON; a command's own options come after and win.
fn launch_flags(g: &GlobalArgs) -> Vec<String> {
    let mut flags = Vec::new();
    if g.output != OutputFormat::Auto {
        if let Some(value) = clap::ValueEnum::to_possible_value(&g.output) {
            flags.extend(["--output".to_string(), value.get_name().to_string()]);
        }
    }
    if !g.columns.is_empty() {
        flags.extend(["--columns".to_string(), g.columns.join(",")]);
    }
    for (on, flag) in [
        (g.quiet, "--quiet"),
        (g.no_progress, "--no-progress"),
        (g.consumed_capacity, "--consumed-capacity"),
    ] {
        if on {
            flags.push(flag.to_string());
        }
    }
    flags
}

/// How a command line ended for the shell.
enum Ended {
    Code(u8),
    /// Stdout is closed: the script has no reader left.
    StdoutClosed,
}

/// Commands that catch Ctrl-C themselves to stop cleanly (a bulk load saying where to resume, a
/// copy saving its checkpoint, a server draining): the shell leaves Ctrl-C to them.
fn handles_interrupt(command: &Command) -> bool {
    match command {
        Command::Put(args) => args.bulk.file.is_some(),
        Command::Copy(_)
        | Command::Restore(_)
        | Command::Truncate(_)
        | Command::Tail(_)
        | Command::Serve(_) => true,
        _ => false,
    }
}

fn help() -> &'static str {
    "\
Every ddb command, without `ddb` (`help` of one: scan --help), and PartiQL statements.
  use TABLE            commands that take a table use TABLE when they name none (use alone: none)
  \\timing [on|off]     print each command's time on stderr
  \\explain [on|off]    print each command's request instead of sending it
  \\connect OPTIONS     --endpoint-url URL, --local, --in-memory, --data-dir DIR, --region, --profile
  exit, quit, \\q       leave (or Ctrl-D); Ctrl-C cancels the running command"
}
