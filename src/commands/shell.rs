//! `ddb shell`'s arguments, in the clap tree with every other subcommand's. The session itself
//! is the `shell` module above the command line, since it runs command lines.

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Run many commands on one connection: a line editor on a terminal, a script on stdin",
    after_help = "\
Examples:
  ddb shell
  ddb --endpoint-url http://localhost:8000 shell
  ddb shell < scenario.ddb               # one command a line; stops at the first failure
  ddb shell --keep-going < scenario.ddb

Inside, every ddb command works as on the command line (without `ddb`), and so do PartiQL
statements (a line starting with SELECT, INSERT, UPDATE, DELETE or EXISTS):
  use Movies                  later commands take Movies as their table
  get 2015 'The Big New Movie'
  query --pk 1992 --sk-between A L
  SELECT * FROM Movies WHERE \"year\" = 1992
  \\timing on                  print each command's time on stderr
  \\explain on                 print requests instead of sending them (--explain)
  \\connect --endpoint-url URL switch target (also --local, --in-memory, --region, --profile)
  exit                        or Ctrl-D; Ctrl-C cancels the running command

The target is connected once (the embedded engine's database is opened once). History is kept
in the data directory (shell_history); Tab completes commands, options, tables, indexes and key
attributes from what the shell has read, with no request per keystroke."
)]
pub struct Args {
    /// Reading stdin: go on after a command fails (the exit code is the first failure's)
    #[arg(long)]
    pub keep_going: bool,
}
