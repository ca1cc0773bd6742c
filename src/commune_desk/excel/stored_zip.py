"""A workbook's parts packed again without compression, for a reader in the same process.

The consolidation checks every part of a commune's file unpacked (workbook_guard); packing
exactly those bytes again, stored, hands the reader what was checked (never a second reading
of the zip that could disagree with the first) and spares it unpacking them again.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # 2.0: stored parts, folders
_UTF8 = 0x800  # the name is UTF-8
_DAY = 0x21  # 1 January 1980, the first day a zip can say
_MAX_BYTES = 0xFFFF_FFFF  # beyond: a zip64 archive, which this does not write
_MAX_PARTS = 0xFFFF


def stored_zip(parts: Mapping[str, tuple[bytes, int]]) -> bytes | None:
    """A zip of `parts` (name -> bytes and their CRC-32, in order), stored; None when it would
    need zip64."""
    if len(parts) >= _MAX_PARTS:
        return None
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, (data, crc) in parts.items():
        encoded = name.encode("utf-8")
        size = len(data)
        header = _LOCAL.pack(
            b"PK\x03\x04", _VERSION, _UTF8, 0, 0, _DAY, crc, size, size, len(encoded), 0
        )
        entry = _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, _VERSION, _UTF8, 0, 0, _DAY, crc, size, size,
            len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        directory.append(entry + encoded)
        chunks += (header, encoded, data)
        offset += len(header) + len(encoded) + size
        if offset > _MAX_BYTES:
            return None
    central = b"".join(directory)
    if offset + len(central) > _MAX_BYTES:
        return None
    end = _END.pack(b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), offset, 0)
    return b"".join(chunks) + central + end
