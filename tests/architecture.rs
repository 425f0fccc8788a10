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

/// The file a module path inside `src/` names: the longest prefix of `segments` that is a file
/// (`a/b.rs` or `a/b/mod.rs`).
fn file_of(segments: &[String]) -> Option<PathBuf> {
    (1..=segments.len()).rev().find_map(|n| {
        let stem: PathBuf = segments[..n].iter().collect();
        let file = Path::new("src").join(&stem).with_extension("rs");
        let module = Path::new("src").join(&stem).join("mod.rs");
        [file, module].into_iter().find(|p| p.is_file())
    })
}

/// The module path of a file under `src/`: `src/ui/app/run.rs` → [ui, app, run].
fn module_path(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix("src").expect("under src");
    let mut segments: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if segments.last().is_some_and(|s| s == "mod") {
        segments.pop();
    }
    segments
}

/// The files of `ui` that `file` names by path (`crate::ui::…`, `super::…`, `self::…`, or a
/// child module), outside its tests.
fn ui_files_named_by(file: &Path) -> Vec<PathBuf> {
    let here = module_path(file);
    let mut named = Vec::new();
    for (_, line) in code_lines(file) {
        let words = line.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'));
        for word in words.filter(|w| w.contains("::")) {
            let parts: Vec<&str> = word.split("::").filter(|p| !p.is_empty()).collect();
            let mut base: Vec<String> = here.clone();
            let rest: &[&str] = match parts.first() {
                Some(&"crate") => {
                    base.clear();
                    &parts[1..]
                }
                Some(&"super") => {
                    let ups = parts.iter().take_while(|p| **p == "super").count();
                    for _ in 0..ups {
                        base.pop();
                    }
                    &parts[ups..]
                }
                Some(&"self") => &parts[1..],
                Some(first) if file_of(&[&base[..], &[first.to_string()]].concat()).is_some() => {
                    &parts[..]
                }
                _ => continue,
            };
            let mut full = base;
            full.extend(rest.iter().map(ToString::to_string));
            if full.first().is_some_and(|m| m == "ui")
                && let Some(target) = file_of(&full)
                && target != file
            {
                named.push(target);
            }
        }
    }
    named.sort();
    named.dedup();
    named
}

/// Whether `target` is the `mod.rs` of the module `file` belongs to: a file of a module using
/// its parent's items (`use super::DesignerApp` in `app/run.rs`) splits one concern over files.
fn is_own_module(file: &Path, target: &Path) -> bool {
    !file.ends_with("mod.rs") && target.ends_with("mod.rs") && target.parent() == file.parent()
}

#[test]
fn no_import_loop_inside_ui() {
    let files = rust_files(Path::new("src/ui"));
    let named = |file: &Path| -> Vec<PathBuf> {
        ui_files_named_by(file)
            .into_iter()
            .filter(|target| !is_own_module(file, target))
            .collect()
    };
    let mut edges = 0;
    // Depth-first from every file: a path that comes back to its start is a loop.
    for start in &files {
        let mut stack: Vec<Vec<PathBuf>> = vec![vec![start.clone()]];
        let mut seen: Vec<PathBuf> = Vec::new();
        while let Some(path) = stack.pop() {
            let last = path.last().expect("non-empty").clone();
            for next in named(&last) {
                edges += 1;
                if &next == start {
                    let shown: Vec<String> = path.iter().map(|p| p.display().to_string()).collect();
                    panic!("import loop: {} -> {}", shown.join(" -> "), start.display());
                }
                if !seen.contains(&next) {
                    seen.push(next.clone());
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
    assert!(edges > 0, "the scan found no imports at all");
}
