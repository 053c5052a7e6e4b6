"""``--self-test``: proves an install works, in a throwaway profile that it removes afterwards.

It checks what a broken bundle or a broken desktop would break first: the bundled resources
and word lists, the OS keyring (a real key stored, read back and deleted), the encrypted store
(a real SQLCipher profile created, closed, reopened and checked), and the main window (started
on that profile the way the app starts, then drawn into an image). One line per check goes to
stdout; the first failure is one line on stderr and the exit status is 1.

Nothing of the user's is touched: the profile lives in a new temporary folder, Qt's settings
are redirected into it, and the keyring entries it makes are removed again, also on failure.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImage

from app import __version__
from app.core import keys, profile
from app.core.domains.health import sqlcipher_version
from app.core.errors import KnownError
from app.core.privacy.anonymize import detect
from app.core.privacy.tagger import tagger
from app.core.resources import RESOURCES_DIR, resource_path
from app.core.service import Confidant
from app.gui.application import Shell, build_shell, create_application
from app.gui.i18n import LANGUAGES, QT_CATALOGS, SOURCE_LANGUAGE, catalog_path, qt_translations_dir

#: The exit statuses: every check passed, or one failed.
EXIT_OK = 0
EXIT_FAILED = 1
#: How long the main window may take to open the profile and start a conversation.
WINDOW_TIMEOUT_S = 60.0
#: A drawn window shows at least this many colours on a sampled grid (a blank one shows one).
MIN_COLOURS = 3
#: The grid (per side) on which the drawn window's pixels are sampled.
SAMPLES_PER_SIDE = 64
#: The resources the app reads at run time; a bundle that lost one fails here, not later.
REQUIRED_RESOURCES = (
    ("consent", "store_conversations.md"),
    ("consent", "share_for_training.md"),
    ("consent", "research.md"),
    ("guardian", "consent.md"),
    ("guardian", "guide.md"),
    ("schemas", "export-v1.json"),
    ("icons", "hicolor", "scalable", "apps", "org.confidant.Confidant.svg"),
    *(("translations", f"confidant_{language}.qm") for language in LANGUAGES),
)
#: A sentence in which the anonymizer must find a name (its word lists), an e-mail and a phone.
PII_SAMPLE = "Please write to Maria Schmidt at maria.schmidt@example.org or call +49 30 1234567."
PII_EXPECTED = {"PERSON", "EMAIL", "PHONE"}
#: What the offscreen platform says about every window with a layout (see pyproject.toml's
#: qt_log_ignore): true, expected, and no sign of a problem, so the self-test does not echo it.
OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"

log = logging.getLogger(__name__)


class CheckFailed(Exception):
    """A check found something wrong; the message is the one line the user sees."""


@dataclass
class Scratch:
    """What the checks create, so the clean-up can find all of it."""

    root: Path
    keyring_users: list[str] = field(default_factory=list)

    @property
    def profile_dir(self) -> Path:
        """The throwaway profile's folder."""
        return self.root / "profile"


def choose_platform(environ: MutableMapping[str, str]) -> None:
    """Draw offscreen when there is no display to draw on (a server, CI, a container)."""
    if environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    ):
        environ["QT_QPA_PLATFORM"] = "offscreen"


def echo_qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Print Qt's messages to stderr as Qt would, except the offscreen platform's notice."""
    if message != OFFSCREEN_NOTICE:
        print(message, file=sys.stderr, flush=True)


def where_running() -> str:
    """'bundle' inside a PyInstaller bundle, else 'source'."""
    return "bundle" if getattr(sys, "frozen", False) else "source"


# --- the checks -----------------------------------------------------------------------------


def check_resources(_scratch: Scratch) -> str:
    """Every resource the app reads is where resource_path says."""
    missing = [
        "/".join(parts) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()
    ]
    if missing:
        raise CheckFailed(f"missing from {RESOURCES_DIR}: {', '.join(missing)}")
    # Each catalog loads, and so do Qt's own for the languages we translate (the bundle keeps
    # only those).
    catalogs = [(str(catalog_path(language)), "") for language in LANGUAGES]
    catalogs += [
        (f"{name}_{language}", qt_translations_dir())
        for language in LANGUAGES
        if language != SOURCE_LANGUAGE
        for name in QT_CATALOGS
    ]
    unreadable = [name for name, folder in catalogs if not QTranslator().load(name, folder)]
    if unreadable:
        raise CheckFailed(f"these translations cannot be loaded: {', '.join(unreadable)}")
    return f"{len(REQUIRED_RESOURCES)} files in {RESOURCES_DIR}, {len(catalogs)} translations"


def check_anonymizer(_scratch: Scratch) -> str:
    """The anonymizer loads its word lists and its tagger, and finds a name, e-mail, phone."""
    found = {entity.type for entity in detect(PII_SAMPLE)}
    missing = PII_EXPECTED - found
    if missing:
        names = ", ".join(sorted(missing))
        raise CheckFailed(f"the anonymizer did not find {names} in the sample sentence")
    return (
        f"found {', '.join(sorted(PII_EXPECTED))} in a sample sentence "
        f"(tagger: {tagger().size:,} features)"
    )


def check_keyring(scratch: Scratch) -> str:
    """A fresh random key goes into the keyring, comes back unchanged, and is deleted."""
    store = keys.KeyringKeyStore.from_environment()
    user = f"self-test-{uuid.uuid4()}"
    scratch.keyring_users.append(user)
    key = keys.new_data_key()
    store.put(user, key)
    if store.get(user) != key:
        raise CheckFailed("the keyring returned a different key than it was given")
    store.delete(user)
    if store.get(user) is not None:
        raise CheckFailed("the keyring still holds a key it was told to delete")
    scratch.keyring_users.remove(user)
    return f"stored, read back and deleted a key ({store.info.name})"


def check_store(scratch: Scratch) -> str:
    """A new encrypted profile is created, closed, reopened with its keyring key, and checked."""
    created = Confidant(scratch.profile_dir)
    created.open()
    loaded = profile.load_profile_file(scratch.profile_dir)
    if loaded is not None:
        scratch.keyring_users.append(loaded.profile_id)
    created.close()
    if loaded is None:
        raise CheckFailed("opening a new profile wrote no profile file")

    database = profile.database_path(scratch.profile_dir)
    with database.open("rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise CheckFailed("the new database is not encrypted")

    reopened = Confidant(scratch.profile_dir)
    reopened.open()
    try:
        reopened.health.verify_integrity()
        mode = reopened.key_mode
    finally:
        reopened.close()
    return (
        f"created and reopened an encrypted profile (SQLCipher {sqlcipher_version()}, {mode} key)"
    )


def check_window(scratch: Scratch) -> str:
    """The main window opens the profile as at start-up, and draws into a non-empty image."""
    app = create_application([sys.argv[0] if sys.argv else "confidant"])
    # Whatever the window remembers (its geometry) goes into the scratch folder, not the
    # user's settings.
    settings_dir = str(scratch.root / "settings")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, settings_dir)

    shell = build_shell(app, lambda: Confidant(scratch.profile_dir))
    loop = QEventLoop()
    became_ready: list[bool] = []

    def on_ready() -> None:
        became_ready.append(True)
        loop.quit()

    def poll() -> None:
        # A dialog at start-up on an existing profile means the open failed.
        if shell.current_dialog is not None or time.monotonic() > deadline:
            loop.quit()

    shell.ready.connect(on_ready)
    timer = QTimer()
    timer.timeout.connect(poll)
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    timer.start(50)
    try:
        shell.start()
        loop.exec()
        timer.stop()
        dialog = shell.current_dialog
        if dialog is not None:
            raise CheckFailed(
                f"the window showed {type(dialog).__name__} instead of the chat: "
                f"{dialog.windowTitle()}"
            )
        if not became_ready:
            raise CheckFailed(f"the window did not open the profile in {WINDOW_TIMEOUT_S:.0f} s")
        settle(shell)
        image = shell.window.grab().toImage()
        if image.isNull() or image.width() == 0 or image.height() == 0:
            raise CheckFailed("drawing the main window gave an empty image")
        colours = sampled_colours(image)
        if colours < MIN_COLOURS:
            raise CheckFailed(f"the main window drew only {colours} colour(s): it looks blank")
        return (
            f"drew the main window, {image.width()}x{image.height()} px, {colours} colours "
            f"({QGuiApplication.platformName()} platform)"
        )
    finally:
        timer.stop()
        shell.quit()
        app.processEvents()


def settle(shell: Shell) -> None:
    """Let the DB lane finish what the opening queued, and deliver its results."""
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    while time.monotonic() < deadline:
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        if shell.db_lane.pending == 0:
            QCoreApplication.processEvents()
            return
        time.sleep(0.01)
    raise CheckFailed("the window's start-up jobs did not finish")


def sampled_colours(image: QImage) -> int:
    """How many distinct colours a grid of pixels across ``image`` shows."""
    width, height = image.width(), image.height()
    seen: set[int] = set()
    for row in range(SAMPLES_PER_SIDE):
        y = row * (height - 1) // (SAMPLES_PER_SIDE - 1)
        for column in range(SAMPLES_PER_SIDE):
            seen.add(image.pixel(column * (width - 1) // (SAMPLES_PER_SIDE - 1), y))
    return len(seen)


def clean_up(scratch: Scratch) -> str:
    """Delete the keyring entries the checks made and the scratch folder."""
    removed = 0
    if scratch.keyring_users:
        store = keys.KeyringKeyStore.from_environment()
        for user in list(scratch.keyring_users):
            for entry in (user, f"{user}.pending"):
                if store.get(entry) is not None:
                    store.delete(entry)
                    removed += 1
                if store.get(entry) is not None:
                    raise CheckFailed(f"the keyring entry {entry} could not be deleted")
            scratch.keyring_users.remove(user)
    shutil.rmtree(scratch.root)
    if scratch.root.exists():
        raise CheckFailed(f"{scratch.root} could not be removed")
    return (
        f"removed {removed} keyring entr{'y' if removed == 1 else 'ies'} and the temporary folder"
    )


CHECKS: tuple[tuple[str, Callable[[Scratch], str]], ...] = (
    ("resources", check_resources),
    ("anonymizer", check_anonymizer),
    ("keyring", check_keyring),
    ("store", check_store),
    ("window", check_window),
)


def reason(exc: BaseException) -> str:
    """One line saying what went wrong, without any traceback."""
    if isinstance(exc, CheckFailed):
        return str(exc)
    if isinstance(exc, KnownError):
        return exc.one_line()
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run(out: Callable[[str], None], err: Callable[[str], None]) -> int:
    """Run every check, then clean up; return the exit status."""
    choose_platform(os.environ)
    qInstallMessageHandler(echo_qt_message)
    scratch = Scratch(Path(tempfile.mkdtemp(prefix="confidant-self-test-")))
    # Anything that asks for the default profile gets the scratch one, never the user's.
    os.environ["CONFIDANT_HOME"] = str(scratch.profile_dir)
    out(
        f"Confidant {__version__} self-test ({where_running()}, Python "
        f"{platform.python_version()}, {platform.system()} {platform.machine()})"
    )
    failed = False
    for name, check in CHECKS:
        try:
            detail = check(scratch)
        except Exception as exc:  # noqa: BLE001 - every failure becomes one line
            err(f"confidant: self-test failed: {name}: {reason(exc)}")
            failed = True
            break
        out(f"{name}: ok - {detail}")
    try:
        detail = clean_up(scratch)
    except Exception as exc:  # noqa: BLE001
        err(f"confidant: self-test failed: cleanup: {reason(exc)}")
        with contextlib.suppress(OSError):
            shutil.rmtree(scratch.root)
        return EXIT_FAILED
    out(f"cleanup: ok - {detail}")
    if failed:
        return EXIT_FAILED
    out(f"self-test passed: {len(CHECKS) + 1} checks")
    return EXIT_OK


def main() -> int:
    """Run the self-test; one line per check, exit status 0 when all pass."""
    logging.basicConfig(level=logging.WARNING, format="confidant: %(levelname)s: %(message)s")
    return run(
        lambda line: print(line, flush=True), lambda line: print(line, file=sys.stderr, flush=True)
    )


if __name__ == "__main__":
    sys.exit(main())
