//! The shape every exporter returns (`exports.md` §1.7): files to write and warnings, or the
//! collected errors.
//!
//! Depends on nothing of the crate.

/// One file an exporter produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// Relative, `/`-separated path below the output folder.
    pub path: String,
    pub contents: Vec<u8>,
    /// Written with mode 0600 and never committed (credentials).
    pub secret: bool,
}

impl ExportFile {
    /// A non-secret text file.
    pub fn text(path: impl Into<String>, contents: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            contents: contents.into().into_bytes(),
            secret: false,
        }
    }
}

/// A warning or an error of an exporter or importer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// A stable code, e.g. `W01`.
    pub code: &'static str,
    /// The flow concerned, if any.
    pub flow: Option<String>,
    /// The 1-based line of the input, for importers.
    pub line: Option<usize>,
    pub message: String,
}

/// What an exporter produced: files to write, and warnings sorted by (code, flow, message).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOutput {
    pub files: Vec<ExportFile>,
    pub warnings: Vec<Diagnostic>,
}
