"""Insecure keyring backends are refused before any file is written (real CLI, real keyring)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.helpers.files import run_cli

# keyrings.alt is never installed (once present, it silently becomes a plaintext default), so
# this test builds a stand-in with the same module path and the same behaviour: it writes the
# secret to a plaintext file. The vetting must refuse it by what it is, before calling it.
FAKE_KEYRINGS_ALT = textwrap.dedent(
    '''
    """Stand-in for keyrings.alt.file: keeps secrets in a plaintext file."""
    import json, os
    from keyring.backend import KeyringBackend

    class PlaintextKeyring(KeyringBackend):
        priority = 0.5
        path = os.environ["FAKE_PLAINTEXT_FILE"]

        def _load(self):
            try:
                with open(self.path) as f:
                    return json.load(f)
            except FileNotFoundError:
                return {}

        def get_password(self, service, username):
            return self._load().get(f"{service}/{username}")

        def set_password(self, service, username, password):
            data = self._load()
            data[f"{service}/{username}"] = password
            with open(self.path, "w") as f:
                json.dump(data, f)

        def delete_password(self, service, username):
            data = self._load()
            data.pop(f"{service}/{username}", None)
            with open(self.path, "w") as f:
                json.dump(data, f)
    '''
)


@pytest.fixture
def fake_keyrings_alt(tmp_path: Path) -> dict[str, str]:
    package = tmp_path / "site" / "keyrings" / "alt"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "file.py").write_text(FAKE_KEYRINGS_ALT)
    return {
        "PYTHONPATH": str(tmp_path / "site"),
        "FAKE_PLAINTEXT_FILE": str(tmp_path / "plaintext-keyring.json"),
    }


@pytest.mark.parametrize(
    "backend",
    [
        "keyring.backends.fail.Keyring",
        "keyring.backends.null.Keyring",
        "keyrings.alt.file.PlaintextKeyring",
    ],
)
@pytest.mark.parametrize("command", [["chat", "hello"], ["doctor"]])
def test_insecure_backends_are_refused(
    profile_dir: Path, fake_keyrings_alt: dict[str, str], backend: str, command: list[str]
) -> None:
    result = run_cli(*command, env={**fake_keyrings_alt, "PYTHON_KEYRING_BACKEND": backend})
    assert result.returncode == 1, result.stdout + result.stderr
    if command[0] == "chat":
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert backend in lines[0] and "refused" in lines[0]
    else:
        assert f"FAIL  keyring: {backend}" in result.stdout
    assert not (profile_dir / "confidant.db").exists()
    assert not (profile_dir / "profile.json").exists()
    assert not Path(fake_keyrings_alt["FAKE_PLAINTEXT_FILE"]).exists()


def test_the_stand_in_really_is_a_plaintext_keyring(fake_keyrings_alt: dict[str, str]) -> None:
    # Proof that the refusal above matters: used directly, the stand-in leaks the secret.
    import subprocess
    import sys

    script = (
        "import keyring.core; k = keyring.core.load_keyring('keyrings.alt.file.PlaintextKeyring');"
        "k.set_password('s', 'u', 'secret-value')"
    )
    subprocess.run([sys.executable, "-c", script], env={**fake_keyrings_alt}, check=True)
    assert "secret-value" in Path(fake_keyrings_alt["FAKE_PLAINTEXT_FILE"]).read_text()
