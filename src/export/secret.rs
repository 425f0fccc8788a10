//! `rabbitmq/users.secret.json` from a credentials file (`exports.md` §2.4): the `svc-*` users
//! with salted SHA-256 password hashes. The environment lookup and the salt source are injected,
//! so the function stays pure and testable; passwords never appear in any output or message.
//!
//! Depends on `model` and the `export` helpers.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use crate::model::Landscape;

use super::json::to_json;
use super::names::error;
use super::options::RabbitOptions;
use super::output::{Diagnostic, ExportFile, ExportOutput};
use super::plan::plan;
use super::users::{HASHING_ALGORITHM, User, UsersFile, user_names};

/// `base64(salt ‖ SHA-256(salt ‖ utf8(password)))`, RabbitMQ's `rabbit_password_hashing_sha256`.
pub fn rabbit_password_hash(salt: [u8; 4], password: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(password.as_bytes());
    let digest = hasher.finalize();
    let mut bytes = salt.to_vec();
    bytes.extend_from_slice(&digest);
    STANDARD.encode(bytes)
}

/// Builds `users.secret.json` (mode 0600, never committed) from the credentials file text.
/// `env` reads an environment variable; `salt` returns 4 random bytes per call.
pub fn secret_users(
    landscape: &Landscape,
    options: &RabbitOptions,
    credentials_json: &str,
    env: &dyn Fn(&str) -> Option<String>,
    salt: &mut dyn FnMut() -> [u8; 4],
) -> Result<ExportOutput, Vec<Diagnostic>> {
    let plan = plan(landscape, options.vhost.as_deref())?;
    let produced = user_names(&plan);
    let credentials: BTreeMap<String, serde_json::Value> = serde_json::from_str(credentials_json)
        .map_err(|e| {
        vec![error(
            "E06",
            None,
            format!(
                "credentials: not a JSON object of users (line {}, column {})",
                e.line(),
                e.column()
            ),
        )]
    })?;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for user in credentials.keys() {
        if !produced.contains(user) {
            errors.push(error(
                "E06",
                None,
                format!("credentials: \"{user}\" is not a user of this export"),
            ));
        }
    }
    let mut users = Vec::new();
    for name in produced {
        let Some(entry) = credentials.get(&name) else {
            warnings.push(error(
                "W10",
                None,
                format!("{name}: no credentials given; the user cannot log in with a password"),
            ));
            continue;
        };
        match password_hash(&name, entry, env, salt) {
            Ok((hash, algorithm)) => users.push(User {
                hashing_algorithm: algorithm,
                limits: BTreeMap::new(),
                name,
                password_hash: hash,
                tags: Vec::new(),
            }),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort();
        return Err(errors);
    }
    let text = to_json(&UsersFile { users })
        .map_err(|e| vec![error("E00", None, format!("internal: {e}"))])?;
    warnings.sort();
    Ok(ExportOutput {
        files: vec![
            ExportFile {
                path: "rabbitmq/users.secret.json".to_owned(),
                contents: text.into_bytes(),
                secret: true,
            },
            // Keeps the credentials out of git wherever the folder is committed.
            ExportFile::text("rabbitmq/.gitignore", "users.secret.json\n"),
        ],
        warnings,
    })
}

fn password_hash(
    user: &str,
    entry: &serde_json::Value,
    env: &dyn Fn(&str) -> Option<String>,
    salt: &mut dyn FnMut() -> [u8; 4],
) -> Result<(String, String), Diagnostic> {
    let bad = |message: String| error("E06", None, format!("credentials: \"{user}\" {message}"));
    let Some(object) = entry.as_object() else {
        return Err(bad("is not an object".to_owned()));
    };
    if object.contains_key("password") {
        return Err(bad(
            "uses a plaintext \"password\"; use \"password_env\" or \"password_hash\"".to_owned(),
        ));
    }
    for key in object.keys() {
        if !matches!(
            key.as_str(),
            "password_env" | "password_hash" | "hashing_algorithm"
        ) {
            return Err(bad(format!("has an unknown key \"{key}\"")));
        }
    }
    match (object.get("password_env"), object.get("password_hash")) {
        (Some(var), None) => {
            let Some(var) = var.as_str() else {
                return Err(bad("has a \"password_env\" that is not a string".to_owned()));
            };
            match env(var) {
                Some(password) if !password.is_empty() => Ok((
                    rabbit_password_hash(salt(), &password),
                    HASHING_ALGORITHM.to_owned(),
                )),
                _ => Err(bad(format!(
                    "names the environment variable {var}, which is unset or empty"
                ))),
            }
        }
        (None, Some(hash)) => {
            let Some(hash) = hash.as_str() else {
                return Err(bad(
                    "has a \"password_hash\" that is not a string".to_owned()
                ));
            };
            match STANDARD.decode(hash) {
                Ok(bytes) if bytes.len() >= 36 => {}
                _ => {
                    return Err(bad(
                        "has a malformed \"password_hash\" (base64 of at least 36 bytes expected)"
                            .to_owned(),
                    ));
                }
            }
            let algorithm = object
                .get("hashing_algorithm")
                .and_then(serde_json::Value::as_str)
                .unwrap_or(HASHING_ALGORITHM);
            Ok((hash.to_owned(), algorithm.to_owned()))
        }
        (Some(_), Some(_)) => Err(bad(
            "has both \"password_env\" and \"password_hash\"; keep one".to_owned(),
        )),
        (None, None) => Err(bad(
            "has neither \"password_env\" nor \"password_hash\"".to_owned()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::rabbit_password_hash;

    #[test]
    fn hash_matches_the_spec_test_vector() {
        assert_eq!(
            rabbit_password_hash([1, 2, 3, 4], "s3cret-wms"),
            "AQIDBM6z4DrrEN3jlcQakQNuu8ldjvTPv2z31QypCNJC7Shl"
        );
    }
}
