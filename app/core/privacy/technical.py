"""Code and technical text taken out of a message before its topic is judged.

``std = np.std(values)``, a ``sex`` column, a SQL ``relationship`` table or a stack trace
say nothing about the writer's life, so the sensitivity classifier never sees them: fenced
code blocks, inline code, stack traces, lines of code, dotted or snake_case or camelCase
identifiers, and "lorem ipsum" filler (its "dolor" is Latin, not a Spanish pain) are removed.
"""

from __future__ import annotations

import re

_FENCED = re.compile(r"(```|~~~).*?(?:\1|\Z)", re.DOTALL)
_INLINE = re.compile(r"`[^`\n]*`")
# A line of a stack trace: Python, Java/JS, Go, Rust, .NET and log prefixes.
_TRACE_LINE = re.compile(
    r"""^\s*(?:
        Traceback\ \(most\ recent\ call\ last\)
        | File\ ".*",\ line\ \d+
        | at\ [\w$.<>]+\s*\(.*\)
        | at\ \S+:\d+(?::\d+)?
        | [\w.]*(?:Error|Exception|Warning|Panic)(?::|\s*$)
        | goroutine\ \d+
        | thread\ '.*'\ panicked
        | \d+:\ 0x[0-9a-f]+
        | \#\d+\ 0x[0-9a-f]+
        | \.\.\.\ \d+\ more
        | \^+\s*$
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# A line that reads as code rather than prose.
_CODE_LINE = re.compile(
    r"""(?:
        ^\s*(?:def\ \w+\(|class\ \w+[(:]|import\ [\w.]+\s*$|from\ [\w.]+\ import\ |\#include
            |\#define|(?:if|for|while|switch)\ *\(|else\s*[:{]|try\s*[:{]|except\b.*:\s*$
            |(?:SELECT|INSERT\ INTO|UPDATE|DELETE\ FROM|CREATE|ALTER|DROP)\ |\$\ |>>>\ |PS>\ )
        | [\w\])]\s*(?:==|!=|<=|>=|\+=|-=|:=|=>|->)\s*\S
        | ^\s*[\w.\[\]'"]+\s*=\s*[^\s=]
        | [\w\]]\([^()\n]*\)\s*[;:{]?\s*$
        | [;{}]\s*$
        | ^\s*[{}\])]
    )""",
    re.VERBOSE,
)
# Identifiers in prose: np.std, df.sex, user_relationship, isSexEnabled, std(), --flag.
_IDENTIFIER = re.compile(
    r"""(?:
        \b\w+(?:\.\w+)+\(
        | \b(?:np|pd|df|os|sys|self|this|torch|tf|math|json|std|console|window|document|plt|sns
            |sklearn|scipy|stats|data|row|user|obj|model|args|req|res|ctx)\.\w+
        | \b\w*_\w+
        | \b[a-z]+[A-Z]\w*
        | \b[A-Z][a-z]+[A-Z]\w*
        | \b\w+\(\)
        | (?<!\w)--?[a-z][\w-]*
    )""",
    re.VERBOSE,
)
# What every identifier or argument above has somewhere (most prose has none of it).
# Each branch opens with the character it needs and looks back from there: three times faster
# than opening with \w (the same matches: \w[._(]\w, \w\(, [a-z][A-Z], (?<!\w)-, \[, _).
_MAYBE_IDENTIFIER = re.compile(r"[._(](?<=\w[._(])(?=\w)|\((?<=\w\()|-(?<!\w-)|\[|_|[a-z](?=[A-Z])")
# A string literal passed to a call or an index: groupby("sex"), df['relationship'].
_ARGUMENT = re.compile(r"""[(\[,]\s*(['"])[^'"\n]{0,60}\1""")
_LOREM = frozenset(
    str.split(
        """lorem ipsum dolor dolore dolorem doloribus sit amet consectetur adipiscing adipisci elit
    sed do eiusmod tempor incididunt ut labore et magna aliqua enim ad minim veniam quis nostrud
    exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in
    reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint occaecat
    cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum"""
    )
)
_LOREM_WORD = re.compile(r"[A-Za-z]+")


def prose(text: str) -> str:
    """The prose of a message, with code and technical text removed."""
    if "`" in text or "~~~" in text:
        text = _FENCED.sub(" ", text)
        text = _INLINE.sub(" ", text)
    lines = text.split("\n")
    if len(lines) > 1 or _CODE_LINE.search(text) or _TRACE_LINE.search(text):
        lines = [
            line for line in lines if not (_TRACE_LINE.search(line) or _CODE_LINE.search(line))
        ]
        text = "\n".join(lines)
    if _MAYBE_IDENTIFIER.search(text):
        text = _IDENTIFIER.sub(" ", _ARGUMENT.sub(" ", text))
    lowered = text.lower()
    if "lorem" in lowered and "ipsum" in lowered:
        text = _LOREM_WORD.sub(lambda m: " " if m.group().lower() in _LOREM else m.group(), text)
    return text


#: Words that make a message a request about code or data tooling (any of our languages).
_CODING_WORDS = re.compile(
    r"\b(?:python|javascript|typescript|java|kotlin|rust|golang|c\+\+|c#|php|ruby|sql|"
    r"sqlite|postgres(?:ql)?|mysql|regex|regexp|bash|powershell|shell script|csv|json|yaml|"
    r"xml|pandas|numpy|dataframe)\b",
    re.IGNORECASE,
)


# Every coding word above holds one of these, in lower case (substring tests are far cheaper).
_CODING_HINTS = (
    "python",
    "java",
    "script",
    "kotlin",
    "rust",
    "golang",
    "c+",
    "c#",
    "php",
    "ruby",
    "sql",
    "postgres",
    "regex",
    "bash",
    "shell",
    "csv",
    "json",
    "yaml",
    "xml",
    "pandas",
    "numpy",
    "dataframe",
)

#: An exception's type name ("I keep getting a ValueError"): the message is about a program.
_EXCEPTION_NAME = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b")


def asks_for_code(text: str) -> bool:
    """Whether a message is about code or data tooling ("a Python script that totals my CSV").

    Such a request is technical, as the labelling policy says, unless a rule finds a
    sensitive term in it: the caller decides that.
    """
    lowered = text.lower()
    if any(hint in lowered for hint in _CODING_HINTS) and _CODING_WORDS.search(text):
        return True
    if "Error" in text or "Exception" in text:
        return _EXCEPTION_NAME.search(text) is not None
    return False
