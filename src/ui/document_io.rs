//! Reading and writing documents for the designer, and the bundled example. A thin adapter over
//! `crate::file` so the designer has one place to change when the file layer grows.

use std::path::Path;

use anyhow::Context as _;

use crate::model::Landscape;

/// The bundled seafood example as RON text.
pub const SEAFOOD_EXAMPLE: &str = include_str!("../../tests/fixtures/seafood-ui.ron");

/// Parses RON text.
pub fn from_ron_str(text: &str) -> anyhow::Result<Landscape> {
    ron::from_str(text).context("the document is not a valid landscape")
}

/// The bundled seafood example.
pub fn seafood_example() -> anyhow::Result<Landscape> {
    from_ron_str(SEAFOOD_EXAMPLE).context("the bundled example could not be read")
}

/// Loads a document.
pub fn load(path: &Path) -> anyhow::Result<Landscape> {
    Ok(crate::file::load_path(path)?)
}

/// The document as pretty RON text.
pub fn to_ron_string(landscape: &Landscape) -> anyhow::Result<String> {
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    ron::ser::to_string_pretty(landscape, config).context("the document could not be encoded")
}

/// Saves atomically: writes a temporary file next to `path`, keeps the previous version as
/// `path.bak`, then renames the temporary file over `path`.
pub fn save(landscape: &Landscape, path: &Path) -> anyhow::Result<()> {
    let text = to_ron_string(landscape)?;
    let temporary = path.with_extension("ron.tmp");
    std::fs::write(&temporary, text)
        .with_context(|| format!("could not write {}", temporary.display()))?;
    if path.exists() {
        let backup = path.with_extension("ron.bak");
        std::fs::copy(path, &backup)
            .with_context(|| format!("could not keep a backup at {}", backup.display()))?;
    }
    std::fs::rename(&temporary, path)
        .with_context(|| format!("could not replace {}", path.display()))?;
    Ok(())
}
