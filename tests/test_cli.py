"""Tests for the CLI contract (DESIGN.md §6), run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from app import __version__
from tests.helpers.files import run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"confidant {__version__}"


def test_bad_usage_is_one_line_and_exit_2(profile_dir: Path) -> None:
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("confidant: ")


def test_empty_prompt_is_input_error(profile_dir: Path) -> None:
    result = run_cli("chat", "   ")
    assert result.returncode == 2
    assert result.stderr.strip() == "confidant: The prompt is empty."
    assert not (profile_dir / "confidant.db").exists()


def test_doctor_json_on_a_fresh_profile(profile_dir: Path) -> None:
    result = run_cli("doctor", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["keyring_backend"] == "keyring.backends.SecretService.Keyring"
    assert report["keyring_secure"] is True
    assert report["sqlcipher_version"].startswith("4.")
    assert report["store_exists"] is False
    assert {c["name"] for c in report["checks"]} >= {"sqlcipher", "keyring", "permissions"}


def test_chat_replies_and_stores_nothing_without_consent(profile_dir: Path) -> None:
    result = run_cli("chat", "What is a good name for a sailing boat?")
    assert result.returncode == 0, result.stderr
    assert "Offline demo" in result.stdout
    assert "[Not saved]" in result.stderr

    doctor = run_cli("doctor", "--json")
    assert doctor.returncode == 0, doctor.stdout
    report = json.loads(doctor.stdout)
    assert report["store_exists"] is True
    assert report["schema_version"] == report["code_schema_version"]
    assert [c for c in report["checks"] if not c["ok"]] == []

    from app.core.service import Confidant

    service = Confidant(profile_dir)
    service.open()
    try:
        assert service.database.query("SELECT count(*) FROM messages") == [(0,)]
        assert service.database.query("SELECT count(*) FROM conversations") == [(0,)]
    finally:
        service.close()


def test_temporary_chat(profile_dir: Path) -> None:
    result = run_cli("chat", "--temporary", "hello")
    assert result.returncode == 0
    assert "[Temporary]" in result.stderr


def test_doctor_text_output(profile_dir: Path) -> None:
    result = run_cli("doctor")
    assert result.returncode == 0
    assert all(line.startswith("ok") for line in result.stdout.strip().splitlines())


def test_consent_show_grant_withdraw(profile_dir: Path) -> None:
    shown = run_cli("consent", "show")
    assert shown.returncode == 0
    assert shown.stdout.count("not granted") == 3

    refused = run_cli("consent", "grant", "store_conversations")  # stdin is not a terminal
    assert refused.returncode == 2
    assert "Keep my conversations" in refused.stdout
    assert "--yes" in refused.stderr
    assert run_cli("consent", "show").stdout.count("not granted") == 3

    granted = run_cli("consent", "grant", "store_conversations", "--yes")
    assert granted.returncode == 0, granted.stderr
    assert "Granted store_conversations (receipt " in granted.stdout
    assert "store_conversations: granted" in run_cli("consent", "show").stdout

    assert run_cli("chat", "remember the blue heron").returncode == 0
    listed = run_cli("conversations", "list", "--json")
    assert [c["title"] for c in json.loads(listed.stdout)] == ["remember the blue heron"]
    found = run_cli("conversations", "search", "heron", "--json")
    assert len(json.loads(found.stdout)) == 1
    assert "heron" in run_cli("conversations", "search", "heron").stdout

    withdrawn = run_cli("consent", "withdraw", "store_conversations", "--delete-history")
    assert withdrawn.returncode == 0
    assert "Deleted 1 stored conversations." in withdrawn.stdout
    assert json.loads(run_cli("conversations", "list", "--json").stdout) == []


def test_unknown_scope_is_one_line_exit_2(profile_dir: Path) -> None:
    result = run_cli("consent", "grant", "everything", "--yes")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Unknown consent scope" in result.stderr


def test_upstream_configure_status_send(profile_dir: Path) -> None:
    from tests.helpers.collector import running_collector

    with running_collector() as collector:
        unconfigured = run_cli("upstream", "send")
        assert unconfigured.returncode == 2
        assert "No collector is configured" in unconfigured.stderr
        configured = run_cli(
            "upstream",
            "configure",
            "--url",
            collector.url,
            "--collector-key",
            collector.collector_key_b64,
            "--notice-key",
            collector.notice_key_b64,
        )
        assert configured.returncode == 0, configured.stderr
        assert run_cli("consent", "grant", "share_for_training", "--yes").returncode == 0
        assert run_cli("chat", "Which fern grows best in shade? I am Zebulon.").returncode == 0
        status = json.loads(run_cli("upstream", "status", "--json").stdout)
        assert status["outbox"] == {"review": 1, "approved": 0}
        assert status["consents"]["share_for_training"] is True
        assert run_cli("upstream", "send").stdout.startswith("sent 0,")  # awaits review
        assert collector.request_count() == 0
        sent = run_cli("upstream", "send", "--approve-all")
        assert sent.stdout.startswith("sent 1,"), sent.stdout + sent.stderr
        (payload,) = collector.received.items.values()
        assert "Zebulon" not in payload["text"] and "fern" in payload["text"]
        status = json.loads(run_cli("upstream", "status", "--json").stdout)
        assert status["last_send_at"] is not None
        withdrawn = run_cli("consent", "withdraw", "share_for_training")
        assert withdrawn.returncode == 0
        assert json.loads(run_cli("upstream", "status", "--json").stdout)["pending_deletions"] == 1
        run_cli("upstream", "send")
        assert len(collector.received.deletion_requests) == 1


def test_bad_collector_key_is_input_error(profile_dir: Path) -> None:
    result = run_cli(
        "upstream", "configure", "--url", "https://collector.example", "--collector-key", "abc"
    )
    assert result.returncode == 2
    assert "collector key" in result.stderr


def test_plain_http_to_a_remote_host_is_refused(profile_dir: Path) -> None:
    from tests.helpers.collector import Collector

    key = Collector().collector_key_b64
    result = run_cli(
        "upstream", "configure", "--url", "http://collector.example", "--collector-key", key
    )
    assert result.returncode == 2
    assert "Only https" in result.stderr


def test_export_import_delete_forget_me(profile_dir: Path, tmp_path: Path) -> None:
    assert run_cli("consent", "grant", "store_conversations", "--yes").returncode == 0
    assert run_cli("chat", "how do lighthouses work").returncode == 0
    out = tmp_path / "mine.json"
    exported = run_cli("export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Exported 1 conversations (2 messages)" in exported.stdout
    assert "not encrypted" in exported.stderr
    secret = tmp_path / "pass.txt"
    secret.write_text("a long export passphrase\n")
    sealed = run_cli(
        "export", "--out", str(tmp_path / "mine.enc"), "--passphrase-file", str(secret)
    )
    assert sealed.returncode == 0 and "not encrypted" not in sealed.stderr

    refused = run_cli("delete", "--all")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run_cli("delete", "--all", "--yes").stdout.strip() == "Deleted 1 conversations."
    imported = run_cli("import", str(tmp_path / "mine.enc"), "--passphrase-file", str(secret))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 1 conversation (2 messages) from Confidant." in imported.stdout
    assert "--delete-originals" not in imported.stdout, "a backup is never offered for deletion"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    failed = run_cli("import", str(bad))
    assert failed.returncode == 2
    assert len(failed.stderr.strip().splitlines()) == 1 and "not valid JSON" in failed.stderr

    assert run_cli("forget-me").returncode == 2
    forgotten = run_cli("forget-me", "--yes")
    assert forgotten.returncode == 0, forgotten.stderr
    receipt = json.loads(forgotten.stdout)
    assert receipt["deleted"]["conversations"] == 1
    assert "lighthouses" not in forgotten.stdout
    assert not profile_dir.exists()


def test_child_mode_cli(profile_dir: Path, tmp_path: Path) -> None:
    pin = tmp_path / "pin.txt"
    pin.write_text("735184\n")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("000000\n")
    assert run_cli("child-mode", "enable").returncode == 2  # no PIN file and no terminal
    enabled = run_cli("child-mode", "enable", "--pin-file", str(pin))
    assert enabled.returncode == 0, enabled.stderr
    assert "child mode: on" in run_cli("child-mode", "status").stdout

    blocked = run_cli("consent", "grant", "store_conversations", "--yes")
    assert blocked.returncode == 1
    assert blocked.stderr.strip().splitlines() == [
        "confidant: Child mode is on: changing consent needs the guardian's PIN. "
        "Ask your parent or guardian."
    ]
    allowed = run_cli("consent", "grant", "store_conversations", "--yes", "--pin-file", str(pin))
    assert allowed.returncode == 0, allowed.stderr
    assert run_cli("chat", "hello").returncode == 0
    listed = json.loads(run_cli("conversations", "list", "--json").stdout)
    assert listed == []  # child mode stores nothing, consent or not

    refused = run_cli("child-mode", "disable", "--pin-file", str(wrong))
    assert refused.returncode == 1 and "wrong" in refused.stderr
    assert run_cli("child-mode", "disable", "--pin-file", str(pin)).returncode == 0
    assert "child mode: off" in run_cli("child-mode", "status").stdout


def test_provider_show_on_a_fresh_profile_is_the_offline_demo(profile_dir: Path) -> None:
    result = run_cli("provider", "show", "--json")
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert state["name"] == "offline" and state["local"] is True
    assert state["private_prompts"] is True and state["has_api_key"] is False


def test_provider_set_refuses_bad_input_in_one_line(profile_dir: Path, tmp_path: Path) -> None:
    unknown = run_cli("provider", "set", "chatgpt")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("confidant: There is no provider called 'chatgpt'")
    plain_http = run_cli("provider", "set", "openai_compat", "--base-url", "http://example.com/v1")
    assert plain_http.returncode == 2
    assert plain_http.stderr == (
        "confidant: Only https URLs are allowed (plain http only to this computer).\n"
    )
    missing = run_cli("provider", "set", "anthropic", "--api-key-file", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "Could not read" in missing.stderr
