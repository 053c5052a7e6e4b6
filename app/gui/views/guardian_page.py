"""The guardian page's layout: child mode on or off, a forgotten PIN, the guide, the helplines."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import follow_language
from app.gui.signals import emit
from app.gui.widgets.labels import heading, plain_label

#: The child-mode button's two texts (marked here, translated where they are shown).
SET_UP_TEXT = QT_TRANSLATE_NOOP("GuardianPage", "Set up child mode…")
TURN_OFF_TEXT = QT_TRANSLATE_NOOP("GuardianPage", "Turn child mode off…")


def _markdown_view(parent: QWidget, name: str) -> QTextBrowser:
    # Renders our own bundled Markdown (or the guardian's own helplines file): no links are
    # followed inside Confidant, and nothing is fetched.
    view = QTextBrowser(parent)
    view.setObjectName(name)
    view.setOpenLinks(False)
    return view


class GuardianPage(QWidget):
    """Layout only; a controller fills it and acts on its signals.

    ``childModeRequested`` fires for the child-mode button (set up, or turn off);
    ``lockRequested`` for "Lock settings now"; ``dataActionRequested("forget")`` for the
    Forget me link of a forgotten PIN. The static texts are set in ``retranslate``, again
    whenever the language changes.
    """

    childModeRequested = Signal()
    lockRequested = Signal()
    dataActionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guardianPage")
        #: Whether child mode is on, once the controller has said (None: not known yet).
        self._child_mode_on: bool | None = None

        self._title = heading("", self)
        self._intro = plain_label("", self, "guardianIntro")

        self._child_box = self._build_child_box()
        self.tabs = self._build_tabs()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addWidget(self._child_box)
        layout.addWidget(self.tabs, 1)

        self.child_mode_button.clicked.connect(lambda: emit(self.childModeRequested))
        self.lock_button.clicked.connect(lambda: emit(self.lockRequested))
        self.forget_button.clicked.connect(lambda: emit(self.dataActionRequested, "forget"))
        self.retranslate()
        follow_language(self, self.retranslate)

    def _build_child_box(self) -> QGroupBox:
        """Child mode's state, its buttons, the latest news, and the way out of a lost PIN."""
        child_box = QGroupBox(self)
        child_box.setObjectName("childModeBox")
        self.status_label = plain_label("", child_box, "childModeStatus")
        self.child_mode_button = QPushButton(child_box)
        self.child_mode_button.setObjectName("childModeButton")
        self.child_mode_button.setEnabled(False)  # until the state is known
        self.lock_button = QPushButton(child_box)
        self.lock_button.setObjectName("lockGuardianButton")
        self.lock_button.hide()
        self.news_label = plain_label("", child_box, "guardianNews")
        self.news_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.child_mode_button)
        buttons.addWidget(self.lock_button)
        buttons.addStretch(1)

        self.recovery_label = plain_label("", child_box, "pinRecovery")
        self.forget_button = QPushButton(child_box)
        self.forget_button.setObjectName("guardianForgetButton")
        recovery = QHBoxLayout()
        recovery.addWidget(self.recovery_label, 1)
        recovery.addWidget(self.forget_button)

        child_layout = QVBoxLayout(child_box)
        child_layout.addWidget(self.status_label)
        child_layout.addLayout(buttons)
        child_layout.addWidget(self.news_label)
        child_layout.addLayout(recovery)
        return child_box

    def _build_tabs(self) -> QTabWidget:
        """The guide and the helplines, one tab each (their titles are set in retranslate)."""
        tabs = QTabWidget(self)
        tabs.setObjectName("guardianTabs")
        tabs.setDocumentMode(True)
        self.guide_view = _markdown_view(self, "guardianGuide")
        tabs.addTab(self.guide_view, "")
        helplines = QWidget(self)
        self.helplines_note = plain_label("", helplines, "helplinesNote")
        self.helplines_view = _markdown_view(helplines, "helplinesView")
        helplines_layout = QVBoxLayout(helplines)
        helplines_layout.setContentsMargins(0, 8, 0, 0)
        helplines_layout.addWidget(self.helplines_note)
        helplines_layout.addWidget(self.helplines_view, 1)
        tabs.addTab(helplines, "")
        return tabs

    def retranslate(self) -> None:
        """Set the page's own texts in the interface language."""
        self._title.setText(self.tr("Guardian"))
        self._intro.setText(
            self.tr(
                "For parents and guardians: turn child mode on or off, and read how to protect "
                "a child's privacy with Confidant, what child mode does and does not do, and "
                "how to review, export and delete your child's data."
            )
        )
        self._child_box.setTitle(self.tr("Child mode"))
        self.child_mode_button.setAccessibleName(self.tr("Child mode"))
        self.child_mode_button.setText(
            QCoreApplication.translate(
                "GuardianPage", TURN_OFF_TEXT if self._child_mode_on else SET_UP_TEXT
            )
        )
        self.lock_button.setText(self.tr("Lock settings now"))
        self.lock_button.setAccessibleName(self.tr("Lock guardian settings now"))
        self.lock_button.setToolTip(
            self.tr(
                "After the PIN is entered, settings stay open for 5 minutes. Lock them at once."
            )
        )
        self.recovery_label.setText(
            self.tr(
                "Forgot the PIN? Nothing can bypass it: the only way out is to erase this "
                "profile's data with Forget me, which also turns child mode off."
            )
        )
        self.forget_button.setText(self.tr("Forget me…"))
        self.forget_button.setAccessibleName(self.tr("Forget me: erase this profile's data"))
        self.tabs.tabBar().setAccessibleName(self.tr("Guardian resources sections"))
        self.tabs.setTabText(0, self.tr("Guide"))
        self.tabs.setTabText(1, self.tr("Helplines (a list you can edit)"))
        self.guide_view.setAccessibleName(self.tr("Guide for parents and guardians"))
        self.helplines_view.setAccessibleName(self.tr("Helplines"))

    def show_child_mode(self, on: bool, detail: str) -> None:
        """Where child mode stands, and the button that changes it."""
        self._child_mode_on = on
        self.status_label.setText(detail)
        self.child_mode_button.setText(
            QCoreApplication.translate("GuardianPage", TURN_OFF_TEXT if on else SET_UP_TEXT)
        )
        self.child_mode_button.setEnabled(True)
        self.lock_button.setVisible(on)

    def show_news(self, text: str) -> None:
        """A line on what just happened ("Child mode is on."); empty hides it."""
        self.news_label.setText(text)
        self.news_label.setVisible(bool(text))

    def show_guide(self, guide: str, helplines: str, helplines_note: str) -> None:
        """The guide and the helplines, as Markdown (kept where they are if unchanged)."""
        # Set again only when the text changed, so a refresh keeps the reader's place. (The
        # text is kept in a property of our own: QTextBrowser's "source" would load it as a URL.)
        if self.guide_view.property("markdownShown") != guide:
            self.guide_view.setMarkdown(guide)
            self.guide_view.setProperty("markdownShown", guide)
        if self.helplines_view.property("markdownShown") != helplines:
            self.helplines_view.setMarkdown(helplines)
            self.helplines_view.setProperty("markdownShown", helplines)
        self.helplines_note.setText(helplines_note)
