"""Print preview of the report sheet: the document rendered as HTML through a QTextDocument.

QtPrintSupport is imported when the officer first asks for a preview, not at start-up.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QTextDocument
from PySide6.QtWidgets import QWidget

from commune_desk.domain import documents as doc
from commune_desk.services.documents import (
    REPORT_COLUMN_MARKS,
    REPORT_HEADERS,
    ReportDocument,
)
from commune_desk.views.reports.model import Column, cell_text

FONT = "Times New Roman"
# Decree 30/2020 margins in millimetres: left, top, right, bottom.
MARGINS_MM = (30.0, 20.0, 15.0, 20.0)
_WIDTHS = (5, 30, 7, 8, 8, 8, 8, 8, 8, 10)  # % of the table's width, as on the sheet


def _lines(*lines: str, bold: bool = False, italic: bool = False) -> str:
    text = "<br/>".join(escape(line) for line in lines)
    if bold:
        text = f"<b>{text}</b>"
    return f"<i>{text}</i>" if italic else text


def report_html(document: ReportDocument) -> str:
    """Sheet 1 of the report (heading, table, signature) as HTML for printing."""
    parts = [
        f"<html><body style=\"font-family: '{FONT}'; font-size: 10pt;\">",
        f'<p style="font-size: 9pt;"><i>{escape(document.form_code)}</i></p>',
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        f'<td width="40%" align="center">{_lines(*document.agency, bold=True)}<br/>'
        f"——————<br/>{escape(document.number_line).replace('  ', '&nbsp;&nbsp;')}</td>",
        f'<td width="60%" align="center"><b>{escape(doc.MOTTO_COUNTRY)}<br/>'
        f"<u>{escape(doc.MOTTO)}</u></b><br/><br/>{_lines(document.date_line, italic=True)}</td>",
        "</tr></table>",
        f'<p align="center" style="font-size: 13pt;"><b>{escape(document.shown_title)}</b><br/>',
        f"<b>{escape(document.subject)}</b><br/>{_lines(document.window_line, italic=True)}</p>",
        '<table width="100%" border="1" cellspacing="0" cellpadding="2"'
        ' style="border-collapse: collapse; border-color: black;">',
        "<thead><tr>"
        + "".join(
            f'<th width="{w}%">{escape(h)}</th>'
            for w, h in zip(_WIDTHS, REPORT_HEADERS, strict=True)
        )
        + "</tr>",
        "<tr>"
        + "".join(f'<td align="center"><i>{escape(m)}</i></td>' for m in REPORT_COLUMN_MARKS)
        + "</tr></thead>",
    ]
    for row in document.rows:
        cells = []
        for column in Column:
            text = escape(cell_text(row, column))
            if row.is_section:
                text = f"<b>{text}</b>"
            elif row.is_detail and column is Column.LABEL:
                text = f"&nbsp;&nbsp;&nbsp;<i>{text}</i>"
            align = "left" if column in (Column.LABEL, Column.NOTE) else "right"
            if column in (Column.STT, Column.UNIT):
                align = "center"
            cells.append(f'<td align="{align}">{text}</td>')
        parts.append("<tr>" + "".join(cells) + "</tr>")
    signature = document.signature
    parts += [
        "</table><br/>",
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        f'<td width="38%" valign="top"><b><i>Nơi nhận:</i></b><br/>'
        f'<span style="font-size: 10pt;">{_lines(*document.recipients)}</span></td>',
        '<td width="24%" align="center" valign="top"><b>Người lập biểu</b><br/>'
        f"<i>(Ký, ghi rõ họ tên)</i><br/><br/><br/><br/><b>{escape(document.preparer)}</b></td>",
        f'<td width="38%" align="center" valign="top">'
        f"{_lines(signature.capacity, signature.title, bold=True)}"
        f"<br/><br/><br/><br/><b>{escape(signature.name)}</b></td>",
        "</tr></table></body></html>",
    ]
    return "".join(parts)


def render(document: ReportDocument, printer: Any) -> None:
    """Lay the report out on `printer`'s pages (a preview or a real printer)."""
    text = QTextDocument()
    text.setDefaultFont(QFont(FONT, 10))
    text.setDocumentMargin(0)
    # Lay out on the printable area (in the document's own units, screen dots): the
    # printer then scales it, and the margins are the page layout's (Decree 30).
    screen = QGuiApplication.primaryScreen()
    dpi = round(screen.logicalDotsPerInch()) if screen is not None else 96
    text.setPageSize(QSizeF(printer.pageLayout().paintRectPixels(dpi).size()))
    text.setHtml(report_html(document))
    text.print_(printer)


def make_printer() -> Any:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(*MARGINS_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def open_print_preview(parent: QWidget, document: ReportDocument) -> Any:
    """Open (non-modal) Qt's print preview of the report; returns the dialog."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = make_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ref = printer  # the dialog does not own the printer: keep it alive
    dialog.setWindowTitle(document.subject)
    dialog.paintRequested.connect(lambda target: render(document, target))
    dialog.resize(1000, 720)
    dialog.open()
    return dialog
