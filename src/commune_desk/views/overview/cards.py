"""The overview's cards: one small frame per figure with a target, in a grid that reflows.

A card shows the label, the year-to-date value, the year's target, the % of the target and
a status chip with text (never colour alone); its tooltip explains the status with the
numerator, the denominator and the year-end projection. Pure Qt: shown before matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from commune_desk.domain.numbers import format_number
from commune_desk.domain.progress import Method, Status
from commune_desk.services.overview import Card
from commune_desk.views.widgets.i18n import fill

CONTEXT = "OverviewCards"
CARD_WIDTH = 220
SPACING = 8

STATUS_TEXTS = {
    Status.MET: QT_TRANSLATE_NOOP("OverviewCards", "✓ Đạt"),
    Status.ON_TRACK: QT_TRANSLATE_NOOP("OverviewCards", "↗ Đúng tiến độ"),
    Status.BEHIND: QT_TRANSLATE_NOOP("OverviewCards", "! Chậm"),
    None: QT_TRANSLATE_NOOP("OverviewCards", "Chưa có chỉ tiêu"),
}
# Okabe–Ito colours with white text; the chip's text tells the status, the colour helps.
STATUS_COLOURS = {
    Status.MET: "#007A5A",
    Status.ON_TRACK: "#0072B2",
    Status.BEHIND: "#B84A00",
    None: "#6B6B6B",
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def value_text(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{format_number(value, 1)} %"
    decimals = None if float(value).is_integer() else 1
    return f"{format_number(value, decimals)} {unit}"


def slope_text(slope: float | None, unit: str) -> str:
    """Change per month; a percentage changes by points."""
    if slope is None:
        return "—"
    sign = "+" if slope >= 0 else ""
    if unit == "%":
        points = QCoreApplication.translate("OverviewCards", "%1 điểm %")
        return fill(points, sign + format_number(slope, 1))
    return sign + value_text(slope, unit)


def status_text(card: Card) -> str:
    if card.status is None and card.target is not None:
        return QCoreApplication.translate("OverviewCards", "Chưa có số liệu")
    return tr(STATUS_TEXTS[card.status])


def tooltip(card: Card, period_label: str) -> str:
    """The explanation of the card's status (rich text)."""
    p, unit = card.progress, card.unit
    lines = [f"<b>{card.label}</b>"]
    lines.append(
        fill(
            QCoreApplication.translate("OverviewCards", "Lũy kế đến hết kỳ %1: <b>%2</b>"),
            period_label,
            value_text(p.value, unit),
        )
    )
    if card.numerator is not None or card.denominator is not None:
        lines.append(
            fill(
                QCoreApplication.translate("OverviewCards", "Tử số: %1 — mẫu số: %2"),
                format_number(card.numerator, empty="—"),
                format_number(card.denominator, empty="—"),
            )
        )
    if card.period_value is not None:
        lines.append(
            fill(
                QCoreApplication.translate("OverviewCards", "Riêng kỳ %1: %2"),
                period_label,
                value_text(card.period_value, unit),
            )
        )
    if p.target is None:
        lines.append(
            QCoreApplication.translate(
                "OverviewCards", "Năm nay chưa có chỉ tiêu kế hoạch: không xét tiến độ."
            )
        )
        return "<br>".join(lines)
    pct = format_number(p.pct_of_target, 1, "—")
    lines.append(
        fill(
            QCoreApplication.translate("OverviewCards", "Chỉ tiêu năm: %1 (đạt %2 % chỉ tiêu)"),
            value_text(p.target, unit),
            pct,
        )
    )
    if p.projection is not None:
        months = str(len(p.months_used))
        how = {
            Method.TREND: fill(
                QCoreApplication.translate(
                    "OverviewCards",
                    "xu hướng của %1 tháng có số liệu (bình phương nhỏ nhất): %2 mỗi tháng",
                ),
                months,
                slope_text(p.slope, unit),
            ),
            Method.RATE: fill(
                QCoreApplication.translate("OverviewCards", "lũy kế × 12 / %1 tháng đã qua"), months
            ),
            Method.CURRENT: QCoreApplication.translate(
                "OverviewCards", "chưa đủ hai tháng có số liệu: giữ giá trị hiện tại"
            ),
        }.get(p.method, "")
        lines.append(
            fill(
                QCoreApplication.translate("OverviewCards", "Dự báo đến tháng 12: %1 (%2)"),
                value_text(p.projection, unit),
                how,
            )
        )
    explain = {
        Status.MET: QCoreApplication.translate(
            "OverviewCards", "Đạt: giá trị đã bằng hoặc vượt chỉ tiêu."
        ),
        Status.ON_TRACK: QCoreApplication.translate(
            "OverviewCards", "Đúng tiến độ: chưa đạt, nhưng dự báo đến cuối năm đạt chỉ tiêu."
        ),
        Status.BEHIND: QCoreApplication.translate(
            "OverviewCards", "Chậm: dự báo đến cuối năm vẫn thấp hơn chỉ tiêu."
        ),
        None: QCoreApplication.translate("OverviewCards", "Chưa có số liệu để đánh giá."),
    }[p.status]
    lines.append(f"<i>{explain}</i>")
    return "<br>".join(lines)


class CardWidget(QFrame):
    """One card; click, Enter or Space asks for its chart."""

    activated = Signal(str)  # the card's code

    def __init__(self, card: Card, period_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        code = card.code.replace(".", "_")
        self.setObjectName(f"{code}_card")
        self.setMinimumWidth(CARD_WIDTH)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        colour = STATUS_COLOURS.get(card.status, STATUS_COLOURS[None])
        self.setStyleSheet(
            f"#{code}_card {{ border: 1px solid #C8C8C8; border-left: 5px solid {colour};"
            " border-radius: 4px; background: palette(base); }"
            f"#{code}_card:focus {{ border: 2px solid palette(highlight);"
            f" border-left: 5px solid {colour}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(2)
        self.label_label = QLabel(card.label, self)
        self.label_label.setObjectName("card_label_label")
        self.label_label.setWordWrap(True)
        self.label_label.setStyleSheet("font-size: 8.5pt;")
        percent = card.unit == "%"
        value = value_text(card.value, card.unit if percent else "").strip()
        self.value_label = QLabel(value, self)
        self.value_label.setObjectName("card_value_label")
        self.value_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        target = value_text(card.target, card.unit if percent else "").strip()
        if card.target is None:
            target = "—"
        pct = format_number(card.pct_of_target, 1, "—")
        text = fill(
            QCoreApplication.translate("OverviewCards", "Chỉ tiêu: %1 · đạt %2 %"), target, pct
        )
        if card.target is None:
            text = ""  # the chip says there is no target
        if not percent:  # the unit goes on the small line, the value stays big
            text = f"{card.unit} · {text}" if text else card.unit
        self.target_label = QLabel(text, self)
        self.target_label.setObjectName("card_target_label")
        self.target_label.setStyleSheet("font-size: 8.5pt;")
        self.status_label = QLabel(status_text(card), self)
        self.status_label.setObjectName("card_status_label")
        self.status_label.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 3px; padding: 1px 6px;"
            " font-weight: bold; font-size: 8.5pt;"
        )
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.value_label, 1)
        row.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label_label)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.target_label)
        self.setToolTip(tooltip(card, period_label))
        self.setAccessibleName(card.label)
        self.setAccessibleDescription(
            f"{self.value_label.text()}; {self.target_label.text()}; {self.status_label.text()}"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.card.code)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.card.code)
            return
        super().keyPressEvent(event)


class CardGrid(QWidget):
    """The cards in as many columns as the width allows."""

    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cards_grid")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(SPACING)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._cards: list[CardWidget] = []
        self._columns = 0

    @property
    def cards(self) -> list[CardWidget]:
        return list(self._cards)

    def card(self, code: str) -> CardWidget:
        return next(c for c in self._cards if c.card.code == code)

    def set_cards(self, cards: Sequence[Card], period_label: str) -> None:
        for widget in self._cards:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._cards = []
        for card in cards:
            widget = CardWidget(card, period_label, self)
            widget.activated.connect(self.activated)
            self._cards.append(widget)
        self._columns = 0
        self._reflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        columns = max(1, (self.width() + SPACING) // (CARD_WIDTH + SPACING))
        if columns == self._columns:
            return
        self._columns = columns
        for column in range(max(columns, self._layout.columnCount())):
            self._layout.setColumnStretch(column, 1 if column < columns else 0)
        for widget in self._cards:
            self._layout.removeWidget(widget)
        for index, widget in enumerate(self._cards):
            self._layout.addWidget(widget, index // columns, index % columns)
