//! The files in `assets/`: the PNG icons are the SVG rendered with resvg (run with
//! `SWITCHBOARD_WRITE_ICONS=1` to write them again after editing the SVG), the desktop entry
//! and AppStream metadata name the binary and the icon.

use std::path::PathBuf;

use switchboard::export::icon::{ICON_SIZES, icon_png, icon_rgba};

fn assets() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets")
}

fn read_text(name: &str) -> String {
    match std::fs::read_to_string(assets().join(name)) {
        Ok(text) => text,
        Err(error) => panic!("assets/{name} reads: {error}"),
    }
}

#[test]
fn the_png_icons_are_the_svg_rendered() {
    let write = std::env::var_os("SWITCHBOARD_WRITE_ICONS").is_some();
    for size in ICON_SIZES {
        let png = match icon_png(size) {
            Ok(png) => png,
            Err(error) => panic!("the icon renders at {size}: {error}"),
        };
        let path = assets().join(format!("icons/switchboard-{size}.png"));
        if write && let Err(error) = std::fs::write(&path, &png) {
            panic!("writes {}: {error}", path.display());
        }
        let stored = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => panic!("{} reads: {error}", path.display()),
        };
        assert!(
            stored == png,
            "{} is stale: run with SWITCHBOARD_WRITE_ICONS=1",
            path.display()
        );
    }
}

#[test]
fn the_window_icon_is_opaque_in_the_middle_and_clear_in_the_corner() {
    let rgba = match icon_rgba(64) {
        Ok(rgba) => rgba,
        Err(error) => panic!("the icon renders: {error}"),
    };
    assert_eq!(rgba.len(), 64 * 64 * 4);
    let alpha = |x: usize, y: usize| rgba[(y * 64 + x) * 4 + 3];
    assert_eq!(alpha(0, 0), 0, "rounded corner is transparent");
    assert_eq!(alpha(32, 32), 255, "centre is opaque");
}

#[test]
fn the_desktop_entry_and_metainfo_name_the_binary_and_icon() {
    let desktop = read_text("switchboard.desktop");
    for line in [
        "[Desktop Entry]",
        "Type=Application",
        "Exec=switchboard %f",
        "Icon=switchboard",
    ] {
        assert!(desktop.lines().any(|l| l == line), "missing {line}");
    }
    let metainfo = read_text("io.github.switchboard.Switchboard.metainfo.xml");
    assert!(metainfo.contains("<launchable type=\"desktop-id\">switchboard.desktop</launchable>"));
    assert!(metainfo.contains("<binary>switchboard</binary>"));
}
