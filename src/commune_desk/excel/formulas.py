"""Computing a simple spreadsheet formula saved without its result (a copy written by a
program that does not calculate): references to cells of the same sheet, numbers, + - * /,
parentheses and SUM over cells or ranges. Anything else is not computed (None), and the
caller names the cell instead of guessing.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable
from typing import Any

_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})")
_SUM = re.compile(r"SUM\(([^()]*)\)")
_LEFT = re.compile(r"^[\d.+\-*/() ]*$")  # what may remain once references are numbers
_OPS: dict[type, Callable[..., float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}

CellValue = Callable[[int, int], Any]  # (row, column) from 1 -> the cell's value


def column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def compute(formula: str, value_at: CellValue) -> float | None:
    """The value of a simple formula ("=B5+B6", "=SUM(B5:B7)/3"), or None when it is not one
    or a cell it reads holds no number."""
    text = formula.strip().removeprefix("=").upper().replace(";", ",")
    if len(text) > 200:
        return None

    def number(row: int, column: int) -> float:
        cell = value_at(row, column)
        if cell is None or cell == "":
            return 0.0  # an empty cell counts as 0, as in the spreadsheet
        if isinstance(cell, bool) or not isinstance(cell, int | float):
            raise ValueError(cell)
        return float(cell)

    def summed(match: re.Match[str]) -> str:
        total = 0.0
        for part in match.group(1).split(","):
            part = part.strip()
            span = _RANGE.fullmatch(part)
            if span:
                left, right = column_number(span[1]), column_number(span[3])
                top, bottom = int(span[2]), int(span[4])
                if (bottom - top + 1) * (right - left + 1) > 10_000:
                    raise ValueError(part)
                total += sum(
                    number(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)
                )
            elif _REF.fullmatch(part):
                ref = _REF.fullmatch(part)
                total += number(int(ref[2]), column_number(ref[1]))  # type: ignore[index]
            else:
                raise ValueError(part)
        return repr(total)

    try:
        text = _SUM.sub(summed, text)
        text = _REF.sub(lambda m: f"({number(int(m[2]), column_number(m[1]))!r})", text)
        if not _LEFT.match(text):
            return None
        return _evaluate(ast.parse(text, mode="eval").body)
    except (ValueError, SyntaxError, ZeroDivisionError, TypeError, RecursionError):
        return None


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.operand))
    raise ValueError(ast.dump(node))
