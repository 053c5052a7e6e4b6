# Shared by scripts/run and scripts/test: system packages and the project venv.
# shellcheck shell=bash

# Qt's libraries for the offscreen platform (tests, benchmarks).
QT_OFFSCREEN_PACKAGES="libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
# A real X11 window (the app on a desktop, Xvfb screenshots).
QT_X11_PACKAGES="xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"
# The Secret Service the tests run against (a private instance, never the user's).
SECRET_SERVICE_PACKAGES="gnome-keyring dbus"
# Clock attacks on the PIN lockout (tests/integration/test_clock_jump.py): libfaketime.
CLOCK_PACKAGES="faketime"
# Packaging: strip for the bundle's libraries, and the validators of the desktop file and the
# AppStream metainfo (tests/packaging).
PACKAGING_PACKAGES="binutils appstream desktop-file-utils"

# ensure_system_packages PKG...: install what is missing when root, else print the apt line.
ensure_system_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "note: not a Debian-like system; make sure Qt 6's libraries, dbus and gnome-keyring are installed." >&2
        return 0
    fi
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    ((${#missing[@]} == 0)) && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "Installing system packages: ${missing[*]}" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "Missing system packages. Run this once, then try again:" >&2
        echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
}

# ensure_venv EXTRAS: create .venv and install the project (with EXTRAS, e.g. "test") when
# pyproject.toml changed since the last install.
ensure_venv() {
    local extras="$1"
    local python="${PYTHON:-python3}"
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "Confidant needs Python 3.11 or newer ($python is $("$python" --version 2>&1))." >&2
        exit 1
    fi
    if [ ! -x .venv/bin/python ]; then
        echo "Creating .venv ..." >&2
        "$python" -m venv .venv
    fi
    local spec="."
    [ -n "$extras" ] && spec=".[$extras]"
    local stamp
    stamp="$(sha256sum pyproject.toml | cut -d' ' -f1) $extras"
    if [ ! -f .venv/.deps-stamp ] || ! grep -qxF "$stamp" .venv/.deps-stamp; then
        echo "Installing Python dependencies into .venv (first run takes a few minutes) ..." >&2
        .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
        local log
        log="$(mktemp)"
        if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec" >"$log" 2>&1; then
            grep -v "is ignored" "$log" >&2
            rm -f "$log"
            echo "Installing the Python dependencies failed (see above)." >&2
            exit 1
        fi
        rm -f "$log"
        echo "$stamp" >> .venv/.deps-stamp
    fi
}
