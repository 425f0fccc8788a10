//! `hub` then `simulate`: routing the stock export through the broker gives the spec's
//! "broker instead of file" failure profile (simulation.md §12.3), and the converted document
//! exports to RabbitMQ.

use std::process::Command;

fn switchboard(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn routing_f1_through_the_hub_gives_the_broker_failure_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hub = dir.path().join("hub.ron");
    let hub = hub.to_str().expect("utf-8");
    let routed = switchboard(&["hub", "examples/seafood.ron", "--flows", "F1", "-o", hub]);
    assert_eq!(
        routed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&routed.stderr)
    );

    let simulated = switchboard(&[
        "simulate",
        hub,
        "--scenario",
        "friday-night",
        "--format",
        "json",
    ]);
    assert_eq!(
        simulated.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&simulated.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&simulated.stdout).expect("json report");
    let summary = &report["summary"];
    // The broker row of §12.3: detected Mon 08:00, repaired Mon 09:00, 1561 minutes, P1 121.
    assert_eq!(summary["detected_at"], 10560);
    assert_eq!(summary["ttd"], 3480);
    assert_eq!(summary["repaired_at"], 10620);
    assert_eq!(summary["impacted_minutes"], 1561);
    assert_eq!(summary["per_process"]["P1_sales_order_promising"], 121);
    // The hub also turns on the dead-letter queue, whose alarm is the first signal.
    assert_eq!(
        report["incidents"]["F1-sftp-auth"]["detected_via"],
        "dlq_alarm on flow:F1 -> team-wms"
    );

    let out = dir.path().join("out");
    let exported = switchboard(&[
        "export",
        "rabbitmq",
        hub,
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let definitions = std::fs::read_to_string(out.join("rabbitmq/definitions.json"))
        .expect("definitions written");
    assert!(definitions.contains("\"queues\""));
}
