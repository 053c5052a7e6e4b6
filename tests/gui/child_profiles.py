"""Profiles a guardian has put in child mode, made through the facade before a shell opens them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.core.service import Confidant
from app.gui.widgets.child_badge import EXPLANATION, TITLE, ChildBadge, badge_of

PIN = "482913"
PASSPHRASE = "correct horse battery staple"


def make_child_profile(
    directory: Path,
    *,
    passphrase: str | None = None,
    before: Callable[[Confidant], object] | None = None,
) -> None:
    """Create a profile, let ``before`` use it as an adult, then turn child mode on."""
    service = Confidant(directory)
    service.open(passphrase)
    try:
        if before is not None:
            before(service)
        service.child.enable(PIN)
    finally:
        service.close()


def shown_badge(window: QWidget) -> ChildBadge | None:
    """The window's own badge if it is on screen, else None."""
    badge = badge_of(window)
    return badge if badge is not None and badge.isVisible() else None


def assert_badged(window: QWidget) -> None:
    """The window shows the child-mode badge and its explanation, with nothing under it."""
    badge = shown_badge(window)
    assert badge is not None, f"{window.objectName() or type(window).__name__} has no badge"
    assert badge.title_label.text() == TITLE
    assert badge.explanation == EXPLANATION and badge.text_label.isVisible()
    assert badge.accessibleName() and badge.accessibleDescription() == EXPLANATION
    assert badge.width() >= badge.minimumSizeHint().width()
    covered = covered_by(window, badge)
    assert covered == [], f"the badge covers {covered}"


def covered_by(window: QWidget, badge: ChildBadge) -> list[str]:
    """The visible widgets of ``window`` (not the badge's own) that the badge lies over."""
    origin = badge.mapTo(window, badge.rect().topLeft())
    area = badge.rect().translated(origin)
    covered = []
    for widget in window.findChildren(QWidget):
        if (
            widget.window() is not window
            or not widget.isVisible()
            or widget is badge
            or badge.isAncestorOf(widget)
            or widget.isAncestorOf(badge)
            or widget.findChildren(QWidget)  # containers hold the badge's neighbours: check those
        ):
            continue
        # Only the part on screen: a message scrolled out of a list is clipped, not covered.
        seen = widget.visibleRegion().boundingRect()
        place = seen.translated(widget.mapTo(window, seen.topLeft()) - seen.topLeft())
        if not seen.isEmpty() and place.intersects(area):
            covered.append(widget.objectName() or type(widget).__name__)
    return covered
