//! Visible notifications: errors and confirmations shown in the corner of the canvas. A plain
//! notification fades after [`TIMEOUT_SECONDS`]; one that carries an action stays until it is
//! used or dismissed. While any is shown the window repaints once when the next one is due, and
//! not at all once they are gone, so an idle window costs nothing.

use egui::{Align2, RichText};

use super::commands::Command;

/// How long a notification without an action stays, in seconds.
pub const TIMEOUT_SECONDS: f64 = 5.0;

/// How a notification is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// One notification.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub level: Level,
    pub text: String,
    /// A button and the command it pushes; such a notification does not time out.
    pub action: Option<(String, Command)>,
    /// When it was first drawn (egui time, seconds).
    shown_at: Option<f64>,
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
        self.push(Level::Error, text.into(), None);
    }

    /// Shows a confirmation.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text.into(), None);
    }

    /// Shows a confirmation with a button that pushes `command`; it stays until used or
    /// dismissed.
    pub fn with_action(&mut self, text: impl Into<String>, button: &str, command: Command) {
        self.push(Level::Info, text.into(), Some((button.to_owned(), command)));
    }

    fn push(&mut self, level: Level, text: String, action: Option<(String, Command)>) {
        self.items.push(Notification {
            level,
            text,
            action,
            shown_at: None,
        });
        if self.items.len() > MAX_SHOWN {
            self.items.remove(0);
        }
    }

    /// Drops the notifications whose time is up and returns when the next one is due.
    fn expire(&mut self, now: f64) -> Option<f64> {
        let mut next_due: Option<f64> = None;
        self.items.retain_mut(|item| {
            if item.action.is_some() {
                return true;
            }
            let due = *item.shown_at.get_or_insert(now) + TIMEOUT_SECONDS;
            if due <= now {
                return false;
            }
            next_due = Some(next_due.map_or(due, |d: f64| d.min(due)));
            true
        });
        next_due.map(|due| due - now)
    }

    /// Draws the notifications at `offset` from the bottom-right corner of the window; returns
    /// the command of an action button that was clicked.
    pub fn ui(&mut self, ctx: &egui::Context, offset: egui::Vec2) -> Option<Command> {
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self.expire(now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
        }
        if self.items.is_empty() {
            return None;
        }
        let mut dismissed = None;
        let mut chosen = None;
        egui::Area::new(egui::Id::new("notifications"))
            .anchor(Align2::RIGHT_BOTTOM, offset)
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
                            if let Some((button, command)) = &item.action
                                && ui.small_button(button).clicked()
                            {
                                chosen = Some(command.clone());
                                dismissed = Some(index);
                            }
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
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_notifications_expire_and_actions_stay() {
        let mut notifications = Notifications::default();
        notifications.info("saved");
        notifications.with_action("deleted", "Undo", Command::Undo);
        assert_eq!(notifications.expire(10.0), Some(TIMEOUT_SECONDS));
        assert_eq!(notifications.items.len(), 2);
        assert_eq!(notifications.expire(10.0 + TIMEOUT_SECONDS), None);
        assert_eq!(notifications.items.len(), 1);
        assert!(notifications.items[0].action.is_some());
    }
}
