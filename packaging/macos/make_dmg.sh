#!/usr/bin/env bash
# macOS: turn dist/Resonanz.app (made by `python packaging/build.py` on a Mac) into a disk image.
#
#   packaging/macos/make_dmg.sh                     # unsigned: dist/Resonanz-<version>.dmg
#   IDENTITY="Developer ID Application: …" packaging/macos/make_dmg.sh   # signed (then notarize)
#
# Notarization (needs an Apple developer account):
#   xcrun notarytool submit dist/Resonanz-<version>.dmg --keychain-profile <profile> --wait
#   xcrun stapler staple dist/Resonanz-<version>.dmg
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/dist/Resonanz.app"
[ -d "$app" ] || { echo "make_dmg: no $app: run python packaging/build.py first" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
if [ -n "${IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$IDENTITY" "$app"
fi
"$app/Contents/MacOS/resonanz" --self-test
hdiutil create -volname "Resonanz $version" -srcfolder "$app" -ov -format UDZO "$root/dist/Resonanz-$version.dmg"
echo "make_dmg: $root/dist/Resonanz-$version.dmg"
