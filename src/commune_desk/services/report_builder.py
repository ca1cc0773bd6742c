"""Assembling the ReportDocument of a period inside the caller's transaction.

The figures come from the indicator engine, the notes from the comments on the period's
values, the signer and recipients from the commune's settings, the appendices from the
records; `excel.report` turns the document into the workbook. `build_document` reads all
that; `assemble_document`, which puts the document together (sheet 1, the template fields,
the `_data` rows), needs no database, so invented reports are built by the same code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from commune_desk import __version__
from commune_desk.data.repositories import keys as keys_repo
from commune_desk.data.repositories import narratives as narratives_repo
from commune_desk.data.repositories import values as values_repo
from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue, Element, Indicator
from commune_desk.domain.numbers import Number
from commune_desk.domain.periods import Period
from commune_desk.domain.signing import KeyPair, sign
from commune_desk.excel.data_sheet import NARRATIVE_PREFIX, ReportHead, data_pairs, signed_text
from commune_desk.excel.report_document import (
    Appendix,
    ReportDocument,
    ReportRow,
    Signature,
    report_title,
)
from commune_desk.services.commune import CommuneProfile
from commune_desk.services.context import ServiceContext
from commune_desk.services.indicators import PeriodFigures, compute_in
from commune_desk.services.report_appendices import build_appendices


def report_rows(
    catalogue: Catalogue,
    figures: PeriodFigures,
    notes: Mapping[str, str] | None = None,
    previous: Mapping[str, Number | None] | None = None,
) -> tuple[ReportRow, ...]:
    """The table of the report: each section's heading, then its figures and indicators
    (with the previous period's value when `previous` gives it)."""
    notes = notes or {}
    previous = previous or {}
    rows: list[ReportRow] = []
    for section in catalogue.sections:
        items = catalogue.section_items(section.key)
        if not items:
            continue
        # The profile section (numeral "0") comes before section I and takes no number.
        numeral = "" if section.numeral.strip("0 ") == "" else section.numeral
        rows.append(ReportRow(numeral, section.title, is_section=True))
        number = 0
        for item in items:
            detail = isinstance(item, Element) and item.parent is not None
            number += 0 if detail else 1
            f = figures.figures[item.code]
            rows.append(
                ReportRow(
                    stt="" if detail else str(number),
                    label=item.label,
                    unit=item.unit,
                    target=f.target,
                    value=f.value,
                    previous=previous.get(item.code),
                    ytd=f.ytd,
                    last_year=f.last_year,
                    pct=f.pct_of_target,
                    note=notes.get(item.code, ""),
                    is_indicator=isinstance(item, Indicator),
                    is_detail=detail,
                    code=item.code,
                )
            )
    return tuple(rows)


def value_notes(session: Session, commune_id: int, period: Period) -> dict[str, str]:
    """The comments typed on the period's values (why a figure is unusual), by code."""
    months = period.months()
    stored = values_repo.stored_values(session, commune_id, [m.key for m in months])
    by_code: dict[str, list[tuple[str, str]]] = {}
    for value in sorted(stored, key=lambda v: v.month):
        if value.comment.strip():
            by_code.setdefault(value.code, []).append((value.month, value.comment.strip()))
    notes = {}
    for code, comments in by_code.items():
        if len(months) == 1:
            notes[code] = "; ".join(text for _, text in comments)
        else:
            notes[code] = "; ".join(f"Tháng {int(m[5:])}: {text}" for m, text in comments)
    return notes


@dataclass(frozen=True)
class Identity:
    """Who a submitted report is: its version, the moment it was issued and a random id.

    The province orders submissions by the moment (then the version) and tells copies apart
    by `uid`.
    """

    version: int
    issued_at: dt.datetime
    uid: str


def build_document(
    session: Session,
    ctx: ServiceContext,
    commune: CommuneProfile,
    period: Period,
    draft: bool,
    version: int | None,
    appendices: bool = True,
    identity: Identity | None = None,
    figures: PeriodFigures | None = None,
    previous: Mapping[str, Number | None] | None = None,
) -> ReportDocument:
    """The whole report of `period`, read inside the caller's transaction.

    Without `appendices`, only sheet 1 (what the screen previews and prints). With `figures`
    (a submission's snapshot), those figures instead of the ones computed now, and with
    `previous` the previous period's values it showed; `identity`: the submission's, written
    into `_data`.
    """
    wanted = period.months() if appendices else ()
    if figures is None:
        figures, before, *months = compute_in(session, ctx, [period, period.previous(), *wanted])
    else:  # what a submission reported (its snapshot)
        before, *months = compute_in(session, ctx, [period.previous(), *wanted])
    if previous is None:
        previous = {code: figure.value for code, figure in before.figures.items()}
    sheets = ()
    if appendices:
        sheets = build_appendices(
            session,
            ctx.catalogue,
            commune.id,
            figures.window,
            figures,
            months,
            _appendix_subtitle(commune, period, figures),
        )
    return assemble_document(
        ctx.catalogue,
        commune,
        figures,
        today=ctx.today(),
        generated_at=identity.issued_at if identity else ctx.now(),
        draft=draft,
        version=version,
        notes=value_notes(session, commune.id, period),
        appendices=sheets,
        narrative=narratives_repo.narrative(session, commune.id, period.key),
        key=_own_key(session, commune.id),
        previous=previous,
        identity=identity,
    )


def _own_key(session: Session, commune_id: int) -> KeyPair | None:
    stored = keys_repo.get_key(session, commune_id, keys_repo.OWN)
    return KeyPair(stored.private_key, stored.public_key) if stored is not None else None


def assemble_document(
    catalogue: Catalogue,
    commune: CommuneProfile,
    figures: PeriodFigures,
    *,
    today: dt.date,
    generated_at: dt.datetime,
    draft: bool,
    version: int | None,
    notes: Mapping[str, str] | None = None,
    appendices: Sequence[Appendix] = (),
    narrative: Mapping[str, str] | None = None,
    key: KeyPair | None = None,
    previous: Mapping[str, Number | None] | None = None,
    identity: Identity | None = None,
) -> ReportDocument:
    """The report of `figures` for `commune`, from its settings: no database here.

    `build_document` reads the figures, notes and appendices and calls it; so do the invented
    province reports of `commune_desk.demo`, so their sheet 1 and `_data` are the real thing.
    `narrative` holds the parts of Đánh giá chung, Khó khăn, Đề xuất; with `key`, `_data`
    carries its public key and is signed.
    """
    period = figures.period
    settings = commune.settings
    place = settings.get(doc.REPORT_PLACE, "").strip() or doc.place_name(commune.name)
    title = settings.get(doc.SIGNER_TITLE, "").strip() or "CHỦ TỊCH"
    signature = Signature(
        doc.signer_capacity(title, settings.get(doc.SIGNER_CAPACITY, "")),
        title,
        settings.get(doc.SIGNER_NAME, "").strip(),
    )
    agency = doc.agency_lines(commune.name)
    number = doc.document_number(settings.get(doc.REPORT_NUMBER_PREFIX, ""))
    subject = doc.report_subject(period)
    fields = {
        "commune.name": commune.name,
        "commune.code": commune.code,
        "commune.province": commune.province,
        "commune.agency": f"{agency[0]} {agency[1]}",
        "period.key": period.key,
        "period.label": period.label(),
        "period.subject": period.subject_label(),
        "report.title": report_title(draft, version),
        "report.subject": subject,
        "report.date": f"{today:%d/%m/%Y}",
        "report.date_line": doc.date_line(place, today),
        "report.window": figures.window.label(),
        "report.number": number,
        "report.version": "" if version is None else str(version),
        "signer.capacity": signature.capacity,
        "signer.title": signature.title,
        "signer.name": signature.name,
        "preparer.name": settings.get(doc.PREPARER_NAME, "").strip(),
    }
    parts = {part: (narrative or {}).get(part, "") for part, _heading in doc.NARRATIVE}
    for part, text in parts.items():
        fields[f"{NARRATIVE_PREFIX}{part}"] = text
    head = ReportHead(
        commune_code=commune.code,
        commune_name=commune.name,
        province=commune.province,
        period=period.key,
        generated_at=generated_at,
        app_version=__version__,
        draft=draft,
        version=version,
        catalogue_version=catalogue.version,
        issued_at=identity.issued_at if identity else None,
        submission_id=identity.uid if identity else "",
    )
    values = ((c, figures.figures[c].value) for c in catalogue.codes())
    data = data_pairs(head, values, parts, key.public_key if key else "")
    return ReportDocument(
        agency=agency,
        form_code=doc.FORM_CODE,
        number_line=number,
        date_line=doc.date_line(place, today),
        subject=subject,
        window_line=doc.window_line(figures.window),
        rows=report_rows(catalogue, figures, notes, previous),
        signature=signature,
        preparer=settings.get(doc.PREPARER_NAME, "").strip(),
        recipients=doc.recipients_block(settings.get(doc.RECIPIENTS, "")),
        draft=draft,
        version=version,
        appendices=tuple(appendices),
        data=data,
        fields=tuple(fields.items()),
        data_signature=sign(key.private_key, signed_text(data)) if key else "",
        narrative=tuple((heading, parts[part]) for part, heading in doc.NARRATIVE if parts[part]),
    )


def _appendix_subtitle(commune: CommuneProfile, period: Period, figures: PeriodFigures) -> str:
    window = figures.window.label()
    return (
        f"(Kèm theo Báo cáo {period.subject_label()} của UBND {commune.name}; "
        f"{window[:1].lower()}{window[1:]})"
    )
