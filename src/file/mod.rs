//! RON load and save: versioned envelope, migrations, atomic saves and backups, and the bundled
//! example documents.
//!
//! Depends on `model` only; together with `cli` and `ui` it is the only module that touches the
//! file system.

pub mod atomic;
pub mod encoding;
pub mod error;
pub mod export_folder;
pub mod manifest;
pub mod migrate;
pub mod save;

pub use atomic::backup_path;
pub use encoding::{from_json_str, from_ron_str, to_json_string, to_ron_string};
pub use error::FileError;
pub use save::{
    Encoding, encode_document, load_path, path_below, read_text, save_path, write_atomically,
    write_atomically_as, write_below,
};

/// The bundled seafood example (`examples/seafood.ron`), so the designer opens with no file on
/// disk.
pub const SEAFOOD_EXAMPLE: &str = include_str!("../../examples/seafood.ron");

/// The bundled seafood example, decoded.
pub fn seafood_example() -> Result<crate::model::Landscape, FileError> {
    from_ron_str(SEAFOOD_EXAMPLE, "examples/seafood.ron")
}
