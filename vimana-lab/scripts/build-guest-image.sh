#!/bin/sh
# Builds the Vimana lab guest image from Debian packages: a kernel (apt-get download + dpkg -x, not
# installed) and a busybox initramfs whose /init loads the virtio modules, prints
# "vimana-counter N" on the serial console every second and powers off on the ACPI power button
# (virsh shutdown) or on SIGTERM/SIGPWR/SIGUSR2.
#
# Output (the image directory the libvirt driver reads, see vimana-driver-libvirt/README.md):
#   $VIMANA_LAB_CACHE/images/vimana-busybox/vmlinuz      the kernel
#   $VIMANA_LAB_CACHE/images/vimana-busybox/initrd.img   the initramfs (gzip'd newc cpio)
#   $VIMANA_LAB_CACHE/images/vimana-busybox/cmdline      the kernel command line
#   $VIMANA_LAB_CACHE/images/vimana-busybox/disk.qcow2   an empty 64 MiB qcow2 base disk, so that
#                                                       VMs get a qcow2 overlay (snapshots need it)
# Prints the image directory on the last line of stdout. Idempotent: a second run only checks.
#
# Environment: VIMANA_LAB_CACHE (default ~/.cache/vimana/lab), VIMANA_KERNEL_PACKAGE (default: what
# linux-image-cloud-amd64 depends on, else linux-image-amd64's), VIMANA_GUEST_EXTRA (a directory
# copied over the initramfs root, e.g. to add a guest agent; /etc/vimana/rc.local runs if present).
set -eu

CACHE="${VIMANA_LAB_CACHE:-$HOME/.cache/vimana/lab}"
IMAGE_NAME=vimana-busybox
OUT="$CACHE/images/$IMAGE_NAME"
# Order matters: a module must follow the modules whose symbols it uses (LAB-NOTES).
MODULES="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_console virtio_blk button evdev"
REQUIRED_MODULES="virtio_ring virtio virtio_pci virtio_console"
INIT_VERSION=3 # bump when the initramfs content below changes

log() { echo "build-guest-image: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in apt-get apt-cache dpkg busybox cpio gzip; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found; run vimana-lab/scripts/install-lab-deps.sh"
done
[ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || die "busybox-static missing"
BUSYBOX="$(command -v busybox)"
file_of_busybox_is_static() { ! ldd "$BUSYBOX" >/dev/null 2>&1; }
file_of_busybox_is_static || die "$BUSYBOX is dynamically linked; install busybox-static"

mkdir -p "$CACHE/kernel" "$OUT"

# --- kernel --------------------------------------------------------------------------------------
resolve_kernel_package() {
  if [ -n "${VIMANA_KERNEL_PACKAGE:-}" ]; then echo "$VIMANA_KERNEL_PACKAGE"; return; fi
  for meta in linux-image-cloud-amd64 linux-image-amd64; do
    dep="$(apt-cache depends "$meta" 2>/dev/null | awk '/Depends: linux-image-/ {print $2; exit}')"
    if [ -n "$dep" ]; then echo "$dep"; return; fi
  done
  die "no linux-image-*-amd64 package known to apt (run apt-get update)"
}

PKG="$(cat "$CACHE/kernel/package" 2>/dev/null || true)"
if [ -z "$PKG" ] || [ ! -d "$CACHE/kernel/root/lib/modules" ]; then
  PKG="$(resolve_kernel_package)"
  log "downloading $PKG"
  rm -rf "$CACHE/kernel/root" "$CACHE/kernel"/*.deb
  (cd "$CACHE/kernel" && apt-get download "$PKG" >&2) || die "apt-get download $PKG failed"
  dpkg -x "$CACHE/kernel/${PKG}"_*.deb "$CACHE/kernel/root"
  rm -f "$CACHE/kernel"/*.deb
  echo "$PKG" >"$CACHE/kernel/package"
fi
KROOT="$CACHE/kernel/root"
KVER="$(ls "$KROOT/lib/modules" | head -n 1)"
[ -n "$KVER" ] || die "no /lib/modules in $PKG"
VMLINUZ="$KROOT/boot/vmlinuz-$KVER"
[ -f "$VMLINUZ" ] || die "no kernel $VMLINUZ in $PKG"

STAMP="$PKG init-$INIT_VERSION extra-${VIMANA_GUEST_EXTRA:-none}"
if [ -s "$OUT/initrd.img" ] && [ -s "$OUT/vmlinuz" ] && [ -s "$OUT/disk.qcow2" ] \
  && [ "$(cat "$OUT/stamp" 2>/dev/null)" = "$STAMP" ] && [ -z "${VIMANA_GUEST_EXTRA:-}" ]; then
  log "cached: $OUT ($PKG)"
  echo "$OUT"
  exit 0
fi

# --- initramfs -----------------------------------------------------------------------------------
WORK="$(mktemp -d "$CACHE/initramfs.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"
mkdir -p "$ROOT/bin" "$ROOT/sbin" "$ROOT/proc" "$ROOT/sys" "$ROOT/dev" "$ROOT/tmp" "$ROOT/run" \
  "$ROOT/etc/acpi/PWRF" "$ROOT/lib/modules" "$ROOT/mnt"
cp "$BUSYBOX" "$ROOT/bin/busybox"

find_module() {
  find "$KROOT/lib/modules/$KVER/kernel" -name "$1.ko" -o -name "$1.ko.xz" -o -name "$1.ko.zst" \
    | head -n 1
}
is_builtin() {
  grep -q "/$1.ko\$" "$KROOT/lib/modules/$KVER/modules.builtin" 2>/dev/null
}
: >"$ROOT/etc/modules"
for m in $MODULES; do
  src="$(find_module "$m")"
  if [ -z "$src" ]; then
    if is_builtin "$m"; then continue; fi
    case " $REQUIRED_MODULES " in
      *" $m "*) die "module $m neither built into $KVER nor shipped as a module" ;;
      *) log "optional module $m not found; skipped"; continue ;;
    esac
  fi
  case "$src" in
    *.ko.xz) xz -dc "$src" >"$ROOT/lib/modules/$m.ko" ;;
    *.ko.zst) zstd -qdc "$src" >"$ROOT/lib/modules/$m.ko" ;;
    *) cp "$src" "$ROOT/lib/modules/$m.ko" ;;
  esac
  echo "$m" >>"$ROOT/etc/modules"
done

# busybox acpid runs /etc/acpi/PWRF/00000080 when the ACPI power button is pressed (virsh shutdown).
cat >"$ROOT/etc/acpi/PWRF/00000080" <<'EOF'
#!/bin/sh
kill -USR2 1
EOF
chmod +x "$ROOT/etc/acpi/PWRF/00000080"

cat >"$ROOT/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
for m in $(cat /etc/modules); do
  insmod "/lib/modules/$m.ko" || echo "vimana-init: insmod $m failed"
done
hostname vimana-guest

halt_now() {
  echo "vimana-init: powering off"
  sync
  poweroff -f
}
trap halt_now TERM PWR USR2

# acpid turns the ACPI power button into "kill -USR2 1" (see /etc/acpi/PWRF/00000080).
acpid -c /etc/acpi -l /run/acpid.log || echo "vimana-init: acpid failed"
for p in /sys/class/virtio-ports/*; do
  [ -e "$p/name" ] && echo "vimana-init: virtio port ${p##*/} = $(cat "$p/name")"
done
[ -x /etc/vimana/rc.local ] && /etc/vimana/rc.local &

echo "vimana-ready uptime=$(cut -d' ' -f1 /proc/uptime)"
n=0
while true; do
  n=$((n + 1))
  echo "vimana-counter $n"
  # sleep in the background so that the trap runs at once when a signal comes
  sleep 1 &
  wait $!
done
EOF
chmod +x "$ROOT/init"

if [ -n "${VIMANA_GUEST_EXTRA:-}" ]; then
  [ -d "$VIMANA_GUEST_EXTRA" ] || die "VIMANA_GUEST_EXTRA=$VIMANA_GUEST_EXTRA is not a directory"
  cp -a "$VIMANA_GUEST_EXTRA/." "$ROOT/"
fi

(cd "$ROOT" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -9 >"$WORK/initrd.img"
SIZE="$(wc -c <"$WORK/initrd.img")"
# An empty cpio archive compresses to about 20-30 bytes (LAB-NOTES): demand a real size.
[ "$SIZE" -gt 100000 ] || die "initramfs is only $SIZE bytes; cpio failed"
(gzip -dc "$WORK/initrd.img" | cpio -t --quiet 2>/dev/null | grep -qx init) || die "initramfs has no /init"

cp "$VMLINUZ" "$OUT/vmlinuz"
mv "$WORK/initrd.img" "$OUT/initrd.img"
echo "console=ttyS0 loglevel=4 panic=-1" >"$OUT/cmdline"
if [ ! -s "$OUT/disk.qcow2" ]; then
  command -v qemu-img >/dev/null 2>&1 || die "qemu-img missing; run install-lab-deps.sh"
  qemu-img create -q -f qcow2 "$OUT/disk.qcow2" 64M
fi
echo "$STAMP" >"$OUT/stamp"
log "built $OUT: kernel $KVER, initramfs $SIZE bytes, modules: $(tr '\n' ' ' <"$ROOT/etc/modules")"
echo "$OUT"
