#!/usr/bin/env bash
# Package the PyInstaller bundle (dist/resonanz/, made by packaging/build.py) for Linux.
#
#   packaging/linux/package.sh tarball    -> dist/resonanz-<version>-linux-<arch>.tar.gz (with install.sh)
#   packaging/linux/package.sh appdir     -> dist/Resonanz.AppDir (what appimagetool turns into an AppImage)
#   packaging/linux/package.sh appimage   -> dist/Resonanz-<version>-<arch>.AppImage (needs appimagetool on PATH)
#
# The version comes from the bundle itself (`resonanz --version`), i.e. from resonanz/__init__.py.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=${BUNDLE:-$root/dist/resonanz}
dist=${DIST:-$root/dist}
app_id=io.github.resonanz_app.Resonanz
arch=$(uname -m)

[ -x "$bundle/resonanz" ] || { echo "package: no bundle at $bundle: run packaging/build.py first" >&2; exit 1; }
version=$("$bundle/resonanz" --version | awk '{print $2}')
[ -n "$version" ] || { echo "package: could not read the version from $bundle/resonanz" >&2; exit 1; }

# share/: desktop file, AppStream metainfo, icons (hicolor PNGs and the SVG)
install_share() {  # $1 = target share/ folder
  install -Dm644 "$here/$app_id.desktop" "$1/applications/$app_id.desktop"
  install -Dm644 "$here/$app_id.metainfo.xml" "$1/metainfo/$app_id.metainfo.xml"
  (cd "$here/icons" && find hicolor -type f -name "$app_id.*") | while read -r icon; do
    install -Dm644 "$here/icons/$icon" "$1/icons/$icon"
  done
}

tarball() {
  local name="resonanz-$version-linux-$arch"
  local stage; stage=$(mktemp -d)
  mkdir -p "$stage/$name/lib"
  cp -a "$bundle" "$stage/$name/lib/resonanz"
  install_share "$stage/$name/share"
  install -m644 "$root/LICENSE" "$root/CHANGELOG.md" "$stage/$name/"
  install -m755 "$here/install.sh" "$stage/$name/install.sh"
  tar -C "$stage" -czf "$dist/$name.tar.gz" "$name"
  rm -rf "$stage"
  echo "package: $dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1))"
}

appdir() {
  local dir="$dist/Resonanz.AppDir"
  rm -rf "$dir"
  mkdir -p "$dir/usr/lib"
  cp -a "$bundle" "$dir/usr/lib/resonanz"
  install_share "$dir/usr/share"
  # AppImage conventions: AppRun, the desktop file and the icon at the top of the AppDir
  cat > "$dir/AppRun" <<'APPRUN'
#!/bin/sh
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/resonanz/resonanz" "$@"
APPRUN
  chmod 755 "$dir/AppRun"
  cp "$here/$app_id.desktop" "$dir/$app_id.desktop"
  cp "$here/icons/hicolor/256x256/apps/$app_id.png" "$dir/$app_id.png"
  ln -sf "$app_id.png" "$dir/.DirIcon"
  echo "package: $dir"
}

appimage() {
  command -v appimagetool >/dev/null || {
    echo "package: appimagetool is not on PATH (https://github.com/AppImage/appimagetool/releases); the AppDir is ready" >&2
    appdir
    exit 1
  }
  appdir
  ARCH=$arch appimagetool "$dist/Resonanz.AppDir" "$dist/Resonanz-$version-$arch.AppImage"
  echo "package: $dist/Resonanz-$version-$arch.AppImage"
}

case "${1:-tarball}" in
  tarball) tarball ;;
  appdir) appdir ;;
  appimage) appimage ;;
  *) echo "usage: $0 tarball|appdir|appimage" >&2; exit 2 ;;
esac
