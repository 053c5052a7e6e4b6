"""Shows a reply's Markdown in a text browser, and acts on its anchors only when clicked.

The HTML comes from ``app.core.markdown`` (safe by construction: no image, no raw HTML, no
link that points anywhere by itself). Here it is put in a ``QTextBrowser`` or a bare
``QTextDocument`` (for measuring), and a click on an anchor does what it stands for:

* "Copy" above a code block puts that block's code on the clipboard, exactly as written;
* a link shows its full URL and opens it in the system browser only if the user agrees.

Nothing is ever loaded: the browser's ``loadResource`` refuses everything (``MessageBody``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette, QTextDocument

from app.core.markdown import Labels, RenderedMarkdown, anchor_target, can_colour, render

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextBrowser, QWidget

_CONTEXT = "MarkdownView"
#: The words inside rendered Markdown (translated when rendered).
COPY_LABEL = QT_TRANSLATE_NOOP("MarkdownView", "Copy")
IMAGE_LABEL = QT_TRANSLATE_NOOP("MarkdownView", "Image, not loaded")


def labels() -> Labels:
    """The words inside rendered Markdown, in the interface language."""
    return _labels(
        QCoreApplication.translate(_CONTEXT, COPY_LABEL),
        QCoreApplication.translate(_CONTEXT, IMAGE_LABEL),
    )


@functools.lru_cache(maxsize=8)
def _labels(copy: str, image: str) -> Labels:
    # One object per language, not one per rendering a transcript keeps.
    return Labels(copy=copy, image=image)


def _dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def rendered(text: str, *, highlight: bool = True) -> RenderedMarkdown:
    """``text`` rendered for the current palette and language (remembered by the core)."""
    return render(text, dark=_dark(), labels=labels(), highlight=highlight)


@dataclass(frozen=True, slots=True)
class Rendering:
    """One text rendered for one palette and language, for whoever shows that text again.

    A transcript keeps one with each reply, so a reply that scrolls back into view is not
    parsed again: the core's cache holds only the last few hundred texts rendered, and a
    long conversation scrolled end to end outgrows it.
    """

    text: str
    dark: bool
    labels: Labels
    #: Rendered with its code coloured (or with no code to colour): fit to show, not only
    #: to measure.
    coloured: bool
    result: RenderedMarkdown


def rendering(text: str, *, highlight: bool = True, last: Rendering | None = None) -> Rendering:
    """``text`` rendered for the current palette and language; ``last`` if it still fits.

    ``last`` fits when it is of the same text, palette and language, and coloured if
    ``highlight`` asks for colours (a rendering without them serves only to measure).
    """
    dark, words = _dark(), labels()
    if (
        last is not None
        and last.text == text
        and last.dark == dark
        and last.labels == words
        and (last.coloured or not highlight)
    ):
        return last
    result = render(text, dark=dark, labels=words, highlight=highlight)
    return Rendering(text, dark, words, highlight or not can_colour(text), result)


def set_document(
    document: QTextDocument, text: str, *, highlight: bool = True, last: Rendering | None = None
) -> Rendering:
    """Put ``text`` as Markdown into ``document``; return its rendering (``last`` if it fits).

    A document only measured (never shown) goes without colours: they change no height.
    """
    shown = rendering(text, highlight=highlight, last=last)
    document.setHtml(shown.result.html)
    return shown


class MarkdownAnchors(QObject):
    """Acts on the anchors of the Markdown shown in one text browser."""

    #: The code of a block was put on the clipboard.
    codeCopied = Signal(str)
    #: The user agreed to open this URL (it was handed to the system browser).
    linkOpened = Signal(str)

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self._browser = browser
        self._rendered: RenderedMarkdown | None = None
        browser.anchorClicked.connect(self._on_anchor)

    def show(self, text: str, *, last: Rendering | None = None) -> Rendering:
        """Show ``text`` as Markdown (from ``last``, if it is a rendering of it that fits)."""
        shown = set_document(self._browser.document(), text, last=last)
        self._rendered = shown.result
        return shown

    def clear(self) -> None:
        """The browser shows something else now (plain text): its anchors mean nothing."""
        self._rendered = None

    @property
    def code_blocks(self) -> tuple[str, ...]:
        """The code of each block shown, in order."""
        return self._rendered.code_blocks if self._rendered is not None else ()

    def _on_anchor(self, url: QUrl) -> None:
        if self._rendered is None:
            return
        target = anchor_target(url.toString(), self._rendered)
        if target is None:
            return
        kind, value = target
        if kind == "copy":
            QGuiApplication.clipboard().setText(value)
            self.codeCopied.emit(value)
        else:
            self._offer_link(value)

    def _offer_link(self, url: str) -> None:
        from app.gui.dialogs.open_link_dialog import OpenLinkDialog

        parent: QWidget = self._browser.window()
        dialog = OpenLinkDialog(url, parent)
        dialog.accepted.connect(lambda: self._open(url))
        dialog.open()

    def _open(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode))
        self.linkOpened.emit(url)
