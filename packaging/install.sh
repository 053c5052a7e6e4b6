#!/usr/bin/env bash
# Installs a built bundle for one user (or under PREFIX): the program, its desktop entry, its
# icons and its AppStream metainfo. Usage: packaging/install.sh [BUNDLE_DIR] [PREFIX]
#   BUNDLE_DIR  the folder `make package` made (default: dist/confidant)
#   PREFIX      where to install (default: ~/.local); uninstall by removing what it lists
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bundle="${1:-$root/dist/confidant}"
prefix="${2:-$HOME/.local}"
app_id="org.confidant.Confidant"

if [ ! -x "$bundle/confidant" ]; then
    echo "No bundle at $bundle; build one first with: make package" >&2
    exit 1
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo" \
    "$prefix/share/icons"
rm -rf "$prefix/lib/confidant"
cp -a "$bundle" "$prefix/lib/confidant"
ln -sfn "$prefix/lib/confidant/confidant" "$prefix/bin/confidant"
# The desktop entry names the installed program by its full path: PREFIX/bin may not be on
# the PATH the desktop session starts programs with.
sed "s|^Exec=confidant$|Exec=$prefix/bin/confidant|" "$root/packaging/$app_id.desktop" \
    > "$prefix/share/applications/$app_id.desktop"
cp "$root/packaging/$app_id.metainfo.xml" "$prefix/share/metainfo/"
cp -r "$root/resources/icons/hicolor" "$prefix/share/icons/"
echo "Installed Confidant under $prefix:"
echo "  $prefix/lib/confidant/  $prefix/bin/confidant"
echo "  $prefix/share/applications/$app_id.desktop  $prefix/share/metainfo/$app_id.metainfo.xml"
echo "  $prefix/share/icons/hicolor/*/apps/$app_id.{png,svg}"
echo "Check it with: $prefix/bin/confidant --self-test"
