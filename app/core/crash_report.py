"""Crash reports with the private data taken out: versions, the error's type, a redacted trace.

A report is built to be read by the user and pasted into a bug report by hand; nothing here
sends it anywhere, and there is no network code on this path. What goes in:

* the versions of Confidant, Python, Qt (passed in by the GUI) and SQLCipher, and the platform;
* the exception's type, and its message only if it is one of our typed errors, whose messages
  are safe to show by contract (``app.core.errors``); any other message is withheld;
* the traceback's frames: file (reduced to a package-relative path), line, function and the
  source line. Local variables are never read.

Every variable part then has the home folder, the user's account and real names replaced,
and whatever the anonymizer flags (e-mail addresses, names, numbers...) redacted.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import platform
import re
import sysconfig
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath
from types import TracebackType

import app
from app.core.errors import ConfidantError
from app.core.privacy.anonymize import redact

#: Said in the report itself, so a pasted copy carries it too.
NOTHING_SENT = "Nothing in this report was sent anywhere: Confidant never sends crash reports."
WITHHELD = "(message withheld: it may contain private data)"
HOME = "~"
USER = "<user>"
#: How many chained exceptions (``raise ... from``) are followed at most.
MAX_CHAIN = 8

_SOURCE_ROOT = Path(app.__file__).resolve().parent.parent
_PACKAGE_DIRS = ("site-packages", "dist-packages")


def runtime_versions(qt: str = "") -> dict[str, str]:
    """The versions a report names; ``qt`` comes from the GUI (the core never imports Qt)."""
    versions = {
        "Confidant": app.__version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
    }
    if qt:
        versions["Qt"] = qt
    versions["SQLCipher"] = _sqlcipher_version()
    versions["Platform"] = platform.platform()
    return versions


def _sqlcipher_version() -> str:
    try:
        # Imported here: the facade module is large, and a report is rare.
        from app.core.domains.health import sqlcipher_version

        return sqlcipher_version() or "unknown"
    except Exception as exc:  # noqa: BLE001 - a report must not fail for want of a version
        return f"unknown ({type(exc).__name__})"


def _account_names() -> set[str]:
    """The user's account name and the parts of their real name, as the system knows them."""
    names = {os.environ.get(var, "") for var in ("USER", "LOGNAME", "USERNAME")}
    names.add(Path.home().name)
    with contextlib.suppress(KeyError, OSError):
        names.add(getpass.getuser())
    with contextlib.suppress(ImportError, KeyError, AttributeError, OSError):
        import pwd  # not on Windows

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0]
        names.update(gecos.split())
    return {name for name in names if len(name) >= 2}


class Scrubber:
    """Takes the home folder, the user's names and anything the anonymizer finds out of text."""

    def __init__(self, home: str | None = None, user_names: Iterable[str] | None = None) -> None:
        self.home = str(Path.home()) if home is None else home
        names = _account_names() if user_names is None else set(user_names)
        # Longest first, so "Anna Maria" goes before "Anna".
        ordered = sorted((n for n in names if len(n) >= 2), key=len, reverse=True)
        self._names = (
            # Bounded by anything but a letter or digit: "diary-anna.txt", "anna_notes.py".
            re.compile(r"(?<![^\W_])(" + "|".join(map(re.escape, ordered)) + r")(?![^\W_])", re.I)
            if ordered
            else None
        )

    def text(self, value: str) -> str:
        """``value`` with the home folder, the user's names and any PII replaced."""
        if self.home and len(self.home) > 1:
            value = value.replace(self.home, HOME)
        # The anonymizer goes before the names, so it still sees whole e-mail addresses.
        value = redact(value).text
        if self._names is not None:
            value = self._names.sub(USER, value)
        return value

    def path(self, filename: str) -> str:
        """A source file's name, relative to its package, never naming the user's folders."""
        if filename.startswith("<") and filename.endswith(">"):
            return filename  # <string>, <frozen importlib._bootstrap>
        path = PurePath(filename)
        if not path.is_absolute():
            return self.text(path.as_posix())  # already relative (a frozen bundle's modules)
        relative = _relative_to(path, _SOURCE_ROOT)
        if relative is not None:
            return relative
        parts = path.parts
        for marker in _PACKAGE_DIRS:
            if marker in parts:
                index = len(parts) - 1 - parts[::-1].index(marker)
                return "/".join(parts[index + 1 :])
        stdlib = _relative_to(path, Path(sysconfig.get_paths()["stdlib"]))
        if stdlib is not None:
            return f"<python>/{stdlib}"
        return f"<elsewhere>/{self.text(path.name)}"


def _relative_to(path: PurePath, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _chain(error: BaseException) -> list[tuple[BaseException, str]]:
    """The exception and those it came from, oldest first, each with how it led to the next."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    link = ""
    while current is not None and id(current) not in seen and len(chain) < MAX_CHAIN:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = (
                current.__cause__,
                "The above exception was the direct cause of the following exception:",
            )
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = (
                current.__context__,
                "During handling of the above exception, another exception occurred:",
            )
        else:
            current = None
    # Oldest first; each one's link line says how it led to the one printed after it.
    chain.reverse()
    return chain


def type_name(error: BaseException) -> str:
    """The exception's class, qualified by its module unless it is a built-in."""
    cls = type(error)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def safe_message(error: BaseException, scrubber: Scrubber) -> str:
    """The message of one of our typed errors (still scrubbed); otherwise a withheld note."""
    if isinstance(error, ConfidantError):
        return scrubber.text(error.one_line())
    return WITHHELD


def format_exception(
    error: BaseException, tb: TracebackType | None, scrubber: Scrubber
) -> list[str]:
    """One exception as traceback lines: frames (no locals) and its type and safe message."""
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        lines.append(
            f'  File "{scrubber.path(frame.filename)}", line {frame.lineno}, '
            f"in {scrubber.text(frame.name)}"
        )
        source = (frame.line or "").strip()
        if source:
            lines.append(f"    {scrubber.text(source)}")
    if len(lines) == 1:
        lines.append("  (no frames)")
    lines.append(f"{type_name(error)}: {safe_message(error, scrubber)}")
    return lines


def build_report(
    error: BaseException,
    *,
    versions: Mapping[str, str],
    where: str = "",
    tb: TracebackType | None = None,
    scrubber: Scrubber | None = None,
) -> str:
    """The whole report as plain text, ready to show and to copy.

    ``tb`` defaults to the exception's own traceback; ``where`` says which thread it came
    from (the GUI, a worker lane).
    """
    scrub = scrubber or Scrubber()
    lines = ["Confidant crash report", NOTHING_SENT, ""]
    lines += [f"{name}: {value}" for name, value in versions.items()]
    if where:
        lines.append(f"Where: {scrub.text(where)}")
    lines.append(f"Error: {type_name(error)}")
    lines.append("")
    for exc, link in _chain(error):
        own_tb = tb if exc is error and tb is not None else exc.__traceback__
        lines += format_exception(exc, own_tb, scrub)
        if link:
            lines += ["", link, ""]
    return "\n".join(lines) + "\n"
