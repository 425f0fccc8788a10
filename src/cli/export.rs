//! `switchboard export {all|rabbitmq|asyncapi|strimzi|topics|mermaid|svg|png} FILE --out PATH`
//! (`exports.md` §1.7): runs the pure exporters, prints warnings to stderr, and writes the files
//! atomically only when no exporter reported an error. Exit 0 written, 1 export errors (nothing
//! written), 2 usage or unreadable input.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::export::image::{export_png, export_svg};
use crate::export::mermaid::export_mermaid;
use crate::export::{
    AsyncApiOptions, Diagnostic, ExportFile, ExportOutput, KafkaOptions, RabbitOptions, StrimziApi,
    export_asyncapi, export_rabbitmq, export_strimzi, export_topics_json, secret_users,
};
use crate::model::Landscape;

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
}

/// Runs `export`.
pub fn run(args: &ExportArgs) -> Result<u8> {
    let landscape = match super::input::load_landscape(&args.file) {
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
    let outputs = run_exporters(&landscape, args, credentials.as_deref());
    let mut files = Vec::new();
    let mut warnings = BTreeSet::new();
    let mut errors = BTreeSet::new();
    for output in outputs {
        match output {
            Ok(output) => {
                files.extend(output.files);
                warnings.extend(output.warnings);
            }
            Err(e) => errors.extend(e),
        }
    }
    for warning in &warnings {
        eprintln!("warning[{}]: {}", warning.code, warning.message);
    }
    if args.deny_warnings && !warnings.is_empty() && errors.is_empty() {
        eprintln!(
            "error: {} warning(s) and --deny-warnings; nothing written",
            warnings.len()
        );
        return Ok(EXIT_FINDINGS);
    }
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("error[{}]: {}", error.code, error.message);
        }
        eprintln!("error: {} export error(s); nothing written", errors.len());
        return Ok(EXIT_FINDINGS);
    }
    for file in &files {
        write_file(&args.out, file)
            .with_context(|| format!("writing {}", args.out.join(&file.path).display()))?;
    }
    eprintln!("wrote {} file(s) below {}", files.len(), args.out.display());
    Ok(EXIT_OK)
}

fn run_exporters(
    landscape: &Landscape,
    args: &ExportArgs,
    credentials: Option<&str>,
) -> Vec<Result<ExportOutput, Vec<Diagnostic>>> {
    let rabbit = RabbitOptions {
        vhost: args.vhost.clone(),
    };
    let kafka = KafkaOptions {
        vhost: args.vhost.clone(),
        cluster: args.cluster.clone(),
        strimzi_api: match args.strimzi_api {
            StrimziApiArg::V1 => StrimziApi::V1,
            StrimziApiArg::V1beta2 => StrimziApi::V1Beta2,
        },
        partitions: args.partitions,
        replicas: args.replicas,
        retention_ms: args.retention_ms,
    };
    let asyncapi = AsyncApiOptions {
        vhost: args.vhost.clone(),
        api_version: args.api_version.clone(),
        amqp_host: args.amqp_host.clone(),
        kafka: args.kafka.then(|| kafka.clone()),
        kafka_bootstrap: args.kafka_bootstrap.clone(),
    };
    let mut outputs = Vec::new();
    let target = args.target;
    if matches!(target, Target::All | Target::Rabbitmq) {
        outputs.push(export_rabbitmq(landscape, &rabbit));
        if let Some(credentials) = credentials {
            let env = |name: &str| std::env::var(name).ok();
            let mut salt = random_salt;
            outputs.push(secret_users(
                landscape,
                &rabbit,
                credentials,
                &env,
                &mut salt,
            ));
        }
    }
    if matches!(target, Target::All | Target::Asyncapi) {
        outputs.push(export_asyncapi(landscape, &asyncapi));
    }
    if matches!(target, Target::All | Target::Strimzi) {
        outputs.push(export_strimzi(landscape, &kafka));
    }
    if matches!(target, Target::All | Target::Topics) {
        outputs.push(export_topics_json(landscape, &kafka));
    }
    if matches!(target, Target::All | Target::Mermaid) {
        outputs.push(export_mermaid(landscape));
    }
    if target == Target::Svg {
        outputs.push(export_svg(landscape));
    }
    if target == Target::Png {
        outputs.push(export_png(landscape));
    }
    outputs
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

/// Writes one file atomically: a temporary file `.<name>.tmp-<pid>` in the same folder (mode
/// 0600 from creation for secret files), write, fsync, rename over the target.
pub fn write_file(out: &Path, file: &ExportFile) -> Result<()> {
    let target = out.join(&file.path);
    let folder = target
        .parent()
        .context("the output path has no parent folder")?;
    std::fs::create_dir_all(folder)?;
    let name = target
        .file_name()
        .context("the output path has no file name")?
        .to_string_lossy()
        .into_owned();
    let temp = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if file.secret { 0o600 } else { 0o644 });
    }
    let result = (|| -> Result<()> {
        let mut handle = options.open(&temp)?;
        #[cfg(unix)]
        if file.secret {
            use std::os::unix::fs::PermissionsExt;
            handle.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        handle.write_all(&file.contents)?;
        handle.sync_all()?;
        drop(handle);
        std::fs::rename(&temp, &target)?;
        if let Ok(dir) = std::fs::File::open(folder) {
            // Persist the rename; not every platform can fsync a folder.
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
