"""Following the system's light or dark scheme, and colours that stay readable in both.

Qt 6.5+ reports the system's scheme (``QStyleHints.colorScheme``) and, on most platforms,
switches the palette itself. Where it reports Dark but keeps a light palette (some Linux
desktops with the Fusion style), ``ThemeFollower`` puts a dark palette in, and takes it out
again when the system goes back to light. Our own colours come from palette roles, or, where a
colour means something (an error), are picked for enough contrast with the current background.

Asking for the scheme the first time loads Qt's ``Qt`` namespace, which costs more start-up
time than the window itself, so the first look is taken once the first window has the focus
(and so has painted).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: When to take the first look at the scheme if no window gets the focus before.
FIRST_LOOK_FALLBACK_MS = 1000
#: WCAG 2 AA for normal text.
MIN_CONTRAST = 4.5
#: An error's red on a light background, and on a dark one.
ERROR_ON_LIGHT = "#c62828"
ERROR_ON_DARK = "#ff8a80"

_R = QPalette.ColorRole
_DARK_COLOURS = {
    _R.Window: "#2b2b2b",
    _R.WindowText: "#e8e8e8",
    _R.Base: "#1f1f1f",
    _R.AlternateBase: "#2b2b2b",
    _R.ToolTipBase: "#3a3a3a",
    _R.ToolTipText: "#e8e8e8",
    _R.PlaceholderText: "#9e9e9e",
    _R.Text: "#e8e8e8",
    _R.Button: "#353535",
    _R.ButtonText: "#e8e8e8",
    _R.BrightText: "#ff8a80",
    _R.Light: "#4a4a4a",
    _R.Midlight: "#3e3e3e",
    _R.Mid: "#5c5c5c",
    _R.Dark: "#1a1a1a",
    _R.Shadow: "#000000",
    _R.Highlight: "#3d7bd9",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#7ab7ff",
    _R.LinkVisited: "#c39bff",
}
_DARK_DISABLED = {
    _R.WindowText: "#9e9e9e",
    _R.Text: "#9e9e9e",
    _R.ButtonText: "#9e9e9e",
    _R.Highlight: "#4a4a4a",
    _R.HighlightedText: "#cfcfcf",
}


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rgb = colour.toRgb()
    return (
        0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio between two colours, 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one: its window is darker than its text."""
    return relative_luminance(palette.color(_R.Window)) < relative_luminance(
        palette.color(_R.WindowText)
    )


def error_colour(background: QColor) -> QColor:
    """The error red that reads best on ``background`` (light red on dark, dark red on light)."""
    candidates = (QColor(ERROR_ON_LIGHT), QColor(ERROR_ON_DARK))
    return max(candidates, key=lambda colour: contrast_ratio(colour, background))


def dark_palette() -> QPalette:
    """A dark palette for when the system asks for dark and Qt does not provide one."""
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


class ThemeFollower(QObject):
    """Keeps the application's palette in step with the system's light or dark scheme."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName("themeFollower")
        self._app = app
        #: Whether the palette in use is one of ours (so following the system gives Qt's back).
        self.overriding = False
        #: The user's choice (the "theme" preference): "system", "light" or "dark".
        self.choice = "system"
        self._checked = False
        app.styleHints().colorSchemeChanged.connect(self.apply_scheme)
        # The first look: once a window has the focus (Qt paints it right then), or after a
        # moment if none gets it. An application-wide event filter would see every event
        # before the first paint, which costs more than the look itself.
        app.focusWindowChanged.connect(self._on_focus_window)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FIRST_LOOK_FALLBACK_MS)
        self._fallback.timeout.connect(self.check)
        self._fallback.start()

    @property
    def checked(self) -> bool:
        """Whether the first look at the system's scheme has been taken."""
        return self._checked

    @Slot(object)
    def _on_focus_window(self, window: object) -> None:
        if window is not None and not self._checked:
            # Queued, so the window's first paint goes first.
            QTimer.singleShot(0, self.check)

    @Slot()
    def check(self) -> None:
        """Look at the system's scheme now and follow it (the first look, or again)."""
        if not self._checked:
            self._checked = True
            self._fallback.stop()
            self._app.focusWindowChanged.disconnect(self._on_focus_window)
        self.apply_scheme(self._app.styleHints().colorScheme())

    def set_choice(self, choice: str) -> None:
        """Use the user's theme: "light" or "dark" whatever the system says, or "system"."""
        if choice not in ("system", "light", "dark") or choice == self.choice:
            return
        self.choice = choice
        if choice == "dark":
            if not is_dark(self._app.palette()):
                self._app.setPalette(dark_palette())
                self.overriding = True
        elif choice == "light":
            if is_dark(self._app.palette()):
                from PySide6.QtWidgets import QApplication

                style = QApplication.style()
                self._app.setPalette(style.standardPalette() if style else QPalette())
                self.overriding = True
        else:
            if self.overriding:
                self._app.setPalette(QPalette())
                self.overriding = False
            self.apply_scheme(self._app.styleHints().colorScheme())

    @Slot(object)
    def apply_scheme(self, scheme: object) -> None:
        """Follow ``scheme`` (a ``Qt.ColorScheme``); Unknown leaves the palette as it is.

        A light or dark theme the user chose stays, whatever the system does.
        """
        from PySide6.QtCore import Qt

        if self.choice != "system":
            return
        if scheme == Qt.ColorScheme.Dark:
            if not is_dark(self._app.palette()):
                self._app.setPalette(dark_palette())
                self.overriding = True
        elif scheme == Qt.ColorScheme.Light and self.overriding:
            # An empty palette hands the choice back to Qt and the platform.
            self._app.setPalette(QPalette())
            self.overriding = False


def follow_system_theme(app: QGuiApplication) -> ThemeFollower:
    """Start following the system's light or dark scheme (the first look after a paint)."""
    return ThemeFollower(app)


def apply_theme_choice(choice: str) -> None:
    """Use the user's theme preference, if the application follows themes (see main())."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    follower = app.findChild(ThemeFollower, "themeFollower")
    if follower is not None:
        follower.set_choice(choice)
