#!/usr/bin/env bash
# `make package`: the .venv with the package extra, then the one-folder bundle in dist/confidant.
# Arguments go to packaging/build.py (--dist DIR, --work DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

# Qt's libraries are collected from the build host into the bundle; strip shrinks them.
# shellcheck disable=SC2086
ensure_system_packages $QT_OFFSCREEN_PACKAGES binutils
ensure_venv package
exec .venv/bin/python packaging/build.py "$@"
