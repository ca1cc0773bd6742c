"""Compile resources/translations/*.ts into .qm files with pyside6-lrelease."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"


def lrelease() -> str:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    return str(exe) if exe.exists() else "pyside6-lrelease"


def main() -> int:
    built = 0
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built += 1
    print(f"translations: {built} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
