"""The ``source.sha256`` of a record: SHA-256 of the input's bytes, as hex.

``hashlib`` loads OpenSSL to offer every algorithm, about 2.5 ms of a start that
``validate`` wants near 100 ms; the interpreter ships its own SHA-256 module, which gives
the same digest (a test holds it to ``hashlib``'s) and loads in a fraction of that. On an
interpreter built without it, ``hashlib`` does the work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_sha256: Callable[[bytes], Any]
try:
    from _sha2 import sha256 as _sha256  # type: ignore[import-not-found,no-redef]  # 3.12+
except ImportError:
    try:
        from _sha256 import sha256 as _sha256  # type: ignore[import-not-found,no-redef]  # 3.11
    except ImportError:  # pragma: no cover - an interpreter without its own SHA-256
        from hashlib import sha256 as _sha256

__all__ = ["sha256_hex"]


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in lower-case hex."""
    digest: str = _sha256(data).hexdigest()
    return digest
