#!/usr/bin/env bash
# The .deb that `cpack -G DEB` makes holds the binary, desktop file, metainfo and icon,
# its metainfo validates, and the packaged binary answers --version.
set -euo pipefail
build="$1"; version="$2"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/chorus_"$version"_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/chorus ./usr/share/applications/im.chorus.Chorus.desktop \
         ./usr/share/metainfo/im.chorus.Chorus.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/im.chorus.Chorus.svg; do
    grep -q " $f\$" <<<"$contents" || { echo "missing from package: $f"; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libqt6sql6-sqlite || { echo "Depends lacks the SQLite driver"; exit 1; }
dpkg-deb -x "$deb" "$out/root"
appstreamcli validate --no-net "$out/root/usr/share/metainfo/im.chorus.Chorus.metainfo.xml"
got=$(env -u DISPLAY "$out/root/usr/bin/chorus" --version)
[[ "$got" == "chorus $version" ]] || { echo "packaged chorus --version said: $got"; exit 1; }
echo "package ok: $(basename "$deb")"
