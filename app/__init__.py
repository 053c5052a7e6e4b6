"""Confidant: a desktop client for AI assistants that is private by construction."""

__version__ = "0.1.0"
