"""The bundle's spec and the Windows installer script agree with the package they ship.

Neither PyInstaller's Windows parts nor Inno Setup run here: these tests read the two scripts
and the files packaging/bundle_info.py writes for them.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib

import pytest

from commune_desk import __version__
from tests.support.common import ROOT

PACKAGING = ROOT / "packaging"
ISS = (PACKAGING / "installer.iss").read_text(encoding="utf-8")
SPEC = (PACKAGING / "commune_desk.spec").read_text(encoding="utf-8")


def _bundle_info():
    spec = importlib.util.spec_from_file_location("bundle_info", PACKAGING / "bundle_info.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


info = _bundle_info()


def iss_define(name: str) -> str:
    match = re.search(rf'^#define {name} "(.*)"$', ISS, re.MULTILINE)
    assert match, f"installer.iss defines no {name}"
    return match.group(1)


def iss_setting(name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", ISS, re.MULTILINE)
    assert match, f"installer.iss sets no {name}"
    return match.group(1)


def test_the_version_comes_from_the_package(tmp_path):
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["version"]
    assert info.project_version() == declared == __version__

    target = info.write_inno_version(info.project_version(), tmp_path / "version.iss")

    assert target.read_text(encoding="utf-8") == f'#define AppVersion "{__version__}"\n'
    # installer.iss takes it from the file the spec writes, unless given with /DAppVersion
    assert '#include "build\\version.iss"' in ISS
    assert iss_setting("AppVersion") == "{#AppVersion}"
    assert info.VERSION_ISS == PACKAGING / "build" / "version.iss"
    assert "info.write_inno_version(VERSION)" in SPEC


def test_installer_and_bundle_name_the_same_program():
    assert iss_define("AppName") == info.APP_NAME == "Commune Desk"
    assert iss_define("AppExeName") == f"{info.EXE_NAME}.exe"
    assert iss_define("AppPublisher") == info.COMPANY == "UBND xã"
    bundle_dir = iss_define("BundleDir")
    assert (PACKAGING / bundle_dir.replace("\\", "/")).resolve() == ROOT / "dist" / info.EXE_NAME
    assert 'Source: "{#BundleDir}\\*"; DestDir: "{app}"' in ISS
    assert "name=info.EXE_NAME" in SPEC


def test_the_icon_and_the_entry_script_exist():
    icon = (PACKAGING / iss_setting("SetupIconFile").replace("\\", "/")).resolve()
    assert icon == info.ICON_FILE
    assert icon.is_file() and icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # a Windows icon
    assert "icon=str(info.ICON_FILE)" in SPEC
    assert info.ENTRY_SCRIPT == ROOT / "main.py"
    assert "from commune_desk.app import run" in info.ENTRY_SCRIPT.read_text(encoding="utf-8")
    assert "[str(info.ENTRY_SCRIPT)]" in SPEC


def test_a_per_user_install_that_keeps_the_users_data():
    assert iss_setting("PrivilegesRequired") == "lowest"
    assert iss_setting("DefaultDirName").startswith("{userpf}\\")
    # the data folder of paths.user_data_dir() on Windows; the uninstaller deletes nothing there
    assert iss_define("UserDataDir") == "{localappdata}\\CommuneDesk"
    assert "[UninstallDelete]" not in ISS
    assert "[InstallDelete]" not in ISS
    assert re.search(r'^Name: "\{autodesktop\}.*Tasks: desktopicon$', ISS, re.MULTILINE)
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', ISS, re.MULTILINE)


def test_the_bundle_is_windowed():
    assert "console=False" in SPEC


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0))],
)
def test_windows_version_numbers(version, numbers):
    assert info.numeric_version(version) == numbers


def test_the_windows_version_resource(tmp_path):
    # evaluated the way PyInstaller reads it, with its structures recorded as plain tuples
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    names += ("VarFileInfo", "VarStruct")
    structures = {name: (lambda *a, _n=name, **k: (_n, a, k)) for name in names}
    path = info.write_windows_version_info("1.4.2", tmp_path / "version_info.txt")

    resource = eval(path.read_text(encoding="utf-8"), structures)

    text = repr(resource)
    assert "('StringStruct', ('ProductName', 'Commune Desk'), {})" in text
    assert "('StringStruct', ('CompanyName', 'UBND xã'), {})" in text
    assert "('StringStruct', ('ProductVersion', '1.4.2'), {})" in text
    assert "'filevers': (1, 4, 2, 0)" in text
    description = re.search(r"'FileDescription', '([^']*)'", text).group(1)
    assert "Bình dân học vụ số" in description
