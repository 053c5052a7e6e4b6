from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from app.core.errors import InputError
from app.core.privacy.jsonl import anonymize_stream, classify_stream
from tests.core.privacy.corpus import ROOT


def run(stream, text: str) -> list[dict]:
    out = io.StringIO()
    stream(io.StringIO(text), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_anonymize_writes_one_line_per_record_in_order():
    lines = [
        {"id": "a", "text": "Mail anna@example.org"},
        {"id": 2, "text": "nothing here"},
        {"id": None, "text": ""},
    ]
    out = run(anonymize_stream, "".join(json.dumps(x) + "\n" for x in lines))
    assert out == [
        {"id": "a", "text": "Mail [EMAIL]", "entities": [{"type": "EMAIL", "start": 5, "end": 21}]},
        {"id": 2, "text": "nothing here", "entities": []},
        {"id": None, "text": "", "entities": []},
    ]


def test_classify_writes_sensitive_and_categories():
    text = '{"id": 1, "text": "I have 20k of debt and feel depressed"}\n{"id": 2, "text": "hi"}\n'
    assert run(classify_stream, text) == [
        {"id": 1, "sensitive": True, "categories": ["mental_health", "finances"]},
        {"id": 2, "sensitive": False, "categories": []},
    ]


def test_non_ascii_text_is_written_as_is():
    out = run(anonymize_stream, '{"id": 1, "text": "Grüße von Zoë"}\n')
    assert out[0]["text"] == "Grüße von [PERSON]"


@pytest.mark.parametrize(
    ("stream", "text", "message"),
    [
        (
            anonymize_stream,
            '{"id": 1, "text": "ok"}\n{"id": 2, "text": \n',
            "Line 2 is not valid JSON",
        ),
        (classify_stream, "\n[1, 2]\n", "Line 2 is not a JSON object"),
        (anonymize_stream, '{"id": 1}\n', 'Line 1 has no "text" string'),
        (classify_stream, '{"id": 1, "text": 5}\n', 'Line 1 has no "text" string'),
    ],
)
def test_bad_input_names_the_line(stream, text, message):
    with pytest.raises(InputError, match=message):
        run(stream, text)


def test_the_cli_reports_bad_json_in_one_line_and_exits_2():
    result = subprocess.run(
        [sys.executable, "-m", "app", "anonymize", "--jsonl"],
        input='{"id": 1, "text": "call 0151 23456789"}\nnot json\n{"id": 3, "text": "x"}\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "confidant: Line 2 is not valid JSON (Expecting value)."
    ]
    assert json.loads(result.stdout)["text"] == "call [PHONE]"


def test_the_stream_commands_import_nothing_heavy():
    probe = (
        "import io, sys\n"
        "from app.cli import main\n"
        'sys.stdin = io.StringIO(\'{"id": 1, "text": "Anna, 0151 23456789"}\\n\')\n'
        "main(['anonymize', '--jsonl'])\n"
        'sys.stdin = io.StringIO(\'{"id": 1, "text": "my debt"}\\n\')\n'
        "main(['classify', '--jsonl'])\n"
        "heavy = ('sqlcipher3', 'keyring', 'cryptography', 'PySide6', 'app.core.service',"
        " 'app.core.store')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_python_m_app_runs_the_filters_without_loading_the_cli():
    # The same command as through app.cli (output, error line, exit status), started faster.
    probe = (
        "import io, runpy, sys\n"
        "sys.argv = ['app', 'anonymize', '--jsonl']\n"
        'sys.stdin = io.StringIO(\'{"id": 1, "text": "Anna, 0151 23456789"}\\nnot json\\n\')\n'
        "try:\n"
        "    runpy.run_module('app', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print(sorted(m for m in ('app.cli', 'argparse', 'logging') if m in sys.modules))\n"
    )
    fast = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    out = fast.stdout.splitlines()
    assert out[-2:] == ["exit 2", "[]"]
    through_cli = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
        + ["anonymize", "--jsonl"],
        input='{"id": 1, "text": "Anna, 0151 23456789"}\nnot json\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert through_cli.returncode == 2
    assert out[:-2] == through_cli.stdout.splitlines()
    assert (
        fast.stderr
        == through_cli.stderr
        == ("confidant: Line 2 is not valid JSON (Expecting value).\n")
    )


def test_anonymize_lines_are_exactly_the_compact_json_of_the_result():
    # The filter writes its lines without building dictionaries; they must be, character for
    # character, what json writes for {"id", "text", "entities"}.
    from app.core.privacy.anonymize import redact

    records = [
        ('a"b\\c', 'Mail "anna@example.org"\tor call 0151 23456789\\n'),
        (7, "Grüße von Zoë Weber, Tel. +49 30 1234567 \u2028 \x01"),
        (1.5, "nothing here"),
        (None, ""),
        ([1, "x"], "Anna Kowalska, ul. Długa 5, 00-238 Warszawa"),
        ({"k": "v"}, "IBAN DE89 3704 0044 0532 0130 00"),
        (True, "😀 Jan"),
    ]
    text = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records)
    out = io.StringIO()
    anonymize_stream(io.StringIO(text), out)
    expected = []
    for ident, value in records:
        result = redact(value)
        entities = [e.to_dict() for e in result.entities]
        line = {"id": ident, "text": result.text, "entities": entities}
        expected.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
    assert out.getvalue().split("\n") == [*expected, ""]
    assert any(json.loads(line)["entities"] for line in expected)
