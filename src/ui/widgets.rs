//! Inspector form rows: labelled text, number, choice and check fields that validate as you type,
//! show invalid input inline and report a change only when the input is valid.
//!
//! Rows are meant to sit in a two-column `egui::Grid`.

use std::hash::Hash;

use egui::{Id, RichText, Ui};

/// A draft text and its error while a field has focus.
#[derive(Debug, Clone, Default)]
struct Draft {
    text: String,
    error: Option<String>,
}

/// A text row whose value is parsed; `value` changes only when the text parses. Returns whether
/// it changed. With `commit_on_enter`, the value changes only when the field loses focus or Enter
/// is pressed (used for ids, whose every keystroke would otherwise rename references).
pub fn parsed_row<T: PartialEq>(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut T,
    format: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Result<T, String>,
    commit_on_enter: bool,
) -> bool {
    let label_response = ui.label(label);
    let id = Id::new(("field", label, salt));
    let edit_id = id.with("edit");
    let focused = ui.memory(|m| m.has_focus(edit_id));
    let mut draft = ui
        .data(|d| d.get_temp::<DraftHandle>(id))
        .map(|h| h.0)
        .filter(|_| focused)
        .unwrap_or_else(|| Draft {
            text: format(value),
            error: None,
        });
    let mut changed = false;
    ui.vertical(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(&mut draft.text)
                .id(edit_id)
                .desired_width(f32::INFINITY),
        );
        let response = response.labelled_by(label_response.id);
        let commit_now = !commit_on_enter || response.lost_focus();
        if response.changed() || (commit_on_enter && response.lost_focus()) {
            match parse(draft.text.trim()) {
                Ok(parsed) => {
                    draft.error = None;
                    if commit_now && parsed != *value {
                        *value = parsed;
                        changed = true;
                    }
                }
                Err(error) => draft.error = Some(error),
            }
        }
        if let Some(error) = &draft.error {
            ui.label(
                RichText::new(format!("⚠ {error} (not applied)"))
                    .small()
                    .color(crate::ui::theme::ERROR_TEXT),
            );
        }
    });
    ui.end_row();
    let keep = ui.memory(|m| m.has_focus(edit_id));
    ui.data_mut(|d| {
        if keep {
            d.insert_temp(id, DraftHandle(draft));
        } else {
            d.remove::<DraftHandle>(id);
        }
    });
    changed
}

#[derive(Debug, Clone, Default)]
struct DraftHandle(Draft);

/// A free text row.
pub fn text_row(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut String,
) -> bool {
    parsed_row(
        ui,
        label,
        salt,
        value,
        Clone::clone,
        |t| Ok(t.to_owned()),
        false,
    )
}

/// An optional text row: empty means `None`.
pub fn optional_text_row(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut Option<String>,
) -> bool {
    parsed_row(
        ui,
        label,
        salt,
        value,
        |v| v.clone().unwrap_or_default(),
        |t| Ok((!t.is_empty()).then(|| t.to_owned())),
        false,
    )
}

/// A whole number row.
pub fn number_row(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut u32,
) -> bool {
    parsed_row(
        ui,
        label,
        salt,
        value,
        ToString::to_string,
        |t| {
            t.parse::<u32>()
                .map_err(|_| "enter a whole number ≥ 0".to_owned())
        },
        false,
    )
}

/// An optional whole number row: empty means `None`.
pub fn optional_number_row(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut Option<u32>,
) -> bool {
    parsed_row(
        ui,
        label,
        salt,
        value,
        |v| v.map(|n| n.to_string()).unwrap_or_default(),
        |t| {
            if t.is_empty() {
                Ok(None)
            } else {
                t.parse::<u32>()
                    .map(Some)
                    .map_err(|_| "enter a whole number ≥ 0, or leave empty".to_owned())
            }
        },
        false,
    )
}

/// A decimal number row limited to `range`.
pub fn fraction_row(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
) -> bool {
    parsed_row(
        ui,
        label,
        salt,
        value,
        ToString::to_string,
        |t| match t.parse::<f64>() {
            Ok(v) if range.contains(&v) => Ok(v),
            _ => Err(format!(
                "enter a number from {} to {}",
                range.start(),
                range.end()
            )),
        },
        false,
    )
}

/// An id row: applied on Enter or when leaving the field; must be non-empty, without spaces,
/// and free (`taken` says which ids are used by others).
pub fn id_row(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut String,
    taken: impl Fn(&str) -> bool,
) -> bool {
    let current = value.clone();
    parsed_row(
        ui,
        label,
        salt,
        value,
        Clone::clone,
        |t| {
            if t.is_empty() {
                Err("an id must not be empty".to_owned())
            } else if t.chars().any(char::is_whitespace) {
                Err("an id must not contain spaces".to_owned())
            } else if t != current && taken(t) {
                Err(format!("\"{t}\" is already used"))
            } else {
                Ok(t.to_owned())
            }
        },
        true,
    )
}

/// A check box row.
pub fn check_row(ui: &mut Ui, label: &str, value: &mut bool) -> bool {
    let label_response = ui.label(label);
    let response = ui.checkbox(value, "").labelled_by(label_response.id);
    ui.end_row();
    response.changed()
}

/// A choice among `options` (value and text) shown as a combo box.
pub fn choice_row<T: PartialEq + Clone>(
    ui: &mut Ui,
    label: &str,
    salt: impl Hash + std::fmt::Debug,
    value: &mut T,
    options: &[(T, String)],
) -> bool {
    let label_response = ui.label(label);
    let selected = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or_else(String::new, |(_, t)| t.clone());
    let mut changed = false;
    let combo = egui::ComboBox::from_id_salt(Id::new(("choice", label, salt)))
        .selected_text(selected)
        .width(ui.available_width().max(120.0))
        .show_ui(ui, |ui| {
            for (option, text) in options {
                if ui.selectable_label(option == value, text).clicked() && option != value {
                    *value = option.clone();
                    changed = true;
                }
            }
        });
    combo.response.labelled_by(label_response.id);
    ui.end_row();
    changed
}
