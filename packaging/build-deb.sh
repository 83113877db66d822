#!/usr/bin/env bash
# Build the Debian package: target/debian/visavis_VERSION-1_ARCH.deb, then check what is in it.
# Needs cargo-deb (`cargo install cargo-deb --locked`) and ImageMagick (`convert`, for the icon
# sizes); the checks also use desktop-file-validate and appstreamcli when they are installed
# (`apt install desktop-file-utils appstream`), and say so when they are not.
# Arguments go to `cargo deb` (e.g. `--no-build` to repackage the last release build).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/packaging
mkdir -p "$out"

# --- Prerequisites, checked before the long build ---

missing=""
cargo deb --version >/dev/null 2>&1 || missing+=$'\n  cargo-deb: cargo install cargo-deb --locked'
# ImageMagick 7 calls it magick, 6 (Debian 12, Ubuntu 24.04) convert.
if command -v magick >/dev/null; then convert=magick
elif command -v convert >/dev/null; then convert=convert
else missing+=$'\n  ImageMagick: apt install imagemagick'
fi
command -v dpkg-deb >/dev/null || missing+=$'\n  dpkg-deb: apt install dpkg'
if [ -n "$missing" ]; then
  echo "build-deb.sh needs:$missing" >&2
  exit 1
fi

# --- Generated assets (the paths [package.metadata.deb] in Cargo.toml expects under target/) ---

# The AppStream metadata: version and homepage from Cargo.toml, the release date from
# SOURCE_DATE_EPOCH when set, else the last commit's date.
field() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" Cargo.toml | head -1; }
version=$(field version)
homepage=$(field homepage)
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
date=$(date -u -d "@$epoch" +%Y-%m-%d)
sed -e "s|@VERSION@|$version|g" -e "s|@DATE@|$date|g" -e "s|@HOMEPAGE@|$homepage|g" \
  packaging/fr.visavis.Visavis.metainfo.xml.in > "$out/fr.visavis.Visavis.metainfo.xml"

# The icon in each hicolor size.
sizes="16 24 32 48 64 128 256"
for size in $sizes; do
  mkdir -p "$out/icons/${size}x${size}"
  "$convert" assets/icon.png -resize "${size}x${size}" "$out/icons/${size}x${size}/fr.visavis.Visavis.png"
done

# --- The package ---

# The same epoch for the binary (the About dialog's build date) and the package's timestamps.
# cargo deb prints the package's path as its last line.
deb=$(SOURCE_DATE_EPOCH=$epoch cargo deb --locked "$@" | tail -n 1)
[ -f "$deb" ] || { echo "build-deb.sh: cargo deb did not name a package (got '$deb')" >&2; exit 1; }

# --- What is in it ---

fail() { echo "build-deb.sh: $deb: $*" >&2; failed=1; }
failed=0

# The control fields.
[ "$(dpkg-deb -f "$deb" Package)" = visavis ] || fail "control: Package is not visavis"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ] || fail "control: Version is not $version-1"
for name in Architecture Maintainer Description Depends; do
  [ -n "$(dpkg-deb -f "$deb" "$name")" ] || fail "control: no $name field"
done

# The files, from the listing (`dpkg-deb -c`: mode, owner, size, date, time, ./path).
listing=$(dpkg-deb -c "$deb")
has() { awk -v p="./$1" '$6 == p { found = 1 } END { exit !found }' <<< "$listing"; }
expected="usr/bin/visavis
usr/share/applications/fr.visavis.Visavis.desktop
usr/share/mime/packages/fr.visavis.Visavis.mime.xml
usr/share/metainfo/fr.visavis.Visavis.metainfo.xml
usr/share/doc/visavis/README.md
usr/share/doc/visavis/copyright
usr/share/doc/visavis/fonts/dialog-icons.LICENSE.txt
usr/share/doc/visavis/fonts/dialog-folders.OFL.txt
usr/share/doc/visavis/examples/segur-analyse-exemple.ron"
for size in $sizes; do
  expected+=$'\n'"usr/share/icons/hicolor/${size}x${size}/apps/fr.visavis.Visavis.png"
done
while read -r path; do
  has "$path" || fail "missing /$path"
done <<< "$expected"
awk '$6 == "./usr/bin/visavis" && $1 !~ /^-rwx/ { exit 1 }' <<< "$listing" ||
  fail "/usr/bin/visavis is not executable"

# The desktop entry and metainfo as shipped, extracted from the package.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
if command -v desktop-file-validate >/dev/null; then
  if desktop-file-validate "$tmp/usr/share/applications/fr.visavis.Visavis.desktop"; then
    echo "desktop entry: valid"
  else
    fail "the desktop entry does not validate (desktop-file-validate above)"
  fi
else
  echo "build-deb.sh: desktop entry not validated: desktop-file-validate is not installed" >&2
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$tmp/usr/share/metainfo/fr.visavis.Visavis.metainfo.xml" ||
    fail "the metainfo does not validate (appstreamcli above)"
else
  echo "build-deb.sh: metainfo not validated: appstreamcli is not installed" >&2
fi

if [ "$failed" = 1 ]; then
  echo "build-deb.sh: $deb is incomplete or invalid: do not install it" >&2
  exit 1
fi
echo "$deb: contents checked"
