//! `switchboard import {mermaid|drawio} INPUT --out OUTPUT.ron [--strict]`.
//!
//! Prints every diagnostic as `line N: <message>` on stderr. Exit 1 when there are errors (with
//! `--strict` also on warnings); nothing is written then. Exit 2 when the input cannot be read
//! (missing file, not a draw.io file). Otherwise the landscape is written atomically
//! (`file::save_path`) in the encoding of the output's extension.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use crate::import::{import_drawio, import_mermaid, severity};
use crate::model::Severity;

use super::{EXIT_FINDINGS, EXIT_OK};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The source format: mermaid or drawio.
    pub format: String,
    /// The file to import.
    pub input: PathBuf,
    /// The landscape file to write.
    #[arg(short, long)]
    pub out: PathBuf,
    /// Fail (exit 1, write nothing) on warnings too.
    #[arg(long)]
    pub strict: bool,
}

/// Runs `import`.
pub fn run(args: &ImportArgs) -> Result<u8> {
    if args.format != "mermaid" && args.format != "drawio" {
        bail!(
            "unknown import format \"{}\"; the supported formats are mermaid and drawio",
            args.format
        );
    }
    let text = std::fs::read_to_string(&args.input)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let (mut landscape, diagnostics) = if args.format == "drawio" {
        import_drawio(&text).with_context(|| args.input.display().to_string())?
    } else {
        import_mermaid(&text)
    };
    if let Some(stem) = args.input.file_stem().and_then(|s| s.to_str()) {
        stem.clone_into(&mut landscape.name);
    }
    let mut worst = Severity::Info;
    for diagnostic in &diagnostics {
        let level = severity(diagnostic.code);
        worst = worst.max(level);
        let kind = match level {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        match diagnostic.line {
            Some(line) => eprintln!("line {line}: {kind}: {}", diagnostic.message),
            None => eprintln!("{kind}: {}", diagnostic.message),
        }
    }
    if worst == Severity::Error || (args.strict && worst == Severity::Warning) {
        eprintln!("nothing written to {}", args.out.display());
        return Ok(EXIT_FINDINGS);
    }
    crate::file::save_path(&landscape, &args.out)?;
    eprintln!(
        "imported {} systems and {} flows into {}",
        landscape.systems.len(),
        landscape.flows.len(),
        args.out.display()
    );
    Ok(EXIT_OK)
}
