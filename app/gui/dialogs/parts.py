"""What the dialogs share, made one way: a field for a secret, a named button, a form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

Role = QDialogButtonBox.ButtonRole


def secret_edit(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    """A line edit that hides what is typed (a passphrase, a PIN), named for screen readers."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def add_button(
    box: QDialogButtonBox,
    text: str,
    role: QDialogButtonBox.ButtonRole,
    name: str,
    *,
    accessible: str | None = None,
    auto_default: bool | None = None,
    default: bool = False,
) -> QPushButton:
    """Add a button to ``box``, with its object name and, if given, its accessible name.

    ``auto_default`` is left as Qt has it unless given (False: Enter never presses it on its
    own, the habit for a button that acts for good); ``default`` makes it the one Enter presses.
    """
    button = box.addButton(text, role)
    button.setObjectName(name)
    if accessible is not None:
        button.setAccessibleName(accessible)
    if auto_default is not None:
        button.setAutoDefault(auto_default)
    if default:
        button.setDefault(True)
    return button


def form(*rows: tuple[str | QWidget, QWidget | QLayout], grow: bool = False) -> QFormLayout:
    """A form with one row per (label, field); ``grow`` lets the fields take the width."""
    layout = QFormLayout()
    if grow:
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    for label, field in rows:
        layout.addRow(label, field)
    return layout
