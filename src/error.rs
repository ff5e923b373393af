//! How a command ends: [`Outcome`] for the non-error endings that still get their own exit code,
//! [`Diagnostic`] for errors that can point at the user's input, [`UsageError`] for bad
//! combinations of arguments that clap cannot express.
//!
//! Only [`report`] (for `main`, and for each command of `ddb shell`) turns these into exit codes
//! and prints them.

use std::fmt;

/// A command that did not fail still ends in one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// `get` found no item: exit 4.
    NotFound,
    /// A condition expression was false and the item was kept: exit 3.
    ConditionNotMet,
    /// Stopped by Ctrl-C after reporting where to resume: exit 130, as shells expect.
    Interrupted,
    /// A command of a `ddb shell` script failed with this exit code (its error is printed).
    Failed(u8),
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Done => 0,
            Outcome::ConditionNotMet => 3,
            Outcome::NotFound => 4,
            Outcome::Interrupted => 130,
            Outcome::Failed(code) => code,
        }
    }
}

/// Prints a failed command's error on stderr (with its caret and hint lines) and returns its exit
/// code: 2 for usage errors, 1 otherwise; a closed stdout (`ddb scan T | head`) is the reader's
/// choice, not a failure, and says nothing.
pub fn report(err: &anyhow::Error) -> u8 {
    if is_broken_pipe(err) {
        return 0;
    }
    eprintln!("ddb: error: {err:#}");
    if let Some(diagnostic) = err.chain().find_map(|c| c.downcast_ref::<Diagnostic>()) {
        for line in diagnostic.detail_lines() {
            eprintln!("{line}");
        }
    }
    if err.chain().any(|c| c.is::<UsageError>()) {
        2
    } else {
        1
    }
}

/// Whether the error is a closed stdout (the reader went away).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Arguments that parse but do not make sense together: exit 2, like clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// An error message with, where known, the user's input and the column of the bad part,
/// and one line of advice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub excerpt: Option<Excerpt>,
    pub hint: Option<String>,
    /// The server's error code (`ValidationException`, …) when the server refused a request.
    pub code: Option<Box<str>>,
}

/// A line of user input and the 0-based character column to put a caret under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub label: String,
    pub text: String,
    pub column: usize,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            excerpt: None,
            hint: None,
            code: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Gives a diagnostic error (a refusal ddb knows more about than the server says) this hint;
    /// any other error passes unchanged.
    pub fn hint_on(err: anyhow::Error, hint: impl Into<String>) -> anyhow::Error {
        match err.downcast::<Diagnostic>() {
            Ok(diagnostic) => anyhow::Error::new(diagnostic.with_hint(hint)),
            Err(other) => other,
        }
    }

    pub fn with_excerpt(
        mut self,
        label: impl Into<String>,
        text: impl Into<String>,
        column: usize,
    ) -> Self {
        self.excerpt = Some(Excerpt {
            label: label.into(),
            text: text.into(),
            column,
        });
        self
    }

    /// The lines printed under the error line: the excerpt with its caret, then the hint.
    pub fn detail_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(ex) = &self.excerpt {
            let prefix = format!("  {} ", ex.label);
            let pad = prefix.chars().count() + ex.column;
            lines.push(format!("{prefix}{}", ex.text));
            lines.push(format!("{}^", " ".repeat(pad)));
        }
        if let Some(hint) = &self.hint {
            lines.push(format!("hint: {hint}"));
        }
        lines
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}
