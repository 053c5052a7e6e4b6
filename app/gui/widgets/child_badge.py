"""The child-mode badge: the sign on every window and dialog that child mode is on, and why."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.gui.i18n import follow_language

BADGE_NAME = "childModeBadge"
# Both are translated when shown, and follow a change of language.
TITLE = QT_TRANSLATE_NOOP("ChildBadge", "Child mode")
#: One line a child can read. It promises only what the policy enforces in the core: no
#: conversation is stored, and nothing is shared for training or research.
EXPLANATION = QT_TRANSLATE_NOOP(
    "ChildBadge", "A grown-up turned this on: your chats are not saved or shared."
)

# Fixed colours with a dark text colour, so the badge reads the same on light and dark themes.
_STYLE = (
    f"#{BADGE_NAME} {{ background: #ede7f6; border: 1px solid #7e57c2; border-radius: 4px; }}"
    f"#{BADGE_NAME} QLabel {{ color: #311b62; background: transparent; border: none; }}"
    f"#{BADGE_NAME} QLabel#{BADGE_NAME}Title {{ background: #7e57c2; color: #ffffff;"
    " border-radius: 3px; padding: 1px 6px; }"
)


class ChildBadge(QFrame):
    """The words Child mode in a pill, then the one-line explanation (wrapped if ``wrap``)."""

    def __init__(self, parent: QWidget | None = None, *, wrap: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName(BADGE_NAME)
        self._wrap = wrap
        self.setStyleSheet(_STYLE)
        self.title_label = QLabel(self)
        self.title_label.setObjectName(f"{BADGE_NAME}Title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.text_label = QLabel(self)
        self.text_label.setObjectName(f"{BADGE_NAME}Text")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(wrap)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(8)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Say it in the interface language (a child reads the explanation)."""
        title = QCoreApplication.translate("ChildBadge", TITLE)
        explanation = QCoreApplication.translate("ChildBadge", EXPLANATION)
        self.setAccessibleName(self.tr("{title} is on").format(title=title))
        self.setAccessibleDescription(explanation)
        self.setToolTip(explanation)
        self.title_label.setText(title)
        self.text_label.setText(explanation)
        if self._wrap:
            # At most about two lines: a narrow dialog grows wider rather than the badge taller.
            metrics = self.text_label.fontMetrics()
            self.text_label.setMinimumWidth(metrics.horizontalAdvance(explanation) // 2 + 8)

    @property
    def explanation(self) -> str:
        """The sentence the badge shows under its title."""
        return self.text_label.text()


def badge_of(window: QWidget) -> ChildBadge | None:
    """The badge that belongs to ``window`` itself (not to a dialog parented to it), if any."""
    for badge in window.findChildren(ChildBadge, BADGE_NAME):
        if badge.window() is window:
            return badge
    return None
