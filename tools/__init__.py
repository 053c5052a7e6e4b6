"""Developer tools that drive the real application (run from the project root with -m)."""
