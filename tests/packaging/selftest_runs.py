"""Running ``--self-test`` (from source or a bundle) in a subprocess, and reading its output."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from tests.helpers.files import REPO_ROOT

#: The checks the self-test reports, in order, each as "NAME: ok - DETAIL".
CHECKS = ("resources", "anonymizer", "keyring", "store", "window", "cleanup")
FAILURE_PREFIX = "confidant: self-test failed: "


def run_self_test(
    command: Sequence[str],
    *,
    set_env: Mapping[str, str] | None = None,
    unset: Iterable[str] = (),
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (which ends in --self-test) with the test session's environment."""
    env = {**os.environ, **(set_env or {})}
    for name in unset:
        env.pop(name, None)
    return subprocess.run(
        list(command),
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def passed_checks(stdout: str) -> list[str]:
    """The names of the checks the output reports as passed, in order."""
    names = []
    for line in stdout.splitlines():
        name, sep, _rest = line.partition(": ok - ")
        if sep:
            names.append(name)
    return names


def check_line(stdout: str, name: str) -> str:
    """The line of one check."""
    for line in stdout.splitlines():
        if line.startswith(f"{name}: "):
            return line
    raise AssertionError(f"no line for {name!r} in:\n{stdout}")


def keyring_users() -> set[str]:
    """The user names of every ``confidant`` entry in the test session's Secret Service."""
    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        return {
            item.get_attributes().get("username", "")
            for item in collection.search_items({"service": "confidant"})
        }


def isolated_places(tmp_path: Path) -> dict[str, str]:
    """Temp, profile and config locations a self-test must leave as it found them."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    return {
        "TMPDIR": str(scratch),
        "CONFIDANT_HOME": str(tmp_path / "user-profile"),
        "XDG_CONFIG_HOME": str(tmp_path / "user-config"),
    }


def assert_left_nothing(tmp_path: Path) -> None:
    """The self-test removed its temp folder and touched neither the profile nor the config."""
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not (tmp_path / "user-profile").exists()
    assert not (tmp_path / "user-config").exists()
