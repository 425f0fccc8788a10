//! One test per warning (W01–W13) and error (E01–E06) code of `exports.md` §8, each on a small
//! variation of the worked example, plus the atomic, 0600 file writing of the CLI.

use std::path::Path;

use switchboard::export::{
    AsyncApiOptions, Diagnostic, ExportOutput, KafkaOptions, RabbitOptions, export_asyncapi,
    export_rabbitmq, export_strimzi, secret_users,
};
use switchboard::model::{
    Contract, Field, Flow, KafkaOverrides, Landscape, Pattern, Schedule, TimeOfDay,
};

fn example() -> Landscape {
    switchboard::file::load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/worked-example.ron"),
    )
    .expect("fixture loads")
}

fn flow_mut<'a>(landscape: &'a mut Landscape, id: &str) -> &'a mut Flow {
    landscape
        .flows
        .iter_mut()
        .find(|f| f.id == id)
        .expect("flow exists")
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn rabbit(landscape: &Landscape) -> Result<ExportOutput, Vec<Diagnostic>> {
    export_rabbitmq(landscape, &RabbitOptions::default())
}

fn find<'a>(diagnostics: &'a [Diagnostic], code: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:?}"))
}

#[test]
fn w01_every_point_to_point_flow_warns_once() {
    let output = rabbit(&example()).expect("exports");
    // F2 and F3 also get W14 (one attempt, no DLQ).
    assert_eq!(codes(&output.warnings), ["W01", "W14", "W14"]);
    assert_eq!(output.warnings[0].flow.as_deref(), Some("F4"));
}

#[test]
fn w02_no_contract_uses_v0() {
    let mut landscape = example();
    flow_mut(&mut landscape, "F3").contract = None;
    let output = rabbit(&landscape).expect("exports");
    assert_eq!(
        find(&output.warnings, "W02").message,
        "flow F3: no contract; routing key uses version 0 (v0)"
    );
    let text = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    assert!(text.contains("\"routing_key\": \"orders.v0\""));
}

#[test]
fn w03_version_without_major_uses_v0() {
    let mut landscape = example();
    landscape.contracts[1].version = "beta".to_owned();
    let output = rabbit(&landscape).expect("exports");
    assert_eq!(
        find(&output.warnings, "W03").message,
        "flow F3: contract version \"beta\" has no leading major number; using v0"
    );
}

#[test]
fn w04_retries_without_dlq_and_w05_unbuffered() {
    let mut landscape = example();
    let flow = flow_mut(&mut landscape, "F2");
    flow.retry.max_attempts = 3;
    flow.buffered = false;
    let output = rabbit(&landscape).expect("exports");
    assert_eq!(
        find(&output.warnings, "W04").message,
        "flow F2 (WMS -> DWH, stock): 3 attempts but no dead-letter queue; messages still \
         failing after 3 deliveries are DROPPED by the broker"
    );
    assert_eq!(
        find(&output.warnings, "W05").message,
        "flow F2 (WMS -> DWH, stock): not marked buffered, exported as a durable quorum queue \
         anyway"
    );
    let text = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    assert!(text.contains("\"name\": \"switchboard.dwh.stock\""));
}

#[test]
fn w06_disagreeing_kafka_sizes_use_the_maximum() {
    let mut landscape = example();
    flow_mut(&mut landscape, "F1").kafka = Some(KafkaOverrides {
        partitions: Some(6),
        ..KafkaOverrides::default()
    });
    let output = export_strimzi(&landscape, &KafkaOptions::default()).expect("exports");
    assert_eq!(
        find(&output.warnings, "W06").message,
        "topic wms.stock.v2: flows F1 (6 partitions) and F2 (3) disagree on partitions; using 6"
    );
    let text = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    assert!(text.contains("  name: wms.stock.v2\n"));
    assert!(text.contains("  partitions: 6\n"));
}

#[test]
fn w07_unknown_field_type_and_w08_unknown_format() {
    let mut landscape = example();
    landscape.contracts[0].fields.push(Field {
        name: "weight".to_owned(),
        type_name: "float32".to_owned(),
        unit: None,
        required: false,
    });
    landscape.contracts[1].format = "yaml".to_owned();
    let output = export_asyncapi(&landscape, &AsyncApiOptions::default()).expect("exports");
    assert!(output.warnings.iter().any(|w| w.code == "W07"
        && w.message
            == "flow F1: field \"weight\" has unknown type \"float32\"; any value allowed"));
    assert_eq!(find(&output.warnings, "W08").flow.as_deref(), Some("F3"));
    let wms = String::from_utf8(output.files[2].contents.clone()).expect("utf8");
    assert!(wms.contains("        weight: {}\n"), "{wms}");
    assert!(wms.contains("contentType: application/octet-stream"));
}

#[test]
fn queue_name_collisions_are_errors_and_a_pinned_export_name_resolves_them() {
    let mut landscape = example();
    let mut twin = flow_mut(&mut landscape, "F1").clone();
    twin.id = "F8".to_owned();
    twin.dlq = false;
    twin.retry.max_attempts = 1;
    landscape.flows.push(twin);
    // No queue is renamed behind the user's back (issue 12): the collision is an error.
    let errors = rabbit(&landscape).expect_err("refused");
    assert_eq!(
        find(&errors, "E02").message,
        "queue name erp.stock is produced by flow F1 and flow F8; rename one of the consumer's \
         datasets or set an export name on one of the flows (field export_name)"
    );
    flow_mut(&mut landscape, "F8").export_name = Some("Stock (F8)".to_owned());
    let output = rabbit(&landscape).expect("exports");
    let text = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    assert!(text.contains("\"name\": \"erp.stock\""));
    assert!(text.contains("\"name\": \"erp.stock-f8\""));
    assert!(text.contains("\"name\": \"erp.stock.dlq\""));
}

#[test]
fn w14_one_attempt_without_dlq_warns_of_endless_redelivery() {
    let mut landscape = example();
    let flow = flow_mut(&mut landscape, "F1");
    flow.dlq = false;
    flow.retry.max_attempts = 1;
    let output = rabbit(&landscape).expect("exports");
    let w14 = find(&output.warnings, "W14");
    assert_eq!(w14.flow.as_deref(), Some("F1"));
    assert!(
        w14.message
            .contains("redelivers a requeued message forever"),
        "{}",
        w14.message
    );
}

#[test]
fn retention_minus_one_is_unlimited_the_longest_everywhere() {
    let mut landscape = example();
    flow_mut(&mut landscape, "F1").kafka = Some(switchboard::model::KafkaOverrides {
        retention_ms: Some(-1),
        ..Default::default()
    });
    let output = switchboard::export::export_topics_json(
        &landscape,
        &switchboard::export::KafkaOptions::default(),
    )
    .expect("exports");
    let text = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let stock = json["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .find(|t| t["name"] == "wms.stock.v2")
        .expect("stock topic");
    assert_eq!(stock["configs"]["retention.ms"], "-1", "{text}");
    assert!(
        find(&output.warnings, "W06")
            .message
            .ends_with("disagree on retention; using -1")
    );
    let options = switchboard::export::KafkaOptions {
        retention_ms: -1,
        ..Default::default()
    };
    assert!(switchboard::export::export_topics_json(&example(), &options).is_ok());
    let options = switchboard::export::KafkaOptions {
        retention_ms: -2,
        ..Default::default()
    };
    assert!(switchboard::export::export_topics_json(&example(), &options).is_err());
}

#[test]
fn w10_users_without_credentials_and_e06_bad_credentials() {
    let landscape = example();
    let env = |name: &str| (name == "WMS_PW").then(|| "s3cret-wms".to_owned());
    let mut salt = || [1, 2, 3, 4];
    let output = secret_users(
        &landscape,
        &RabbitOptions::default(),
        r#"{"svc-wms": {"password_env": "WMS_PW"}}"#,
        &env,
        &mut salt,
    )
    .expect("secret users");
    assert_eq!(codes(&output.warnings), ["W10", "W10"]);
    assert_eq!(
        output.warnings[0].message,
        "svc-dwh: no credentials given; the user cannot log in with a password"
    );
    assert!(output.files[0].secret);
    let text = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    assert!(text.contains("AQIDBM6z4DrrEN3jlcQakQNuu8ldjvTPv2z31QypCNJC7Shl"));
    assert!(!text.contains("s3cret-wms"));

    for (credentials, expected) in [
        (
            r#"{"svc-erp": {"password": "x"}}"#,
            "credentials: \"svc-erp\" uses a plaintext \"password\"; use \"password_env\" or \"password_hash\"",
        ),
        (
            r#"{"svc-nobody": {"password_env": "WMS_PW"}}"#,
            "credentials: \"svc-nobody\" is not a user of this export",
        ),
        (
            r#"{"svc-erp": {"password_env": "UNSET"}}"#,
            "credentials: \"svc-erp\" names the environment variable UNSET, which is unset or empty",
        ),
        (
            r#"{"svc-erp": {"password_hash": "c2hvcnQ="}}"#,
            "credentials: \"svc-erp\" has a malformed \"password_hash\" (base64 of at least 36 bytes expected)",
        ),
    ] {
        let errors = secret_users(
            &landscape,
            &RabbitOptions::default(),
            credentials,
            &env,
            &mut salt,
        )
        .expect_err("rejected");
        assert_eq!(codes(&errors), ["E06"]);
        assert_eq!(errors[0].message, expected);
        assert!(!errors[0].message.contains("s3cret"));
    }
}

#[test]
fn w11_several_producer_topics_with_kafka() {
    let mut landscape = example();
    flow_mut(&mut landscape, "F2")
        .inputs
        .push("sys-erp.orders".to_owned());
    let options = AsyncApiOptions {
        kafka: Some(KafkaOptions::default()),
        ..AsyncApiOptions::default()
    };
    let output = export_asyncapi(&landscape, &options).expect("exports");
    assert_eq!(
        find(&output.warnings, "W11").message,
        "flow F2: several producer topics; listed in x-switchboard-kafka-topics"
    );
    let dwh = String::from_utf8(output.files[0].contents.clone()).expect("utf8");
    assert!(
        dwh.contains("    x-switchboard-kafka-topics:\n    - erp.orders.v2\n    - wms.stock.v2\n"),
        "{dwh}"
    );
}

#[test]
fn w12_versions_within_one_major_document_the_highest() {
    let mut landscape = example();
    let mut newer = landscape.contracts[0].clone();
    newer.id = "c-stock-23".to_owned();
    newer.version = "2.3.0".to_owned();
    landscape.contracts.push(newer);
    flow_mut(&mut landscape, "F2").contract = Some("c-stock-23".to_owned());
    let output = export_asyncapi(&landscape, &AsyncApiOptions::default()).expect("exports");
    assert_eq!(
        find(&output.warnings, "W12").message,
        "stock.v2: flows F1 (2.1.0) and F2 (2.3.0) differ; documenting 2.3.0"
    );
    let wms = String::from_utf8(output.files[2].contents.clone()).expect("utf8");
    assert!(wms.contains("title: StockLevelChanged 2.3.0"));
}

#[test]
fn w13_daily_times_that_are_not_one_cron_expression() {
    let mut landscape = example();
    flow_mut(&mut landscape, "F3").schedule = Schedule::Cron {
        times: vec![TimeOfDay(495), TimeOfDay(870)],
        days: switchboard::model::Weekday::ALL.to_vec(),
    };
    let output = rabbit(&landscape).expect("exports");
    assert_eq!(
        find(&output.warnings, "W13").message,
        "flow F3: the daily times cannot be written as one cron expression; documented as \"cron 15,30 8,14 * * *\""
    );
}

#[test]
fn e01_names_without_usable_characters() {
    let mut landscape = example();
    // Transliterated (issue 12): no error for Chinese, "Straße" gives "strasse".
    landscape.systems[2].name = "原料系统".to_owned();
    assert!(rabbit(&landscape).is_ok());
    landscape.systems[2].name = "\u{E000}\u{E001}".to_owned();
    let errors = rabbit(&landscape).expect_err("refused");
    assert_eq!(
        find(&errors, "E01").message,
        "system \"\u{E000}\u{E001}\" (id sys-dwh) has no usable characters for a broker name; set an export name"
    );
    let mut landscape = example();
    landscape.name = "!!!".to_owned();
    assert_eq!(codes(&rabbit(&landscape).expect_err("refused")), ["E01"]);
    // An export name fixes it.
    let mut landscape = example();
    landscape.systems[2].name = "原料系统".to_owned();
    landscape.systems[2].export_name = Some("dwh".to_owned());
    assert!(rabbit(&landscape).is_ok());
}

#[test]
fn e02_collisions_name_both_origins() {
    let mut landscape = example();
    landscape.systems[2].name = "wms ".to_owned();
    let errors = rabbit(&landscape).expect_err("refused");
    assert_eq!(
        find(&errors, "E02").message,
        "systems \"wms \" (id sys-dwh) and \"WMS\" (id sys-wms) both export as \"wms\"; set an export name on one of them"
    );
    // Different contracts on one routing key.
    let mut landscape = example();
    landscape.contracts.push(Contract {
        id: "c-other".to_owned(),
        name: "OtherStock".to_owned(),
        version: "2.0.0".to_owned(),
        format: "json".to_owned(),
        ..Contract::default()
    });
    flow_mut(&mut landscape, "F2").contract = Some("c-other".to_owned());
    let errors = export_asyncapi(&landscape, &AsyncApiOptions::default()).expect_err("refused");
    assert!(
        errors.iter().any(|e| e.code == "E02"
            && e.message
                .starts_with("routing key stock.v2 of wms.events carries different contracts")),
        "{errors:?}"
    );
    // A field twice.
    let mut landscape = example();
    let duplicate = landscape.contracts[0].fields[0].clone();
    landscape.contracts[0].fields.push(duplicate);
    let errors = export_asyncapi(&landscape, &AsyncApiOptions::default()).expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|e| e.code == "E02" && e.message.contains("has the field \"sku\" twice"))
    );
}

#[test]
fn e03_names_over_the_limit() {
    let mut landscape = example();
    landscape.systems[1].datasets[0].name = "s".repeat(260);
    let errors = rabbit(&landscape).expect_err("refused");
    assert!(errors.iter().all(|e| e.code == "E03"), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.message.starts_with("queue name \"erp.sss")
                && e.message.contains("is 264 bytes; RabbitMQ allows 255"))
    );
}

#[test]
fn e04_flows_with_unknown_endpoints() {
    let mut landscape = example();
    flow_mut(&mut landscape, "F1").output = "sys-x.stock".to_owned();
    let errors = rabbit(&landscape).expect_err("refused");
    assert_eq!(
        find(&errors, "E04").message,
        "flow F1: consumer of output dataset sys-x.stock does not exist"
    );
    let mut landscape = example();
    flow_mut(&mut landscape, "F2").inputs.clear();
    assert_eq!(
        find(&rabbit(&landscape).expect_err("refused"), "E04").message,
        "flow F2: has no producer (no input dataset)"
    );
}

#[test]
fn e05_invalid_options() {
    let landscape = example();
    let bad = KafkaOptions {
        cluster: "-bad-".to_owned(),
        partitions: 0,
        replicas: 40000,
        retention_ms: -5,
        ..KafkaOptions::default()
    };
    let errors = export_strimzi(&landscape, &bad).expect_err("refused");
    assert_eq!(codes(&errors), ["E05", "E05", "E05", "E05"]);
    assert!(
        errors
            .iter()
            .any(|e| e.message == "--replicas must be between 1 and 32767")
    );
    let errors = export_rabbitmq(
        &landscape,
        &RabbitOptions {
            vhost: Some("???".to_owned()),
        },
    )
    .expect_err("refused");
    assert_eq!(codes(&errors), ["E05"]);
}

#[test]
fn flows_via_the_hub_are_exported_whatever_their_pattern() {
    let mut landscape = example();
    let flow = flow_mut(&mut landscape, "F4");
    flow.via_hub = true;
    flow.pattern = Pattern::FileExport;
    let output = rabbit(&landscape).expect("exports");
    assert!(!codes(&output.warnings).contains(&"W01"));
    assert!(codes(&output.warnings).contains(&"W04"));
}

#[test]
fn the_cli_writes_atomically_and_secret_files_with_mode_0600() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = switchboard::export::ExportFile {
        path: "rabbitmq/users.secret.json".to_owned(),
        contents: b"{}\n".to_vec(),
        secret: true,
    };
    switchboard::cli::export::write_file(dir.path(), &file).expect("write");
    switchboard::cli::export::write_file(dir.path(), &file).expect("overwrite");
    let path = dir.path().join("rabbitmq/users.secret.json");
    assert_eq!(std::fs::read(&path).expect("read"), b"{}\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("rabbitmq"))
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn e02_kafka_topics_that_collide_in_metric_names() {
    use switchboard::export::export_topics_json;
    use switchboard::model::{Dataset, System};
    let mut landscape = example();
    // WMS now publishes "stock_x": topic wms.stock_x.v2 (named after the producer's dataset).
    landscape.systems[0].datasets[0].name = "stock_x".to_owned();
    // A system "wms_stock" publishing dataset "x": topic wms_stock.x.v2, equal after '.' -> '_'.
    landscape.systems.push(System {
        id: "sys-ws".to_owned(),
        name: "wms_stock".to_owned(),
        datasets: vec![Dataset {
            id: "src".to_owned(),
            name: "x".to_owned(),
            source: true,
            ..Dataset::default()
        }],
        ..System::default()
    });
    landscape.systems[1].datasets.push(Dataset {
        id: "x".to_owned(),
        name: "x".to_owned(),
        ..Dataset::default()
    });
    let mut flow = flow_mut(&mut landscape, "F2").clone();
    flow.id = "F9".to_owned();
    flow.inputs = vec!["sys-ws.src".to_owned()];
    flow.output = "sys-erp.x".to_owned();
    landscape.flows.push(flow);
    assert!(rabbit(&landscape).is_ok(), "RabbitMQ names do not collide");
    let errors = export_topics_json(&landscape, &KafkaOptions::default()).expect_err("refused");
    assert_eq!(codes(&errors), ["E02"]);
    assert_eq!(
        errors[0].message,
        "Kafka topic (with '.' as '_') name wms_stock_x_v2 is produced by topic wms.stock_x.v2 and topic wms_stock.x.v2"
    );
}
