//! `switchboard import mermaid INPUT.mmd --out OUTPUT.ron`.

use std::path::PathBuf;

use anyhow::Result;

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The source format: mermaid.
    pub format: String,
    /// The file to import.
    pub input: PathBuf,
    /// The landscape file to write.
    #[arg(short, long)]
    pub out: PathBuf,
}

/// Runs `import`.
pub fn run(_args: &ImportArgs) -> Result<u8> {
    Err(super::not_yet_implemented("import"))
}
