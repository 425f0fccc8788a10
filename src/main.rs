//! The `switchboard` binary: parse arguments, then open the designer or run a subcommand.

use std::process::ExitCode;

use clap::Parser;
use switchboard::cli::{Cli, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run_command(command),
        None => open_designer(cli.file.as_deref()),
    }
}

#[cfg(feature = "gui")]
fn open_designer(file: Option<&std::path::Path>) -> ExitCode {
    match switchboard::ui::run_designer(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The file errors already name their cause; the chain would repeat it.
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_designer(_file: Option<&std::path::Path>) -> ExitCode {
    eprintln!(
        "error: this switchboard was built without the designer (the `gui` feature); use a subcommand, see --help"
    );
    ExitCode::from(2)
}
