"""Packaging (issue #7): installers, icons, one version, one app id, and `resonanz --self-test`.

The validators are required, not optional: .ci/run installs desktop-file-utils and appstream, so
a missing tool is a failure here, never a skip. The bundle itself (PyInstaller from a non-editable
install, size, start time) is built and smoke-tested by .ci/run's bundle stage, not by pytest.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import resonanz
from resonanz import APP_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ISS = PACKAGING / "windows" / "resonanz.iss"
SPEC = PACKAGING / "resonanz.spec"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SELF_TEST_STEPS = ("qt", "translations", "database", "window", "analysis", "revision", "pdf", "live round", "quit")


def _appinfo():
    spec = importlib.util.spec_from_file_location("resonanz_packaging_appinfo", PACKAGING / "appinfo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: apt-get install {'desktop-file-utils' if name.startswith('desktop') else 'appstream'} (.ci/run does)"
    return path


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def _spec_assignment(name: str):
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in {SPEC.name}")


# ------------------------------------------------------------------ Linux desktop integration


def test_desktop_file_is_valid() -> None:
    proc = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], check=False, capture_output=True, text=True)
    assert proc.returncode == 0 and "error" not in proc.stdout.lower() and "warning" not in proc.stdout.lower(), proc.stdout + proc.stderr


def test_metainfo_is_valid() -> None:
    proc = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)], check=False, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_one_app_id_everywhere() -> None:
    desktop = DESKTOP.read_text(encoding="utf-8")
    metainfo = METAINFO.read_text(encoding="utf-8")
    assert re.search(rf"^Icon={re.escape(APP_ID)}$", desktop, re.MULTILINE)
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    assert _appinfo().mac_info_plist()["CFBundleIdentifier"] == APP_ID
    assert f'#define AppUserModelId "{APP_ID}"' in ISS.read_text(encoding="utf-8-sig")
    for script in (PACKAGING / "linux" / "package.sh", PACKAGING / "linux" / "install.sh"):
        assert f"app_id={APP_ID}\n" in script.read_text(encoding="utf-8"), script.name


def test_desktop_file_opens_drafts_with_the_command() -> None:
    desktop = DESKTOP.read_text(encoding="utf-8")
    assert re.search(r"^Exec=resonanz %f$", desktop, re.MULTILINE)  # the launcher opens one file given alone
    assert re.search(r"^MimeType=text/plain;text/markdown;$", desktop, re.MULTILINE)
    assert "<binary>resonanz</binary>" in METAINFO.read_text(encoding="utf-8")


# ------------------------------------------------------------------ one version


def test_version_has_one_source() -> None:
    """pyproject reads resonanz.__version__; the engine re-exports it; nothing else states it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "resonanz.__version__"}
    from resonanz.core import __version__ as engine_version

    assert engine_version is resonanz.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", resonanz.__version__)


def test_packaging_files_agree_with_the_version() -> None:
    version = resonanz.__version__
    releases = re.findall(r'<release version="([^"]+)" date="(\d{4}-\d\d-\d\d)"', METAINFO.read_text(encoding="utf-8"))
    assert releases and releases[0][0] == version, "newest <release> in the metainfo"
    changelog = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d\d-\d\d)$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert changelog and changelog[0] == releases[0], "newest CHANGELOG.md entry = newest metainfo release (version and date)"
    assert f'#define AppVersion "{version}"' in ISS.read_text(encoding="utf-8-sig")
    appinfo = _appinfo()
    plist = appinfo.mac_info_plist()
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == appinfo.VERSION == version
    assert ".".join(map(str, appinfo.windows_version_tuple()[:3])) == version
    assert not re.search(r"\b\d+\.\d+\.\d+\b", SPEC.read_text(encoding="utf-8")), "the spec must take the version from appinfo"


def test_cli_prints_the_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "resonanz", "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == f"resonanz {resonanz.__version__}"


def test_project_metadata_is_complete() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert project["readme"] == "README.md" and project["keywords"] and project["authors"]
    assert any(c.startswith("Development Status ::") for c in project["classifiers"])
    assert not any(c.startswith("License ::") for c in project["classifiers"]), "the SPDX `license` replaces licence classifiers"
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(project["urls"])
    assert all(url.startswith("https://github.com/resonanz-app/resonanz") for url in project["urls"].values())
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Copyright (c) 2026 Resonanz developers" in licence


def test_every_resource_folder_is_a_listed_package() -> None:
    """A data folder missing from `packages` is silently left out of `pip install .` (and the bundle)."""
    packages = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {"resonanz.resources." + ".".join(p.parent.relative_to(ROOT / "resources").parts)
               for p in (ROOT / "resources").rglob("__init__.py") if p.parent != ROOT / "resources"}
    assert folders <= packages, sorted(folders - packages)


# ------------------------------------------------------------------ PyInstaller spec


def _qt_modules_used() -> set[str]:
    used = set()
    for folder in ("core", "gui", "resonanz_pkg"):
        for path in (ROOT / folder).rglob("*.py"):
            used.update(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def test_spec_leaves_out_unused_qt_modules() -> None:
    excluded = set(_spec_assignment("QT_EXCLUDED_MODULES"))
    must = {
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtQml", "QtQuick", "QtQuickWidgets",
        "QtMultimedia", "QtMultimediaWidgets", "QtVirtualKeyboard", "QtDesigner", "QtHelp", "QtSql", "QtTest",
        "Qt3DCore", "Qt3DRender", "QtPdf", "QtPdfWidgets", "QtNetwork", "QtCharts", "QtOpenGL", "QtPrintSupport",
    }
    assert must <= excluded, sorted(must - excluded)
    used = _qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded, f"the app imports excluded Qt modules: {sorted(used & excluded)}"


def test_spec_keeps_only_the_qt_plugins_a_desktop_needs() -> None:
    plugins = _spec_assignment("QT_PLUGINS_KEPT")
    assert {"qxcb", "qwayland", "qoffscreen", "qminimal"} <= plugins["platforms"]
    assert not {"qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay"} & plugins["platforms"]
    assert plugins["imageformats"] == {"qsvg", "qico", "qjpeg"}
    assert "qsvgicon" in plugins["iconengines"]  # the app icon is an SVG
    assert not {"qmltooling", "sqldrivers", "tls", "networkinformation", "egldeviceintegrations", "generic"} & set(plugins)
    assert _spec_assignment("QT_TRANSLATIONS_KEPT") <= {"qtbase_de", "qtbase_en", "qt_de", "qt_en"}


# ------------------------------------------------------------------ icons and brand


def _brand() -> dict:
    return tomllib.loads((ROOT / "resources" / "brand.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_hicolor_icon_has_its_size(size: int) -> None:
    path = PACKAGING / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"{path.relative_to(ROOT)} missing: run packaging/make_icons.py"
    assert _png_size(path) == (size, size)


def test_scalable_icon_is_the_app_svg() -> None:
    scalable = PACKAGING / "linux" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / _brand()["icons"]["main"]).read_bytes()


def test_windows_and_mac_icons_hold_png_images() -> None:
    ico = (PACKAGING / "windows" / "resonanz.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _p, _bits, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i: 22 + 16 * i])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(width or 256)
    assert (reserved, kind) == (0, 1) and {16, 24, 32, 48, 256} <= sizes
    icns = (PACKAGING / "macos" / "resonanz.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, pos = set(), 8
    while pos < len(icns):
        kinds.add(icns[pos:pos + 4])
        pos += struct.unpack(">I", icns[pos + 4:pos + 8])[0]
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds  # 16, 128, 256, 512, 1024 px


def test_icons_use_only_brand_colours() -> None:
    brand = {c.upper() for c in _brand()["colors"].values()}
    for variant in _brand()["icons"].values():
        used = {c.upper() for c in re.findall(r"#[0-9A-Fa-f]{6}\b", (ROOT / "resources" / variant).read_text(encoding="utf-8"))}
        assert used and used <= brand, f"{variant}: {sorted(used - brand)} not in resources/brand.toml"
    branding = {c.upper() for c in re.findall(r"<color [^>]*>(#[0-9A-Fa-f]{6})</color>", METAINFO.read_text(encoding="utf-8"))}
    assert branding and branding <= brand


def test_window_and_about_box_carry_the_app_icon(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from resonanz.gui.app.brand import ICON_SIZES, app_icon
    from resonanz.gui.editor.main_window import MainWindow

    icon = app_icon()
    assert not icon.isNull() and {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(parent.windowIcon()))
    window.act_about.trigger()
    assert shown and not shown[0].isNull()  # QMessageBox.about shows the parent's window icon


# ------------------------------------------------------------------ resonanz --self-test


def _resonanz_command() -> list[str]:
    script = Path(sys.executable).with_name("resonanz.exe" if os.name == "nt" else "resonanz")
    return [str(script)] if script.exists() else [sys.executable, "-m", "resonanz"]


def test_self_test_passes_as_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RESONANZ_HOME": str(tmp_path / "home")}
    proc = subprocess.run([*_resonanz_command(), "--self-test"], check=False, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split(":")[1].strip() for line in lines[:-1]] == list(SELF_TEST_STEPS)
    assert lines[-1].startswith("self-test passed")
    assert "pdf: draft sheet written as PDF, A4" in proc.stdout
    assert not (tmp_path / "home").exists(), "the self-test must use its own temp folder"


def test_self_test_failure_is_one_line_and_status_1(tmp_path: Path) -> None:
    code = (
        "import sys, resonanz.gui.reports.report_pdf as r\n"
        "def broken(*a, **k): raise OSError('disk full')\n"
        "r.write_pdf = broken\n"
        "from resonanz.launcher import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1
    failures = [line for line in proc.stderr.splitlines() if line.startswith("self-test")]
    assert failures == ["self-test failed: pdf: OSError: disk full"], proc.stderr
    assert "self-test passed" not in proc.stdout
