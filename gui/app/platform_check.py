"""Before the first window: can Qt's xcb platform plugin load on this Linux desktop?

Without `libxcb-cursor0`, `libxcb-icccm4`, … Qt cannot load its "xcb" plugin and aborts inside
`QApplication()` with "Could not load the Qt platform plugin … Reinstalling the application may fix
this problem", which helps nobody. So before the QApplication exists, `missing_platform_libraries`
asks `ldd` which libraries of `libqxcb.so` are "not found", and `problem_line` turns them into one
console line with the install command (packages from resources/qt_platform_libs.toml).

Checked only where xcb will be used: Linux, a DISPLAY, QT_QPA_PLATFORM unset or xcb, and not a
Wayland session (there Qt takes its wayland plugin). offscreen, minimal, wayland, … are never
touched. Anything unexpected (no ldd, no plugin, a timeout) means "no problem found": the check can
only add a helpful message, never stop a start that would have worked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

EXIT_MISSING_LIBRARIES = 2
LDD_TIMEOUT_S = 10


def xcb_will_be_used(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True where Qt is about to load its xcb plugin."""
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland")


def xcb_plugin() -> Path | None:
    """Qt's libqxcb.so (in a venv, an install or a bundle), or None."""
    from PySide6.QtCore import QLibraryInfo

    path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def not_found(plugin: Path, env: Mapping[str, str] | None = None) -> list[str]:
    """Sonames `ldd` reports as "=> not found" for `plugin`, each once, in ldd's order."""
    ldd = shutil.which("ldd", path=(env or os.environ).get("PATH"))
    if ldd is None:
        return []
    try:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=LDD_TIMEOUT_S, env=dict(env) if env else None).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing: list[str] = []
    for line in out.splitlines():
        name, sep, where = line.strip().partition("=>")
        if sep and where.strip().startswith("not found") and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def packages() -> dict[str, tuple[str, str]]:
    """soname -> (Debian/Ubuntu package, Fedora package)."""
    table = tomllib.loads((resources.files("resonanz.resources") / "qt_platform_libs.toml").read_text(encoding="utf-8"))
    return {name: (pair[0], pair[1]) for name, pair in table["libs"].items()}


def distro_family(os_release: Path = Path("/etc/os-release")) -> str | None:
    """"debian", "fedora" or None, from ID and ID_LIKE of os-release."""
    try:
        text = os_release.read_text(encoding="utf-8")
    except OSError:
        return None
    ids: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("ID", "ID_LIKE"):
            ids += value.strip().strip('"').lower().split()
    if any(i in ("debian", "ubuntu") for i in ids):
        return "debian"
    if any(i in ("fedora", "rhel", "centos") for i in ids):
        return "fedora"
    return None


def install_command(missing: list[str], family: str | None) -> str:
    """The command that installs the packages for `missing` (both families if the distribution is unknown)."""
    table = packages()

    def names(column: int) -> str:
        return " ".join(dict.fromkeys(table[s][column] for s in missing if s in table))

    apt, dnf = names(0), names(1)
    if not apt:
        return "install the packages that provide them"
    commands = {"debian": f"sudo apt install {apt}", "fedora": f"sudo dnf install {dnf}"}
    if family in commands:
        return commands[family]
    return f"{commands['debian']} (Debian/Ubuntu) or {commands['fedora']} (Fedora)"


def problem_line(missing: list[str], family: str | None) -> str:
    """The one console line the launcher prints before it exits with status 2."""
    return (
        f"resonanz: cannot open a window: Qt's xcb platform plugin needs {', '.join(missing)} "
        f"(not installed). Install with: {install_command(missing, family)}"
    )


def missing_platform_libraries(env: Mapping[str, str] | None = None) -> str | None:
    """The problem line if Qt's xcb plugin will be used and cannot load; None otherwise."""
    env = os.environ if env is None else env
    if not xcb_will_be_used(env):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = not_found(plugin, env)
    return problem_line(missing, distro_family()) if missing else None


__all__ = ["EXIT_MISSING_LIBRARIES", "missing_platform_libraries", "problem_line", "xcb_will_be_used", "not_found", "distro_family"]
