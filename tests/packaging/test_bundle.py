"""The PyInstaller bundle: built from packaging/confidant.spec, it passes its own --self-test.

The build takes a while (about 20 s here, longer on a busy 2-core machine), so one bundle is
built per run into a temp folder and every test here uses it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__
from app.gui.app_icon import APP_ID
from tests.helpers.files import REPO_ROOT
from tests.packaging.selftest_runs import (
    CHECKS,
    assert_left_nothing,
    check_line,
    isolated_places,
    keyring_users,
    passed_checks,
    run_self_test,
)

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1200)]

BUILD_TIMEOUT_S = 1100


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A freshly built bundle folder (removed again after the tests)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        # Not a skip: a run without the package extra would pass without testing the bundle.
        pytest.fail(
            'PyInstaller is not installed: pip install -e ".[package]" (scripts/test does this)',
            pytrace=False,
        )
    root = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "packaging" / "build.py"),
            "--dist",
            str(root / "dist"),
            "--work",
            str(root / "work"),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "bundle size: " in result.stdout
    shutil.rmtree(root / "work")
    yield root / "dist" / "confidant"
    shutil.rmtree(root)


def bundled_files(bundle: Path) -> list[str]:
    return sorted(str(path.relative_to(bundle)) for path in bundle.rglob("*") if path.is_file())


def test_the_bundle_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    before = keyring_users()
    # No PYTHON_KEYRING_BACKEND: keyring must find the Secret Service inside the bundle by
    # itself, through the backends' entry points, as it would on a user's desktop.
    result = run_self_test(
        [str(bundle / "confidant"), "--self-test"],
        set_env=isolated_places(tmp_path),
        unset=("PYTHON_KEYRING_BACKEND",),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed_checks(result.stdout) == list(CHECKS)
    assert "(bundle, " in result.stdout.splitlines()[0]
    assert str(bundle) in check_line(result.stdout, "resources")
    assert "keyring.backends.SecretService.Keyring" in check_line(result.stdout, "keyring")
    assert "SQLCipher 4." in check_line(result.stdout, "store")
    assert "drew the main window" in check_line(result.stdout, "window")
    assert result.stdout.splitlines()[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert result.stderr == ""
    assert keyring_users() == before
    assert_left_nothing(tmp_path)


def test_the_bundle_draws_on_x11_too(bundle: Path, tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (apt-get install xvfb xauth; CI installs it)")
    result = run_self_test(
        ["xvfb-run", "-a", str(bundle / "confidant"), "--self-test"],
        set_env=isolated_places(tmp_path),
        unset=("QT_QPA_PLATFORM",),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(xcb platform)" in check_line(result.stdout, "window")


def test_the_bundle_runs_the_command_line(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle / "confidant"), "--version"],
        env={**os.environ, "CONFIDANT_HOME": str(tmp_path / "profile")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"confidant {__version__}"


def test_the_bundle_leaves_out_what_the_app_does_not_use(bundle: Path) -> None:
    files = bundled_files(bundle)
    names = {Path(name).name for name in files}
    # The GTK platform theme and the GTK stack it would bring from the build host.
    assert "libqgtk3.so" not in names
    assert not [n for n in names if n.startswith(("libgtk-", "libgdk-", "libpango", "libatk"))]
    # Python packages and Qt modules we never import.
    assert not [f for f in files if f.startswith(("_internal/numpy", "_internal/tkinter"))]
    assert not [
        n for n in names if n.startswith(("QtNetwork", "QtQml", "QtQuick", "libQt6Network"))
    ]
    # Qt's own translations only for the languages we ship; of ours, only the compiled ones.
    translations = sorted(n for n in files if "PySide6/Qt/translations/" in n)
    assert translations and all(n.endswith("_de.qm") for n in translations), translations
    ours = sorted(Path(n).name for n in files if n.startswith("_internal/resources/translations/"))
    assert ours == ["confidant_de.qm", "confidant_en.qm"], ours


def test_the_bundle_keeps_what_the_app_needs(bundle: Path) -> None:
    files = set(bundled_files(bundle))
    names = {Path(name).name for name in files}
    # Drawing on X11, on Wayland and offscreen; the desktop portal theme; input methods.
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqxdgdesktopportal.so"} <= names
    assert "libcomposeplatforminputcontextplugin.so" in names
    for resource in ("consent/store_conversations.md", "schemas/export-v1.json"):
        assert f"_internal/resources/{resource}" in files
    assert f"_internal/resources/icons/hicolor/256x256/apps/{APP_ID}.png" in files
    word_lists = [f for f in files if f.startswith("_internal/app/core/privacy/data/")]
    source_lists = list((REPO_ROOT / "app" / "core" / "privacy" / "data").iterdir())
    assert len(word_lists) == len(source_lists)


def test_install_script_puts_the_bundle_and_desktop_files_in_place(
    bundle: Path, tmp_path: Path
) -> None:
    prefix = tmp_path / "prefix"
    result = subprocess.run(
        [str(REPO_ROOT / "packaging" / "install.sh"), str(bundle), str(prefix)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    program = prefix / "bin" / "confidant"
    assert program.resolve() == (prefix / "lib" / "confidant" / "confidant").resolve()
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={program}\n" in desktop
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in (16, 48, 256, 512):
        assert (prefix / "share/icons/hicolor" / f"{size}x{size}/apps/{APP_ID}.png").is_file()
    version = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert version.stdout.strip() == f"confidant {__version__}"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(prefix / "share/applications" / f"{APP_ID}.desktop")],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert check.returncode == 0, check.stdout
