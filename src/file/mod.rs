//! RON load and save: versioned envelope, migrations, atomic saves, backups and autosave.
//!
//! Depends on `model` only.
