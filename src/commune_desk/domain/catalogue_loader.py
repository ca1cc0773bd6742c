"""Reading and checking a catalogue file: TOML in, a :class:`Catalogue` out.

tomllib gives no positions, so :class:`_Locator` finds the line of a table or key for the
messages of :class:`CatalogueError`. The catalogue's objects live in
:mod:`commune_desk.domain.catalogue`, which knows nothing of files. Stdlib only.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from commune_desk.domain.catalogue import (
    CODE_RE,
    Agg,
    Catalogue,
    CatalogueError,
    ChartFigures,
    Checks,
    Element,
    Formula,
    Indicator,
    Rule,
    Section,
    Source,
)


def load_catalogue(path: str | os.PathLike[str]) -> Catalogue:
    """Read a catalogue file (UTF-8, with or without BOM); its file name names it in errors."""
    with open(path, "rb") as handle:
        raw = handle.read()
    name = os.path.basename(os.fspath(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogueError(name, None, f"tệp không phải văn bản UTF-8 ({exc.reason})") from exc
    return parse_catalogue(text, name)


def parse_catalogue(text: str, source: str = "catalogue.toml") -> Catalogue:
    """Parse and check the text of a catalogue; raise CatalogueError naming the faulty line."""
    return _Loader(text.removeprefix("\ufeff"), source).load()


_HEADER_RE = re.compile(r"\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_NOUNS = {"section": "phần", "element": "chỉ tiêu", "indicator": "chỉ số", "rule": "quy tắc"}
# [charts]: key -> (a list of codes?, must they be indicators?)
_CHART_KEYS = {
    "indicators": (True, True), "support_total": (False, False), "support": (True, False),
    "online": (False, True), "coverage_total": (False, False), "coverage": (True, False),
    "training_total": (False, False), "training": (True, False),
}  # fmt: skip
PERCENT = "%"
# Field -> converter (a _Loader method "to_<name>"); "!" marks a required field.
_FIELDS: dict[str, dict[str, str]] = {
    "section": {"key": "code!", "numeral": "text!", "title": "text!"},
    "element": {
        "code": "code!", "label": "text!", "unit": "text!", "section": "section!", "agg": "agg!",
        "source": "source!", "required": "bool", "parent": "code", "description": "text",
        "targets": "targets", "whole": "bool", "short_label": "text",
    },
    "indicator": {
        "code": "code!", "label": "text!", "unit": "text!", "section": "section!",
        "numerator": "formula!", "denominator": "formula!", "factor": "factor",
        "targets": "targets", "short_label": "text",
    },
    "rule": {"id": "code!", "check": "check!", "message": "text!", "message_en": "text"},
}  # fmt: skip


def _show(value: object) -> str:
    """A value as it is written in TOML, for messages."""
    if isinstance(value, bool):
        return str(value).lower()
    return f'"{value}"' if isinstance(value, str) else str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class _Locator:
    """Finds the line of a table, or of a key inside a table: tomllib gives no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.blocks: dict[str, list[list[int]]] = {"": [[1, len(self.lines) + 1]]}
        current, array, in_string = self.blocks[""][0], "", ""
        for number, line in enumerate(self.lines, 1):
            if in_string:  # inside a multi-line string: no table header can start here
                in_string = "" if line.count(in_string) % 2 else in_string
                continue
            match = _HEADER_RE.match(line)
            if not match:
                in_string = next((q for q in ('"""', "'''") if line.count(q) % 2), "")
                continue
            name = re.sub(r"[\s\"']", "", match.group(2))
            if array and name.startswith(array + "."):
                continue  # sub-table of the current array item, e.g. [indicator.targets]
            array = name if match.group(1) == "[[" else ""
            current[1] = number
            current = [number, len(self.lines) + 1]
            self.blocks.setdefault(name, []).append(current)

    def line(self, table: str, index: int = 0, key: str | None = None) -> int | None:
        """Line of ``key`` in the index-th [table] or [[table]] (of its header if not found)."""
        blocks = self.blocks.get(table, [])
        if index >= len(blocks):
            return None
        start, end = blocks[index]
        k, t = re.escape(key or ""), re.escape(table)
        pattern = re.compile(rf"\s*(?:{k}|\"{k}\"|'{k}')\s*[=.]|\s*\[\s*{t}\s*\.\s*{k}\s*\]")
        found = (n for n in range(start, end) if key and pattern.match(self.lines[n - 1]))
        return next(found, start)


class _Loader:
    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source
        self.locator = _Locator(text)
        self.where: tuple[str, int] = ("", 0)  # the table that errors point at
        self.sections: dict[str, Any] = {}

    def fail(self, key: str | None, problem: str) -> CatalogueError:
        return CatalogueError(self.source, self.locator.line(*self.where, key), problem)

    def load(self) -> Catalogue:
        try:
            data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            detail = re.sub(r"\s*\(at .*?\)", "", str(exc))
            line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
            line = line or len(self.locator.lines) or None  # "at end of document"
            where = f", cột {found.group(2)}" if found else ""
            raise CatalogueError(self.source, line, f"sai cú pháp TOML ({detail}{where})") from exc
        for key in data:
            if key not in {"catalogue", "checks", "vocab", "charts", *_FIELDS}:
                raise CatalogueError(self.source, None, f'bảng "{key}" không được hỗ trợ')
        head = self.table(data, "catalogue")
        for key in ("version", "title"):
            if not isinstance(head.get(key), str) or not head[key].strip():
                raise self.fail(key, f'[catalogue] cần "{key}" là chuỗi ký tự không rỗng')
        sections = self.read_all(data, "section")
        self.unique([(("section", i), s["key"]) for i, s in enumerate(sections)], "key", "phần")
        self.sections = {s["key"]: s for s in sections}  # in their order
        elements, indicators = self.read_all(data, "element"), self.read_all(data, "indicator")
        if not elements:
            raise CatalogueError(self.source, None, "danh mục không có chỉ tiêu nào ([[element]])")
        items = [(("element", i), e["code"]) for i, e in enumerate(elements)]
        items += [(("indicator", i), x["code"]) for i, x in enumerate(indicators)]
        self.unique(sorted(items, key=lambda it: self.locator.line(*it[0]) or 0), "code", "mã")
        by_code = {e["code"]: e for e in elements}
        for index, element in enumerate(elements):
            element.setdefault("required", element["source"] is Source.ENTRY)
            self.check_parent(index, element, by_code)
        for index, ind in enumerate(indicators):
            for key in ("numerator", "denominator"):
                self.check_codes(("indicator", index), ind, key, ind[key].codes, by_code)
        rules = self.read_all(data, "rule")
        for index, rule in enumerate(rules):
            rule["left"], rule["op"], rule["right"] = rule.pop("check")
            codes = rule["left"].codes + rule["right"].codes
            self.check_codes(("rule", index), rule, "check", codes, by_code)
        self.unique([(("rule", i), r["id"]) for i, r in enumerate(rules)], "id", "mã quy tắc")
        return Catalogue(
            version=head["version"],
            title=head["title"],
            sections=tuple(Section(**s) for s in sections),
            elements=tuple(Element(**e) for e in elements),
            indicators=tuple(Indicator(**x) for x in indicators),
            rules=tuple(Rule(**r) for r in rules),
            checks=self.checks(data),
            vocab=self.vocab(data),
            charts=self.charts(data, by_code, {x["code"]: x for x in indicators}),
        )

    def table(self, data: Mapping[str, Any], name: str) -> dict[str, Any]:
        self.where, value = (name, 0), data.get(name, {})
        if not isinstance(value, dict):
            raise CatalogueError(self.source, None, f'"{name}" phải là một bảng [{name}]')
        return value

    @staticmethod
    def what(kind: str, index: int, raw: Mapping[str, Any]) -> str:
        name = raw.get("key") or raw.get("code") or raw.get("id")
        return (
            f'{_NOUNS[kind]} "{name}"'
            if isinstance(name, str)
            else f"{_NOUNS[kind]} thứ {index + 1}"
        )

    def read_all(self, data: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
        """Check and convert the fields of every [[kind]] table."""
        raws, spec, result = data.get(kind, []), _FIELDS[kind], []
        if not isinstance(raws, list) or not all(isinstance(r, dict) for r in raws):
            self.where = (kind, 0)
            raise self.fail(None, f"các {_NOUNS[kind]} phải được khai báo bằng [[{kind}]]")
        for index, raw in enumerate(raws):
            self.where, what = (kind, index), self.what(kind, index, raw)
            for key in raw:
                if key not in spec:
                    raise self.fail(key, f'{what}: trường "{key}" không được hỗ trợ')
            missing = [k for k, conv in spec.items() if conv.endswith("!") and k not in raw]
            if missing:
                raise self.fail(None, f'{what} thiếu trường bắt buộc "{missing[0]}"')
            fields: dict[str, Any] = {}
            for key, value in raw.items():
                try:
                    fields[key] = getattr(self, "to_" + spec[key].rstrip("!"))(value)
                except ValueError as exc:
                    raise self.fail(key, f'{what}: trường "{key}" không hợp lệ: {exc}') from exc
            result.append(fields)
        return result

    # -- converters: return the value to store, or raise ValueError with the reason

    def to_text(self, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("cần một chuỗi ký tự không rỗng")
        return value

    def to_code(self, value: Any) -> str:
        if not CODE_RE.fullmatch(self.to_text(value)):
            raise ValueError(f'mã "{value}" chỉ được dùng chữ, số, "_" và dấu chấm')
        return value

    def to_section(self, value: Any) -> str:
        if not isinstance(value, str) or value not in self.sections:
            raise ValueError(f"phần {_show(value)} chưa được khai báo trong [[section]]")
        return value

    def to_agg(self, value: Any) -> Agg:
        if value not in ("sum", "last"):
            raise ValueError(f'cách tổng hợp {_show(value)} không có (chỉ nhận "sum" hoặc "last")')
        return Agg(value)

    def to_source(self, value: Any) -> Source:
        if value not in ("entry", "records"):
            raise ValueError(
                f'nguồn số liệu {_show(value)} không có (chỉ nhận "entry" hoặc "records")'
            )
        return Source(value)

    def to_bool(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError("cần true hoặc false")
        return value

    def to_factor(self, value: Any) -> float:
        if not _is_number(value) or value <= 0:
            raise ValueError(f"hệ số {_show(value)} phải là một số dương")
        return float(value)

    def to_formula(self, value: Any) -> Formula:
        return Formula.parse(value)

    def to_check(self, value: Any) -> tuple[Formula, str, Formula]:
        return Rule.parse_check(value)

    def to_targets(self, value: Any) -> dict[int, float]:
        if not isinstance(value, dict):
            raise ValueError("cần một bảng { năm = số }")
        for year, target in value.items():
            if not re.fullmatch(r"\d{4}", year):
                raise ValueError(f'"{year}" không phải là một năm (số nguyên 4 chữ số)')
            if not _is_number(target):
                raise ValueError(f"mục tiêu năm {year} phải là một số (đang là {_show(target)})")
        return {int(year): float(target) for year, target in value.items()}

    # -- cross-checks

    def unique(self, items: list[tuple[tuple[str, int], str]], key: str, noun: str) -> None:
        """Refuse a name declared twice, pointing at the second declaration."""
        seen: dict[str, int | None] = {}
        for where, name in items:
            self.where = where
            if name in seen:
                raise self.fail(key, f'{noun} "{name}" bị trùng (đã khai báo ở dòng {seen[name]})')
            seen[name] = self.locator.line(*where, key)

    def check_parent(self, index: int, element: dict[str, Any], by_code: dict[str, Any]) -> None:
        self.where, seen, parent = ("element", index), {element["code"]}, element.get("parent")
        while parent is not None:
            if parent not in by_code or parent in seen:
                problem = "tạo thành vòng lặp" if parent in seen else "không có trong danh mục"
                code = element["code"]
                raise self.fail("parent", f'chỉ tiêu "{code}": chỉ tiêu cha "{parent}" {problem}')
            seen.add(parent)
            parent = by_code[parent].get("parent")

    def check_codes(
        self,
        where: tuple[str, int],
        raw: dict[str, Any],
        key: str,
        codes: tuple[str, ...],
        by_code: Mapping[str, Any],
    ) -> None:
        self.where = where
        for code in codes:
            if code not in by_code:
                what = self.what(*where, raw)
                problem = f'mã "{code}" không có trong danh mục chỉ tiêu ([[element]])'
                raise self.fail(key, f'{what}: trường "{key}" dùng {problem}')

    def checks(self, data: Mapping[str, Any]) -> Checks:
        raw, values = self.table(data, "checks"), dict(vars(Checks()))
        for key, value in raw.items():
            whole = key != "outlier_factor"
            if key not in values:
                raise self.fail(key, f'[checks]: tham số "{key}" không được hỗ trợ')
            if not _is_number(value) or (whole and not isinstance(value, int)):
                raise self.fail(key, f'[checks]: "{key}" phải là một số{" nguyên" * whole}')
            values[key] = value
        if not values["outlier_factor"] > 1:
            raise self.fail("outlier_factor", "[checks]: outlier_factor phải lớn hơn 1")
        if not 1 <= values["outlier_min_months"] <= values["outlier_window"]:
            raise self.fail("outlier_min_months", "[checks]: cần 1 ≤ outlier_min_months ≤ window")
        return Checks(**values)

    def vocab(self, data: Mapping[str, Any]) -> dict[str, dict[str, str]]:
        result = {}
        for name, table in self.table(data, "vocab").items():
            self.where = (f"vocab.{name}", 0)
            if not isinstance(table, dict) or not all(
                isinstance(label, str) and label.strip() for label in table.values()
            ):
                raise self.fail(None, f'[vocab.{name}] phải là một bảng mã = "nhãn không rỗng"')
            result[name] = dict(table)
        return result

    def charts(
        self,
        data: Mapping[str, Any],
        elements: Mapping[str, Any],
        indicators: Mapping[str, Any],
    ) -> ChartFigures:
        """The [charts] table; without `indicators`, every indicator in %, in catalogue order."""
        raw, values = self.table(data, "charts"), {}
        for key, value in raw.items():
            if key not in _CHART_KEYS:
                raise self.fail(key, f'[charts]: khóa "{key}" không được hỗ trợ')
            many, only_indicators = _CHART_KEYS[key]
            codes = value if many else [value]
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                shape = "một danh sách mã" if many else "một mã"
                raise self.fail(key, f'[charts]: "{key}" phải là {shape} (chuỗi ký tự)')
            known = indicators if only_indicators else {**elements, **indicators}
            for code in codes:
                if code not in known:
                    what = "chỉ số ([[indicator]])" if only_indicators else "danh mục"
                    raise self.fail(
                        key, f'[charts]: "{key}" dùng mã "{code}" không có trong {what}'
                    )
            values[key] = tuple(codes) if many else value
        if "indicators" not in values:
            values["indicators"] = tuple(
                code
                for section in self.sections
                for code, x in indicators.items()
                if x["section"] == section and x["unit"] == PERCENT
            )
        return ChartFigures(**values)
