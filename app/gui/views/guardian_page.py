"""The guardian page's layout: child mode on or off, a forgotten PIN, the guide, the helplines."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.gui.signals import emit
from app.gui.widgets.labels import heading, plain_label

INTRO = (
    "For parents and guardians: turn child mode on or off, and read how to protect a child's "
    "privacy with Confidant, what child mode does and does not do, and how to review, export "
    "and delete your child's data."
)
RECOVERY = (
    "Forgot the PIN? Nothing can bypass it: the only way out is to erase this profile's data "
    "with Forget me, which also turns child mode off."
)
SET_UP_TEXT = "Set up child mode…"
TURN_OFF_TEXT = "Turn child mode off…"


def _markdown_view(parent: QWidget, name: str, accessible: str) -> QTextBrowser:
    # Renders our own bundled Markdown (or the guardian's own helplines file): no links are
    # followed inside Confidant, and nothing is fetched.
    view = QTextBrowser(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setOpenLinks(False)
    return view


class GuardianPage(QWidget):
    """Layout only; a controller fills it and acts on its signals.

    ``childModeRequested`` fires for the child-mode button (set up, or turn off);
    ``lockRequested`` for "Lock settings now"; ``dataActionRequested("forget")`` for the
    Forget me link of a forgotten PIN.
    """

    childModeRequested = Signal()
    lockRequested = Signal()
    dataActionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guardianPage")

        title = heading("Guardian", self)
        intro = plain_label(INTRO, self, "guardianIntro")

        child_box = QGroupBox("Child mode", self)
        child_box.setObjectName("childModeBox")
        self.status_label = plain_label("", child_box, "childModeStatus")
        self.child_mode_button = QPushButton(SET_UP_TEXT, child_box)
        self.child_mode_button.setObjectName("childModeButton")
        self.child_mode_button.setAccessibleName("Child mode")
        self.child_mode_button.setEnabled(False)  # until the state is known
        self.lock_button = QPushButton("Lock settings now", child_box)
        self.lock_button.setObjectName("lockGuardianButton")
        self.lock_button.setAccessibleName("Lock guardian settings now")
        self.lock_button.setToolTip(
            "After the PIN is entered, settings stay open for 5 minutes. Lock them at once."
        )
        self.lock_button.hide()
        self.news_label = plain_label("", child_box, "guardianNews")
        self.news_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.child_mode_button)
        buttons.addWidget(self.lock_button)
        buttons.addStretch(1)

        self.recovery_label = plain_label(RECOVERY, child_box, "pinRecovery")
        self.forget_button = QPushButton("Forget me…", child_box)
        self.forget_button.setObjectName("guardianForgetButton")
        self.forget_button.setAccessibleName("Forget me: erase this profile's data")
        recovery = QHBoxLayout()
        recovery.addWidget(self.recovery_label, 1)
        recovery.addWidget(self.forget_button)

        child_layout = QVBoxLayout(child_box)
        child_layout.addWidget(self.status_label)
        child_layout.addLayout(buttons)
        child_layout.addWidget(self.news_label)
        child_layout.addLayout(recovery)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("guardianTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName("Guardian resources sections")
        self.guide_view = _markdown_view(self, "guardianGuide", "Guide for parents and guardians")
        self.tabs.addTab(self.guide_view, "Guide")
        helplines = QWidget(self)
        self.helplines_note = plain_label("", helplines, "helplinesNote")
        self.helplines_view = _markdown_view(helplines, "helplinesView", "Helplines")
        helplines_layout = QVBoxLayout(helplines)
        helplines_layout.setContentsMargins(0, 8, 0, 0)
        helplines_layout.addWidget(self.helplines_note)
        helplines_layout.addWidget(self.helplines_view, 1)
        self.tabs.addTab(helplines, "Helplines (a list you can edit)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(child_box)
        layout.addWidget(self.tabs, 1)

        self.child_mode_button.clicked.connect(lambda: emit(self.childModeRequested))
        self.lock_button.clicked.connect(lambda: emit(self.lockRequested))
        self.forget_button.clicked.connect(lambda: emit(self.dataActionRequested, "forget"))

    def show_child_mode(self, on: bool, detail: str) -> None:
        """Where child mode stands, and the button that changes it."""
        self.status_label.setText(detail)
        self.child_mode_button.setText(TURN_OFF_TEXT if on else SET_UP_TEXT)
        self.child_mode_button.setEnabled(True)
        self.lock_button.setVisible(on)

    def show_news(self, text: str) -> None:
        """A line on what just happened ("Child mode is on."); empty hides it."""
        self.news_label.setText(text)
        self.news_label.setVisible(bool(text))

    def show_guide(self, guide: str, helplines: str, helplines_note: str) -> None:
        """The guide and the helplines, as Markdown (kept where they are if unchanged)."""
        # Set again only when the text changed, so a refresh keeps the reader's place.
        if self.guide_view.property("source") != guide:
            self.guide_view.setMarkdown(guide)
            self.guide_view.setProperty("source", guide)
        if self.helplines_view.property("source") != helplines:
            self.helplines_view.setMarkdown(helplines)
            self.helplines_view.setProperty("source", helplines)
        self.helplines_note.setText(helplines_note)
