//! Visible notifications: errors and confirmations shown in the corner of the window until
//! dismissed. They never time out on their own, so they cost no repaints while idle.

use egui::{Align2, RichText, vec2};

/// How a notification is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub level: Level,
    pub text: String,
}

/// The visible notifications, newest last.
#[derive(Debug, Default)]
pub struct Notifications {
    pub items: Vec<Notification>,
}

const MAX_SHOWN: usize = 5;

impl Notifications {
    /// Shows an error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text.into());
    }

    /// Shows a confirmation.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text.into());
    }

    fn push(&mut self, level: Level, text: String) {
        self.items.push(Notification { level, text });
        if self.items.len() > MAX_SHOWN {
            self.items.remove(0);
        }
    }

    /// Draws the notifications in the bottom-right corner.
    pub fn ui(&mut self, ctx: &egui::Context) {
        if self.items.is_empty() {
            return;
        }
        let mut dismissed = None;
        egui::Area::new(egui::Id::new("notifications"))
            .anchor(Align2::RIGHT_BOTTOM, vec2(-16.0, -40.0))
            .show(ctx, |ui| {
                for (index, item) in self.items.iter().enumerate() {
                    let colour = match item.level {
                        Level::Info => ui.visuals().widgets.noninteractive.fg_stroke.color,
                        Level::Error => crate::ui::theme::ERROR_TEXT,
                    };
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        ui.horizontal(|ui| {
                            let prefix = match item.level {
                                Level::Info => "ℹ",
                                Level::Error => "⚠",
                            };
                            ui.label(
                                RichText::new(format!("{prefix} {}", item.text)).color(colour),
                            );
                            if ui.small_button("Dismiss").clicked() {
                                dismissed = Some(index);
                            }
                        });
                    });
                }
            });
        if let Some(index) = dismissed {
            self.items.remove(index);
        }
    }
}
