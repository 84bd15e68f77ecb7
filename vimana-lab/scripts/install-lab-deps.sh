#!/bin/sh
# Installs the Debian packages the Vimana lab needs (QEMU, libvirt, busybox-static, cpio,
# qemu-guest-agent, the stock agent Vimana's guest agent is tested and measured against, and xz and
# lz4 to unpack the guest kernel so that it boots without decompressing itself).
# Idempotent: does nothing when every package is already installed. Needs root (or sudo).
set -eu

PACKAGES="qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients libvirt-daemon-driver-qemu busybox-static cpio qemu-guest-agent xz-utils lz4"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "lab packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing:$missing"
# Installing libvirt-daemon-system must not start services on a machine without systemd.
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
