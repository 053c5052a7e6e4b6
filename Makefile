# Shortcuts; the scripts are the source of truth (a fresh machine may not have make).
.PHONY: run test lint bench package screenshots translations

run:
	./scripts/run

test:
	./scripts/test

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/lint-imports

# Every benchmark, each printing its ratios against a baseline run beside it (see
# docs/benchmarks.md). kill.py is last: it takes about 12 minutes.
bench:
	.venv/bin/python -m pip install -q -e ".[test,bench]"
	QT_QPA_PLATFORM=offscreen .venv/bin/python bench/store.py
	.venv/bin/python bench/anonymize.py
	.venv/bin/python bench/stream.py
	QT_QPA_PLATFORM=offscreen .venv/bin/python bench/export.py
	QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py
	QT_QPA_PLATFORM=offscreen .venv/bin/python bench/memory.py
	QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scroll.py
	QT_QPA_PLATFORM=offscreen .venv/bin/python bench/kill.py

# The one-folder bundle in dist/confidant (packaging/README.md); prints its size.
package:
	./packaging/build.sh
# Every main screen, drawn offscreen from a throwaway demo profile, into docs/screenshots/.
screenshots:
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots
# Extract the GUI's strings into resources/translations/*.ts and compile the .qm catalogs
# (tools/translations.py); translate what it marks unfinished, then run it again.
translations:
	.venv/bin/python -m tools.translations
