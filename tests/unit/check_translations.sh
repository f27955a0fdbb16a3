#!/usr/bin/env bash
# Runs lupdate over the sources into a copy of the committed Chinese .ts file and checks
# that nothing is unfinished: a string added to the code without a translation fails
# here, not only an entry left open in the file. The include paths are the build's (app/
# and the root, see chorus_add_library): without them lupdate cannot find the class
# declarations behind "ui/Foo.h" includes and files the ui strings under "Foo" instead of
# "chorus::ui::Foo", the context tr() looks them up in.
set -euo pipefail
lupdate="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp "$root/translations/chorus_zh_CN.ts" "$tmp/chorus_zh_CN.ts"
"$lupdate" -silent -no-obsolete -locations none -extensions cpp,h \
    -I "$root" -I "$root/app" "$root/app" "$root/ui" -ts "$tmp/chorus_zh_CN.ts"
"$root/tools/ts-fill" --check "$tmp/chorus_zh_CN.ts"
