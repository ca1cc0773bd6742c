"""What the bundle and the installer share: names, the icon, and the version from pyproject.toml.

The PyInstaller spec imports this module to name the program and to write, at build time, the
Windows version resource (packaging/build/version_info.txt) and packaging/build/version.iss,
which installer.iss includes: the program and its installer carry the package's version.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
ENTRY_SCRIPT = ROOT / "main.py"
ICON_FILE = ROOT / "resources" / "icons" / "commune-desk.ico"
BUILD_DIR = ROOT / "packaging" / "build"
VERSION_ISS = BUILD_DIR / "version.iss"
VERSION_INFO = BUILD_DIR / "version_info.txt"

APP_NAME = "Commune Desk"
EXE_NAME = "commune-desk"  # also the folder dist/commune-desk/
COMPANY = "UBND xã"
DESCRIPTION = "Commune Desk — theo dõi phong trào Bình dân học vụ số"
COPYRIGHT = "© UBND xã — phát hành theo giấy phép MIT"


def project_version() -> str:
    """The package's version, as pyproject.toml declares it."""
    with PYPROJECT.open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' fixed version fields: "1.2.3rc1" → (1, 2, 3, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    return (*numbers, *[0] * (4 - len(numbers)))  # type: ignore[return-value]


def write_windows_version_info(version: str, target: Path = VERSION_INFO) -> Path:
    """Write the version resource of commune-desk.exe (Explorer's Properties) in PyInstaller's
    text form; Vietnamese strings (language 042A, Unicode code page 1200)."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": EXE_NAME,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXE_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = f"""# -*- coding: utf-8 -*-
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('042A04B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def write_inno_version(version: str, target: Path = VERSION_ISS) -> Path:
    """Write the `#define AppVersion` that installer.iss includes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'#define AppVersion "{version}"\n', encoding="utf-8")
    return target
