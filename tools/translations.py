"""``make translations``: extract the GUI's strings into the catalogs and compile them.

``python -m tools.translations`` runs ``pyside6-lupdate`` over every module of ``app/gui`` into
``resources/translations/``:

- ``confidant.ts``: the template, source strings only, for a new translation;
- ``confidant_de.ts``: German, merged (translations already made are kept, vanished strings
  dropped, new ones marked unfinished for a translator);
- ``confidant_en.ts``: the English plural forms only (``1 item``, ``2 items``), which a source
  string such as ``%n item(s)`` needs in English too;

then compiles each translation with ``pyside6-lrelease`` into the ``.qm`` the app loads. Both
files are committed. Source locations are left out of the catalogs, so moving code around does
not change them. ``tests/gui/test_i18n.py`` runs the same extraction to check that the
committed catalogs are up to date and complete.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "app" / "gui"
CATALOG_DIR = ROOT / "resources" / "translations"
TEMPLATE = CATALOG_DIR / "confidant.ts"
#: Each translation's catalog, and whether it holds only the plural forms.
TRANSLATIONS = {"de": False, "en": True}
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """A Qt tool installed with PySide6 beside the running Python (the project's venv)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def source_files(root: Path = SOURCES) -> list[Path]:
    """Every Python module of the GUI, in a stable order."""
    return sorted(path for path in root.rglob("*.py") if "__pycache__" not in path.parts)


def catalog(language: str) -> Path:
    """The translation source of ``language``."""
    return CATALOG_DIR / f"confidant_{language}.ts"


def compiled(language: str) -> Path:
    """The compiled catalog of ``language``, as the app loads it."""
    return CATALOG_DIR / f"confidant_{language}.qm"


def lupdate(
    ts_file: Path,
    *,
    sources: Sequence[Path] | None = None,
    plural_only: bool = False,
    target_language: str | None = None,
) -> None:
    """Extract the strings of ``sources`` into ``ts_file``, merging with what it holds."""
    command = [
        tool("pyside6-lupdate"),
        *(str(path) for path in (sources if sources is not None else source_files())),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        SOURCE_LANGUAGE,
        "-silent",
    ]
    if plural_only:
        command.append("-pluralonly")
    if target_language:
        command += ["-target-language", target_language]
    command += ["-ts", str(ts_file)]
    subprocess.run(command, check=True, cwd=ROOT, timeout=300)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file`` (unfinished strings are left out)."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        cwd=ROOT,
        timeout=300,
    )


def update() -> None:
    """Extract into the template and every translation, then compile the translations."""
    # The template starts empty each time: it holds source strings only, never a translation.
    TEMPLATE.unlink(missing_ok=True)
    lupdate(TEMPLATE)
    for language, plural_only in TRANSLATIONS.items():
        lupdate(catalog(language), plural_only=plural_only, target_language=language)
        lrelease(catalog(language), compiled(language))


def main(argv: Sequence[str] | None = None) -> int:
    """Update the catalogs; ``--release-only`` just compiles them (after translating)."""
    parser = argparse.ArgumentParser(prog="python -m tools.translations", description=__doc__)
    parser.add_argument(
        "--release-only",
        action="store_true",
        help="only compile the .ts files into .qm (after editing translations)",
    )
    args = parser.parse_args(argv)
    CATALOG_DIR.mkdir(parents=True, exist_ok=True)
    if args.release_only:
        for language in TRANSLATIONS:
            lrelease(catalog(language), compiled(language))
    else:
        update()
    for path in sorted(CATALOG_DIR.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
