//! The two encodings of a document: RON (the file format, human-readable and diff-friendly) and
//! JSON (lossless, for tooling). Both are deterministic: the same document always gives the same
//! bytes, fields in declaration order and entities in document order.
//!
//! Depends on `model`, `file::error` and `file::migrate`.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use crate::model::{FORMAT_VERSION, Landscape};

use super::error::{FileError, Hint};
use super::migrate;

/// Nesting deeper than this is refused: no landscape needs it, and it protects the parser.
const RECURSION_LIMIT: usize = 64;

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Encodes a document as RON text.
pub fn to_ron_string(landscape: &Landscape) -> Result<String, FileError> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(landscape, config)
        .map_err(|e| FileError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Encodes a document as JSON text.
pub fn to_json_string(landscape: &Landscape) -> Result<String, FileError> {
    let mut text =
        serde_json::to_string_pretty(landscape).map_err(|e| FileError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Decodes RON text; `origin` names the file in errors. Older formats are migrated, newer ones
/// refused.
pub fn from_ron_str(text: &str, origin: &str) -> Result<Landscape, FileError> {
    let text = without_bom(text);
    check_not_blank(text, origin)?;
    let version = probe_ron_version(text, origin)?;
    if version == 0 {
        // Format 0 differs from format 1 only by a missing (or zero) `format` field: read it as
        // written, so that errors point at the user's own lines.
        let mut landscape = ron_options()
            .from_str::<Landscape>(text)
            .map_err(|e| ron_syntax_error(&e, origin, text))?;
        landscape.format = FORMAT_VERSION;
        return Ok(landscape);
    }
    let migrated = migrate::to_current(text, version, origin)?;
    ron_options()
        .from_str::<Landscape>(&migrated)
        .map_err(|e| ron_syntax_error(&e, origin, &migrated))
}

/// The text without a leading UTF-8 byte order mark (some editors write one).
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads only the `format` field of a document; the rest is ignored.
#[derive(serde::Deserialize)]
struct FormatProbe {
    format: Option<u32>,
}

/// Decodes JSON text; `origin` names the file in errors.
pub fn from_json_str(text: &str, origin: &str) -> Result<Landscape, FileError> {
    let text = without_bom(text);
    check_not_blank(text, origin)?;
    let probe: FormatProbe =
        serde_json::from_str(text).map_err(|e| json_syntax_error(&e, origin))?;
    let version = probe.format.unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(FileError::NewerFormat {
            origin: origin.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let mut landscape: Landscape =
        serde_json::from_str(text).map_err(|e| json_syntax_error(&e, origin))?;
    landscape.format = FORMAT_VERSION;
    Ok(landscape)
}

fn check_not_blank(text: &str, origin: &str) -> Result<(), FileError> {
    if text.trim().is_empty() {
        return Err(FileError::Empty {
            origin: origin.to_owned(),
        });
    }
    if text.contains('\0') {
        return Err(FileError::NotText {
            origin: origin.to_owned(),
            why: "it contains NUL bytes".to_owned(),
        });
    }
    Ok(())
}

/// Reads only the `format` field; a document without one is format 0.
fn probe_ron_version(text: &str, origin: &str) -> Result<u32, FileError> {
    let probe: FormatProbe = ron_options()
        .from_str(text)
        .map_err(|e| ron_syntax_error(&e, origin, text))?;
    let version = probe.format.unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(FileError::NewerFormat {
            origin: origin.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(version)
}

fn ron_syntax_error(error: &ron::error::SpannedError, origin: &str, text: &str) -> FileError {
    use ron::error::Error as E;
    let message = error.code.to_string();
    let at_end = error.span.start.line >= text.lines().count().max(1);
    let hint = match &error.code {
        E::Eof => {
            "the document ends too early: the file may be truncated; restore it from its .bak copy"
                .to_owned()
        }
        E::ExpectedComma | E::ExpectedArrayEnd | E::ExpectedStructLikeEnd | E::ExpectedMapEnd
            if at_end =>
        {
            "the document ends too early: the file may be truncated; restore it from its .bak copy"
                .to_owned()
        }
        E::ExpectedComma => "a comma is missing between two items".to_owned(),
        E::NoSuchStructField { .. } => "remove the field or correct its spelling".to_owned(),
        E::NoSuchEnumVariant { .. } => "use one of the listed variants".to_owned(),
        E::MissingStructField { .. } => "add the missing field".to_owned(),
        E::ExceededRecursionLimit => {
            "the document is nested too deeply to be a landscape".to_owned()
        }
        E::Message(m) if m.contains("time of day") => "write times as \"HH:MM\"".to_owned(),
        _ => "compare with examples/seafood.ron for the expected shape".to_owned(),
    };
    FileError::Syntax {
        origin: origin.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message,
        hint: Hint(hint),
    }
}

fn json_syntax_error(error: &serde_json::Error, origin: &str) -> FileError {
    use serde_json::error::Category;
    let hint = match error.classify() {
        Category::Eof => "the document ends too early: the file may be truncated",
        Category::Syntax => "the text is not valid JSON",
        Category::Data => {
            "a value has the wrong type or an unknown field; compare with `switchboard convert --to json` output"
        }
        Category::Io => "the file could not be read",
    };
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    FileError::Syntax {
        origin: origin.to_owned(),
        line: error.line(),
        column: error.column(),
        message,
        hint: Hint(hint.to_owned()),
    }
}
