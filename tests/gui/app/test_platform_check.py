"""A first start on a desktop without Qt's xcb libraries: one line naming them and the install command, status 2.

The real `resonanz` process runs with a stub `ldd` first on PATH (the only fake); the offscreen
platform the tests use is never touched by the check.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from resonanz.gui.app import platform_check as pc

ROOT = Path(__file__).resolve().parents[3]
NOT_FOUND = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def stub_ldd(folder: Path, missing: list[str]) -> Path:
    """A `ldd` that reports `missing` as not found (twice, as real ldd does for shared deps) and logs its argument."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["\tlibQt6Core.so.6 => /opt/qt/libQt6Core.so.6 (0x1)", "\tlibxcb.so.1 => /lib/libxcb.so.1 (0x2)"]
    lines += [f"\t{name} => not found" for name in missing + missing]
    script = folder / "ldd"
    body = "\n".join(f"echo '{line}'" for line in lines)
    script.write_text(f'#!/bin/sh\necho "$1" >> "{folder}/called"\n{body}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


def desktop_env(tmp_path: Path, bin_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(DISPLAY=":97", PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", RESONANZ_HOME=str(tmp_path / "home"))
    env.update(extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists only on Linux")
def test_missing_xcb_libraries_give_one_line_and_status_2(tmp_path: Path) -> None:
    bin_dir = stub_ldd(tmp_path / "bin", NOT_FOUND)
    env = desktop_env(tmp_path, bin_dir)
    proc = subprocess.run([sys.executable, "-m", "resonanz"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("resonanz: cannot open a window: Qt's xcb platform plugin needs libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1 (not installed)")
    family = pc.distro_family()
    if family == "debian":
        assert line.endswith("Install with: sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")
    elif family == "fedora":
        assert line.endswith("Install with: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms")
    else:
        assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 (Debian/Ubuntu)" in line
    assert "Could not load the Qt platform plugin" not in proc.stderr
    assert (bin_dir / "called").read_text().strip().endswith("platforms/libqxcb.so")
    assert not (tmp_path / "home").exists()  # nothing was started


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists only on Linux")
def test_offscreen_is_never_checked(tmp_path: Path) -> None:
    """Even with DISPLAY set and every library "missing", offscreen starts the editor as before."""
    bin_dir = stub_ldd(tmp_path / "bin", NOT_FOUND)
    env = desktop_env(tmp_path, bin_dir, QT_QPA_PLATFORM="offscreen", RESONANZ_EXIT_WHEN_SHOWN="1")
    proc = subprocess.run([sys.executable, "-m", "resonanz"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "shown" in proc.stdout
    assert "cannot open a window" not in proc.stderr
    assert not (bin_dir / "called").exists()  # ldd was not even asked


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, True),
        ({}, False),
    ],
)
def test_only_an_xcb_start_is_checked(env, expected) -> None:
    assert pc.xcb_will_be_used(env, platform="linux") is expected
    assert pc.xcb_will_be_used(env, platform="win32") is False


def test_offscreen_check_needs_no_ldd(monkeypatch) -> None:
    monkeypatch.setattr(pc, "not_found", lambda *a: pytest.fail("ldd asked for offscreen"))
    assert pc.missing_platform_libraries({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) is None


def test_nothing_missing_means_no_message(tmp_path: Path) -> None:
    bin_dir = stub_ldd(tmp_path / "bin", [])
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    assert pc.not_found(plugin, {"PATH": str(bin_dir)}) == []
    assert pc.not_found(plugin, {"PATH": str(tmp_path / "nowhere")}) == []  # no ldd: no guess


@pytest.mark.parametrize(
    ("release", "family"),
    [('ID=ubuntu\nID_LIKE=debian\n', "debian"), ('ID=debian\n', "debian"), ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "debian"), ('ID=fedora\n', "fedora"), ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"), ('ID=arch\n', None)],
)
def test_distribution_family(tmp_path: Path, release: str, family) -> None:
    path = tmp_path / "os-release"
    path.write_text(release, encoding="utf-8")
    assert pc.distro_family(path) == family
    assert pc.distro_family(tmp_path / "missing") is None


def test_install_command_per_family() -> None:
    missing = ["libxcb-cursor.so.0", "libxcb-shape.so.0", "libxcb-randr.so.0"]
    assert pc.install_command(missing, "debian") == "sudo apt install libxcb-cursor0 libxcb-shape0 libxcb-randr0"
    assert pc.install_command(missing, "fedora") == "sudo dnf install xcb-util-cursor libxcb"  # one package, named once
    both = pc.install_command(missing, None)
    assert both.startswith("sudo apt install libxcb-cursor0") and "(Debian/Ubuntu) or sudo dnf install xcb-util-cursor libxcb (Fedora)" in both
    assert pc.install_command(["libunknown.so.9"], "debian") == "install the packages that provide them"


def test_readme_lists_the_packages_the_check_names() -> None:
    """The README's list next to the first command and the table the launcher uses agree."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = tomllib.loads((ROOT / "resources" / "qt_platform_libs.toml").read_text(encoding="utf-8"))["libs"]
    for soname in NOT_FOUND:
        debian, fedora = table[soname]
        assert debian in readme and fedora in readme, soname
