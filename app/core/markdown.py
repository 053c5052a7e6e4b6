"""A reply's Markdown, made into HTML that is safe to show: nothing in it can fetch or run.

CommonMark with tables and strikethrough (markdown-it-py), under these rules:

* Raw HTML is never interpreted: it is shown as the text it is.
* An image is never loaded: it becomes its alt text and its URL, as text.
* A link points nowhere by itself: its ``href`` becomes ``confidant-link:N``, and the real
  URL is ``links[N]``, which the interface shows in full before opening it, and only after a
  click. Only http, https and mailto links are links at all.
* A fenced code block is monospace, optionally highlighted (Pygments, inline colours), with a
  ``confidant-copy:N`` link above it; ``code_blocks[N]`` is its code exactly as written.

The HTML is the subset Qt's rich text understands (no CSS classes, no scripts, no styles
that load anything). This module is Qt-free; the GUI renders its output.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: The schemes a link may open (in the system browser or mail client, after the user agreed).
OPENABLE_SCHEMES = ("http://", "https://", "mailto:")
LINK_SCHEME = "confidant-link"
COPY_SCHEME = "confidant-copy"
#: Longer code is shown without colours: highlighting it would hold up the interface.
HIGHLIGHT_LIMIT = 20_000
#: How many rendered replies are remembered (a transcript re-binds them as it scrolls).
CACHE_SIZE = 512


@dataclass(frozen=True, slots=True)
class Labels:
    """The few words the HTML itself contains, in the interface language."""

    copy: str = "Copy"
    image: str = "Image"


@dataclass(frozen=True, slots=True)
class RenderedMarkdown:
    """Safe HTML for one text, with the code and the links its anchors stand for.

    Slotted: a transcript keeps one for each reply, and fewer objects for the garbage
    collector to go through keep its full collections short.
    """

    html: str
    code_blocks: tuple[str, ...]
    links: tuple[str, ...]


def anchor_target(href: str, rendered: RenderedMarkdown) -> tuple[str, str] | None:
    """What an anchor of ``rendered`` stands for: ("copy", code) or ("link", URL); else None."""
    scheme, _, number = href.partition(":")
    if not number.isdigit():
        return None
    index = int(number)
    if scheme == COPY_SCHEME and index < len(rendered.code_blocks):
        return "copy", rendered.code_blocks[index]
    if scheme == LINK_SCHEME and index < len(rendered.links):
        return "link", rendered.links[index]
    return None


def render(
    text: str, *, dark: bool = False, labels: Labels | None = None, highlight: bool = True
) -> RenderedMarkdown:
    """``text`` as safe HTML (remembered: the same text renders once).

    Without ``highlight`` code is not coloured: the layout is the same, for measuring it.
    Only a fenced block can be coloured, so text without a fence is remembered once for
    both: a reply measured off screen is not parsed again when it is shown.
    """
    if not highlight and not can_colour(text):
        highlight = True
    return _render(text, dark, labels or Labels(), highlight)


def can_colour(text: str) -> bool:
    """Whether ``text`` may hold a fenced code block, the only part that rendering colours.

    Without one, a rendering made for measuring (no colours) is the one to show as well.
    """
    return "```" in text or "~~~" in text


def warm_up() -> None:
    """Load the parser and the highlighter now (about 70 ms), not at the first reply shown.

    The GUI calls it on its I/O pool once a profile is open, so the import never stalls the
    GUI thread.
    """
    render("```python\npass\n```\n\n| a |\n| - |\n| b |")


@functools.lru_cache(maxsize=CACHE_SIZE)
def _render(text: str, dark: bool, labels: Labels, highlight: bool = True) -> RenderedMarkdown:
    renderer = _Renderer(dark, labels, highlight)
    body = _parser().renderer.render(_parser().parse(text), _parser().options, {"r": renderer})
    # Qt reads the line end after the last block as a trailing space of that block.
    return RenderedMarkdown(body.rstrip(), tuple(renderer.code_blocks), tuple(renderer.links))


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    rules: dict[str, Any] = {
        "image": _image,
        "link_open": _link_open,
        "link_close": _link_close,
        "fence": _fence,
        "code_block": _fence,
        "table_open": _table_open,
        "code_inline": _code_inline,
    }
    for name, rule in rules.items():
        md.add_render_rule(name, rule)
    return md


class _Renderer:
    """What one rendering collects: the code blocks and the links, in order."""

    def __init__(self, dark: bool, labels: Labels, highlight: bool) -> None:
        self.dark = dark
        self.labels = labels
        self.highlight = highlight
        self.code_blocks: list[str] = []
        self.links: list[str] = []
        #: For each open link: whether it became an anchor (its close must match).
        self.open_links: list[bool] = []


def _state(env: dict[str, Any]) -> _Renderer:
    renderer: _Renderer = env["r"]
    return renderer


def _image(
    _self: Any, tokens: Sequence[Token], idx: int, _options: Any, env: dict[str, Any]
) -> str:
    token = tokens[idx]
    alt = "".join(child.content for child in token.children or ())
    src = str(token.attrGet("src") or "")
    label = _state(env).labels.image
    # Shown, never loaded: the alt text and where the image would have come from.
    alt_part = f"{html.escape(alt)} " if alt else ""
    return f"<i>[{html.escape(label)}: {alt_part}({html.escape(src)})]</i>"


def _link_open(
    _self: Any, tokens: Sequence[Token], idx: int, _options: Any, env: dict[str, Any]
) -> str:
    state = _state(env)
    href = str(tokens[idx].attrGet("href") or "")
    if not href.lower().startswith(OPENABLE_SCHEMES):
        state.open_links.append(False)
        return ""
    state.links.append(href)
    state.open_links.append(True)
    number = len(state.links) - 1
    return f'<a href="{LINK_SCHEME}:{number}">'


def _link_close(
    _self: Any, _tokens: Sequence[Token], _idx: int, _options: Any, env: dict[str, Any]
) -> str:
    state = _state(env)
    anchored = state.open_links.pop() if state.open_links else False
    return "</a>" if anchored else ""


def _table_open(*_args: Any) -> str:
    return '<table border="1" cellspacing="0" cellpadding="4">\n'


def _code_inline(
    _self: Any, tokens: Sequence[Token], idx: int, _options: Any, _env: dict[str, Any]
) -> str:
    return f"<code>{html.escape(tokens[idx].content)}</code>"


def _fence(
    _self: Any, tokens: Sequence[Token], idx: int, _options: Any, env: dict[str, Any]
) -> str:
    state = _state(env)
    token = tokens[idx]
    # The code as written between the fences: the line end before the closing fence ends
    # the block, it is not part of the code.
    shown = token.content[:-1] if token.content.endswith("\n") else token.content
    language = token.info.strip().split(" ")[0] if token.info else ""
    state.code_blocks.append(shown)
    number = len(state.code_blocks) - 1
    body = _highlight(shown, language, state.dark) if language and state.highlight else None
    if body is None:
        body = html.escape(shown)
    caption = f"{html.escape(language)} · " if language else ""
    copy = html.escape(state.labels.copy)
    background = "#2b2b2b" if state.dark else "#f4f4f4"
    return (
        f'<table width="100%" border="0" cellspacing="0" cellpadding="6" '
        f'bgcolor="{background}"><tr><td>'
        f'<p><small>{caption}<a href="{COPY_SCHEME}:{number}">{copy}</a></small></p>'
        f"<pre>{body}</pre></td></tr></table>\n"
    )


def _highlight(code: str, language: str, dark: bool) -> str | None:
    """Colours for ``code`` as inline spans, or None (no such language, or too long)."""
    if len(code) > HIGHLIGHT_LIMIT:
        return None
    lexer = _lexer(language.lower())
    if lexer is None:
        return None
    from pygments import highlight

    result: str = highlight(code, lexer, _formatter(dark))
    return result.rstrip("\n") if not code.endswith("\n") else result


@functools.lru_cache(maxsize=64)
def _lexer(language: str) -> Any:
    """The lexer for a language name (made once: looking one up scans Pygments' tables)."""
    try:
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound
    except ImportError:  # pragma: no cover - a bundle without Pygments shows code uncoloured
        return None
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except (ClassNotFound, ImportError):
        return None


@functools.cache
def _formatter(dark: bool) -> Any:
    """Inline-coloured HTML spans (made once per scheme: a formatter compiles its style)."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(nowrap=True, noclasses=True, style="monokai" if dark else "default")
