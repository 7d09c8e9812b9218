//! Build diagnostics: errors and warnings that name a file, a line and a column.
//!
//! Every stage reports problems as [`Diagnostic`]s so that a build can list all of
//! them, not only the first, and `main` prints them in one format:
//! `error: <what> in <file>:<line>:<col>` followed by the cause chain and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a file a problem is. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            file: path.into(),
            line: None,
            col: None,
        }
    }

    pub fn at(path: impl Into<PathBuf>, line: usize, col: usize) -> Self {
        Location {
            file: path.into(),
            line: Some(line),
            col: Some(col),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.col {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// One problem found during a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What went wrong, in a few words ("invalid front matter").
    pub message: String,
    pub location: Option<Box<Location>>,
    /// The cause chain, outermost first.
    pub causes: Vec<String>,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            location: None,
            causes: Vec::new(),
            hint: None,
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(Box::new(location));
        self
    }

    pub fn in_file(self, path: &Path) -> Self {
        self.at(Location::file(path))
    }

    pub fn cause(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Builds a diagnostic from an `anyhow` chain: the outer message and its causes.
    pub fn from_anyhow(err: &anyhow::Error) -> Self {
        let mut chain = err.chain();
        let mut d = Diagnostic::new(chain.next().map(|e| e.to_string()).unwrap_or_default());
        for c in chain {
            d.causes.push(c.to_string());
        }
        d
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(loc) = &self.location {
            write!(f, " in {loc}")?;
        }
        for cause in &self.causes {
            for (i, line) in cause.lines().enumerate() {
                if i == 0 {
                    write!(f, "\n  caused by: {line}")?;
                } else {
                    write!(f, "\n    {line}")?;
                }
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A build that could not finish: every error found, in the order found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildFailure {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl fmt::Display for BuildFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        write!(
            f,
            "build failed with {n} error{}",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for BuildFailure {}

impl From<Diagnostic> for BuildFailure {
    fn from(d: Diagnostic) -> Self {
        BuildFailure {
            errors: vec![d],
            warnings: Vec::new(),
        }
    }
}

impl From<Vec<Diagnostic>> for BuildFailure {
    fn from(errors: Vec<Diagnostic>) -> Self {
        BuildFailure {
            errors,
            warnings: Vec::new(),
        }
    }
}

/// Converts a byte offset in `text` to a 1-based (line, column), counting columns in chars.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_col_causes_and_hint() {
        let d = Diagnostic::new("invalid front matter")
            .at(Location::at("content/a.md", 3, 7))
            .cause("mapping values are not allowed here")
            .hint("quote the title");
        let s = d.to_string();
        assert_eq!(
            s,
            "invalid front matter in content/a.md:3:7\n  caused by: mapping values are not allowed here\n  hint: quote the title"
        );
    }

    #[test]
    fn line_col_counts_from_one_and_in_chars() {
        let text = "ab\n‘cd’\nx";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let off = text.find('d').unwrap();
        assert_eq!(line_col(text, off), (2, 3));
        assert_eq!(line_col(text, 999), (3, 2));
    }
}
