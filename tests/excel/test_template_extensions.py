"""A province's form whose drop-down lists live on another sheet: Excel keeps those data
validations in the sheet's extension block (`<extLst>`, x14:dataValidations), which openpyxl
does not read. Filling the form keeps them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from commune_desk.domain.periods import Period
from commune_desk.excel.template_ext import keep_extensions
from commune_desk.services.reports import ReportService
from tests.support.report_files import sheet_xml

# openpyxl says it drops the block: that it does is the point of these tests.
pytestmark = pytest.mark.filterwarnings("ignore:Data Validation extension:UserWarning")
PERIOD = Period.parse("2025-Q3")
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
# As Excel writes it: `xm` declared on the worksheet element only, `x14` on its <ext>.
EXTENSION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="' + X14 + '">'
    '<x14:dataValidations count="1" xmlns:xm="' + XM + '">'
    '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1">'
    "<x14:formula1><xm:f>'Danh mục'!$A$1:$A$3</xm:f></x14:formula1>"
    "<xm:sqref>C5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
)


def make_form(path: Path, declare_on_root: bool = False) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mẫu 01"
    sheet["A5"] = "Hồ sơ trực tuyến"
    sheet["B5"] = "{{tthc.received_online}}"
    sheet["C5"] = "Tốt"  # chosen from the list on «Danh mục»
    sheet["B6"] = "{{commune.name}}"
    lists = workbook.create_sheet("Danh mục")
    for row, text in enumerate(("Tốt", "Khá", "Chưa đạt"), start=1):
        lists.cell(row=row, column=1, value=text)
    workbook.save(path)
    block = EXTENSION
    if declare_on_root:  # some writers declare the prefixes on the root instead
        block = block.replace(f' xmlns:xm="{XM}"', "")
    _add_to_sheet(path, "xl/worksheets/sheet1.xml", block, root_ns=f' xmlns:xm="{XM}"')
    return path


def _add_to_sheet(path: Path, member: str, block: str, root_ns: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts[member].decode()
    xml = xml.replace("<worksheet ", "<worksheet" + root_ns + " ", 1)
    parts[member] = xml.replace("</worksheet>", block + "</worksheet>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def validation_lists(path: Path) -> list[str]:
    xml = sheet_xml(path, "xl/worksheets/sheet1.xml")
    return re.findall(r"<x14:dataValidation\b.*?<xm:f>(.*?)</xm:f>.*?<xm:sqref>(.*?)<", xml)


def test_openpyxl_alone_drops_the_block(tmp_path):
    form = make_form(tmp_path / "mau.xlsx")
    load_workbook(form).save(tmp_path / "copy.xlsx")
    assert "x14:dataValidation" not in sheet_xml(tmp_path / "copy.xlsx", "xl/worksheets/sheet1.xml")


def test_filling_the_form_keeps_its_cross_sheet_validation(ctx, tmp_path):
    form = make_form(tmp_path / "mau.xlsx")
    out = tmp_path / "bao-cao.xlsx"
    ReportService(ctx).export(PERIOD, out, template=form)
    assert validation_lists(out) == [("'Danh mục'!$A$1:$A$3", "C5")]
    ET.fromstring(sheet_xml(out, "xl/worksheets/sheet1.xml"))  # well-formed
    workbook = load_workbook(out)  # still a workbook a program reads
    assert workbook["Mẫu 01"]["B6"].value == "Xã Thiệu Trung"
    assert workbook["Mẫu 01"]["C5"].value == "Tốt"
    assert "_data" in workbook.sheetnames


def test_a_prefix_declared_on_the_sheet_is_declared_on_the_copied_block(tmp_path):
    form = make_form(tmp_path / "mau.xlsx", declare_on_root=True)
    copy = tmp_path / "copy.xlsx"
    load_workbook(form).save(copy)
    assert keep_extensions(form, copy) == 1
    xml = sheet_xml(copy, "xl/worksheets/sheet1.xml")
    assert f'<extLst xmlns:xm="{XM}">' in xml
    ET.fromstring(xml)  # well-formed, every prefix bound
    assert validation_lists(copy) == [("'Danh mục'!$A$1:$A$3", "C5")]
    assert keep_extensions(form, copy) == 0  # never twice


def test_a_form_without_extensions_is_left_alone(tmp_path):
    workbook = Workbook()
    workbook.active["A1"] = "{{commune.name}}"
    workbook.save(tmp_path / "mau.xlsx")
    workbook.save(tmp_path / "copy.xlsx")
    before = (tmp_path / "copy.xlsx").read_bytes()
    assert keep_extensions(tmp_path / "mau.xlsx", tmp_path / "copy.xlsx") == 0
    assert (tmp_path / "copy.xlsx").read_bytes() == before
