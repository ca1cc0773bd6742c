"""Helpers of the report tests: the demo database built once, LibreOffice, workbook checks."""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.support.common import CATALOGUE, FIXED_NOW

_demo: list[Path] = []


def demo_copy(folder: Path) -> Path:
    """A copy of the demo commune's database (built once per test session) in `folder`."""
    from commune_desk.demo import build_demo
    from commune_desk.services.context import Actor
    from commune_desk.services.setup import open_database

    if not _demo:
        home = Path(tempfile.mkdtemp(prefix="commune-desk-demo-"))
        atexit.register(shutil.rmtree, home, True)
        db = open_database(home / "demo.sqlite3", CATALOGUE, Actor("demo", "system"))
        db.context.clock = lambda: FIXED_NOW
        build_demo(db.context)
        db.close()
        _demo.append(home / "demo.sqlite3")
    target = folder / "demo.sqlite3"
    shutil.copy(_demo[0], target)
    return target


@contextmanager
def opened_at(path: Path, role: str = "officer", user: str = "tester") -> Iterator[Any]:
    """A service context on an existing database file, acting as `user` with `role`."""
    from commune_desk.services.context import Actor
    from commune_desk.services.setup import open_database

    db = open_database(path, CATALOGUE, Actor(user, role))
    db.context.clock = lambda: FIXED_NOW
    try:
        yield db.context
    finally:
        db.close()


def soffice_to_pdf(files: list[Path], folder: Path) -> dict[Path, Path]:
    """Convert workbooks with LibreOffice Calc (headless), in one run; PDF path per file."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH; CI installs libreoffice-calc-nogui")
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(f) for f in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdfs = {f: folder / f"{f.stem}.pdf" for f in files}
    missing = [f.name for f, pdf in pdfs.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout} {result.stderr}"
    return pdfs


def pdf_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def pdf_text(pdf: Path) -> str | None:
    """The PDF's text (pdftotext, poppler-utils), or None where that tool is missing."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    out = subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    )
    return out.stdout


def visible_cells(workbook: Any) -> Iterator[tuple[Any, Any]]:
    """(sheet, cell) of every non-empty cell of the visible sheets."""
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value not in (None, ""):
                    yield sheet, cell


def sheet_xml(path: Path, member: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8")


def assert_page_numbers(pages: list[str]) -> None:
    """Decree 30: a page's first line is its number (centred, from 2), except a first page."""
    tops = [next((line for line in p.splitlines() if line.strip()), "") for p in pages if p.strip()]
    sheet_starts = [i for i, top in enumerate(tops) if not top.strip().isdigit()]
    assert sheet_starts and sheet_starts[0] == 0
    for start, end in zip(sheet_starts, [*sheet_starts[1:], len(tops)], strict=True):
        numbers = [int(top) for top in tops[start + 1 : end]]
        assert numbers == list(range(2, 2 + len(numbers)))
    ends = [*sheet_starts[1:], len(tops)]
    assert any(end - start > 1 for start, end in zip(sheet_starts, ends, strict=True))
    middle = next(top for top in tops if top.strip() == "2")
    assert 0.3 < (len(middle) - len(middle.lstrip())) / max(len(t) for t in tops) < 0.7
