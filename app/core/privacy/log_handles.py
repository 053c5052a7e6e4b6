"""Usernames in pasted logs, shell prompts and settings, where their place says what they are.

* a shell prompt: ``tcosta@pc:~$``, ``hkoenig@server01:/var/www$``;
* a login log line in our languages: "… for user X from 10.0.0.5", "pour l'utilisateur X
  depuis 192.168.1.2", "logowanie użytkownika X z adresu 195.88.1.5";
* a setting named after a user: ``DB_USER=wp_shop``, ``SMTP_USERNAME: mailer01``;
* a web server's access log line: ``192.168.1.5 - rmatsumoto [8/4/2027] "POST /login"``.
"""

from __future__ import annotations

import re

_PROMPT = re.compile(
    r"(?m)^[ \t>]*(?:\([\w.-]+\)[ \t]*)?([A-Za-z_][\w.-]{0,31})@[\w.-]+:[~/][^\n]*?[$#]"
)
_LOGIN_LINE = re.compile(
    r"(?i:user|utilisateur|l'utilisateur|użytkownika|usuario|utente|gebruiker|benutzer|"
    r"usuário|utilizador)[ \t]+[\"'«“]?([\w][\w.-]{1,31}?)[\"'»”]?[ \t]+"
    # sshd also writes the address straight after the name ("authenticating user X 10.…")
    r"(?:(?i:from|depuis|de|desde|da|von|van|vanaf|z(?:[ \t]+adresu)?|do|dal)[ \t]+)?"
    r"(?:(?i:ip|host|adresse|address|l'adresse|l'ip)[ \t]+)?\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}"
)
# A web server's access log names the authenticated user after the client's address:
# "192.168.1.5 - rmatsumoto [8/4/2027] …", "2001:db8::5c22 - wangj [13/Nov/2025:…]".
_ACCESS_LOG = re.compile(
    r"(?:(?<![\w.:])\d{1,3}(?:\.\d{1,3}){3}|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})"
    r"[ \t]+-[ \t]+([A-Za-z_][\w.@-]{1,31})[ \t]+\["
)
_SETTING = re.compile(
    r"(?<![\w.])[A-Z][A-Z0-9]*_USER(?:NAME)?[ \t]*[=:][ \t]*[\"']?([A-Za-z_][\w.-]{1,31})"
)
_CUES = ("@", "user", "USER", "utilisateur", "użytkownika", "usuario", "utente", "gebruiker",
         "benutzer", "Benutzer", "usuário", "utilizador")  # fmt: skip


def log_handles(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The usernames of prompts, login lines and settings, where nothing else was found."""
    patterns = [_PROMPT, _LOGIN_LINE, _SETTING] if any(cue in text for cue in _CUES) else []
    if " - " in text and " [" in text:
        patterns.append(_ACCESS_LOG)
    if not patterns:
        return []
    out: list[tuple[str, int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if any(s < end and start < e and k != "PERSON" for k, s, e in (*taken, *out)):
                continue
            out.append(("USERNAME", start, end))
    return out
