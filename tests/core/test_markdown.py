"""Markdown to safe HTML: tables and code render; images, raw HTML and links cannot act."""

from __future__ import annotations

import pytest

from app.core.markdown import Labels, anchor_target, can_colour, render

CODE = 'def f(x):\n    return x < 2 and "<b>"\n\n\n    # trailing blank lines kept'
REPLY = f"""# Heading

Some *emphasis*, **strong**, `inline <code>` and ~~gone~~.

| Tool | Kept |
|------|------|
| Confidant | yes |

```python
{CODE}
```

> a quote

- one
- two

![a cat](http://127.0.0.1:9/img.png "title") and [docs](https://example.org/a?b=1&c=2).
"""


def test_a_reply_renders_headings_tables_code_and_quotes() -> None:
    rendered = render(REPLY)
    for tag in ("<h1>", "<em>", "<strong>", "<s>", "<table", "<th>Tool</th>", "<blockquote>"):
        assert tag in rendered.html
    assert "<ul>" in rendered.html and "<li>one</li>" in rendered.html
    assert "<pre>" in rendered.html
    assert "<code>inline &lt;code&gt;</code>" in rendered.html


def test_copy_gives_the_code_exactly_as_written() -> None:
    rendered = render(REPLY)
    assert rendered.code_blocks == (CODE,)
    assert anchor_target("confidant-copy:0", rendered) == ("copy", CODE)
    assert 'href="confidant-copy:0"' in rendered.html


def test_highlighting_colours_known_languages_only() -> None:
    coloured = render("```python\nreturn 1\n```").html
    plain = render("```no-such-language\nreturn 1\n```").html
    assert "<span style=" in coloured
    assert "<span" not in plain and "return 1" in plain


def test_an_image_is_never_an_image_only_its_alt_text_and_url() -> None:
    rendered = render(REPLY, labels=Labels(image="Bild"))
    assert "<img" not in rendered.html
    assert "[Bild: a cat (http://127.0.0.1:9/img.png)]" in rendered.html
    assert "src=" not in rendered.html


def test_raw_html_is_shown_as_text() -> None:
    rendered = render(
        '<img src="http://127.0.0.1:9/x.png"><script>alert(1)</script>\n\nhi <b>x</b>'
    )
    assert "<img" not in rendered.html and "<script" not in rendered.html
    assert "&lt;script&gt;" in rendered.html and "&lt;b&gt;x&lt;/b&gt;" in rendered.html


def test_links_point_nowhere_until_the_interface_opens_them() -> None:
    rendered = render(REPLY)
    assert rendered.links == ("https://example.org/a?b=1&c=2",)
    assert 'href="confidant-link:0"' in rendered.html
    assert "example.org" not in rendered.html.split("confidant-link:0")[0][-40:]
    assert anchor_target("confidant-link:0", rendered) == ("link", rendered.links[0])
    assert anchor_target("confidant-link:7", rendered) is None
    assert anchor_target("https://example.org", rendered) is None


@pytest.mark.parametrize(
    "link", ["[x](javascript:alert(1))", "[x](file:///etc/passwd)", "[x](data:text/html,hi)"]
)
def test_links_that_could_run_or_read_something_are_plain_text(link: str) -> None:
    rendered = render(link)
    assert rendered.links == ()
    assert "<a " not in rendered.html


def test_an_unfinished_fence_while_streaming_is_code_to_the_end() -> None:
    rendered = render("Here:\n```python\nprint('hi')")
    assert rendered.code_blocks == ("print('hi')",)


def test_measuring_and_showing_share_one_rendering_unless_colours_differ() -> None:
    prose = "Some **bold** words and `inline code`.\n\n- a list\n- of two"
    # Measuring (no colours) and showing render a reply without a fence once, not twice.
    assert render(prose, highlight=False) is render(prose)
    fenced = "Here:\n\n```python\nx = 1\n```"
    plain, coloured = render(fenced, highlight=False), render(fenced)
    assert plain is not coloured
    assert plain.html != coloured.html and plain.code_blocks == coloured.code_blocks
    # Only a fence can be coloured.
    assert can_colour(fenced) and can_colour("~~~\nx = 1\n~~~")
    assert not can_colour(prose)
