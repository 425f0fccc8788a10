//! `switchboard convert FILE --to json|ron [--out PATH]`: the same document in another encoding,
//! losslessly (JSON → RON reproduces the original RON byte for byte). With `--out`, the encoding
//! is inferred from (or checked against) the output's extension, so a file is never written that
//! its own name would make unreadable; a document larger than the read limit is refused.

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};

use crate::file::{self, write_atomically};

use super::EXIT_OK;
use super::input::load_landscape;

/// The target encoding of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    Json,
    Ron,
}

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The landscape file (.ron or .json).
    pub file: PathBuf,
    /// The encoding to write; inferred from the `--out` extension when omitted.
    #[arg(long)]
    pub to: Option<Encoding>,
    /// Where to write; standard output when omitted.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

/// Runs `convert`.
pub fn run(args: &ConvertArgs) -> Result<u8> {
    let encoding = target_encoding(args)?;
    let landscape = load_landscape(&args.file)?;
    let origin = args
        .out
        .as_ref()
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    let text = file::encode_document(&landscape, encoding, &origin)?;
    match &args.out {
        Some(out) => write_atomically(out, text.as_bytes(), false)?,
        None => super::check::print_stdout(&text)?,
    }
    Ok(EXIT_OK)
}

/// The encoding to write: `--to`, which must agree with the extension of `--out` when both are
/// given; the extension alone otherwise.
fn target_encoding(args: &ConvertArgs) -> Result<file::Encoding> {
    let asked = args.to.map(|to| match to {
        Encoding::Json => file::Encoding::Json,
        Encoding::Ron => file::Encoding::Ron,
    });
    let Some(out) = &args.out else {
        return asked.ok_or_else(|| anyhow!("say which encoding to write: --to json or --to ron"));
    };
    let named = file::Encoding::of_path(out).ok_or_else(|| {
        anyhow!(
            "{}: a document must end in .ron or .json to be opened again; rename the output",
            out.display()
        )
    })?;
    match asked {
        Some(asked) if asked != named => bail!(
            "{}: --to {} disagrees with the file's extension; use --to {} or rename the output",
            out.display(),
            name_of(asked),
            name_of(named)
        ),
        _ => Ok(named),
    }
}

fn name_of(encoding: file::Encoding) -> &'static str {
    match encoding {
        file::Encoding::Json => "json",
        file::Encoding::Ron => "ron",
    }
}
