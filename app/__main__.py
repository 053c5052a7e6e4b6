"""Entry point for ``python -m app``: no arguments opens the GUI, a subcommand runs the CLI.

``--self-test`` checks the install (app/gui/selftest.py). This module is the one place that
chooses between the GUI, its self-test and the CLI, so neither GUI module imports the other.
"""

import sys

# The JSON-lines filters' command lines: run by app.core.privacy.jsonl.run_command directly.
_STREAM_COMMANDS = frozenset([("anonymize", "--jsonl"), ("classify", "--jsonl")])


def gui() -> int:
    """The ``confidant`` command: the GUI, or its self-test given ``--self-test``."""
    if sys.argv[1:] == ["--self-test"]:
        from app.gui.selftest import main as self_test

        return self_test()
    from app.gui.application import main as gui_main

    return gui_main()


def main() -> int:
    """Dispatch to the GUI or the CLI, depending on the arguments."""
    if tuple(sys.argv[1:]) in _STREAM_COMMANDS:
        # The JSON-lines filters, exactly as the CLI runs them, without loading the CLI.
        from app.core.privacy.jsonl import run_command

        return run_command(sys.argv[1])
    if len(sys.argv) > 1 and sys.argv[1:] != ["--self-test"]:
        from app.cli import main as cli_main

        return cli_main()
    return gui()


if __name__ == "__main__":
    sys.exit(main())
