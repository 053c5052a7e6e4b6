"""The PySide6 face of Confidant; only this package imports Qt."""

from app.gui.module_sources import stop_keeping_module_sources

# First, so that no module imported after it leaves its source in memory.
stop_keeping_module_sources()
