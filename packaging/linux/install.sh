#!/usr/bin/env bash
# Install Resonanz from this unpacked tarball for the current user (default) or system-wide:
#
#   ./install.sh                 # into ~/.local (no root needed)
#   sudo ./install.sh /usr/local # for everyone
#   ./install.sh --uninstall [PREFIX]
#
# Puts the program in PREFIX/lib/resonanz, the command in PREFIX/bin/resonanz, and the desktop
# file, AppStream metainfo and icons in PREFIX/share, so it appears in the application menu.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.resonanz_app.Resonanz
uninstall=0
if [ "${1:-}" = "--uninstall" ]; then uninstall=1; shift; fi
prefix=${1:-$HOME/.local}

files=(
  "share/applications/$app_id.desktop"
  "share/metainfo/$app_id.metainfo.xml"
)
while read -r icon; do files+=("share/$icon"); done < <(cd "$here/share" && find icons -type f -name "$app_id.*")

if [ "$uninstall" = 1 ]; then
  rm -rf "$prefix/lib/resonanz"
  rm -f "$prefix/bin/resonanz"
  for f in "${files[@]}"; do rm -f "$prefix/$f"; done
  echo "Resonanz removed from $prefix (your drafts and settings are kept)"
else
  rm -rf "$prefix/lib/resonanz"
  mkdir -p "$prefix/lib" "$prefix/bin"
  cp -a "$here/lib/resonanz" "$prefix/lib/resonanz"
  ln -sf "$prefix/lib/resonanz/resonanz" "$prefix/bin/resonanz"
  for f in "${files[@]}"; do install -Dm644 "$here/$f" "$prefix/$f"; done
  # the desktop file names the command; outside PATH, name the full path
  case ":$PATH:" in *":$prefix/bin:"*) ;; *)
    sed -i "s|^Exec=resonanz|Exec=$prefix/bin/resonanz|; s|^TryExec=resonanz|TryExec=$prefix/bin/resonanz|" \
      "$prefix/share/applications/$app_id.desktop" ;;
  esac
  echo "Resonanz installed in $prefix: run 'resonanz' or open it from the application menu"
fi
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
