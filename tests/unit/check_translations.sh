#!/usr/bin/env bash
# Runs lupdate over the sources into a copy of the committed Chinese .ts file and checks
# that nothing is unfinished: a string added to the code without a translation fails
# here, not only an entry left open in the file.
set -euo pipefail
lupdate="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp "$root/translations/chorus_zh_CN.ts" "$tmp/chorus_zh_CN.ts"
"$lupdate" -silent -no-obsolete -locations none -extensions cpp,h \
    "$root/app" "$root/ui" -ts "$tmp/chorus_zh_CN.ts"
"$root/tools/ts-fill" --check "$tmp/chorus_zh_CN.ts"
