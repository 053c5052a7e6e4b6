"""Entry point for ``python -m app``: no arguments opens the GUI, a subcommand runs the CLI.

``--self-test`` checks the install (app/gui/selftest.py).
"""

import sys


def main() -> int:
    """Dispatch to the GUI or the CLI, depending on the arguments."""
    if sys.argv[1:] == ["--self-test"]:
        from app.gui.selftest import main as self_test

        return self_test()
    if len(sys.argv) > 1:
        from app.cli import main as cli_main

        return cli_main()
    from app.gui.application import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
