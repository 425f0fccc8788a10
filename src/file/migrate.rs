//! Migrations of older file formats to the current one, one version step at a time.
//!
//! Format 0 is the pre-release document written before the `format` field existed; its content
//! is otherwise that of format 1. Each step is a text-to-text function so that a migration never
//! needs the old version's types.
//!
//! Depends on `model` and `file::error`.

use crate::model::FORMAT_VERSION;

use super::error::{FileError, Hint};

/// Migrates `text`, written in format `version`, to the current format.
pub fn to_current(text: &str, version: u32, origin: &str) -> Result<String, FileError> {
    let mut text = text.to_owned();
    for from in version..FORMAT_VERSION {
        text = match from {
            0 => v0_to_v1(&text, origin)?,
            _ => text,
        };
    }
    Ok(text)
}

/// Format 0 → 1: adds the `format` field as the document's first field.
fn v0_to_v1(text: &str, origin: &str) -> Result<String, FileError> {
    let open = first_code_paren(text).ok_or_else(|| FileError::Syntax {
        origin: origin.to_owned(),
        line: 1,
        column: 1,
        message: "expected `(` opening the document".to_owned(),
        hint: Hint("a landscape document starts with `(`".to_owned()),
    })?;
    let mut migrated = String::with_capacity(text.len() + 16);
    migrated.push_str(&text[..=open]);
    migrated.push_str("\n    format: 1,");
    migrated.push_str(&text[open + 1..]);
    Ok(migrated)
}

/// The byte offset of the first `(` outside comments and `#![...]` attributes.
fn first_code_paren(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !(trimmed.starts_with("//") || trimmed.starts_with("#!")) {
            if let Some(i) = line.find('(') {
                return Some(offset + i);
            }
        }
        offset += line.len();
    }
    None
}
