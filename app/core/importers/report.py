"""Plain sentences about an import (its summary, its result, a deletion receipt), for the CLI."""

from __future__ import annotations

from app.core.importers import SOURCE_LABELS
from app.core.importers.common import MARKER_LABELS
from app.core.importers.store import DeletionReceipt, ImportResult, ImportSummary


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def summary_lines(
    summary: ImportSummary, retention_start: str, include_sensitive: bool
) -> list[str]:
    """What the file holds and what importing it will do, before anything is stored."""
    source = SOURCE_LABELS.get(summary.source, summary.source)
    lines = [
        f"{summary.label} ({source}): {_plural(summary.conversations, 'conversation')}, "
        f"{_plural(summary.messages, 'message')}"
        + (
            f", from {summary.first_at[:10]} to {summary.last_at[:10]}."
            if summary.first_at and summary.last_at
            else "."
        )
    ]
    if summary.older_than_retention:
        older = _plural(summary.older_than_retention, "conversation is", "conversations are")
        if retention_start == "today":
            lines.append(
                f"{older} older than your retention ({summary.retention_days} days); they will "
                f"be kept for {summary.retention_days} days from today "
                "(--retention-from original would leave them out)."
            )
        else:
            lines.append(
                f"{older} older than your retention ({summary.retention_days} days) counted "
                "from their own dates, so they will be left out."
            )
    if summary.sensitive:
        sensitive = _plural(summary.sensitive, "conversation is", "conversations are")
        lines.append(
            f"{sensitive} on a sensitive topic; "
            + (
                "they will be kept, as you asked."
                if include_sensitive
                else "they will be left out unless you add --include-sensitive."
            )
        )
    if summary.already_imported:
        lines.append(
            f"{_plural(summary.already_imported, 'conversation was', 'conversations were')} "
            "imported before and will be skipped (no duplicates)."
        )
    lines += marker_lines(summary.markers)
    lines += skipped_lines(summary.skipped)
    return lines


def marker_lines(markers: tuple[tuple[str, int], ...]) -> list[str]:
    """One line counting what became a marker."""
    if not markers:
        return []
    parts = ", ".join(f"{count} {MARKER_LABELS[kind]}" for kind, count in markers)
    return [f"Marked in the text: {parts}."]


def skipped_lines(skipped: tuple[object, ...]) -> list[str]:
    """Each conversation that could not be read, with where it is and why."""
    lines = []
    for item in skipped:
        reason = getattr(item, "reason", "")
        position = getattr(item, "position", "")
        lines.append(f"Skipped (could not be read): {position}: {reason}")
    return lines


def result_lines(result: ImportResult) -> list[str]:
    """What the import did."""
    source = SOURCE_LABELS.get(result.source, result.source)
    lines = [
        f"Imported {_plural(result.conversations, 'conversation')} "
        f"({_plural(result.messages, 'message')}) from {source}."
    ]
    if result.conversations and result.retention_start == "today":
        lines.append("They are kept for your retention period counted from today.")
    if result.already_imported:
        lines.append(
            f"{_plural(result.already_imported, 'conversation was', 'conversations were')} "
            "already imported and skipped."
        )
    if result.skipped_sensitive:
        lines.append(
            f"{_plural(result.skipped_sensitive, 'conversation')} on sensitive topics were left "
            "out; add --include-sensitive to keep them."
        )
    if result.skipped_expired:
        lines.append(
            f"{_plural(result.skipped_expired, 'conversation')} older than your retention were "
            "left out."
        )
    if result.skipped:
        lines.append(f"{_plural(len(result.skipped), 'conversation')} could not be read (above).")
    return lines


def receipt_lines(receipt: DeletionReceipt) -> list[str]:
    """The receipt of deleting plaintext originals."""
    lines = [
        f"Deleted {_plural(len(receipt.deleted), 'plaintext file')} "
        f"(receipt {receipt.receipt_id}, {receipt.at}):"
    ]
    lines += [f"  deleted {path}" for path in receipt.deleted]
    lines += [f"  kept {path} ({why})" for path, why in receipt.kept]
    return lines
