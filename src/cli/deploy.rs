//! `switchboard deploy rabbitmq FILE --url URL --user USER --password-env VAR`.

use std::path::PathBuf;

use anyhow::Result;

/// Arguments of `deploy`.
#[derive(Debug, clap::Args)]
pub struct DeployArgs {
    /// The broker kind: rabbitmq.
    pub target: String,
    /// The landscape file.
    pub file: PathBuf,
    /// The management API URL, e.g. http://127.0.0.1:15672.
    #[arg(long)]
    pub url: String,
    /// The management user.
    #[arg(long)]
    pub user: String,
    /// The environment variable holding the password.
    #[arg(long)]
    pub password_env: String,
}

/// Runs `deploy`.
pub fn run(_args: &DeployArgs) -> Result<u8> {
    Err(super::not_yet_implemented("deploy"))
}
