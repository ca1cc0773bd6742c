"""Refresh resources/translations/commune_desk_en.ts from the sources (pyside6-lupdate).

The source texts are Vietnamese; English is the translation. New texts come in unfinished
(translate them in Qt Linguist or in the file); texts no longer used are marked vanished.
Record-kind labels and vocabulary labels, which live in the domain as data, are added under
the context "RecordKinds".
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


def lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else "pyside6-lupdate"


def data_texts() -> list[str]:
    """Labels the views show through QCoreApplication.translate("RecordKinds", ...)."""
    sys.path.insert(0, str(ROOT / "src"))
    from commune_desk.domain.catalogue import load_catalogue
    from commune_desk.domain.records import KINDS, VOCABS

    texts: list[str] = []
    for kind in KINDS.values():
        texts.append(kind.label)
        texts += [f.label for f in kind.fields]
    catalogue = load_catalogue(ROOT / "resources" / "catalogue" / "default.toml")
    for vocab in (*VOCABS.values(), *catalogue.vocab.values()):
        texts += list(vocab.values())
    return list(dict.fromkeys(texts))


def data_translations(ts: Path) -> dict[str, ET.Element]:
    """The existing translations of the data context (lupdate drops the context it cannot see)."""
    if not ts.exists():
        return {}
    for context in ET.parse(ts).getroot().findall("context"):
        if context.findtext("name") == DATA_CONTEXT:
            return {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    return {}


def add_data_context(ts: Path, texts: list[str], kept: dict[str, ET.Element]) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == DATA_CONTEXT), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = DATA_CONTEXT
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else TS))
