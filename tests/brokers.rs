//! Tier-1 tests against a real RabbitMQ (`exports.md` §7): import the project's own exports with
//! `rabbitmqctl`, read them back and compare, prove routing, least privilege and dead-lettering
//! with `lapin`, catch the three silent import failures, and run `switchboard deploy`.
//!
//! Gated by `SWITCHBOARD_BROKER_TESTS=1` (set by `.ci/brokers.sh` once its throwaway broker is
//! up). Without it every test prints that it was skipped. With it, the variables
//! `SWITCHBOARD_AMQP_URL`, `SWITCHBOARD_MGMT_URL` and `SWITCHBOARD_RABBITMQCTL` are required and an
//! unreachable broker is a failure.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lapin::Confirmation;
use lapin::options::{
    BasicAckOptions, BasicGetOptions, BasicNackOptions, BasicPublishOptions, BasicRejectOptions,
    ConfirmSelectOptions, QueueDeclareOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties};
use serde_json::{Value, json};
use switchboard::cli::deploy::{DeployArgs, deploy};
use switchboard::export::compare::{Comparison, compare};
use switchboard::export::{ExportOutput, RabbitOptions, export_rabbitmq, secret_users};
use switchboard::model::Landscape;

static SERIAL: Mutex<()> = Mutex::new(());

struct Broker {
    amqp: String,
    mgmt: String,
    ctl: String,
}

/// The broker from the environment, or `None` (test skipped) when the gate is not set.
fn broker(test: &str) -> Option<Broker> {
    if std::env::var("SWITCHBOARD_BROKER_TESTS").ok().as_deref() != Some("1") {
        // Written to the stderr handle directly: libtest captures only the print macros, so the
        // skip is visible in every `cargo test` run.
        let _ = writeln!(
            std::io::stderr(),
            "{test}: skipped: SWITCHBOARD_BROKER_TESTS not set"
        );
        return None;
    }
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!("SWITCHBOARD_BROKER_TESTS=1 but {name} is not set (a broken start must fail)")
        })
    };
    Some(Broker {
        amqp: var("SWITCHBOARD_AMQP_URL"),
        mgmt: var("SWITCHBOARD_MGMT_URL"),
        ctl: var("SWITCHBOARD_RABBITMQCTL"),
    })
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn load(name: &str) -> Landscape {
    switchboard::file::load_path(&fixture(name)).expect("fixture loads")
}

fn write_all(dir: &Path, output: &ExportOutput) {
    for file in &output.files {
        switchboard::cli::export::write_file(dir, file).expect("write export");
    }
}

fn ctl(broker: &Broker, args: &[&str]) -> String {
    let out = Command::new(&broker.ctl)
        .args(args)
        .output()
        .expect("rabbitmqctl runs");
    assert!(
        out.status.success(),
        "rabbitmqctl {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
}

/// Imports the three files in the first-deployment order with `rabbitmqctl`.
fn ctl_import(broker: &Broker, dir: &Path) {
    for name in [
        "definitions.json",
        "users.bootstrap.json",
        "permissions.json",
    ] {
        let path = dir.join("rabbitmq").join(name);
        ctl(
            broker,
            &["import_definitions", path.to_str().expect("path")],
        );
    }
}

/// Polls `rabbitmqctl export_definitions` every 0.5 s for up to 20 s until the comparison
/// shows no problem; returns the last comparison and the attempt count.
fn read_back(broker: &Broker, dir: &Path, vhost: &str) -> (Comparison, usize) {
    let files: Vec<Value> = [
        "definitions.json",
        "users.bootstrap.json",
        "permissions.json",
    ]
    .iter()
    .map(|n| read_json(&dir.join("rabbitmq").join(n)))
    .collect();
    let refs: Vec<&Value> = files.iter().collect();
    let actual_path = dir.join("actual.json");
    let start = Instant::now();
    let mut attempt = 0;
    loop {
        attempt += 1;
        ctl(
            broker,
            &[
                "-q",
                "export_definitions",
                actual_path.to_str().expect("path"),
            ],
        );
        let comparison = compare(&refs, &read_json(&actual_path), vhost, true);
        if comparison.problems() == 0 || start.elapsed() > Duration::from_secs(20) {
            return (comparison, attempt);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn amqp_url(broker: &Broker, user: &str, password: &str, vhost: &str) -> String {
    let host = broker
        .amqp
        .strip_prefix("amqp://")
        .expect("amqp:// URL")
        .trim_end_matches('/');
    format!(
        "amqp://{user}:{password}@{host}/{}",
        vhost.replace('/', "%2F")
    )
}

async fn channel(url: &str) -> (Connection, Channel) {
    let connection = tokio::time::timeout(
        Duration::from_secs(10),
        Connection::connect(url, ConnectionProperties::default()),
    )
    .await
    .expect("connect in time")
    .expect("login works (the password hash is right)");
    let channel = connection.create_channel().await.expect("channel");
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .expect("confirm_select");
    (connection, channel)
}

async fn publish(
    channel: &Channel,
    exchange: &str,
    key: &str,
    body: &[u8],
) -> lapin::Result<Confirmation> {
    channel
        .basic_publish(
            exchange.into(),
            key.into(),
            BasicPublishOptions {
                mandatory: true,
                ..BasicPublishOptions::default()
            },
            body,
            BasicProperties::default().with_delivery_mode(2),
        )
        .await?
        .await
}

async fn get(channel: &Channel, queue: &str) -> Option<lapin::message::BasicGetMessage> {
    for _ in 0..30 {
        if let Some(message) = channel
            .basic_get(queue.into(), BasicGetOptions { no_ack: false })
            .await
            .expect("basic_get")
        {
            return Some(message);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

/// How lapin's `Debug` prints an AMQP long string's bytes, to find header values in it.
fn bytes(text: &str) -> String {
    format!("{:?}", text.as_bytes())
}

fn refused<T: std::fmt::Debug>(result: &lapin::Result<T>) -> bool {
    match result {
        Ok(_) => false,
        Err(e) => {
            let text = format!("{e:?} {e}");
            text.contains("403")
                || text.contains("ACCESS_REFUSED")
                || text.contains("AccessRefused")
        }
    }
}

#[test]
fn worked_example_imports_reads_back_and_behaves() {
    let Some(broker) = broker("worked_example_imports_reads_back_and_behaves") else {
        return;
    };
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let landscape = load("tests/fixtures/export/worked-example.ron");
    let dir = tempfile::tempdir().expect("tempdir");
    let output = export_rabbitmq(&landscape, &RabbitOptions::default()).expect("export");
    write_all(dir.path(), &output);
    let started = Instant::now();
    ctl_import(&broker, dir.path());
    let (comparison, attempts) = read_back(&broker, dir.path(), "nordic-seafood");
    for finding in &comparison.findings {
        println!("  {finding}");
    }
    assert_eq!(comparison.problems(), 0, "{:?}", comparison.findings);
    assert_eq!(comparison.extras(), Vec::<String>::new());
    println!(
        "PASS read back: {} entities match, 0 problems (attempt {attempts}, {:.1} s)",
        comparison.matched,
        started.elapsed().as_secs_f64()
    );

    // Passwords through the project's own secret_users, then log in as each service user.
    let passwords: BTreeMap<String, String> =
        ["SVC_WMS_PASSWORD", "SVC_ERP_PASSWORD", "SVC_DWH_PASSWORD"]
            .iter()
            .map(|v| {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .expect("clock")
                    .as_nanos();
                ((*v).to_owned(), format!("pw-{v}-{nanos}"))
            })
            .collect();
    let credentials = json!({
        "svc-wms": {"password_env": "SVC_WMS_PASSWORD"},
        "svc-erp": {"password_env": "SVC_ERP_PASSWORD"},
        "svc-dwh": {"password_env": "SVC_DWH_PASSWORD"}
    })
    .to_string();
    let env = |name: &str| passwords.get(name).cloned();
    let mut counter = 0u8;
    let mut salt = || {
        counter = counter.wrapping_add(1);
        [counter, 7, 42, 99]
    };
    let secret = secret_users(
        &landscape,
        &RabbitOptions::default(),
        &credentials,
        &env,
        &mut salt,
    )
    .expect("secret users");
    assert!(secret.warnings.is_empty());
    write_all(dir.path(), &secret);
    let secret_path = dir.path().join("rabbitmq/users.secret.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret_path)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "users.secret.json must be 0600");
    }
    ctl(
        &broker,
        &["import_definitions", secret_path.to_str().expect("path")],
    );

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let vhost = "nordic-seafood";
        let url = |user: &str, var: &str| amqp_url(&broker, user, &passwords[var], vhost);
        let behaviour_start = Instant::now();
        let (_wc, wms) = channel(&url("svc-wms", "SVC_WMS_PASSWORD")).await;
        let (_ec, erp) = channel(&url("svc-erp", "SVC_ERP_PASSWORD")).await;
        let (_dc, dwh) = channel(&url("svc-dwh", "SVC_DWH_PASSWORD")).await;
        let stock = br#"{"sku":"SALMON-4KG","location":"A-01-03","quantity":120.5,"changed_at":"2026-11-22T06:00:00Z"}"#;

        // (a) one stock event reaches every consumer queue of stock.v2.
        let confirmation = publish(&wms, "wms.events", "stock.v2", stock).await.expect("publish");
        assert!(matches!(confirmation, Confirmation::Ack(None)), "{confirmation:?}");
        let m1 = get(&erp, "erp.stock").await.expect("(a) erp.stock received it");
        assert_eq!(m1.delivery.data, stock);
        m1.delivery.ack(BasicAckOptions::default()).await.expect("ack");
        let m2 = get(&dwh, "dwh.stock").await.expect("(a) dwh.stock received it");
        m2.delivery.ack(BasicAckOptions::default()).await.expect("ack");
        println!("PASS (a) stock.v2 published by svc-wms reaches erp.stock and dwh.stock");

        // (c) a rejected message lands in erp.stock.dlq with an x-death header.
        publish(&wms, "wms.events", "stock.v2", stock).await.expect("publish");
        let m = get(&erp, "erp.stock").await.expect("message");
        m.delivery.reject(BasicRejectOptions { requeue: false }).await.expect("reject");
        let dead = get(&erp, "erp.stock.dlq").await.expect("(c) message in erp.stock.dlq");
        let headers = format!("{:?}", dead.delivery.properties.headers());
        assert!(
            headers.contains("x-death")
                && headers.contains(&bytes("rejected"))
                && headers.contains(&bytes("stock.v2")),
            "x-death reason rejected, routing-keys [stock.v2]: {headers}"
        );
        dead.delivery.ack(BasicAckOptions::default()).await.expect("ack");
        get(&dwh, "dwh.stock").await.expect("dwh copy").delivery.ack(BasicAckOptions::default()).await.expect("ack");
        println!("PASS (c) message rejected by svc-erp lands in erp.stock.dlq (x-death reason rejected)");

        // (d) max_attempts 4: four deliveries, then dead-lettered with reason delivery_limit.
        publish(&wms, "wms.events", "stock.v2", stock).await.expect("publish");
        let mut deliveries = 0;
        while let Some(m) = get(&erp, "erp.stock").await {
            deliveries += 1;
            m.delivery
                .nack(BasicNackOptions { requeue: true, multiple: false })
                .await
                .expect("nack");
            if deliveries > 10 {
                break;
            }
        }
        assert_eq!(deliveries, 4, "(d) max_attempts 4 -> delivery-limit 3 -> 4 deliveries");
        let dead = get(&erp, "erp.stock.dlq").await.expect("(d) dead-lettered");
        let headers = format!("{:?}", dead.delivery.properties.headers());
        assert!(headers.contains(&bytes("delivery_limit")), "{headers}");
        dead.delivery.ack(BasicAckOptions::default()).await.expect("ack");
        get(&dwh, "dwh.stock").await.expect("dwh copy").delivery.ack(BasicAckOptions::default()).await.expect("ack");
        println!("PASS (d) requeued 4 times, then dead-lettered with reason delivery_limit");

        // (e) orders.v1 from ERP to WMS; an undesigned key comes back as returned.
        publish(&erp, "erp.events", "orders.v1", b"{}").await.expect("publish");
        get(&wms, "wms.orders").await.expect("(e) wms.orders").delivery.ack(BasicAckOptions::default()).await.expect("ack");
        let returned = publish(&wms, "wms.events", "stock.v3", stock).await.expect("publish");
        assert!(matches!(returned, Confirmation::Ack(Some(_))), "{returned:?}");
        println!("PASS (e) orders.v1 reaches wms.orders; undesigned stock.v3 is returned");

        // (b) least privilege.
        let foreign = erp.basic_get("dwh.stock".into(), BasicGetOptions { no_ack: false }).await;
        assert!(refused(&foreign), "(b) svc-erp read dwh.stock: {foreign:?}");
        let (_e2, erp2) = channel(&url("svc-erp", "SVC_ERP_PASSWORD")).await;
        let _ = erp2;
        let publish_foreign = publish(&wms, "erp.events", "orders.v1", b"{}").await;
        assert!(refused(&publish_foreign), "svc-wms wrote erp.events: {publish_foreign:?}");
        let (_d2, dwh2) = channel(&url("svc-dwh", "SVC_DWH_PASSWORD")).await;
        let default_exchange = publish(&dwh2, "", "erp.stock", stock).await;
        assert!(refused(&default_exchange), "svc-dwh used amq.default: {default_exchange:?}");
        let (_w2, wms2) = channel(&url("svc-wms", "SVC_WMS_PASSWORD")).await;
        let declare = wms2
            .queue_declare("wms.sneaky".into(), QueueDeclareOptions::durable(), FieldTable::default())
            .await;
        assert!(refused(&declare), "svc-wms declared a queue: {declare:?}");
        println!("PASS (b) svc-erp may not read dwh.stock; foreign exchange, default exchange and queue.declare refused (403)");

        // Every queue is empty at the end.
        let (_e3, erp3) = channel(&url("svc-erp", "SVC_ERP_PASSWORD")).await;
        let (_d3, dwh3) = channel(&url("svc-dwh", "SVC_DWH_PASSWORD")).await;
        let (_w3, wms3) = channel(&url("svc-wms", "SVC_WMS_PASSWORD")).await;
        for (ch, queue) in [(&erp3, "erp.stock"), (&erp3, "erp.stock.dlq"), (&dwh3, "dwh.stock"), (&wms3, "wms.orders")] {
            let left = ch.basic_get(queue.into(), BasicGetOptions { no_ack: false }).await.expect("get");
            assert!(left.is_none(), "{queue} not empty");
        }
        println!("PASS all queues empty; behaviour checks took {:.2} s", behaviour_start.elapsed().as_secs_f64());
    });
}

#[test]
fn silent_import_failures_are_caught_by_the_read_back() {
    let Some(broker) = broker("silent_import_failures_are_caught_by_the_read_back") else {
        return;
    };
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = tempfile::tempdir().expect("tempdir");
    let vhost = "sb-silent";
    let queue = |name: &str, durable: bool, args: Value| json!({"name": name, "vhost": vhost, "durable": durable, "auto_delete": false, "arguments": args});
    let first = json!({
        "vhosts": [{"name": vhost, "metadata": {"description": "silent failures", "tags": ["switchboard"]}}],
        "exchanges": [{"name": "erp.events", "vhost": vhost, "type": "topic", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}],
        "queues": [queue("erp.stock", true, json!({"x-queue-type": "quorum", "x-delivery-limit": 3}))],
    });
    let bad = json!({
        "vhosts": first["vhosts"],
        "exchanges": first["exchanges"],
        "queues": [
            queue("erp.stock", true, json!({"x-queue-type": "quorum", "x-delivery-limit": 5})),
            queue("bad.quorum", false, json!({"x-queue-type": "quorum"}))
        ],
        "bindings": [{"source": "erp.events", "vhost": vhost, "destination": "no.such.queue", "destination_type": "queue", "routing_key": "x", "arguments": {}}]
    });
    let first_path = dir.path().join("first.json");
    let bad_path = dir.path().join("bad.json");
    std::fs::write(&first_path, first.to_string()).expect("write");
    std::fs::write(&bad_path, bad.to_string()).expect("write");
    ctl(
        &broker,
        &["import_definitions", first_path.to_str().expect("path")],
    );
    ctl(
        &broker,
        &["import_definitions", bad_path.to_str().expect("path")],
    );
    let actual_path = dir.path().join("actual.json");
    let mut lines = Vec::new();
    for _ in 0..40 {
        ctl(
            &broker,
            &[
                "-q",
                "export_definitions",
                actual_path.to_str().expect("path"),
            ],
        );
        let comparison = compare(&[&bad], &read_json(&actual_path), vhost, false);
        lines = comparison
            .findings
            .iter()
            .map(ToString::to_string)
            .collect();
        if comparison.problems() >= 3 {
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    for line in &lines {
        println!("  {line}");
    }
    let has = |prefix: &str| lines.iter().any(|l| l.starts_with(prefix));
    assert!(
        has("MISSING   bindings (sb-silent, erp.events, queue, no.such.queue, x, {})"),
        "{lines:?}"
    );
    assert!(has("MISSING   queues (sb-silent, bad.quorum)"), "{lines:?}");
    assert!(
        has("DIFFERENT queues (sb-silent, erp.stock): arguments"),
        "{lines:?}"
    );
    ctl(&broker, &["delete_vhost", vhost]);
    println!("PASS the three silent import failures are reported");
}

/// The seafood example with every flow routed through the hub, so that the export is not empty.
fn seafood_via_hub() -> Landscape {
    let mut landscape = load("examples/seafood.ron");
    for flow in &mut landscape.flows {
        flow.via_hub = true;
    }
    landscape.export_vhost = Some("seafood-hub".to_owned());
    landscape
}

#[test]
fn seafood_exports_import_and_route() {
    let Some(broker) = broker("seafood_exports_import_and_route") else {
        return;
    };
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // As drawn, seafood is mostly point-to-point: the export warns (W01) for those flows.
    let plain = export_rabbitmq(&load("examples/seafood.ron"), &RabbitOptions::default())
        .expect("seafood exports");
    let w01 = plain.warnings.iter().filter(|w| w.code == "W01").count();
    println!(
        "seafood as drawn: {} warnings, {w01} of them W01 (not exported)",
        plain.warnings.len()
    );

    let landscape = seafood_via_hub();
    let output =
        export_rabbitmq(&landscape, &RabbitOptions::default()).expect("hub variant exports");
    let dir = tempfile::tempdir().expect("tempdir");
    write_all(dir.path(), &output);
    ctl_import(&broker, dir.path());
    let (comparison, attempts) = read_back(&broker, dir.path(), "seafood-hub");
    for finding in &comparison.findings {
        println!("  {finding}");
    }
    assert_eq!(comparison.problems(), 0);
    assert_eq!(comparison.extras(), Vec::<String>::new());
    println!(
        "PASS seafood (hub variant): {} entities match (attempt {attempts})",
        comparison.matched
    );

    // Routing through the management API as guest: every designed binding key is routed.
    let definitions = read_json(&dir.path().join("rabbitmq/definitions.json"));
    let agent = http_agent();
    let mut routed = 0;
    for binding in definitions["bindings"].as_array().expect("bindings") {
        let source = binding["source"].as_str().expect("source");
        if !source.ends_with(".events") {
            continue;
        }
        ctl(
            &broker,
            &[
                "-q",
                "set_permissions",
                "-p",
                "seafood-hub",
                "guest",
                ".*",
                ".*",
                ".*",
            ],
        );
        let url = format!("{}/api/exchanges/seafood-hub/{source}/publish", broker.mgmt);
        let body = json!({"properties": {}, "routing_key": binding["routing_key"], "payload": "x", "payload_encoding": "string"});
        let reply: Value = agent
            .post(&url)
            .header("Authorization", GUEST_AUTH)
            .send_json(&body)
            .expect("publish")
            .into_body()
            .read_json()
            .expect("json");
        assert_eq!(
            reply["routed"],
            json!(true),
            "{source} {}",
            binding["routing_key"]
        );
        routed += 1;
    }
    println!("PASS seafood (hub variant): {routed} designed routes are routed");
    ctl(&broker, &["delete_vhost", "seafood-hub"]);
}

const GUEST_AUTH: &str = "Basic Z3Vlc3Q6Z3Vlc3Q=";

fn http_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

#[test]
fn deploy_creates_users_posts_and_verifies() {
    let Some(broker) = broker("deploy_creates_users_posts_and_verifies") else {
        return;
    };
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let vhost = "nordic-seafood-deploy";
    let options = RabbitOptions {
        vhost: Some(vhost.to_owned()),
    };
    let mut landscape = load("tests/fixtures/export/worked-example.ron");
    let dir = tempfile::tempdir().expect("tempdir");
    write_all(
        dir.path(),
        &export_rabbitmq(&landscape, &options).expect("export"),
    );
    let args = DeployArgs {
        target: "rabbitmq".to_owned(),
        file: dir.path().join("rabbitmq/definitions.json"),
        url: broker.mgmt.clone(),
        user: "guest".to_owned(),
        password_env: "UNUSED".to_owned(),
        dry_run: false,
        timeout_secs: 30,
        insecure_http: false,
    };
    let report = deploy(&args, "guest");
    for line in &report.lines {
        println!("{line}");
    }
    assert_eq!(report.exit, 0);
    assert_eq!(report.comparison.problems(), 0);
    assert_eq!(
        report.comparison.extras(),
        [format!("permissions (guest, {vhost})")]
    );

    // A design change: F1 retries 4 -> 6 attempts; the policy is updated in place.
    for flow in &mut landscape.flows {
        if flow.id == "F1" {
            flow.retry.max_attempts = 6;
        }
    }
    write_all(
        dir.path(),
        &export_rabbitmq(&landscape, &options).expect("export"),
    );
    let report = deploy(&args, "guest");
    for line in &report.lines {
        println!("{line}");
    }
    assert_eq!(report.exit, 0);
    assert!(
        report
            .lines
            .iter()
            .any(|l| l == "user exists, left untouched: svc-erp")
    );
    let policy: Value = http_agent()
        .get(format!(
            "{}/api/policies/{vhost}/switchboard.erp.stock",
            broker.mgmt
        ))
        .header("Authorization", GUEST_AUTH)
        .call()
        .expect("get policy")
        .into_body()
        .read_json()
        .expect("json");
    assert_eq!(policy["definition"]["delivery-limit"], json!(5));
    println!("PASS redeploy: policy switchboard.erp.stock now has delivery-limit 5");

    // A wrong password is reported as an authentication failure (exit 2).
    let report = deploy(&args, "wrong-password");
    assert_eq!(report.exit, 2);
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.contains("authentication failed for user guest"))
    );
    ctl(&broker, &["delete_vhost", vhost]);
}
