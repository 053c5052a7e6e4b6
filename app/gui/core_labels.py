"""Short labels the core hands the GUI in English, marked here so the GUI can translate them.

The core stays Qt-free and English: it names its data classes, privacy-log events, preference
choices and provider kinds in English. Each of those labels is listed below (``lupdate``
extracts them), and ``core_label`` translates one where it is shown. A label missing here is
shown as the core wrote it; ``tests/gui/test_i18n.py`` fails when the core gains a label that
is not listed. Longer core text (error messages, consent texts, the guardian's Markdown) is
not translated yet.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreLabel"

LABELS = (
    # Stored data classes (the privacy dashboard's "What is stored") and retention classes.
    QT_TRANSLATE_NOOP("CoreLabel", "Conversations"),
    QT_TRANSLATE_NOOP("CoreLabel", "Messages"),
    QT_TRANSLATE_NOOP("CoreLabel", "Preferences"),
    QT_TRANSLATE_NOOP("CoreLabel", "Consent records"),
    QT_TRANSLATE_NOOP("CoreLabel", "Privacy log"),
    QT_TRANSLATE_NOOP("CoreLabel", "Pseudonym vault"),
    QT_TRANSLATE_NOOP("CoreLabel", "Upload outbox"),
    QT_TRANSLATE_NOOP("CoreLabel", "Network log"),
    # Privacy-log events.
    QT_TRANSLATE_NOOP("CoreLabel", "Consent given"),
    QT_TRANSLATE_NOOP("CoreLabel", "Consent withdrawn"),
    QT_TRANSLATE_NOOP("CoreLabel", "Conversation saved"),
    QT_TRANSLATE_NOOP("CoreLabel", "Conversation deleted"),
    QT_TRANSLATE_NOOP("CoreLabel", "Conversation turns replaced (edit or regenerate)"),
    QT_TRANSLATE_NOOP("CoreLabel", "Stored conversations deleted"),
    QT_TRANSLATE_NOOP("CoreLabel", "Retention schedule changed"),
    QT_TRANSLATE_NOOP("CoreLabel", "Expired data deleted"),
    QT_TRANSLATE_NOOP("CoreLabel", "Preferences changed"),
    QT_TRANSLATE_NOOP("CoreLabel", "Encryption key replaced"),
    QT_TRANSLATE_NOOP("CoreLabel", "Data exported"),
    QT_TRANSLATE_NOOP("CoreLabel", "Data imported"),
    QT_TRANSLATE_NOOP("CoreLabel", "Imported plaintext originals deleted"),
    QT_TRANSLATE_NOOP("CoreLabel", "Child mode changed"),
    QT_TRANSLATE_NOOP("CoreLabel", "App lock changed"),
    QT_TRANSLATE_NOOP("CoreLabel", "Item queued for upload"),
    QT_TRANSLATE_NOOP("CoreLabel", "Upload refused by the gate"),
    QT_TRANSLATE_NOOP("CoreLabel", "Data uploaded"),
    QT_TRANSLATE_NOOP("CoreLabel", "Upload item dropped"),
    QT_TRANSLATE_NOOP("CoreLabel", "Upload item discarded by you"),
    QT_TRANSLATE_NOOP("CoreLabel", "Upload settings changed"),
    QT_TRANSLATE_NOOP("CoreLabel", "Deletion requested upstream"),
    QT_TRANSLATE_NOOP("CoreLabel", "Deletion confirmed upstream"),
    QT_TRANSLATE_NOOP("CoreLabel", "Deletion request refused upstream"),
    QT_TRANSLATE_NOOP("CoreLabel", "Security notices received"),
    QT_TRANSLATE_NOOP("CoreLabel", "Security notices rejected (bad signature)"),
    QT_TRANSLATE_NOOP("CoreLabel", "Assistant settings changed"),
    QT_TRANSLATE_NOOP("CoreLabel", "Private prompts turned on or off"),
    # Preference choices (the languages are named in their own language and stay as they are).
    QT_TRANSLATE_NOOP("CoreLabel", "Owl"),
    QT_TRANSLATE_NOOP("CoreLabel", "Fox"),
    QT_TRANSLATE_NOOP("CoreLabel", "Cat"),
    QT_TRANSLATE_NOOP("CoreLabel", "Whale"),
    QT_TRANSLATE_NOOP("CoreLabel", "Robot"),
    QT_TRANSLATE_NOOP("CoreLabel", "Leaf"),
    QT_TRANSLATE_NOOP("CoreLabel", "Default"),
    QT_TRANSLATE_NOOP("CoreLabel", "Calm"),
    QT_TRANSLATE_NOOP("CoreLabel", "Bright"),
    QT_TRANSLATE_NOOP("CoreLabel", "Warm"),
    QT_TRANSLATE_NOOP("CoreLabel", "Slow and clear"),
    QT_TRANSLATE_NOOP("CoreLabel", "Follow the system"),
    QT_TRANSLATE_NOOP("CoreLabel", "Light"),
    QT_TRANSLATE_NOOP("CoreLabel", "Dark"),
    # Preference descriptions (the status line says which one was saved).
    QT_TRANSLATE_NOOP("CoreLabel", "What the assistant calls you (a nickname)"),
    QT_TRANSLATE_NOOP("CoreLabel", "Your picture: a built-in one, or your own image"),
    QT_TRANSLATE_NOOP("CoreLabel", "The voice used to read replies aloud"),
    QT_TRANSLATE_NOOP("CoreLabel", "Light, dark, or the system's theme"),
    QT_TRANSLATE_NOOP("CoreLabel", "The language of the interface"),
    QT_TRANSLATE_NOOP("CoreLabel", "How often the privacy checkup asks"),
    QT_TRANSLATE_NOOP("CoreLabel", "When the privacy checkup was last done"),
    # Assistant providers, and the status bar's name for the offline demo.
    QT_TRANSLATE_NOOP("CoreLabel", "Offline demo"),
    QT_TRANSLATE_NOOP("CoreLabel", "Offline demo (local, no network)"),
    QT_TRANSLATE_NOOP(
        "CoreLabel", "OpenAI-compatible (OpenAI, Ollama, llama.cpp, LM Studio, vLLM)"
    ),
    QT_TRANSLATE_NOOP("CoreLabel", "Anthropic"),
)


def core_label(text: str) -> str:
    """``text``, a label from the core, in the interface language (as it is if not listed)."""
    return QCoreApplication.translate(CONTEXT, text)
