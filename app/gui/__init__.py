"""The PySide6 face of Confidant; only this package imports Qt."""
