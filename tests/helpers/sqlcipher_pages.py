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
