//! `ddb completions`: shell completion scripts generated from the clap definition.

use std::io::Write;

use anyhow::Result;
use clap_complete::Shell;

use crate::error::Outcome;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Print a shell completion script",
    after_help = "\
Examples:
  ddb completions bash > ~/.local/share/bash-completion/completions/ddb
  ddb completions zsh > \"${fpath[1]}/_ddb\"
  ddb completions fish > ~/.config/fish/completions/ddb.fish"
)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: &Args, cli: &mut clap::Command) -> Result<Outcome> {
    // Through `Write`, so a closed pipe is an error main turns into exit 0, not a panic.
    std::io::stdout()
        .lock()
        .write_all(script(args.shell, cli).as_bytes())?;
    Ok(Outcome::Done)
}

/// The completion script for a shell and the whole command line `cli`, as committed under
/// completions/.
pub fn script(shell: Shell, cli: &mut clap::Command) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, cli, "ddb", &mut out);
    String::from_utf8(out).expect("completion scripts are UTF-8")
}

/// The file name each shell's script has under completions/.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "ddb.bash",
        Shell::Zsh => "_ddb",
        Shell::Fish => "ddb.fish",
        Shell::PowerShell => "_ddb.ps1",
        Shell::Elvish => "ddb.elv",
        _ => "ddb.completion",
    }
}
