#!/usr/bin/env bash
# Installs what building and testing Vimana needs on a fresh Debian machine (idempotent, quiet
# when everything is there). Usage: scripts/install-deps.sh [--postgres]
set -euo pipefail

want=()
command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])' \
  || want+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || want+=(maven)
if [[ " $* " == *" --postgres "* ]]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
fi

if ((${#want[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing packages: ${want[*]} — run as root or: sudo apt-get install -y ${want[*]}" >&2
    exit 1
  fi
  echo "installing: ${want[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi
