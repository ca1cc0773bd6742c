"""Refresh resources/translations/commune_desk_en.ts from the sources (pyside6-lupdate).

The source texts are Vietnamese; English is the translation. New texts come in unfinished
(translate them in Qt Linguist or in the file); texts no longer used are marked vanished.
Texts lupdate cannot see are added by hand: record-kind labels, vocabulary labels and the
catalogue's short labels, which live in the domain as data, under the context "RecordKinds";
the charts' texts (commune_desk.charts.texts, no Qt there) under "ChartTexts".
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "commune_desk_en.ts"
SOURCES = [
    *sorted(
        path
        for path in (ROOT / "src" / "commune_desk" / "views").rglob("*.py")
        if "forms" not in path.relative_to(ROOT / "src" / "commune_desk" / "views").parts
    ),
    ROOT / "src" / "commune_desk" / "app.py",
    *sorted((ROOT / "ui").glob("*.ui")),
]
DATA_CONTEXT = "RecordKinds"
CHART_CONTEXT = "ChartTexts"  # commune_desk.charts.texts.CONTEXT


def lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else "pyside6-lupdate"


def data_texts() -> list[str]:
    """Labels the views show through QCoreApplication.translate("RecordKinds", ...)."""
    sys.path.insert(0, str(ROOT / "src"))
    from commune_desk.domain.catalogue_loader import load_catalogue
    from commune_desk.domain.records import KINDS, VOCABS

    texts: list[str] = []
    for kind in KINDS.values():
        texts.append(kind.label)
        texts += [f.label for f in kind.fields]
    catalogue = load_catalogue(ROOT / "resources" / "catalogue" / "default.toml")
    for vocab in (*VOCABS.values(), *catalogue.vocab.values()):
        texts += list(vocab.values())
    texts += [item.short_label for item in catalogue.items() if item.short_label]
    return list(dict.fromkeys(texts))


def chart_texts() -> list[str]:
    """The charts' texts, which the overview translates through the context "ChartTexts"."""
    sys.path.insert(0, str(ROOT / "src"))
    from commune_desk.charts.texts import all_texts

    return all_texts()


def data_translations(ts: Path, name: str = DATA_CONTEXT) -> dict[str, ET.Element]:
    """The existing translations of a data context (lupdate drops the contexts it cannot see)."""
    if not ts.exists():
        return {}
    for context in ET.parse(ts).getroot().findall("context"):
        if context.findtext("name") == name:
            return {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    return {}


def add_data_context(
    ts: Path, texts: list[str], kept: dict[str, ET.Element], name: str = DATA_CONTEXT
) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
    known = {m.findtext("source"): m for m in context.findall("message")}
    for text in texts:
        if text not in known:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            old = kept.get(text)
            if old is not None and old.get("type") is None and (old.text or "").strip():
                ET.SubElement(message, "translation").text = old.text
            else:
                ET.SubElement(message, "translation", type="unfinished")
    for source, message in known.items():
        if source not in texts:
            message.find("translation").set("type", "vanished")
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main(ts: Path = TS) -> int:
    ts.parent.mkdir(parents=True, exist_ok=True)
    kept = data_translations(ts)
    kept_charts = data_translations(ts, CHART_CONTEXT)
    subprocess.run(
        [
            lupdate(),
            *map(str, SOURCES),
            "-source-language",
            "vi_VN",
            "-target-language",
            "en_GB",
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    add_data_context(ts, data_texts(), kept)
    add_data_context(ts, chart_texts(), kept_charts, CHART_CONTEXT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else TS))
