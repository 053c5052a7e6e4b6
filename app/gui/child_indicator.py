"""The child-mode badge on every top-level window and dialog, put there once for the whole app.

One ``ChildModeIndicator`` watches the application (an event filter on the QApplication).
While child mode is on, every main window and every dialog that is shown gets a
``ChildBadge``: a main window in a bar of its own under its toolbars, a dialog at the top of
its layout (box, grid or form), or, for any other dialog, in a strip its contents are moved
below. Dialogs written anywhere in the app, and Qt's own (message boxes, input and file
dialogs), need no code of their own for it. Native dialogs are switched off while child mode
is on: they are drawn by the platform, where no badge can go.

Whether child mode is on comes from the encrypted store once the profile is open
(``set_enabled``). Before that, the start-up screens use the profile's display hint
(``app.core.display_hints``), read as soon as the main window has painted: every start-up
dialog comes after that. The hint only decides what those screens show; every rule is
enforced in the core.

The filter is installed only while child mode is on. Until the window has painted, and while
child mode is off, no event of the application passes through Python for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from app.gui.signals import emit

if TYPE_CHECKING:
    from PySide6.QtCore import QMetaObject
    from PySide6.QtWidgets import QGridLayout, QLayout

    from app.gui.widgets.child_badge import ChildBadge

# The window is built before its first paint, and this module with it; ``Qt``, the layout and
# toolbar classes and the badge are imported only where a badge is placed, which is never
# before the first paint (the first use of each costs start-up time).

BAR_NAME = "childModeBar"
BADGE_NAME = "childModeBadge"
#: Dynamic properties a badge keeps about how it was placed.
_OVERLAY = "childBadgeOverlay"
_HOST_TOP = "childBadgeHostTop"
_SHIFTED = "childBadgeShifted"

HintDir = Callable[[], Path]


def _default_hint_dir() -> Path:
    # Imported when first needed, after the first paint: paths pulls in platformdirs.
    from app.core.paths import profile_dir

    return profile_dir()


class ChildModeIndicator(QObject):
    """Puts the child-mode badge on every window and dialog while child mode is on.

    ``enabled`` is None until something says (the display hint, then the store). ``changed``
    carries the new state each time it changes.
    """

    changed = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        hint_dir: HintDir | None = None,
        after_first_paint_of: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._state: bool | None = None
        self._hint: bool | None = None
        self._hint_dir: HintDir = hint_dir or _default_hint_dir
        self._installed = False
        self._native_was_off: bool | None = None
        self._restore_on_exit: QMetaObject.Connection | None = None
        # An application-wide filter would see every event of the window being built and
        # painted: it waits until that window has painted, then reads the hint.
        self._first_paint_of = after_first_paint_of
        if after_first_paint_of is None:
            self._read_hint()
        else:
            after_first_paint_of.installEventFilter(self)

    # --- the state -------------------------------------------------------------------------

    @property
    def enabled(self) -> bool | None:
        """On or off as the store (or, before it opens, the display hint) says; None if unknown."""
        return self._state if self._state is not None else self._hint

    def is_on(self) -> bool:
        """Whether badges are shown now."""
        return bool(self.enabled)

    def set_enabled(self, on: bool) -> None:
        """The store's answer: child mode is ``on`` (authoritative; the hint no longer counts)."""
        before = self.is_on()
        self._state = on
        self._apply_everywhere(before)

    def use_hints_from(self, directory: Path) -> None:
        """Read the display hint of the profile in ``directory`` now (before the store opens)."""
        self._hint_dir = lambda: directory
        self._hint = None
        if self._state is None:
            self._read_hint()

    def _read_hint(self) -> None:
        if self._hint is not None or self._state is not None:
            return
        from app.core.display_hints import read_hints

        before = self.is_on()
        self._hint = read_hints(self._hint_dir()).child_mode
        self._apply_everywhere(before)

    def _apply_everywhere(self, before: bool) -> None:
        on = self.is_on()
        self._set_native_dialogs(allowed=not on)
        if on:
            self._install()
        else:
            self._uninstall()
        for window in QApplication.topLevelWidgets():
            if _badgeable(window):
                self._apply(window)
        if on != before:
            emit(self.changed, on)

    # --- watching the application ------------------------------------------------------------

    def _install(self) -> None:
        app = QCoreApplication.instance()
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True

    def _uninstall(self) -> None:
        app = QCoreApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Badge each window as it is shown; keep overlaid badges in place as windows resize."""
        kind = event.type()
        if watched is self._first_paint_of:
            if kind == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                self._first_paint_of = None
                # Queued, so this paint completes first.
                QTimer.singleShot(0, self, self._read_hint)
            return False
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and _badgeable(watched):
            self._apply(watched)
        elif kind == QEvent.Type.Resize and isinstance(watched, QDialog) and watched.isWindow():
            badge = _badge_of(watched)
            if badge is not None and badge.property(_OVERLAY) and badge.isVisible():
                # After the dialog's own resize handling, which may have moved its children.
                QTimer.singleShot(0, badge, lambda: self._place_overlay(watched, badge))
        return False

    def _set_native_dialogs(self, *, allowed: bool) -> None:
        from PySide6.QtCore import Qt

        attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        if not allowed and self._native_was_off is None:
            before = QCoreApplication.testAttribute(attribute)
            self._native_was_off = before
            QCoreApplication.setAttribute(attribute, True)
            # Put back also if the indicator goes (with its window) while child mode is on.
            self._restore_on_exit = self.destroyed.connect(
                lambda *_: QCoreApplication.setAttribute(attribute, before)
            )
        elif allowed and self._native_was_off is not None:
            QCoreApplication.setAttribute(attribute, self._native_was_off)
            self._native_was_off = None
            self.disconnect(self._restore_on_exit)

    # --- one window ----------------------------------------------------------------------------

    def _apply(self, window: QWidget) -> None:
        badge = _badge_of(window)
        if not self.is_on():
            if badge is not None and badge.isVisibleTo(window):
                self._remove(window, badge)
            return
        if badge is None:
            from app.gui.widgets.child_badge import ChildBadge

            badge = ChildBadge(window, wrap=not isinstance(window, QMainWindow))
        if isinstance(window, QMainWindow):
            self._place_in_bar(window, badge)
        else:
            self._place_in_dialog(window, badge)
        if window.isVisible():
            _grow_to_fit(window)

    def _remove(self, window: QWidget, badge: ChildBadge) -> None:
        from PySide6.QtWidgets import QToolBar

        if isinstance(window, QMainWindow):
            bar = window.findChild(QToolBar, BAR_NAME)
            if bar is not None:
                bar.hide()
            return
        badge.hide()
        if badge.property(_OVERLAY):
            margins = window.contentsMargins()
            window.setContentsMargins(
                margins.left(), int(badge.property(_HOST_TOP)), margins.right(), margins.bottom()
            )

    def _place_in_bar(self, window: QMainWindow, badge: ChildBadge) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QToolBar

        bar = window.findChild(QToolBar, BAR_NAME)
        if bar is None or bar.parentWidget() is not window:
            bar = QToolBar(self.tr("Child mode"), window)
            bar.setObjectName(BAR_NAME)
            bar.setMovable(False)
            bar.setFloatable(False)
            # Not in the toolbar menu: the bar cannot be switched off by right-clicking.
            bar.toggleViewAction().setVisible(False)
            bar.addWidget(badge)
            window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.show()
        badge.show()

    def _place_in_dialog(self, dialog: QWidget, badge: ChildBadge) -> None:
        placed = not badge.property(_OVERLAY) and (
            _in_layout(dialog.layout(), badge) or _insert(dialog.layout(), badge)
        )
        if not placed:
            self._overlay(dialog, badge)
        badge.show()

    # --- the fallback: a strip at the top, the dialog's contents below it -------------------

    def _overlay(self, dialog: QWidget, badge: ChildBadge) -> None:
        margins = dialog.contentsMargins()
        if not badge.property(_OVERLAY):
            badge.setProperty(_OVERLAY, True)
            badge.setProperty(_HOST_TOP, margins.top())
        badge.show()
        badge.raise_()
        self._place_overlay(dialog, badge)

    def _place_overlay(self, dialog: QWidget, badge: ChildBadge) -> None:
        if not badge.isVisible():
            return
        wanted = badge.minimumSizeHint().width()
        if dialog.width() < wanted:
            dialog.resize(wanted, dialog.height())
        width = dialog.width()
        height = badge.heightForWidth(width) if badge.hasHeightForWidth() else -1
        if height <= 0:
            height = badge.sizeHint().height()
        badge.setGeometry(0, 0, width, height)
        badge.raise_()
        margins = dialog.contentsMargins()
        top = int(badge.property(_HOST_TOP)) + height
        if margins.top() != top:
            dialog.setContentsMargins(margins.left(), top, margins.right(), margins.bottom())
        if dialog.layout() is None:
            self._move_children_below(dialog, badge, height)

    def _move_children_below(self, dialog: QWidget, badge: ChildBadge, height: int) -> None:
        # Without a layout nothing else makes room. The first time, every child moves down
        # below the badge and the dialog grows by as much. A dialog that places its children
        # itself on each resize (a wizard, a progress dialog) may put one back under the
        # badge: its top edge is then moved below the badge, and its bottom kept inside.
        from PySide6.QtCore import Qt

        children = [
            child
            for child in dialog.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child is not badge and not child.isWindow() and child.isVisibleTo(dialog)
        ]
        if not children:
            return
        if not badge.property(_SHIFTED):
            badge.setProperty(_SHIFTED, True)
            moved = max(height - min(child.y() for child in children), 0)
            for child in children:
                child.move(child.x(), child.y() + moved)
            dialog.resize(dialog.width(), dialog.height() + moved)
            return
        for child in children:
            geometry = child.geometry()
            top = max(geometry.top(), height)
            bottom = min(geometry.bottom() + 1, dialog.height())
            if (top, bottom) != (geometry.top(), geometry.bottom() + 1) and bottom > top:
                child.setGeometry(geometry.left(), top, geometry.width(), bottom - top)


def _badge_of(window: QWidget) -> ChildBadge | None:
    """The badge of ``window`` itself, not of a dialog parented to it (see ``badge_of``)."""
    for badge in window.findChildren(QWidget, BADGE_NAME):
        if badge.window() is window:
            return badge  # type: ignore[return-value]  # only ChildBadge takes this name
    return None


def _badgeable(widget: QWidget) -> bool:
    return isinstance(widget, QDialog | QMainWindow) and widget.isWindow()


def _in_layout(layout: QLayout | None, badge: ChildBadge) -> bool:
    return layout is not None and layout.indexOf(badge) >= 0


def _insert(layout: QLayout | None, badge: ChildBadge) -> bool:
    """Put ``badge`` first in ``layout`` if it is a kind we can, and say whether it went in."""
    from PySide6.QtWidgets import QBoxLayout, QFormLayout, QGridLayout

    if isinstance(layout, QBoxLayout):
        if layout.direction() != QBoxLayout.Direction.TopToBottom:
            return False
        layout.insertWidget(0, badge)
        return True
    if isinstance(layout, QFormLayout):
        layout.insertRow(0, badge)
        return True
    if isinstance(layout, QGridLayout):
        _insert_grid_row(layout, badge)
        return True
    return False


def _insert_grid_row(grid: QGridLayout, badge: ChildBadge) -> None:
    """Move every item of ``grid`` one row down, then put ``badge`` across the top row."""
    rows, columns = grid.rowCount(), grid.columnCount()
    stretches = [grid.rowStretch(row) for row in range(rows)]
    minimums = [grid.rowMinimumHeight(row) for row in range(rows)]
    placed = []
    while grid.count():
        row, column, row_span, column_span = grid.getItemPosition(0)
        item = grid.takeAt(0)
        placed.append((item, row, column, row_span, column_span))
    for item, row, column, row_span, column_span in placed:
        grid.addItem(item, row + 1, column, row_span, column_span, item.alignment())
    for row in range(rows):
        grid.setRowStretch(row + 1, stretches[row])
        grid.setRowMinimumHeight(row + 1, minimums[row])
    grid.setRowStretch(0, 0)
    grid.setRowMinimumHeight(0, 0)
    grid.addWidget(badge, 0, 0, 1, max(columns, 1))


def _grow_to_fit(window: QWidget) -> None:
    """Make room for a badge added to a window already on screen: grow, never shrink."""
    layout = window.layout()
    if layout is None or isinstance(window, QMainWindow):
        return  # a main window's central widget gives up the room
    layout.activate()
    if layout.hasHeightForWidth():
        wanted = layout.totalHeightForWidth(window.width())
    else:
        wanted = layout.totalMinimumSize().height()
    if wanted > window.height():
        if window.minimumHeight() == window.maximumHeight():  # a fixed size, as message boxes
            window.setFixedHeight(wanted)
        else:
            window.resize(window.width(), wanted)
