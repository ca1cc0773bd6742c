"""Compile ui/*.ui with pyside6-uic into src/commune_desk/views/forms/ (skips up-to-date ones)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "commune_desk" / "views" / "forms"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


def main() -> int:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from ui/*.ui by packaging/build_forms.py."""\n')
    built = 0
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = FORMS_DIR / f"ui_{ui_file.stem}.py"
        if target.exists() and target.stat().st_mtime >= ui_file.stat().st_mtime:
            continue
        subprocess.run([uic(), "--from-imports", "-o", str(target), str(ui_file)], check=True)
        built += 1
    print(f"forms: {built} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
