"""Passphrase-encrypted export files: Argon2id (or scrypt) and chunked AES-256-GCM.

Layout: the magic line ``CONFIDANT-EXPORT-ENCRYPTED`` and a newline, one JSON header line
(format version, KDF name, salt and parameters, chunk size, nonce prefix), then chunks of
``4-byte big-endian length || ciphertext+tag``. Each chunk's 12-byte nonce is the 7-byte
prefix, a 4-byte big-endian counter and a final-chunk flag byte, and the header line is the
associated data of every chunk. A reordered, dropped or truncated chunk, a changed header or a
wrong passphrase all fail authentication.
"""

from __future__ import annotations

import base64
import io
import json
import os
import struct
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.core import keys
from app.core.errors import InputError, WrongKey

MAGIC = b"CONFIDANT-EXPORT-ENCRYPTED\n"
CHUNK = 64 * 1024
_LENGTH = struct.Struct(">I")


def _nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + struct.pack(">IB", counter, 1 if final else 0)


class EncryptingWriter(io.RawIOBase):
    """A write-only, unseekable stream that encrypts everything written to ``sink``."""

    def __init__(self, sink: BinaryIO, passphrase: str) -> None:
        super().__init__()
        keys.validate_passphrase(passphrase)
        kdf = keys.new_kdf_params()  # the same KDF choice as passphrase mode
        self._aead = AESGCM(keys.derive_key(passphrase, kdf))
        self._prefix = os.urandom(7)
        header = {
            "format": "confidant-export-encrypted",
            "version": 1,
            "kdf": kdf,
            "aead": "AES-256-GCM",
            "chunk_size": CHUNK,
            "nonce_prefix": base64.b64encode(self._prefix).decode("ascii"),
        }
        self._header = json.dumps(header, sort_keys=True).encode("utf-8") + b"\n"
        self._sink = sink
        self._sink.write(MAGIC + self._header)
        self._buffer = bytearray()
        self._counter = 0
        self._finished = False

    def writable(self) -> bool:
        """Always."""
        return True

    def write(self, data: Any) -> int:
        """Buffer ``data`` and seal every full chunk."""
        view = bytes(data)
        self._buffer.extend(view)
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]
        return len(view)

    def _seal(self, plain: bytes, *, final: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._prefix, self._counter, final), plain, self._header)
        self._sink.write(_LENGTH.pack(len(sealed)) + sealed)
        self._counter += 1

    def finish(self) -> None:
        """Seal the last (possibly empty) chunk, marked final."""
        if not self._finished:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._finished = True


def is_encrypted(head: bytes) -> bool:
    """Whether a file starting with ``head`` is an encrypted export."""
    return head.startswith(MAGIC)


def decrypt(source: BinaryIO, passphrase: str | None, limit: int) -> bytes:
    """Decrypt a whole encrypted export into memory (at most ``limit`` bytes)."""
    if passphrase is None:
        raise InputError("This export is encrypted; give its passphrase (--passphrase-file).")
    if source.read(len(MAGIC)) != MAGIC:
        raise InputError("This is not an encrypted Confidant export.")
    header = source.readline(16 * 1024)
    try:
        meta = json.loads(header)
        if meta.get("version") != 1 or meta.get("aead") != "AES-256-GCM":
            raise InputError("This encrypted export has an unknown format version.")
        prefix = base64.b64decode(meta["nonce_prefix"])
        aead = AESGCM(keys.derive_key(passphrase, meta["kdf"]))
    except (ValueError, KeyError, TypeError):
        raise InputError("The encrypted export's header is damaged.") from None
    out = bytearray()
    counter = 0
    while True:
        raw_length = source.read(_LENGTH.size)
        if len(raw_length) < _LENGTH.size:
            raise InputError("The encrypted export is truncated.")
        (length,) = _LENGTH.unpack(raw_length)
        sealed = source.read(length)
        if len(sealed) != length or length > CHUNK + 64:
            raise InputError("The encrypted export is truncated or damaged.")
        for final in (False, True):
            try:
                plain = aead.decrypt(_nonce(prefix, counter, final), sealed, header)
            except InvalidTag:
                continue
            break
        else:
            if counter == 0:
                raise WrongKey("The passphrase is wrong, or the file was changed.")
            raise InputError("The encrypted export was changed or damaged.")
        out.extend(plain)
        if len(out) > limit:
            raise InputError("The encrypted export is larger than Confidant imports.")
        counter += 1
        if final:
            if source.read(1):
                raise InputError("The encrypted export has data after its end.")
            return bytes(out)
