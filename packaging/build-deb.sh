#!/usr/bin/env bash
# Build the Debian package: target/debian/visavis_VERSION-1_ARCH.deb.
# Needs cargo-deb (`cargo install cargo-deb`) and ImageMagick (`convert`, for the icon sizes).
# Fills the AppStream metadata from Cargo.toml (version, homepage) and the build date
# (SOURCE_DATE_EPOCH when set, else the last commit's date), then validates it and the desktop
# entry when desktop-file-validate and appstreamcli are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/packaging
mkdir -p "$out"

field() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" Cargo.toml | head -1; }
version=$(field version)
homepage=$(field homepage)
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
date=$(date -u -d "@$epoch" +%Y-%m-%d)

sed -e "s|@VERSION@|$version|g" -e "s|@DATE@|$date|g" -e "s|@HOMEPAGE@|$homepage|g" \
  packaging/fr.visavis.Visavis.metainfo.xml.in > "$out/fr.visavis.Visavis.metainfo.xml"

for size in 16 24 32 48 64 128 256; do
  mkdir -p "$out/icons/${size}x${size}"
  convert assets/icon.png -resize "${size}x${size}" "$out/icons/${size}x${size}/fr.visavis.Visavis.png"
done

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate packaging/fr.visavis.Visavis.desktop
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$out/fr.visavis.Visavis.metainfo.xml"
fi

SOURCE_DATE_EPOCH=$epoch cargo deb --locked "$@"
