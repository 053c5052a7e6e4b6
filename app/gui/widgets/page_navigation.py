"""The sidebar: one row per page, and the View menu's page actions that go with it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QPalette
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QMenu, QWidget

from app.gui.pages import CHAT_PAGE, PAGES, PRIVACY_PAGE
from app.gui.signals import emit

PRIVACY_DASHBOARD_SHORTCUT = "Ctrl+Shift+P"
# The texts kept the window's context when they moved here, so the catalogs stay as they are.
CONTEXT = "MainWindow"
PAGES_NAME = QT_TRANSLATE_NOOP("MainWindow", "Pages")
SHOW_PAGE = QT_TRANSLATE_NOOP("MainWindow", "Show the {page} page")
SHOW_DASHBOARD = QT_TRANSLATE_NOOP("MainWindow", "Show the privacy dashboard ({shortcut})")


def _tr(marked: str) -> str:
    return QCoreApplication.translate(CONTEXT, marked)


def _sidebar_text(label: str) -> str:
    """A page's label (translated) as the sidebar shows it, a little in from the edge."""
    return f"  {label}"


class PageNavigation(QListWidget):
    """Lists the pages; choosing one (here, in the View menu or by its key) asks for it.

    A list, not a side toolbar: placing a toolbar needs the ``Qt`` namespace, whose first use
    costs more start-up time than the whole window.
    """

    #: A page was chosen (its key); the shell shows it, or marks the current one again.
    pageChosen = Signal(str)

    def __init__(self, view_menu: QMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSpacing(2)
        self.setContentsMargins(6, 8, 6, 8)
        self._shortcuts_installed = False
        row_height = self.fontMetrics().height() + 16
        group = QActionGroup(self)
        group.setExclusive(True)
        self.page_actions: dict[str, QAction] = {}
        for key, _label, _shortcut in PAGES:
            item = QListWidgetItem(self)
            item.setSizeHint(QSize(120, row_height))
            # The window holds the actions (as it holds the chat's), the menu lists them.
            action = QAction(parent if parent is not None else self)
            action.setObjectName(f"{key}PageAction")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=key: emit(self.pageChosen, k))
            group.addAction(action)
            view_menu.addAction(action)
            self.page_actions[key] = action
        self.page_actions[CHAT_PAGE].setChecked(True)
        self.setCurrentRow(0)
        self.currentRowChanged.connect(self._on_row)

    def match_window(self, window_palette: QPalette) -> None:
        """Take the window's colour, so only the selected page stands out (dark or light).

        (Not by the viewport's background role: the first call to viewport() costs more
        start-up time than the whole sidebar.)
        """
        palette = self.palette()
        window_colour = window_palette.color(QPalette.ColorRole.Window)
        if palette.color(QPalette.ColorRole.Base) != window_colour:
            palette.setColor(QPalette.ColorRole.Base, window_colour)
            self.setPalette(palette)

    def mark(self, key: str) -> None:
        """Show ``key`` as the current page, without asking for it again."""
        self.page_actions[key].setChecked(True)
        row = [page for page, _label, _shortcut in PAGES].index(key)
        if self.currentRow() != row:
            self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(False)

    def set_ready(self, ready: bool) -> None:
        """Only the chat can be chosen until a profile is open."""
        for key, action in self.page_actions.items():
            action.setEnabled(key == CHAT_PAGE or ready)
        self.setEnabled(ready)

    def install_shortcuts(self) -> None:
        """Give each page its key (after the first paint: see the shell's shortcuts)."""
        from PySide6.QtGui import QKeySequence

        self._shortcuts_installed = True
        for key, _label, shortcut in PAGES:
            self.page_actions[key].setShortcut(QKeySequence(shortcut))
        # The privacy dashboard also has a shortcut of its own, which stays if pages move.
        privacy = self.page_actions[PRIVACY_PAGE]
        privacy.setShortcuts([privacy.shortcut(), QKeySequence(PRIVACY_DASHBOARD_SHORTCUT)])
        self._name_privacy_shortcut()

    def retranslate(self) -> None:
        """The pages' names and tips in the interface language; wide enough for the longest."""
        self.setAccessibleName(_tr(PAGES_NAME))
        labels = [_tr(label) for _key, label, _shortcut in PAGES]
        for row, ((key, _label, _shortcut), label) in enumerate(zip(PAGES, labels, strict=True)):
            item = self.item(row)
            if item is not None:
                item.setText(_sidebar_text(label))
            action = self.page_actions[key]
            action.setText(label)
            action.setStatusTip(_tr(SHOW_PAGE).format(page=label))
        if self._shortcuts_installed:
            self._name_privacy_shortcut()
        # A large font must not clip the longest label.
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(_sidebar_text(label)) for label in labels)
        self.setFixedWidth(max(150, widest + 48))

    def _name_privacy_shortcut(self) -> None:
        self.page_actions[PRIVACY_PAGE].setStatusTip(
            _tr(SHOW_DASHBOARD).format(shortcut=PRIVACY_DASHBOARD_SHORTCUT)
        )

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            emit(self.pageChosen, PAGES[row][0])
