"""Walking the widget tree: which widgets are controls a person uses, and a page's states."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

#: What counts as an interactive control (our ToggleSwitch is a QAbstractButton).
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
    QTabBar,
)
#: Parts of Qt's own composite widgets, reached and named through the widget that holds them.
COMPOSITES = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QTabBar, QTextEdit)


def is_part_of_a_composite(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` is an inner part of a Qt widget (a spin box's line edit, say)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    # Qt's own helpers (a toolbar's overflow button, say); a tab widget's tab bar is named
    # this way too, but it is a control of its own.
    return widget.objectName().startswith("qt_") and not isinstance(widget, QTabBar)


def is_scroll_bar(widget: QWidget) -> bool:
    """A scroll area's own bar: its area takes the focus, and the keys scroll it."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, QAbstractSlider)
        and parent is not None
        and parent.objectName().startswith("qt_scrollarea")
    )


def controls(root: QWidget, *, enabled_only: bool = False) -> list[QWidget]:
    """The visible interactive controls under ``root`` and ``root`` itself (Qt's parts left out)."""
    return [
        widget
        for widget in [root, *root.findChildren(QWidget)]
        if isinstance(widget, INTERACTIVE)
        and widget.isVisible()
        and (widget.isEnabled() or not enabled_only)
        and not is_part_of_a_composite(widget, root)
        and not is_scroll_bar(widget)
    ]


def describe(widget: QWidget) -> str:
    """A widget as a failure message names it."""
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"


def page_variants(page: QWidget) -> list[tuple[str, Callable[[], object]]]:
    """Each state of a page that shows other controls: its tabs, its folded and chosen parts."""
    variants: list[tuple[str, Callable[[], object]]] = [("as shown", lambda: None)]
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            variants.append((f"tab {tabs.tabText(index)}", partial(tabs.setCurrentIndex, index)))
    for toggle in page.findChildren(QToolButton):
        if toggle.objectName() == "advancedToggle" and not toggle.isChecked():
            variants.append(("advanced open", partial(toggle.setChecked, True)))
    combo = page.findChild(QComboBox, "providerCombo")
    if combo is not None:
        for index in range(combo.count()):
            variants.append(
                (f"provider {combo.itemText(index)}", partial(combo.setCurrentIndex, index))
            )
    return variants
