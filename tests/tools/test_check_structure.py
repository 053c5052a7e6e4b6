"""The structure check: cycles, chains to internal parts, size limits, the map of the code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools import check_structure
from tools.check_structure import (
    ROOT,
    architecture_gaps,
    chains,
    cycles,
    hand_cleaned_dialogs,
    import_graph,
    long_functions,
    oversized,
    unpaired_pages,
)


def _package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_app_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_gui_never_reaches_behind_the_facade() -> None:
    assert chains() == []


def test_the_script_exits_0_on_this_tree() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.check_structure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_a_cycle_hidden_behind_type_checking_or_a_late_import_is_found(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n"
            ),
            "pkg/b.py": "def f():\n    from pkg import c\n",
            "pkg/c.py": "from . import a\n",
            "pkg/d.py": "import pkg.a\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_a_package_is_not_in_a_cycle_with_its_own_modules(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/sub/__init__.py": "from pkg.sub.x import X\n",
            "pkg/sub/x.py": "X = 1\n",
            "pkg/y.py": "from pkg.sub import x\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == []


def test_chains_through_internal_parts_are_found(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "gui/page.py": (
                "def read(service):\n"
                "    service.chat.conversations()\n"
                "    return service.upstream.settings.get('x')\n"
                "def other(self):\n"
                "    self._service.ledger.is_granted(1)\n"
            ),
        },
    )
    found = chains(tmp_path, "gui")
    assert [(chain.path, chain.line) for chain in found] == [
        ("gui/page.py", 3),
        ("gui/page.py", 5),
    ]


def test_main_reports_a_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/a.py": "import app.b\n",
            "app/b.py": "import app.a\n",
            "app/gui/__init__.py": "",
        },
    )
    assert check_structure.main(tmp_path) == 1
    assert "import cycle: app.a <-> app.b" in capsys.readouterr().out


def test_the_architecture_map_names_every_module_and_nothing_else() -> None:
    assert architecture_gaps() == ([], [])


def test_a_module_missing_from_the_map_is_found(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/kept.py": "",
            "app/new.py": "",
            "docs/architecture.md": (
                "- `app/__init__.py`: x\n- `app/kept.py`: y\n- `app/old.py`: z\n"
            ),
        },
    )
    assert architecture_gaps(tmp_path) == (["app/new.py"], ["app/old.py"])


def test_no_file_or_class_outgrows_its_limit() -> None:
    assert oversized() == []


def test_a_class_with_too_many_methods_is_found(tmp_path: Path) -> None:
    methods = "".join(f"    def m{i}(self): ...\n" for i in range(41))
    _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/core/service.py": "",
            "app/gui/main_window.py": "x = 1\n" * 600,
            "app/gui/big.py": "class Big:\n" + methods,
        },
    )
    assert oversized(tmp_path) == [
        "app/gui/main_window.py: 600 lines (the limit is under 600)",
        "app/gui/big.py: class Big has 41 methods",
    ]


def test_a_dialog_cleaned_up_by_hand_is_found(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "app/gui/ops/dialogs.py": "dialog.finished.connect(dialog.deleteLater)\n",
            "app/gui/controllers/page.py": (
                "def open(dialog):\n"
                "    dialog.finished.connect(dialog.deleteLater)\n"
                "    dialog.open()\n"
            ),
        },
    )
    assert hand_cleaned_dialogs(tmp_path) == [
        "app/gui/controllers/page.py:2: a dialog cleaned up by hand (use open_dialog)"
    ]


def test_every_view_is_paired_with_its_controller_and_its_test() -> None:
    assert unpaired_pages() == []
    assert hand_cleaned_dialogs() == []


def test_a_view_without_its_controller_or_test_is_found(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "app/gui/views/__init__.py": "",
            "app/gui/views/paired_page.py": "",
            "app/gui/controllers/paired_page.py": "",
            "tests/gui/controllers/test_paired_page.py": "",
            "app/gui/views/lonely_page.py": "",
            "app/gui/views/untested.py": "",
            "app/gui/controllers/untested.py": "",
        },
    )
    assert unpaired_pages(tmp_path) == [
        "app/gui/views/lonely_page.py: no app/gui/controllers/lonely_page.py to pair with",
        "app/gui/views/lonely_page.py: no tests/gui/controllers/test_lonely_page.py to pair with",
        "app/gui/views/untested.py: no tests/gui/controllers/test_untested.py to pair with",
    ]


def test_a_long_gui_function_is_found_and_a_short_one_is_not(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(61))
    _package(
        tmp_path,
        {
            "app/gui/views/new_page.py": "def build():\n" + body,
            "app/gui/views/short_page.py": "def build():\n" + body[: body.index("    x59")],
        },
    )
    assert long_functions(tmp_path) == [
        "app/gui/views/new_page.py: build has 62 lines (cut it into builders)"
    ]


def test_no_gui_function_outgrows_the_limit_unless_listed() -> None:
    assert long_functions() == []
