//! `switchboard export {all|rabbitmq|asyncapi|strimzi|topics|mermaid|drawio|structurizr|svg|png} FILE --out PATH`
//! (`exports.md` §1.7): runs the pure exporters, prints warnings to stderr, and writes the files
//! atomically only when no exporter reported an error. Exit 0 written, 1 export errors (nothing
//! written), 2 usage or unreadable input.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::export::target::{ExportBundle, ExportSettings, ExportTarget, run_target};
use crate::export::{AsyncApiOptions, ExportFile, KafkaOptions, StrimziApi, secret_users};
use crate::file::export_folder::{ExportFolderError, OutputFile, Unexplained, write_export};
use crate::file::manifest::{DocumentStamp, MANIFEST_NAME};

use super::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// RabbitMQ, AsyncAPI, Strimzi, topics.json and Mermaid (not the images).
    All,
    Rabbitmq,
    Asyncapi,
    Strimzi,
    Topics,
    Mermaid,
    Svg,
    Png,
    /// draw.io diagram: `drawio/landscape.drawio`.
    Drawio,
    /// Structurizr DSL: `structurizr/workspace.dsl`.
    Structurizr,
}

impl Target {
    /// The name on the command line, recorded in the export manifest.
    pub fn name(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Rabbitmq => "rabbitmq",
            Self::Asyncapi => "asyncapi",
            Self::Strimzi => "strimzi",
            Self::Topics => "topics",
            Self::Mermaid => "mermaid",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Drawio => "drawio",
            Self::Structurizr => "structurizr",
        }
    }

    /// Whether the RabbitMQ files (and so `users.secret.json`) are exported.
    fn includes_rabbitmq(self) -> bool {
        matches!(self, Self::All | Self::Rabbitmq)
    }
}

impl From<Target> for ExportTarget {
    fn from(target: Target) -> Self {
        match target {
            Target::All => Self::All,
            Target::Rabbitmq => Self::RabbitMq,
            Target::Asyncapi => Self::AsyncApi,
            Target::Strimzi => Self::Strimzi,
            Target::Topics => Self::Topics,
            Target::Mermaid => Self::Mermaid,
            Target::Svg => Self::Svg,
            Target::Png => Self::Png,
            Target::Drawio => Self::Drawio,
            Target::Structurizr => Self::Structurizr,
        }
    }
}

/// The `--strimzi-api` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StrimziApiArg {
    V1,
    V1beta2,
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub target: Target,
    /// The landscape file.
    pub file: PathBuf,
    /// Output folder; the files go below it (`rabbitmq/`, `asyncapi/`, `kafka/`, …).
    #[arg(short, long)]
    pub out: PathBuf,
    /// RabbitMQ virtual host (default: the document's export vhost or landscape name).
    #[arg(long)]
    pub vhost: Option<String>,
    /// Credentials file for `rabbitmq/users.secret.json` (password_env or password_hash per user).
    #[arg(long)]
    pub credentials: Option<PathBuf>,
    /// Add Kafka bindings to the AsyncAPI documents.
    #[arg(long)]
    pub kafka: bool,
    /// AMQP server of the AsyncAPI documents.
    #[arg(long, default_value = "localhost:5672")]
    pub amqp_host: String,
    /// Kafka bootstrap server of the AsyncAPI documents (with --kafka).
    #[arg(long, default_value = "localhost:9092")]
    pub kafka_bootstrap: String,
    /// AsyncAPI `info.version`.
    #[arg(long, default_value = "1.0.0")]
    pub api_version: String,
    /// Strimzi cluster label.
    #[arg(long, default_value = "my-cluster")]
    pub cluster: String,
    /// Strimzi API version.
    #[arg(long, value_enum, default_value = "v1")]
    pub strimzi_api: StrimziApiArg,
    /// Default topic partitions.
    #[arg(long, default_value_t = 3, allow_negative_numbers = true)]
    pub partitions: i64,
    /// Default topic replicas.
    #[arg(long, default_value_t = 3, allow_negative_numbers = true)]
    pub replicas: i64,
    /// Default topic retention in milliseconds.
    #[arg(long, default_value_t = 604_800_000, allow_negative_numbers = true)]
    pub retention_ms: i64,
    /// Treat warnings as errors (nothing is written).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Write into a folder that holds files no export manifest explains (they are kept, or
    /// overwritten where the export writes the same path).
    #[arg(long)]
    pub force: bool,
}

/// Runs `export`.
pub fn run(args: &ExportArgs) -> Result<u8> {
    let loaded = super::input::load_landscape(&args.file)
        .and_then(|l| super::input::refuse_out_of_range(&args.file, &l).map(|()| l));
    let landscape = match loaded {
        Ok(landscape) => landscape,
        Err(e) => {
            eprintln!("error: {e:#}");
            return Ok(EXIT_ERROR);
        }
    };
    let credentials = match &args.credentials {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return Ok(EXIT_ERROR);
            }
        },
        None => None,
    };
    let settings = settings(args);
    let mut outputs = run_target(&landscape, args.target.into(), &settings);
    if let (Some(credentials), true) = (&credentials, args.target.includes_rabbitmq()) {
        let env = |name: &str| std::env::var(name).ok();
        let mut salt = random_salt;
        outputs.push(secret_users(
            &landscape,
            &settings.rabbit(),
            credentials,
            &env,
            &mut salt,
        ));
    }
    let bundle = ExportBundle::merge(outputs);
    for warning in &bundle.warnings {
        eprintln!("warning[{}]: {}", warning.code, warning.message);
    }
    if args.deny_warnings && !bundle.warnings.is_empty() && bundle.errors.is_empty() {
        eprintln!(
            "error: {} warning(s) and --deny-warnings; nothing written",
            bundle.warnings.len()
        );
        return Ok(EXIT_FINDINGS);
    }
    if !bundle.errors.is_empty() {
        for error in &bundle.errors {
            eprintln!("error[{}]: {}", error.code, error.message);
        }
        eprintln!(
            "error: {} export error(s); nothing written",
            bundle.errors.len()
        );
        return Ok(EXIT_FINDINGS);
    }
    let document = std::fs::read(&args.file).unwrap_or_default();
    let stamp = DocumentStamp::of(&landscape.name, &document);
    Ok(write_folder(args, &bundle, &stamp))
}

/// Writes the bundle into `--out` with its manifest (all or nothing) and reports what changed.
fn write_folder(args: &ExportArgs, bundle: &ExportBundle, stamp: &DocumentStamp) -> u8 {
    let files: Vec<OutputFile<'_>> = bundle
        .files
        .iter()
        .map(|f| OutputFile {
            path: &f.path,
            contents: &f.contents,
            secret: f.secret,
        })
        .collect();
    let unexplained = if args.force {
        Unexplained::Keep
    } else {
        Unexplained::Refuse
    };
    let summary = match write_export(&args.out, args.target.name(), &files, stamp, unexplained) {
        Ok(summary) => summary,
        Err(e @ (ExportFolderError::Unexplained { .. } | ExportFolderError::Manifest { .. })) => {
            eprintln!("error: {e}");
            return EXIT_FINDINGS;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    for path in &summary.removed {
        eprintln!("removed {path} (written by the previous export, not by this one)");
    }
    for path in &summary.kept {
        eprintln!("kept {path} (not written by Switchboard; --force)");
    }
    for file in bundle.files.iter().filter(|f| f.secret) {
        eprintln!(
            "note: {} holds credentials: never commit it (the .gitignore beside it excludes it)",
            file.path
        );
    }
    eprintln!(
        "wrote {} file(s) and {MANIFEST_NAME} below {}",
        bundle.files.len(),
        args.out.display()
    );
    EXIT_OK
}

/// The exporter options given on the command line.
fn settings(args: &ExportArgs) -> ExportSettings {
    ExportSettings {
        vhost: args.vhost.clone(),
        asyncapi_kafka: args.kafka,
        asyncapi: AsyncApiOptions {
            api_version: args.api_version.clone(),
            amqp_host: args.amqp_host.clone(),
            kafka_bootstrap: args.kafka_bootstrap.clone(),
            ..AsyncApiOptions::default()
        },
        kafka: KafkaOptions {
            cluster: args.cluster.clone(),
            strimzi_api: match args.strimzi_api {
                StrimziApiArg::V1 => StrimziApi::V1,
                StrimziApiArg::V1beta2 => StrimziApi::V1Beta2,
            },
            partitions: args.partitions,
            replicas: args.replicas,
            retention_ms: args.retention_ms,
            ..KafkaOptions::default()
        },
    }
}

/// Four random bytes from the operating system for the password salt; a zero salt is never
/// used silently: on failure the time-based fallback is mixed in.
fn random_salt() -> [u8; 4] {
    let mut salt = [0u8; 4];
    if let Ok(mut file) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        if file.read_exact(&mut salt).is_ok() {
            return salt;
        }
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() ^ std::process::id());
    nanos.to_le_bytes()
}

/// Writes one exported file atomically below `out` (`file::write_below`; secret files with
/// mode 0600 from creation).
pub fn write_file(out: &Path, file: &ExportFile) -> Result<()> {
    crate::file::write_below(out, &file.path, &file.contents, file.secret)?;
    Ok(())
}
