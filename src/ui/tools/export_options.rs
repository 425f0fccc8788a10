//! The options form of the export dialog: the same options as `switchboard export`, shown for
//! the targets that use them. Invalid values are not refused here; the exporters report them
//! (E05) in the dialog's error list, as the CLI does.

use egui::Ui;

use crate::export::StrimziApi;
use crate::export::target::ExportTarget;

use super::export_dialog::ExportDialog;

/// Draws the options of the dialog's target.
pub fn export_options_ui(dialog: &mut ExportDialog, default_vhost: &str, ui: &mut Ui) {
    let target = dialog.target;
    if !(target.uses_vhost() || target.uses_kafka() || target.uses_asyncapi()) {
        ui.weak("This export has no options.");
        return;
    }
    egui::Grid::new("export_options")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            if target.uses_vhost() {
                let label = ui.label("Virtual host");
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.vhost)
                        .hint_text(default_vhost)
                        .desired_width(220.0),
                )
                .labelled_by(label.id)
                .on_hover_text("--vhost: empty uses the document's vhost");
                ui.end_row();
            }
            if target.uses_asyncapi() {
                asyncapi_rows(dialog, ui);
            }
            if target.uses_kafka() || (target.uses_asyncapi() && dialog.settings.asyncapi_kafka) {
                kafka_rows(dialog, ui);
            }
        });
    if target == ExportTarget::RabbitMq || target == ExportTarget::All {
        ui.weak(
            "Service users are exported without passwords. To write rabbitmq/users.secret.json, \
             run switchboard export rabbitmq FILE --out DIR --credentials CREDENTIALS.",
        );
    }
}

fn asyncapi_rows(dialog: &mut ExportDialog, ui: &mut Ui) {
    let options = &mut dialog.settings.asyncapi;
    text_row(ui, "AMQP server", &mut options.amqp_host);
    text_row(ui, "API version", &mut options.api_version);
    ui.label("Kafka bindings");
    ui.checkbox(&mut dialog.settings.asyncapi_kafka, "")
        .on_hover_text("--kafka: add Kafka bindings to every operation");
    ui.end_row();
    if dialog.settings.asyncapi_kafka {
        text_row(
            ui,
            "Kafka bootstrap",
            &mut dialog.settings.asyncapi.kafka_bootstrap,
        );
    }
}

fn kafka_rows(dialog: &mut ExportDialog, ui: &mut Ui) {
    let kafka = &mut dialog.settings.kafka;
    text_row(ui, "Strimzi cluster", &mut kafka.cluster);
    ui.label("Strimzi API");
    ui.horizontal(|ui| {
        ui.radio_value(&mut kafka.strimzi_api, StrimziApi::V1, "v1");
        ui.radio_value(&mut kafka.strimzi_api, StrimziApi::V1Beta2, "v1beta2");
    });
    ui.end_row();
    ui.label("Partitions");
    ui.add(egui::DragValue::new(&mut kafka.partitions).range(1..=100_000));
    ui.end_row();
    ui.label("Replicas");
    ui.add(egui::DragValue::new(&mut kafka.replicas).range(1..=32_767));
    ui.end_row();
    ui.label("Retention (ms)");
    ui.add(
        egui::DragValue::new(&mut kafka.retention_ms)
            .range(0..=i64::MAX)
            .speed(60_000.0),
    );
    ui.end_row();
}

/// A labelled one-line text field as a grid row.
fn text_row(ui: &mut Ui, label: &str, value: &mut String) {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(220.0))
        .labelled_by(label.id);
    ui.end_row();
}
