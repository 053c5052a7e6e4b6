"""Decrypts every page of a SQLCipher 4 database file with its raw key, free pages included.

SQLCipher 4 defaults: 4096-byte pages, AES-256-CBC with the raw key, 80 reserved bytes per
page (a 16-byte IV, then a 64-byte HMAC-SHA512); the first 16 bytes of page 1 are the salt.
Reading the file this way sees what no SQL query can: free pages and stale cell content.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
IV = 16


def decrypted_pages(path: Path, key: bytes) -> list[bytes]:
    """The plaintext of every page in the file."""
    data = path.read_bytes()
    pages = []
    for number, start in enumerate(range(0, len(data), PAGE), start=1):
        page = data[start : start + PAGE]
        offset = 16 if number == 1 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + IV]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        body = decryptor.update(page[offset : PAGE - RESERVE]) + decryptor.finalize()
        pages.append(bytes(offset) + body)
    return pages


def looks_decrypted(first_page: bytes) -> bool:
    """Whether page 1 decrypted to a real SQLite header (page size 4096, payload fractions)."""
    return first_page[16:18] == b"\x10\x00" and first_page[21:24] == b"\x40\x20\x20"


WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(page: bytes, key: bytes, number: int) -> bytes:
    """The plaintext of one encrypted page (``number`` 1 keeps its 16-byte salt unread)."""
    offset = 16 if number == 1 else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + IV]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    body = decryptor.update(page[offset : PAGE - RESERVE]) + decryptor.finalize()
    return bytes(offset) + body


def decrypted_wal_frames(wal: Path, key: bytes) -> list[bytes]:
    """The plaintext of every page image in a WAL file (committed or not, old or new)."""
    if not wal.exists():
        return []
    data = wal.read_bytes()
    frames = []
    start = WAL_HEADER
    while start + FRAME_HEADER + PAGE <= len(data):
        number = int.from_bytes(data[start : start + 4], "big")
        page = data[start + FRAME_HEADER : start + FRAME_HEADER + PAGE]
        if number:
            frames.append(decrypt_page(page, key, number))
        start += FRAME_HEADER + PAGE
    return frames


def plaintext_everywhere(database: Path, key: bytes) -> list[bytes]:
    """Every decrypted page of the database file and of its WAL: all an attacker could read."""
    pages = decrypted_pages(database, key) if database.exists() else []
    return pages + decrypted_wal_frames(Path(f"{database}-wal"), key)


def residual_words(database: Path, key: bytes, words: list[str]) -> list[str]:
    """The words (lower- and original-case, as FTS5 stores them lowered) still readable."""
    blob = b"\n".join(plaintext_everywhere(database, key))
    return [w for w in words if w.encode() in blob or w.lower().encode() in blob]
