"""python-stdnum's unused standard modules: a stand-in until first use, then the real one."""

from __future__ import annotations

import subprocess
import sys

from tests.core.privacy.corpus import ROOT


def test_a_deferred_module_is_imported_on_first_use():
    probe = (
        "import sys\n"
        "from app.core.privacy import deferred\n"
        "print(deferred.defer(('pydoc', 'ssl')))\n"
        "import stdnum.util, stdnum.luhn\n"
        "print(stdnum.luhn.is_valid('4111111111111111'), 'socket' in sys.modules)\n"
        "import ssl\n"
        "context = ssl.create_default_context()\n"
        "print(type(context).__name__, type(sys.modules['ssl']).__name__)\n"
        "print(stdnum.util.ssl.PROTOCOL_TLS_CLIENT is sys.modules['ssl'].PROTOCOL_TLS_CLIENT)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines() == [
        "['pydoc', 'ssl']",
        "True False",
        "SSLContext module",
        "True",
    ]


def test_stdnum_reads_its_registry_without_importlib_resources_until_needed():
    probe = (
        "import sys\n"
        "from app.core.privacy import deferred\n"
        "print(deferred.defer())\n"
        "import stdnum.iban\n"
        "print(stdnum.iban.is_valid('DE89370400440532013000'),"
        " stdnum.iban.is_valid('DE89370400440532013001'))\n"
        "print([m for m in ('zipfile', 'tempfile', 'shutil', 'lzma') if m in sys.modules])\n"
        "import importlib.resources\n"
        "fast = importlib.resources.files('stdnum')\n"
        "print(type(sys.modules['importlib.resources']).__name__)\n"
        "real = importlib.resources.as_file\n"  # any other attribute: the real module
        "print(type(sys.modules['importlib.resources']).__name__)\n"
        "print(fast == importlib.resources.files('stdnum'), type(fast).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines() == [
        "['pydoc', 'ssl', 'importlib.resources']",
        "True False",
        "[]",
        "_Resources",
        "module",
        "True PosixPath",
    ]
