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
