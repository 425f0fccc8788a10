//! `switchboard export {all|rabbitmq|asyncapi|strimzi|topics|mermaid|svg|png} FILE --out PATH`.

use std::path::PathBuf;

use anyhow::Result;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export: all, rabbitmq, asyncapi, strimzi, topics, mermaid, svg or png.
    pub target: String,
    /// The landscape file.
    pub file: PathBuf,
    /// Output file or folder.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

/// Runs `export`.
pub fn run(_args: &ExportArgs) -> Result<u8> {
    Err(super::not_yet_implemented("export"))
}
