#!/usr/bin/env sh
# Installs Switchboard for the current user: the binary (cargo install), the desktop entry, the
# icons and the AppStream metadata under ~/.local/share. Run from the repository root:
#   sh assets/install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
cargo install --locked --path "$here/.."
install -Dm644 "$here/switchboard.desktop" "$data/applications/switchboard.desktop"
install -Dm644 "$here/icons/switchboard.svg" "$data/icons/hicolor/scalable/apps/switchboard.svg"
for size in 32 48 64 128 256; do
  install -Dm644 "$here/icons/switchboard-$size.png" \
    "$data/icons/hicolor/${size}x${size}/apps/switchboard.png"
done
install -Dm644 "$here/io.github.switchboard.Switchboard.metainfo.xml" \
  "$data/metainfo/io.github.switchboard.Switchboard.metainfo.xml"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Switchboard installed: $(command -v switchboard || echo "$HOME/.cargo/bin/switchboard")"
