"""Compile ui/*.ui with pyside6-uic into src/commune_desk/views/forms/ (skips up-to-date ones).

pyside6-uic imports some forty Qt names in every form whether it uses them or not, and each
Qt class is built the first time it is imported: the login's form took longer to import than
its dialog took to paint. Each compiled form therefore imports only the Qt names it uses.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "commune_desk" / "views" / "forms"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


def trim_qt_imports(source: str) -> str:
    """The form's source with each `from PySide6.X import (...)` cut to the names it uses."""
    tree = ast.parse(source)
    qt_imports = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
    ]
    used = {
        node.id
        for top in tree.body
        if top not in qt_imports
        for node in ast.walk(top)
        if isinstance(node, ast.Name)
    }
    lines = source.splitlines(keepends=True)
    for node in reversed(qt_imports):  # from the bottom, so earlier line numbers hold
        names = [alias.name for alias in node.names if alias.name in used]
        text = f"from {node.module} import {', '.join(names)}\n" if names else ""
        lines[node.lineno - 1 : node.end_lineno] = [text]
    return "".join(lines)


def main() -> int:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from ui/*.ui by packaging/build_forms.py."""\n')
    built = 0
    script_time = Path(__file__).stat().st_mtime
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = FORMS_DIR / f"ui_{ui_file.stem}.py"
        if target.exists() and target.stat().st_mtime >= max(ui_file.stat().st_mtime, script_time):
            continue
        subprocess.run([uic(), "--from-imports", "-o", str(target), str(ui_file)], check=True)
        target.write_text(trim_qt_imports(target.read_text(encoding="utf-8")), encoding="utf-8")
        built += 1
    print(f"forms: {built} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
