"""What openpyxl drops when it rewrites a province's form: the worksheets' extension blocks.

Excel keeps some of a sheet's settings in the `<extLst>` at the end of the sheet's XML — among
them the data validations whose list lives on another sheet (`x14:dataValidations`, a drop-down
of the province's own codes) and newer conditional formats. openpyxl reads none of it, so a
filled form would lose them. After the filled workbook is written, each sheet's block is copied
back from the form, byte for byte, with the namespace prefixes it uses declared on it.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path, PurePosixPath

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_END = re.compile(rb"</extLst>\s*</worksheet>\s*$")
_TAG = re.compile(rb"<(/?)extLst\b[^>]*?(/?)>")
_DECLARED = re.compile(rb'\bxmlns:([A-Za-z_][\w.-]*)="([^"]*)"')
_USED = re.compile(rb"</?([A-Za-z_][\w.-]*):|\s([A-Za-z_][\w.-]*):[\w.-]+=")
_ROOT = re.compile(rb"<worksheet\b[^>]*>")


def keep_extensions(template: Path, filled: Path) -> int:
    """Copy each sheet's `<extLst>` from the form into the filled file, sheets matched by
    name; returns how many were copied. Sheets of the filled file that already carry one, and
    forms written with unusual prefixes, are left as they are."""
    with zipfile.ZipFile(template) as source:
        blocks = {
            name: block
            for name, part in _sheet_parts(source).items()
            if (block := _extension_block(source.read(part))) is not None
        }
    if not blocks:
        return 0
    with zipfile.ZipFile(filled) as written:
        parts = _sheet_parts(written)
        targets = {parts[name]: block for name, block in blocks.items() if name in parts}
        rewritten = {}
        for part, block in targets.items():
            xml = written.read(part)
            if _END.search(xml):
                continue  # the filled sheet has its own
            end = xml.rstrip().rfind(b"</worksheet>")
            if end < 0:
                continue
            rewritten[part] = xml[:end] + block + xml[end:]
        if not rewritten:
            return 0
        temp = filled.with_name(filled.name + ".ext")
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
            for info in written.infolist():
                data = rewritten.get(info.filename)
                if data is None:
                    with written.open(info) as src, out.open(info, "w") as dst:
                        shutil.copyfileobj(src, dst)
                else:
                    out.writestr(info, data)
    temp.replace(filled)
    return len(rewritten)


def _extension_block(xml: bytes) -> bytes | None:
    """The sheet's own `<extLst>` (its last child), with the prefixes it uses declared."""
    end = _END.search(xml)
    root = _ROOT.search(xml)
    if end is None or root is None:
        return None
    start = _block_start(xml, end.start())
    if start is None:
        return None
    block = xml[start : end.start() + len(b"</extLst>")]
    declared_root = dict(_DECLARED.findall(root.group(0)))
    declared_inside = {prefix for prefix, _uri in _DECLARED.findall(block)}
    used = {a or b for a, b in _USED.findall(block)} - {b"xmlns", b"xml"}
    missing = sorted(used - declared_inside)
    if any(prefix not in declared_root for prefix in missing):
        return None  # a prefix the form never declares: not a block to copy blindly
    declarations = b"".join(b' xmlns:%s="%s"' % (p, declared_root[p]) for p in missing)
    return b"<extLst" + declarations + block[len(b"<extLst") :]


def _block_start(xml: bytes, closing: int) -> int | None:
    """Where the `<extLst>` closed at `closing` opens (nested ones skipped)."""
    depth = 1
    for tag in reversed(list(_TAG.finditer(xml, 0, closing))):
        if tag.group(2):  # <extLst/>
            continue
        depth += 1 if tag.group(1) else -1
        if depth == 0:
            return tag.start()
    return None


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member of its XML."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in relations.iter(f"{{{_PACKAGE_REL}}}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL}}}id"), "")
        if not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[sheet.get("name", "")] = str(PurePosixPath(_normal(member)))
    return parts


def _normal(member: str) -> str:
    """xl/../xl/worksheets/sheet1.xml -> xl/worksheets/sheet1.xml."""
    out: list[str] = []
    for piece in member.split("/"):
        if piece == "..":
            if out:
                out.pop()
        elif piece not in ("", "."):
            out.append(piece)
    return "/".join(out)
