//! Errors of reading and writing documents. Each renders as one line: where (file:line:column),
//! what, and how to fix it.
//!
//! Depends on nothing of the crate.

use std::fmt;

/// An error reading or writing a document.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The text does not parse as a document.
    #[error("{origin}:{line}:{column}: {message}; {hint}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
        hint: Hint,
    },
    /// The document was written by a newer Switchboard.
    #[error(
        "{origin}: format version {found} is newer than this Switchboard supports (up to {supported}); open it with a newer Switchboard"
    )]
    NewerFormat {
        origin: String,
        found: u32,
        supported: u32,
    },
    /// The file is empty.
    #[error(
        "{origin}: the file is empty; a landscape document starts with `(` (see examples/seafood.ron)"
    )]
    Empty { origin: String },
    /// The file is not text.
    #[error("{origin}: not a text document ({why}); open a .ron or .json landscape file")]
    NotText { origin: String, why: String },
    /// The file is larger than a document can reasonably be.
    #[error(
        "{origin}: the file is {size} bytes, more than the {}-MiB ({limit}-byte) limit for a document; is it the right file?",
        limit / (1024 * 1024)
    )]
    TooLarge {
        origin: String,
        size: u64,
        limit: u64,
    },
    /// The document to write is larger than a document may be read; nothing was written.
    #[error(
        "{origin}: the document would be {size} bytes, more than the {limit}-byte limit for a document, so it could not be opened again; nothing was written (split the landscape)"
    )]
    TooLargeToWrite {
        origin: String,
        size: u64,
        limit: u64,
    },
    /// The extension names no known encoding.
    #[error("{origin}: unknown file type; use a .ron or .json file")]
    UnknownExtension { origin: String },
    /// A file-system operation failed. The I/O error is part of the message, not a separate
    /// cause, so that a report of the whole error chain names it once.
    #[error("{origin}: cannot {action}: {cause}")]
    Io {
        origin: String,
        action: &'static str,
        cause: std::io::Error,
    },
    /// The document could not be encoded (should not happen for a valid model).
    #[error("cannot encode the document: {0}")]
    Encode(String),
}

/// How to fix a syntax error, shown after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint(pub String);

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "hint: {}", self.0)
    }
}
