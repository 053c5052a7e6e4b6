"""The transcript: the conversation's messages, replies in Markdown, prompts as plain text.

A reply can grow while it streams (re-rendered at most every ``RENDER_INTERVAL_MS``, not per
chunk). Every message has a Copy button; a prompt sent through a provider has "Show what the
assistant saw", which reveals the prompt exactly as it was sent (with placeholders, when private
prompts were on). Nothing in a message is ever interpreted as HTML, and nothing it names (an
image, a link) is ever fetched or opened (see ``message_widget``).

It scales to long conversations. A message is a ``MessageView``: a plain object with its text
and state, which the window and the tests hold on to. Only the messages in and near the
viewport have a widget on screen (a few ``MessageWidget`` objects, reused as the view scrolls), so
scrolling through 10,000 messages costs what scrolling through twenty does. Each message's
height at the current width is remembered; those off screen are estimated at first and measured
exactly a few at a time when the event loop is idle, and a change above the viewport never
moves what is on screen. ``load`` adds a stored conversation in slices, so the event loop is
never held up for long.
"""

from __future__ import annotations

import bisect
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.gui.signals import emit
from app.gui.widgets.message_view import MessageView

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QResizeEvent

    # Imported when the first message is shown: its Qt classes are not needed to paint.
    from app.gui.widgets.message_widget import MessageRuler, MessageWidget

#: How often a streaming reply is re-rendered, at most (ms).
RENDER_INTERVAL_MS = 50
#: The longest the transcript works in one go when loading or measuring (ms).
SLICE_MS = 8
#: Space around the column of messages, and between two messages (pixels).
MARGIN_X, MARGIN_Y, SPACING = 10, 6, 4
#: How often the scroll range catches up while heights are being measured (s).
RANGE_CATCH_UP_S = 0.25
#: Messages this far (pixels) above and below the viewport get a widget too.
OVERSCAN = 200
#: Spare message widgets kept ready while idle, at least (making one takes about 1 ms).
SPARE_WIDGETS = 4


class ErrorRow(QFrame):
    """What went wrong with a turn, in one sentence, and a Retry button.

    Error rows are few and short-lived, so each keeps its own widget (and the connections made
    to its button) for as long as it is in the transcript.
    """

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_label = QLabel(message, self)
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryButton")
        self.retranslate()
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.retry_button)
        self._height = 0
        self._measured_width = -1

    def retranslate(self) -> None:
        """Name the parts in the interface language (the transcript calls this on a change)."""
        self.message_label.setAccessibleName(self.tr("What went wrong"))
        self.retry_button.setText(self.tr("Retry"))
        self.retry_button.setAccessibleName(self.tr("Send the same message again"))

    def plain_text(self) -> str:
        """The message, for the transcript's text."""
        return self.message_label.text()

    def focusable_parts(self) -> list[QWidget]:
        """The parts the keyboard can reach."""
        return [self.retry_button]

    def height_for(self, width: int) -> int:
        """How tall the row is at ``width`` pixels wide."""
        if self.hasHeightForWidth():
            return self.heightForWidth(width)
        return self.sizeHint().height()


Row = MessageView | ErrorRow


class TranscriptView(QAbstractScrollArea):
    """The conversation, newest at the bottom; it follows new text while at the bottom."""

    #: Emitted with the text when a message's Copy button put it on the clipboard.
    copied = Signal(str)
    #: Emitted when the messages given to ``load`` are all in.
    loaded = Signal()
    #: Emitted with a prompt's MessageView when its Edit button was clicked (issue 16).
    editRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # This is built before the first paint, so nothing here may touch the ``Qt`` namespace
        # or build a message's widget. Nor may anything until there is a message ask for the
        # viewport: the first wrapper made for it loads the whole ``Qt`` namespace (25 ms). The
        # placeholder is the scroll area's own child, over the viewport, for that reason.
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._placeholder = QLabel(self)
        self._placeholder.setObjectName("transcriptPlaceholder")
        self._placeholder.setEnabled(False)
        self._rows: list[Row] = []
        #: Where each row starts (content coordinates); rebuilt when ``_tops_stale``.
        self._tops: list[int] = []
        self._tops_stale = False
        #: The first row in view at the last arrangement: (row, its top, the scroll value).
        self._anchor: tuple[Row, int, int] | None = None
        #: The message widgets: on screen by message, spares, and the measurer.
        self._pool = _WidgetPool(self)
        #: What the messages in this transcript tell it (their ``_owner``).
        self._host = _Host(self)
        #: The width the rows' heights are for (-1: none yet, or the font changed).
        self._width = -1
        self._to_measure: list[MessageView] = []
        self._loading: Iterator[tuple[str, str, bool]] | None = None
        self._load_at = 0
        self._follow = True
        self._arranging = False
        self._arranged_at = 0.0
        #: The focusable parts on screen, in the order Tab visits them.
        self._tab_chain: list[QWidget] = []
        #: Work left for later turns of the event loop, one job per turn, in this order.
        self._slices = _SliceWork(
            self,
            (
                ("arrange", self._arrange),
                ("load", self._load_slice),
                ("measure", self._measure_slice),
            ),
        )

    # --- the QTextEdit-like surface the window and tests use ----------------------------

    def setPlaceholderText(self, text: str) -> None:
        """What the empty transcript says."""
        self._placeholder.setText(text)
        self._placeholder.adjustSize()

    def placeholderText(self) -> str:
        """What the empty transcript says."""
        return self._placeholder.text()

    def toPlainText(self) -> str:
        """Every row as text: speaker, then message, then any note."""
        lines: list[str] = []
        for row in self._rows:
            if isinstance(row, MessageView):
                lines += [row.speaker, row.plain_text()]
                if row.note:
                    lines.append(row.note)
            else:
                lines.append(row.plain_text())
        return "\n".join(lines)

    def clear(self) -> None:
        """Remove every message (and stop a load under way)."""
        self._loading = None
        self._slices.cancel("load")
        for row in self._rows:
            self._detach(row)
        self._rows.clear()
        self._to_measure.clear()
        self._host.to_render.clear()
        self._anchor = None
        self._follow = True
        self._rows_changed()

    def isEmpty(self) -> bool:
        """Whether there is no message."""
        return not self._rows

    # --- adding and removing ---------------------------------------------------------------

    def append_message(self, speaker: str, text: str, *, markdown: bool = False) -> MessageView:
        """Add one complete message (a prompt is plain text; a reply may be Markdown)."""
        view = MessageView(speaker, markdown=markdown)
        view._text = view._shown = text
        self._add(view)
        return view

    def begin_reply(self, speaker: str) -> MessageView:
        """Add an empty reply that streamed text will fill."""
        view = MessageView(speaker, markdown=True)
        view._note = "…"
        self._add(view)
        return view

    def add_error(self, message: str) -> ErrorRow:
        """Add a row saying what went wrong, with a Retry button."""
        self._pool.made = True
        row = ErrorRow(message, self.viewport())
        row.retry_button.installEventFilter(self)
        self._add(row)
        return row

    def load(self, messages: Iterable[tuple[str, str, bool]]) -> None:
        """Add stored messages, oldest first, as (speaker, text, is Markdown), a slice at a time.

        ``loaded`` is emitted once all are in; messages added meanwhile go after them. The view
        follows the end, as it does for new messages.
        """
        self._loading = iter(messages)
        self._load_at = len(self._rows)
        self._follow = True
        self._slices.schedule("load")

    @property
    def loading(self) -> bool:
        """Whether a ``load`` is still under way."""
        return self._loading is not None

    @property
    def measuring(self) -> bool:
        """Whether some messages off screen still have estimated heights (being measured)."""
        return bool(self._to_measure)

    def remove(self, row: Row) -> None:
        """Take one row out."""
        if row in self._rows:
            index = self._rows.index(row)
            del self._rows[index]
            if index < self._load_at:
                self._load_at -= 1
            self._detach(row)
            self._rows_changed()

    def rename(self, speakers: Mapping[str, str], notes: Mapping[str, str]) -> None:
        """Give messages other speaker names and notes (old to new): the language changed."""
        if self._loading is not None:
            loading = self._loading
            self._loading = ((speakers.get(who, who), text, md) for who, text, md in loading)
        changed = False
        for row in self._rows:
            if isinstance(row, MessageView):
                speaker = speakers.get(row.speaker, row.speaker)
                note = notes.get(row._note, row._note)
                if speaker != row.speaker or note != row._note:
                    row.speaker, row._note = speaker, note
                    changed = True
        if changed:
            self._measure_all_again()

    def _measure_all_again(self) -> None:
        """Every height is out of date (another font, style or language)."""
        if self._rows:
            self._pool.ruler = None
            self._width = -1
            self._slices.schedule("arrange")

    def rows(self) -> list[Row]:
        """The rows, oldest first."""
        return list(self._rows)

    def messages(self) -> list[MessageView]:
        """The messages, oldest first."""
        return [row for row in self._rows if isinstance(row, MessageView)]

    def shown_rows(self) -> list[Row]:
        """The rows whose widgets are at least partly inside the viewport now, oldest first."""
        self._arrange()
        area = self.viewport().rect()
        shown: list[Row] = []
        for index in self._near():
            row = self._rows[index]
            widget = self._pool.live.get(row) if isinstance(row, MessageView) else row
            if widget is not None and widget.isVisible() and widget.geometry().intersects(area):
                shown.append(row)
        return shown

    def _add(self, row: Row) -> None:
        if isinstance(row, MessageView):
            row._owner = self._host
            self._to_measure.append(row)
        row._height = self._pool.estimate(row)
        self._rows.append(row)
        self._follow = True
        self._rows_changed()

    def _detach(self, row: Row) -> None:
        if isinstance(row, MessageView):
            row._owner = None
            widget = self._pool.live.pop(row, None)
            if widget is not None:
                self._pool.release(widget)
        else:
            self._pool.hide(row)
            row.deleteLater()

    def _rows_changed(self) -> None:
        self._tops_stale = True
        self._placeholder.setVisible(not self._rows)
        self._slices.schedule("arrange")
        if self._to_measure:
            self._slices.schedule("measure")

    # --- geometry ----------------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(self.viewport().width() - 2 * MARGIN_X, 1)

    def _rebuild_tops(self) -> None:
        steps = [row._height + SPACING for row in self._rows]
        self._tops = list(itertools.accumulate(steps[:-1], initial=MARGIN_Y)) if steps else []
        self._tops_stale = False

    def _content_height(self) -> int:
        if not self._rows:
            return 0
        return self._tops[-1] + self._rows[-1]._height + MARGIN_Y

    def _first_at(self, y: int) -> int:
        """The index of the first row whose bottom is below ``y``."""
        index = max(bisect.bisect_right(self._tops, y) - 1, 0)
        while index < len(self._rows) and self._tops[index] + self._rows[index]._height <= y:
            index += 1
        return index

    def _near(self) -> list[int]:
        """The indexes of the rows in or near the viewport, and of the one with the focus."""
        bar = self.verticalScrollBar()
        low, high = bar.value() - OVERSCAN, bar.value() + self.viewport().height() + OVERSCAN
        indexes = []
        for index in range(self._first_at(low), len(self._rows)):
            if self._tops[index] >= high:
                break
            indexes.append(index)
        # The row with the keyboard focus keeps its widget (out of sight, where it belongs)
        # however far the view scrolls: hiding it would send the focus elsewhere.
        focused = self._focused_row()
        if focused is not None and focused in self._rows:
            index = self._rows.index(focused)
            if index not in indexes:
                indexes = sorted([*indexes, index])
        return indexes

    def _focused_row(self) -> Row | None:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if focus is None or not self.viewport().isAncestorOf(focus):
            return None
        for row, widget in self._pool.live.items():
            if widget.isAncestorOf(focus):
                return row
        parent = focus.parentWidget()
        return parent if isinstance(parent, ErrorRow) else None

    def _arrange(self) -> None:
        """Size the scroll range, bind and measure what is in view, place it, release the rest."""
        if self._arranging:
            return
        self._arranging = True
        try:
            self._arrange_now()
        finally:
            self._arranging = False

    def _arrange_now(self) -> None:
        self._slices.cancel("arrange")
        width = self._content_width()
        if width != self._width:
            self._width = width
            # Every height is out of date; the old ones serve as estimates until measured.
            self._to_measure = self.messages()
            if self._to_measure:
                self._slices.schedule("measure")
        bar = self.verticalScrollBar()
        # What stays put on screen while heights change is the first row in view. When rows
        # came or went or heights changed since the last arrangement, the row found then
        # serves, moved by however far the view was scrolled since.
        anchor = self._first_in_view()
        if self._tops_stale:
            if self._anchor is not None:
                row, top, value = self._anchor
                anchor = (row, top - bar.value())
            self._rebuild_tops()
        viewport_height = self.viewport().height()
        bar.setPageStep(viewport_height)
        bar.setSingleStep(self.fontMetrics().lineSpacing())
        near: list[int] = []
        for _attempt in range(4):
            maximum = max(0, self._content_height() - viewport_height)
            value = bar.value()
            if self._follow:
                value = maximum
            elif anchor is not None and anchor[0] in self._rows:
                row, offset = anchor
                value = self._tops[self._rows.index(row)] - offset
            bar.setRange(0, maximum)
            bar.setValue(max(0, min(value, maximum)))
            near = self._near()
            rows = [self._rows[index] for index in near]
            self._pool.retire_all_but(rows)
            if not self._measure_rows(rows, width):
                break
            self._rebuild_tops()
        self._place(near, width)
        self._arranged_at = time.perf_counter()
        first = self._first_in_view()
        self._anchor = None if first is None else (first[0], first[1] + bar.value(), bar.value())

    def _first_in_view(self) -> tuple[Row, int] | None:
        """The first row in view, and how far below the viewport's top it starts."""
        if self._tops_stale or not self._rows:
            return None
        value = self.verticalScrollBar().value()
        index = min(self._first_at(value), len(self._rows) - 1)
        return self._rows[index], self._tops[index] - value

    def _measure_rows(self, rows: list[Row], width: int) -> bool:
        """Bind a widget to each row and take its height; say whether any height changed."""
        changed = False
        for row in rows:
            if isinstance(row, MessageView):
                height = self._pool.widget_for(row).height_for(width)
            else:
                height = row.height_for(width)
            row._measured_width = width
            if height != row._height:
                row._height = height
                changed = True
        return changed

    def _place(self, near: list[int], width: int) -> None:
        value = self.verticalScrollBar().value()
        keep = {self._rows[index] for index in near}
        for row in [row for row in self._pool.live if row not in keep]:
            self._pool.release(self._pool.live.pop(row))
        self._pool.release_retired()
        for child in self.viewport().children():
            if isinstance(child, ErrorRow) and child not in keep:
                self._pool.hide(child)
        chain: list[QWidget] = []
        for index in near:
            row, top = self._rows[index], self._tops[index]
            widget: MessageWidget | ErrorRow
            if isinstance(row, MessageView):
                message = self._pool.live[row]
                message.place(width)
                widget = message
            else:
                widget = row
            widget.setGeometry(MARGIN_X, top - value, width, row._height)
            if not widget.isVisible():
                widget.show()
            chain += widget.focusable_parts()
        if chain != self._tab_chain:
            # Widgets are reused in any order; Tab goes through the messages in theirs.
            self._tab_chain = chain
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)

    # --- slices of work between events -------------------------------------------------------

    def _load_slice(self) -> None:
        """Add the next stored messages, for a few milliseconds."""
        if self._loading is None:
            return
        clock = time.perf_counter
        deadline = clock() + SLICE_MS / 1000
        width = self._width if self._width > 0 else self._content_width()
        ruler = self._pool.measuring()
        batch: list[MessageView] = []
        for speaker, text, markdown in self._loading:
            view = MessageView(speaker, markdown=markdown)
            view._text = view._shown = text
            view._owner = self._host
            view._height = ruler.estimate(view, width)
            batch.append(view)
            if len(batch) % 16 == 0 and clock() > deadline:
                break
        else:
            self._loading = None
        self._rows[self._load_at : self._load_at] = batch
        self._load_at += len(batch)
        self._to_measure += batch
        self._rows_changed()
        if self._loading is not None:
            self._slices.schedule("load")
        else:
            self._arrange()  # so that what ``loaded`` announces is on screen
            emit(self.loaded)

    def _measure_slice(self) -> None:
        """Measure some of the messages off screen, newest first, for a few milliseconds."""
        width = self._width
        if width <= 0:
            return
        clock = time.perf_counter
        deadline = clock() + SLICE_MS / 1000
        ruler = self._pool.measuring()
        # While idle, a few widgets are made ahead (within this slice's time): scrolling into a
        # stretch of short messages, which needs more widgets at once, then finds them ready.
        self._pool.stock()
        pending = self._to_measure
        while pending and clock() < deadline:
            row = pending.pop()
            if (
                row._owner is not self._host
                or row._measured_width == width
                or row in self._pool.live
            ):
                continue  # gone, measured already, or measured whenever it is placed
            height = ruler.height(row, width)
            row._measured_width = width
            if height != row._height:
                row._height = height
                self._tops_stale = True
        if pending:
            self._slices.schedule("measure")
        # What is on screen stays where it is until the next arrangement, which uses the new
        # heights without moving it; the scroll range catches up every so often meanwhile.
        if self._tops_stale and (not pending or clock() > self._arranged_at + RANGE_CATCH_UP_S):
            self._slices.schedule("arrange")

    # --- Qt events ---------------------------------------------------------------------------

    def scrollContentsBy(self, _dx: int, _dy: int) -> None:
        """The scroll bar moved: put the messages now in view on screen."""
        if not self._arranging:
            bar = self.verticalScrollBar()
            # At the bottom, the view follows new text; scrolled up, it stays where it is.
            self._follow = bar.value() >= bar.maximum() - 4
            self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the messages out again for the new size."""
        super().resizeEvent(event)
        inset = self.frameWidth()
        self._placeholder.move(inset + MARGIN_X, inset + MARGIN_Y)
        if self._rows or self._pool.live:
            self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        """A new font or style changes every height; a new language the messages' buttons."""
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            # The message widgets (on screen, spare, the measurer) and the error rows. Before
            # there are any, the viewport is left alone (see __init__): a language is installed
            # as the window is built.
            if self._pool.made:
                for child in self.viewport().children():
                    retranslate = getattr(child, "retranslate", None)
                    if callable(retranslate):
                        retranslate()
            self._measure_all_again()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measure_all_again()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Home and End go to the first and the last message; other keys scroll as usual."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractSlider

        if event.key() == Qt.Key.Key_Home:
            self.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        elif event.key() == Qt.Key.Key_End:
            self.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tabbing to a part of a message scrolls that message into view."""
        if event.type() == QEvent.Type.FocusIn:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QFocusEvent

            by_keyboard = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            keyboard = isinstance(event, QFocusEvent) and event.reason() in by_keyboard
            if keyboard and not self._pool.hiding and not self._arranging:
                self._scroll_to_part(watched)
        return False

    def _scroll_to_part(self, part: QObject) -> None:
        owner = part.parent()
        if isinstance(owner, ErrorRow) and owner in self._rows:
            self._arrange()
            top = self._tops[self._rows.index(owner)]
            bar = self.verticalScrollBar()
            if not bar.value() <= top <= bar.value() + self.viewport().height() - owner.height():
                bar.setValue(top)
            return
        for row, widget in self._pool.live.items():
            if widget is owner:
                self._host.reveal(row)
                return


def _single_shot(parent: QObject, slot: Callable[[], None], interval: int = 0) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer


class _SliceWork:
    """Work left for later turns of the event loop: one job per turn, in a fixed order.

    So no two slices of work (each a few milliseconds) ever add up to one long stall;
    arranging what is on screen goes first.
    """

    def __init__(self, parent: QObject, order: tuple[tuple[str, Callable[[], None]], ...]) -> None:
        self._parent = parent
        self._order = order
        self._jobs: set[str] = set()
        self._timer: QTimer | None = None

    def schedule(self, job: str) -> None:
        """Do ``job`` ("arrange", "load" or "measure") once the events waiting now are handled."""
        self._jobs.add(job)
        if self._timer is None:
            self._timer = _single_shot(self._parent, self._work)
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self, job: str) -> None:
        """``job`` is done already (or no longer wanted)."""
        self._jobs.discard(job)

    def _work(self) -> None:
        for job, run in self._order:
            if job in self._jobs:
                self._jobs.discard(job)
                run()
                break
        if self._jobs and self._timer is not None:
            self._timer.start()


class _WidgetPool:
    """The message widgets: those on screen by message, spares to reuse, and the measurer."""

    def __init__(self, transcript: TranscriptView) -> None:
        self._transcript = transcript
        self.live: dict[MessageView, MessageWidget] = {}
        self.spare: list[MessageWidget] = []
        #: Widgets of rows that left the viewport during an arrangement, still shown: bound to
        #: the rows coming in first, so a page step does not hide one widget and show another.
        self.retired: list[MessageWidget] = []
        #: Measures the messages off screen (made with the first message).
        self.ruler: MessageRuler | None = None
        #: Whether a message widget or an error row was ever made in the viewport.
        self.made = False
        #: A widget is being hidden (the focus moving on is then no reason to scroll).
        self.hiding = False

    def widget_for(self, row: MessageView) -> MessageWidget:
        """The widget showing ``row`` (a spare, or a new one), bound to it."""
        widget = self.live.get(row)
        if widget is None:
            widget = self._free_widget(row.markdown)
            self.live[row] = widget
            widget.bind(row)
        # A widget already showing ``row`` is bound anew only when the row changes
        # (``_Host.row_changed``): not on every scroll step it stays in view.
        return widget

    def _free_widget(self, markdown: bool) -> MessageWidget:
        """A free widget, one still shown first, one that last showed the same kind first.

        Showing a hidden widget, and turning a reply's widget into a prompt's (its Edit button
        shown, its text plain) or back, is most of what binding costs besides the text.
        """
        for free in (self.retired, self.spare):
            for index in range(len(free) - 1, -1, -1):
                if free[index].shows_markdown == markdown:
                    return free.pop(index)
            if free:
                return free.pop()
        return self.new_widget()

    def stock(self) -> None:
        """Make one spare widget if fewer than ``SPARE_WIDGETS`` (or half as many as on show)."""
        if self.made and len(self.spare) < max(SPARE_WIDGETS, len(self.live) // 2):
            self.spare.append(self.new_widget())

    def new_widget(self) -> MessageWidget:
        """A hidden message widget in the viewport; Tab into it scrolls it into view."""
        from app.gui.widgets.message_widget import MessageWidget

        self.made = True
        widget = MessageWidget(self._transcript.viewport())
        widget.hide()
        # Polished now, not when first shown: a widget keeps its layout while its message
        # stays bound (``MessageWidget.place``), so its parts' sizes must be final already.
        widget.ensurePolished()
        for part in widget.focusable_parts():
            part.installEventFilter(self._transcript)
        return widget

    def retire_all_but(self, rows: Iterable[Row]) -> None:
        """The widgets of messages not in ``rows`` become free, still shown where they were.

        The transcript places or releases every widget before the event loop runs again,
        so a retired widget is never painted as it was.
        """
        keep = set(rows)
        for row in [row for row in self.live if row not in keep]:
            widget = self.live.pop(row)
            widget.bind(None)
            self.retired.append(widget)

    def release_retired(self) -> None:
        """Hide the retired widgets no message came in for."""
        while self.retired:
            self.release(self.retired.pop())

    def release(self, widget: MessageWidget) -> None:
        """Hide ``widget`` and keep it to show another message."""
        self.hide(widget)
        widget.bind(None)
        self.spare.append(widget)

    def hide(self, widget: QWidget) -> None:
        """Hide a row's widget without the focus moving on scrolling the view."""
        self.hiding = True
        try:
            widget.hide()
        finally:
            self.hiding = False

    def measuring(self) -> MessageRuler:
        """The ruler for the messages off screen (made the first time)."""
        if self.ruler is None:
            from app.gui.widgets.message_widget import MessageRuler

            # The ruler binds messages it cannot measure on text alone to a widget of its
            # own, which is never shown.
            widget = self._transcript.findChild(QWidget, "messageMeasurer") or self.new_widget()
            widget.setObjectName("messageMeasurer")
            self.ruler = MessageRuler(widget)  # type: ignore[arg-type]
        return self.ruler

    def estimate(self, row: Row) -> int:
        """A quick guess at a row's height, until it is measured."""
        if isinstance(row, ErrorRow):
            return row.sizeHint().height()
        transcript = self._transcript
        width = transcript._width if transcript._width > 0 else transcript._content_width()
        return self.measuring().estimate(row, width)


class _Host:
    """What the transcript's messages tell it (``MessageHost``): renders, changes, reveals.

    The transcript's friend: it works on the transcript's rows and geometry directly.
    """

    def __init__(self, transcript: TranscriptView) -> None:
        self._t = transcript
        self.to_render: list[MessageView] = []
        self._render_timer: QTimer | None = None

    def message_copied(self, text: str) -> None:
        """A message was put on the clipboard."""
        emit(self._t.copied, text)

    def edit_requested(self, row: MessageView) -> None:
        """The user asked to edit this prompt and send it again."""
        emit(self._t.editRequested, row)

    def render_soon(self, row: MessageView) -> None:
        """Show the row's new text within a moment (renders are batched)."""
        if row not in self.to_render:
            self.to_render.append(row)
        if self._render_timer is None:
            self._render_timer = _single_shot(self._t, self._render_pending, RENDER_INTERVAL_MS)
        if not self._render_timer.isActive():
            self._render_timer.start()

    def render_now(self, row: MessageView) -> None:
        """The row renders itself now: drop it from the batch."""
        if row in self.to_render:
            self.to_render.remove(row)

    def _render_pending(self) -> None:
        pending, self.to_render = self.to_render, []
        for row in pending:
            row.render()

    def row_changed(self, row: MessageView) -> None:
        """The row's text or state changed: measure and place it again."""
        t = self._t
        widget = t._pool.live.get(row)
        if widget is not None and t._width > 0:
            widget.bind(row)
            height = widget.height_for(t._width)
            if height != row._height:
                row._height = height
                t._tops_stale = True
                t._slices.schedule("arrange")
            else:
                widget.place(t._width)
        else:
            row._measured_width = -1
            t._to_measure.append(row)
            t._slices.schedule("measure")

    def plain_text_of(self, row: MessageView) -> str:
        """The row's text as shown, without formatting."""
        widget = self._t._pool.live.get(row)
        if widget is not None:
            return widget.body.toPlainText()
        return self._t._pool.measuring().plain_text(row)

    def reveal(self, row: MessageView) -> MessageWidget:
        """Scroll ``row`` into view (if it is not) and return the widget showing it."""
        t = self._t
        t._arrange()
        if t._width > 0:
            index = t._rows.index(row)
            top, bottom = t._tops[index], t._tops[index] + row._height
            bar = t.verticalScrollBar()
            height = t.viewport().height()
            if top < bar.value() or bottom > bar.value() + height:
                value = top if top < bar.value() or row._height > height else bottom - height
                bar.setValue(max(0, value))
                t._arrange()
        return t._pool.live.get(row) or t._pool.widget_for(row)
