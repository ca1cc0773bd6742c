"""The English translation is complete, and both languages load."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.support.common import ROOT

TS_DIR = ROOT / "resources" / "translations"


def _load_updater():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_text_of_the_program_has_an_english_translation(tmp_path):
    ts = tmp_path / "commune_desk_en.ts"
    shutil.copy(TS_DIR / "commune_desk_en.ts", ts)
    _load_updater().main(ts)  # re-extract from today's sources into the copy
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind == "vanished":
                continue
            forms = translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [translation.text]
            if kind == "unfinished" or not all((t or "").strip() for t in texts):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert missing == [], "untranslated (run packaging/update_translations.py):\n" + "\n".join(
        missing[:40]
    )


@pytest.mark.parametrize(
    ("name", "context", "source", "expected"),
    [
        ("commune_desk_en", "MainWindow", "Tổng quan", "Overview"),
        ("qtbase_vi", "QPlatformTheme", "Cancel", "Hủy"),
    ],
)
def test_compiled_translations_load(qapp, name, context, source, expected):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(name, str(TS_DIR))
    assert translator.translate(context, source) == expected
