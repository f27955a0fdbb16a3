#!/usr/bin/env bash
# The .deb that `cpack -G DEB` makes holds the binary, desktop file, metainfo and icon,
# and the local demo's helpers; its metainfo validates, the packaged binary answers
# --version and the packaged helpers run.
set -euo pipefail
build="$1"; version="$2"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/chorus_"$version"_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/chorus ./usr/share/applications/im.chorus.Chorus.desktop \
         ./usr/share/metainfo/im.chorus.Chorus.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/im.chorus.Chorus.svg \
         ./usr/libexec/chorus/devserver ./usr/libexec/chorus/demoseed ./usr/libexec/chorus/crowd \
         ./usr/share/chorus/demo/groups.json; do
    grep -q " $f\$" <<<"$contents" || { echo "missing from package: $f"; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libqt6sql6-sqlite || { echo "Depends lacks the SQLite driver"; exit 1; }
dpkg-deb -f "$deb" Depends | grep -q python3 || { echo "Depends lacks python3 (devserver)"; exit 1; }
dpkg-deb -f "$deb" Suggests | grep -q prosody || { echo "Suggests lacks prosody (the demo)"; exit 1; }
dpkg-deb -x "$deb" "$out/root"
for tool in devserver demoseed crowd; do
    "$out/root/usr/libexec/chorus/$tool" --help >/dev/null || { echo "packaged $tool does not run"; exit 1; }
done
appstreamcli validate --no-net "$out/root/usr/share/metainfo/im.chorus.Chorus.metainfo.xml"
got=$(env -u DISPLAY "$out/root/usr/bin/chorus" --version)
[[ "$got" == "chorus $version" ]] || { echo "packaged chorus --version said: $got"; exit 1; }
echo "package ok: $(basename "$deb")"
