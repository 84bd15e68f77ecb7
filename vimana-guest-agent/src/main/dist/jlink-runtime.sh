#!/bin/sh
# Builds the minimal Java runtime the guest agent needs: java.base only (the agent uses nothing
# else; jdk.net is not needed). Usage: jlink-runtime.sh OUTPUT_DIR [JAVA_HOME [TARBALL]]
# With TARBALL, also packs OUTPUT_DIR as runtime/... into it (the .deb takes it from there).
set -eu
out=${1:?usage: jlink-runtime.sh OUTPUT_DIR [JAVA_HOME [TARBALL]]}
home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
[ -n "$home" ] || home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
rm -rf "$out"
"$home/bin/jlink" --module-path "$home/jmods" --add-modules java.base \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out"
# Debian ships libjvm.so unstripped; its symbols are of no use in a guest.
if command -v strip >/dev/null 2>&1; then
  strip --strip-unneeded "$out"/lib/server/libjvm.so "$out"/lib/*.so 2>/dev/null || true
fi
# A class-data-sharing archive makes the first answer come sooner; it costs ~11 MB of disk.
# NO_CDS=1 leaves it out for the smallest image.
if [ -z "${NO_CDS:-}" ]; then
  "$out/bin/java" -Xshare:dump >/dev/null 2>&1 || true
fi
du -sh "$out"
if [ -n "${3:-}" ]; then
  tar -C "$(dirname "$out")" --transform "s,^$(basename "$out"),runtime," -czf "$3" "$(basename "$out")"
fi
