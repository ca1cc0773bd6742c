"""Printing results on standard output: aligned tables, shortened cells, JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right_from: int = 99
) -> None:
    """Print `rows` under `headers` in aligned columns; columns from `right_from` on align right."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i >= right_from else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def short(text: str | None, width: int = 40) -> str:
    """`text` cut to `width` characters with an ellipsis; a dash for nothing."""
    if text is None:
        return "—"
    return text if len(text) <= width else text[: width - 1] + "…"


def print_json(payload: object) -> None:
    """Print `payload` as indented JSON, Vietnamese letters kept as they are."""
    print(json.dumps(payload, ensure_ascii=False, indent=2))
