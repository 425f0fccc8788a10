//! The layering rules of `src/lib.rs`, checked by reading the sources: `model` imports nothing of
//! the crate, nothing imports `cli` or `ui`, only `ui` names the GUI crates, and only `cli` and
//! `ui` print.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The top-level module a file under `src/` belongs to (`model`, `cli`, … or `lib`/`main`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").expect("under src");
    let first = relative.components().next().expect("non-empty");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

/// Source lines outside `#[cfg(test)]` modules (a test module is taken to run to the file end).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("readable source");
    text.lines()
        .enumerate()
        .take_while(|(_, line)| !line.trim_start().starts_with("#[cfg(test)]"))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(i, line)| (i + 1, line.to_owned()))
        .collect()
}

fn violations(rule: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(Path::new("src")) {
        let module = module_of(&file);
        for (number, line) in code_lines(&file) {
            if rule(&module, &line) {
                found.push(format!("{}:{number}: {}", file.display(), line.trim()));
            }
        }
    }
    found
}

#[test]
fn model_imports_nothing_of_the_crate() {
    let found = violations(|module, line| {
        module == "model" && line.contains("crate::") && !line.contains("crate::model")
    });
    assert!(
        found.is_empty(),
        "model must stand alone:\n{}",
        found.join("\n")
    );
}

#[test]
fn nothing_imports_cli_or_ui() {
    let found = violations(|module, line| {
        !matches!(module, "cli" | "ui" | "main" | "lib")
            && (line.contains("crate::cli") || line.contains("crate::ui"))
    });
    assert!(
        found.is_empty(),
        "only the top layers may be imported by main:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_ui_names_the_gui_crates() {
    let found = violations(|module, line| {
        module != "ui"
            && [
                "egui::",
                "eframe::",
                "egui_graphs::",
                "rfd::",
                "egui_kittest::",
            ]
            .iter()
            .any(|name| line.contains(name) && !line.contains(&format!("_{name}")))
    });
    assert!(
        found.is_empty(),
        "GUI crates outside ui:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_cli_main_and_ui_print() {
    let found = violations(|module, line| {
        !matches!(module, "cli" | "ui" | "main")
            && ["println!", "eprintln!", "print!(", "eprint!(", "dbg!"]
                .iter()
                .any(|m| line.contains(m))
    });
    assert!(
        found.is_empty(),
        "libraries never print:\n{}",
        found.join("\n")
    );
}
