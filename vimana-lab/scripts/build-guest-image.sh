#!/bin/sh
# Builds the Vimana lab guest image from Debian packages: a kernel (apt-get download + dpkg -x, not
# installed) and a busybox initramfs whose /init loads the virtio modules, prints
# "vimana-counter N" on the serial console every second and powers off on the ACPI power button
# (virsh shutdown) or on SIGTERM/SIGPWR/SIGUSR2. The i6300esb watchdog driver is loaded (when the
# kernel ships it: Debian's cloud kernels do not; VIMANA_IMAGE_VARIANT=watchdog builds an image on
# the generic kernel that has it)
# but the watchdog is never opened, except when the kernel command line has "vimana.watchdog_test":
# then the module gets heartbeat=2 and /init opens /dev/watchdog once and closes it without the
# magic 'V', so that the (virtual) watchdog fires a few seconds later (driver tests). With a guest agent (the default when one is
# given, see below) the image also carries the Vimana guest agent with a jlink'd Java runtime and
# the host's glibc/libstdc++ it needs, started at boot on the virtio-serial port org.vimana.agent.0
# and restarted when it exits; and, for comparison benchmarks, Debian's qemu-ga and
# prometheus-node-exporter, NOT started unless the kernel command line has "vimana.compare" or
# someone runs /usr/sbin/vimana-compare-agents in the guest.
#
# Output (the image directory the libvirt driver reads, see vimana-driver-libvirt/README.md):
#   $VIMANA_LAB_CACHE/images/vimana-busybox/vmlinuz      the kernel
#   $VIMANA_LAB_CACHE/images/vimana-busybox/initrd.img   the initramfs (gzip'd newc cpio)
#   $VIMANA_LAB_CACHE/images/vimana-busybox/cmdline      the kernel command line
#   $VIMANA_LAB_CACHE/images/vimana-busybox/disk.qcow2   the qcow2 base disk, so that VMs get a qcow2
#                                                       overlay (snapshots need it): empty, 64 MiB;
#                                                       with the agent a 256 MiB ext4 file system
#                                                       holding it (mounted at /opt/vimana)
# Prints the image directory on the last line of stdout. Idempotent: a second run only checks.
#
# Environment: VIMANA_LAB_CACHE (default ~/.cache/vimana/lab), VIMANA_KERNEL_PACKAGE (default: what
# linux-image-cloud-amd64 depends on, else linux-image-amd64's), VIMANA_GUEST_EXTRA (a directory
# copied over the initramfs root; /etc/vimana/rc.local runs if present),
#   VIMANA_IMAGE_VARIANT    empty (the default image above) or "watchdog": images/
#                           vimana-busybox-watchdog on what linux-image-amd64 depends on (kernel
#                           cached in $VIMANA_LAB_CACHE/kernel-generic), i6300esb required, no agent
#   VIMANA_GUEST_AGENT      the agent's .deb as the Maven build of vimana-guest-agent makes it
#                           (default $VIMANA_LAB_CACHE/agent/vimana-guest-agent.deb, where the lab
#                           harness puts the one it carries); "none" builds the image without it
#   VIMANA_GUEST_AGENT_RUNTIME  a jlink'd runtime directory for the agent (default: the .deb's own
#                           runtime when it was built with -Pguest-runtime, else one made here once
#                           with the same jlink options as vimana-guest-agent/src/main/dist/
#                           jlink-runtime.sh from $JAVA_HOME or the `java` on the PATH, cached)
set -eu

CACHE="${VIMANA_LAB_CACHE:-$HOME/.cache/vimana/lab}"
# Order matters: a module must follow the modules whose symbols it uses (LAB-NOTES).
MODULES="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_console virtio_blk button evdev watchdog i6300esb"
REQUIRED_MODULES="virtio_ring virtio virtio_pci virtio_console"
INIT_VERSION=5 # bump when the initramfs content below changes
DISK_MIB=256   # the base disk's size when it carries the agent (else an empty 64 MiB one)

log() { echo "build-guest-image: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The variant picks the image name (so one never replaces another in the cache), the kernel and
# its own kernel cache. "watchdog": Debian's generic kernel, whose i6300esb module (the cloud
# kernel has none) must then be there, and no guest agent unless VIMANA_GUEST_AGENT names one.
# Every variant skips, at boot, the kernel's crypto self-tests (cryptomgr.notests), the kdf108
# self-test and the kprobe-events tracer's set-up: 0.33-0.48, 0.08 and 0.15 s of a TCG lab guest's
# boot by initcall_debug (nothing in the lab traces the guest's kernel). Boot-to-boot noise under
# TCG is larger than these: see the PVH entry below for the two measured together.
FAST_BOOT="cryptomgr.notests initcall_blacklist=crypto_kdf108_init,init_kprobe_trace"
# Every variant boots with no_timer_check: on a loaded host a TCG guest's IO-APIC timer check
# struggles ("..MP-BIOS bug: 8254 timer not connected to IO-APIC" seen) and can panic ("IO-APIC +
# timer doesn't work!"), which with panic=-1 is a reboot; one lab guest rebooted by itself at load
# 30 before its watchdog fired.
CMDLINE_EXTRA=" no_timer_check $FAST_BOOT"
case "${VIMANA_IMAGE_VARIANT:-}" in
  "")
    IMAGE_NAME=vimana-busybox KCACHE="$CACHE/kernel"
    KERNEL_METAS="linux-image-cloud-amd64 linux-image-amd64"
    ;;
  watchdog)
    IMAGE_NAME=vimana-busybox-watchdog KCACHE="$CACHE/kernel-generic" KERNEL_METAS=linux-image-amd64
    REQUIRED_MODULES="$REQUIRED_MODULES watchdog i6300esb"
    VIMANA_GUEST_AGENT="${VIMANA_GUEST_AGENT:-none}"
    ;;
  *) die "VIMANA_IMAGE_VARIANT=$VIMANA_IMAGE_VARIANT: unknown (empty or watchdog)" ;;
esac
OUT="$CACHE/images/$IMAGE_NAME"

for tool in apt-get apt-cache dpkg busybox cpio gzip; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found; run vimana-lab/scripts/install-lab-deps.sh"
done
[ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || die "busybox-static missing"
BUSYBOX="$(command -v busybox)"
file_of_busybox_is_static() { ! ldd "$BUSYBOX" >/dev/null 2>&1; }
file_of_busybox_is_static || die "$BUSYBOX is dynamically linked; install busybox-static"

mkdir -p "$KCACHE" "$OUT"

# --- guest agent: functions ----------------------------------------------------------------------
JLINK_VERSION=1 # bump when the jlink options below change
sha() { sha256sum "$1" | cut -c1-16; }

# Sets AGENT_ROOT (the .deb unpacked), RUNTIME (a jlink'd java.base runtime), NODE_EXPORTER_PKG,
# QEMU_GA and AGENT_STAMP (the identity of all of them: checksums and versions).
agent_prepare() {
  deb_sum="$(sha "$1")"
  AGENT_ROOT="$CACHE/agent/deb-$deb_sum"
  if [ ! -d "$AGENT_ROOT/usr/lib/vimana-guest-agent" ]; then
    dpkg -x "$1" "$AGENT_ROOT.tmp$$" || die "cannot unpack $1"
    [ -s "$AGENT_ROOT.tmp$$/usr/lib/vimana-guest-agent/vimana-guest-agent.jar" ] \
      || die "$1 has no /usr/lib/vimana-guest-agent/vimana-guest-agent.jar"
    # tmp + rename everywhere: labs sharing the cache may build at the same time
    rm -rf "$AGENT_ROOT" && mv "$AGENT_ROOT.tmp$$" "$AGENT_ROOT"
  fi
  if [ -n "${VIMANA_GUEST_AGENT_RUNTIME:-}" ]; then
    RUNTIME="$VIMANA_GUEST_AGENT_RUNTIME"
    [ -x "$RUNTIME/bin/java" ] || die "VIMANA_GUEST_AGENT_RUNTIME=$RUNTIME has no bin/java"
    runtime_id="dir-$(cd "$RUNTIME" && find . -type f -printf '%P %s %T@\n' | LC_ALL=C sort \
      | sha256sum | cut -c1-16)"
  elif [ -x "$AGENT_ROOT/usr/lib/vimana-guest-agent/runtime/bin/java" ]; then
    RUNTIME="$AGENT_ROOT/usr/lib/vimana-guest-agent/runtime"
    runtime_id="deb"
  else
    jlink_runtime
  fi
  fetch_node_exporter
  QEMU_GA="$(command -v qemu-ga || true)"
  [ -n "$QEMU_GA" ] || QEMU_GA=/usr/sbin/qemu-ga
  [ -x "$QEMU_GA" ] || die "qemu-ga missing; run install-lab-deps.sh (package qemu-guest-agent)"
  qga_version="$(dpkg-query -W -f '${Version}' qemu-guest-agent 2>/dev/null || sha "$QEMU_GA")"
  AGENT_STAMP="agent-$deb_sum runtime-$runtime_id qemu-ga-$qga_version $NODE_EXPORTER_PKG"
}

# The same jlink as vimana-guest-agent/src/main/dist/jlink-runtime.sh (java.base only, stripped,
# a CDS archive), made once per JDK into the cache.
jlink_runtime() {
  home="${JAVA_HOME:-}"
  if [ -z "$home" ] || [ ! -x "$home/bin/jlink" ]; then
    java_bin="$(command -v java || true)"
    [ -n "$java_bin" ] || die "no JAVA_HOME and no java on the PATH: cannot jlink the agent's runtime"
    home="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
  fi
  [ -x "$home/bin/jlink" ] && [ -d "$home/jmods" ] \
    || die "$home has no jlink or jmods (install openjdk-17-jdk-headless, or set VIMANA_GUEST_AGENT_RUNTIME)"
  runtime_id="jlink$JLINK_VERSION-$(sha "$home/release")"
  RUNTIME="$CACHE/agent/runtime-$runtime_id"
  [ -x "$RUNTIME/bin/java" ] && return 0
  log "jlink'ing the agent's runtime from $home"
  tmp="$RUNTIME.tmp$$"
  "$home/bin/jlink" --module-path "$home/jmods" --add-modules java.base --strip-debug \
    --no-header-files --no-man-pages --compress=2 --output "$tmp" >&2 || die "jlink failed"
  if command -v strip >/dev/null 2>&1; then
    strip --strip-unneeded "$tmp"/lib/server/libjvm.so "$tmp"/lib/*.so 2>/dev/null || true
  fi
  "$tmp/bin/java" -Xshare:dump >/dev/null 2>&1 || log "no CDS archive (java -Xshare:dump failed)"
  rm -rf "$RUNTIME" && mv "$tmp" "$RUNTIME"
}

# Debian's prometheus-node-exporter (a static Go binary), apt-get download + dpkg -x, cached;
# sets NODE_EXPORTER_PKG.
fetch_node_exporter() {
  dir="$CACHE/compare"
  pkg="$(cat "$dir/node-exporter.package" 2>/dev/null || true)"
  if [ -z "$pkg" ] || [ ! -x "$dir/root/usr/bin/prometheus-node-exporter" ]; then
    tmp="$dir/tmp$$"
    mkdir -p "$tmp"
    log "downloading prometheus-node-exporter"
    (cd "$tmp" && apt-get download prometheus-node-exporter >&2) \
      || die "apt-get download prometheus-node-exporter failed"
    pkg="$(basename "$(ls "$tmp"/prometheus-node-exporter_*.deb)" .deb)"
    dpkg -x "$tmp/$pkg.deb" "$tmp/root"
    [ -x "$tmp/root/usr/bin/prometheus-node-exporter" ] || die "$pkg has no /usr/bin/prometheus-node-exporter"
    rm -rf "$dir/root" && mv "$tmp/root" "$dir/root" && rm -rf "$tmp"
    echo "$pkg" >"$dir/node-exporter.package"
  fi
  NODE_EXPORTER_PKG="$pkg"
}

# Copies the shared libraries that $2... need (ldd) into the tree $1 at the same paths: a busybox
# initramfs has no libc of its own.
copy_libs() {
  dest="$1"
  shift
  for lib in $(ldd "$@" 2>/dev/null | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | sort -u); do
    case "$lib" in "$RUNTIME"/*) continue ;; esac
    mkdir -p "$dest$(dirname "$lib")"
    [ -e "$dest$lib" ] || cp -L "$lib" "$dest$lib"
  done
}

# The agent, its runtime and libraries, qemu-ga and node-exporter go on the base disk ($2, mounted
# at /opt/vimana at boot), not into the initramfs $1: an initramfs lives in the guest's RAM and
# would need 65 MB of it; from a disk only the pages used are read. The initramfs gets symlinks.
agent_install() {
  root="$1"
  disk="$2"
  mkdir -p "$disk/usr/lib/vimana-guest-agent" "$disk/usr/sbin" "$disk/usr/bin" "$root/etc/vimana" \
    "$root/usr/lib" "$root/usr/sbin" "$root/usr/bin" "$root/lib" "$root/opt/vimana"
  cp "$AGENT_ROOT/usr/lib/vimana-guest-agent/vimana-guest-agent.jar" "$disk/usr/lib/vimana-guest-agent/"
  cp "$AGENT_ROOT/usr/sbin/vimana-guest-agent" "$disk/usr/sbin/"
  [ ! -f "$AGENT_ROOT/etc/vimana/agent.conf" ] || cp "$AGENT_ROOT/etc/vimana/agent.conf" "$root/etc/vimana/"
  cp -a "$RUNTIME" "$disk/usr/lib/vimana-guest-agent/runtime"
  cp "$QEMU_GA" "$disk/usr/sbin/qemu-ga"
  cp "$CACHE/compare/root/usr/bin/prometheus-node-exporter" "$disk/usr/bin/"
  copy_libs "$disk" "$RUNTIME/bin/java" "$RUNTIME"/lib/*.so "$RUNTIME"/lib/server/*.so "$QEMU_GA"
  agent_cds_archive "$disk" "$root/etc/vimana/agent.conf"
  for l in lib64 lib/x86_64-linux-gnu usr/lib/vimana-guest-agent usr/sbin/vimana-guest-agent \
    usr/sbin/qemu-ga usr/bin/prometheus-node-exporter; do
    [ -e "$disk/$l" ] || die "$l missing from the agent's disk tree"
    ln -s "/opt/vimana/$l" "$root/$l"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\n' >"$root/etc/group"
  cat >"$root/usr/sbin/vimana-compare-agents" <<'EOS'
#!/bin/sh
# Starts the agents Vimana's guest agent is measured against (not started by default): qemu-ga on
# the port org.qemu.guest_agent.0 if the VM has one (else on /run/qemu-ga.sock), and
# prometheus-node-exporter on 127.0.0.1:9100. The guest's uptime at each one's first answer goes
# to /run/vimana/<name>.first-answer.
mkdir -p /run/vimana
cut -d' ' -f1 /proc/uptime >/run/vimana/compare.started
port=""
for p in /sys/class/virtio-ports/*; do
  [ "$(cat "$p/name" 2>/dev/null)" = org.qemu.guest_agent.0 ] && port="/dev/${p##*/}"
done
if [ -n "$port" ]; then
  setsid /usr/sbin/qemu-ga -m virtio-serial -p "$port" -t /run -f /run/qemu-ga.pid -l /run/qemu-ga.log &
else
  setsid /usr/sbin/qemu-ga -m unix-listen -p /run/qemu-ga.sock -t /run -f /run/qemu-ga.pid -l /run/qemu-ga.log &
fi
echo $! >/run/vimana/qemu-ga.pid
setsid /usr/bin/prometheus-node-exporter --web.listen-address=127.0.0.1:9100 >/run/node-exporter.log 2>&1 &
echo $! >/run/vimana/node-exporter.pid
until wget -q -O /dev/null http://127.0.0.1:9100/metrics 2>/dev/null; do usleep 20000; done
cut -d' ' -f1 /proc/uptime >/run/vimana/node-exporter.first-answer
EOS
  chmod +x "$root/usr/sbin/vimana-compare-agents"
}

# A CDS archive made for the agent, $1/usr/lib/vimana-guest-agent/agent.jsa, and the runtime's own
# options, $1/usr/lib/vimana-guest-agent/runtime.opts, both read by the launcher. The archive is a
# static one holding exactly the JDK and agent classes the agent loads (a training run writes the
# list, -Xshare:dump writes it): under TCG, loading and verifying the agent's classes from the jar is
# seconds of its start, and this archive is smaller than the JDK's default one that it replaces (less
# RSS). The JVM accepts it only for the same runtime and the same jar path, size and mtime, so both
# steps run the guest's own launcher, runtime and jar inside a chroot of the disk tree, where they
# sit at the guest's paths; the training run reads the image's config file ($2, when there is one,
# as the agent does at each start) and serves a few requests on stdio. Without unshare/chroot (or
# when a step fails) the image has no archive and the agent starts with the runtime's default.
agent_cds_archive() {
  disk="$1"
  config="${2:-}"
  lib=/usr/lib/vimana-guest-agent
  # glibc keeps the C heap that the JIT and the status snapshots freed; from 17.0.9 the JVM can trim it
  if "$disk$lib/runtime/bin/java" -XX:TrimNativeHeapInterval=10000 -version >/dev/null 2>&1; then
    echo "-XX:TrimNativeHeapInterval=10000" >"$disk$lib/runtime.opts"
  fi
  if ! command -v unshare >/dev/null 2>&1 || ! command -v chroot >/dev/null 2>&1; then
    log "no unshare or chroot: the agent gets no CDS archive of its own"
    return 0
  fi
  mkdir -p "$disk/proc" "$disk/.cds"
  cp "$BUSYBOX" "$disk/.cds/busybox"
  config_arg=""
  if [ -f "$config" ]; then
    cp "$config" "$disk/.cds/agent.conf"
    config_arg="--config /.cds/agent.conf"
  fi
  # What the agent does in its first minutes: answer the host's handshake, pings and statuses.
  printf '%s\n' '{"execute":"guest-sync-delimited","arguments":{"id":1}}' \
    '{"execute":"guest-sync","arguments":{"id":2}}' '{"execute":"guest-ping"}' \
    '{"execute":"guest-info"}' '{"execute":"vimana-status"}' \
    '{"execute":"vimana-status","arguments":{"top-processes":100}}' \
    '{"execute":"guest-get-osinfo"}' '{"execute":"guest-get-host-name"}' \
    '{"execute":"guest-network-get-interfaces"}' '{"execute":"guest-get-fsinfo"}' \
    '{"execute":"vimana-settings"}' '{"execute":"guest-exec","arguments":{"path":"/.cds/busybox","arguments":["true"],"capture-output":true}}' \
    '{"execute":"vimana-subscribe","arguments":{"interval-ms":200,"top-processes":5}}' \
    '{"execute":"guest-ping","id":"with-id"}' >"$disk/.cds/requests"
  # shellcheck disable=SC2016
  if (cat "$disk/.cds/requests"; sleep 2) | unshare -m sh -c 'mount -t proc proc "$1/proc" &&
      VIMANA_AGENT_JAVA_OPTS="-XX:DumpLoadedClassList=/.cds/classlist" \
      chroot "$1" /.cds/busybox sh /usr/sbin/vimana-guest-agent $3 --listen stdio &&
      VIMANA_AGENT_JAVA_OPTS="-Xshare:dump -XX:SharedClassListFile=/.cds/classlist -XX:SharedArchiveFile=$2/agent.jsa" \
      chroot "$1" /.cds/busybox sh /usr/sbin/vimana-guest-agent' sh "$disk" "$lib" "$config_arg" \
      >"$disk/.cds/out" 2>&1 && [ -s "$disk$lib/agent.jsa" ]; then
    log "CDS archive for the agent: $(wc -l <"$disk/.cds/classlist") classes, $(wc -c <"$disk$lib/agent.jsa") bytes"
  else
    log "no CDS archive for the agent (dump failed: $(tail -n 3 "$disk/.cds/out" | tr '\n' ' '))"
    rm -f "$disk$lib/agent.jsa"
  fi
  rm -rf "$disk/.cds"
  rmdir "$disk/proc" 2>/dev/null || true
}

# --- kernel --------------------------------------------------------------------------------------
resolve_kernel_package() {
  if [ -n "${VIMANA_KERNEL_PACKAGE:-}" ]; then echo "$VIMANA_KERNEL_PACKAGE"; return; fi
  for meta in $KERNEL_METAS; do
    dep="$(apt-cache depends "$meta" 2>/dev/null | awk '/Depends: linux-image-/ {print $2; exit}')"
    if [ -n "$dep" ]; then echo "$dep"; return; fi
  done
  die "no linux-image-*-amd64 package known to apt (run apt-get update)"
}

PKG="$(cat "$KCACHE/package" 2>/dev/null || true)"
if [ -z "$PKG" ] || [ ! -d "$KCACHE/root/lib/modules" ]; then
  PKG="$(resolve_kernel_package)"
  log "downloading $PKG"
  rm -rf "$KCACHE/root" "$KCACHE"/*.deb
  (cd "$KCACHE" && apt-get download "$PKG" >&2) || die "apt-get download $PKG failed"
  dpkg -x "$KCACHE/${PKG}"_*.deb "$KCACHE/root"
  rm -f "$KCACHE"/*.deb
  echo "$PKG" >"$KCACHE/package"
fi
KROOT="$KCACHE/root"
KVER="$(ls "$KROOT/lib/modules" | head -n 1)"
[ -n "$KVER" ] || die "no /lib/modules in $PKG"
VMLINUZ="$KROOT/boot/vmlinuz-$KVER"
[ -f "$VMLINUZ" ] || die "no kernel $VMLINUZ in $PKG"
KCONFIG="$KROOT/boot/config-$KVER"
BOOT_KERNEL="$VMLINUZ"
# A TCG guest unpacks a compressed kernel slowly: the generic kernel is xz-compressed (12 s to init
# instead of 6 at load 12, ~45 s at load 15-30), and the cloud kernel's lz4 is unpacked by emulated
# code too. So the image gets the ELF vmlinux from inside the bzImage (the first stream of the
# kernel's own format, xz or lz4, checked for the ELF magic), which QEMU boots directly through its
# PVH entry (CONFIG_PVH), nothing to decompress; cached next to the kernel (53-66 MB). Cloud kernel
# with the boot options above, boots alternated with the old image: QEMU start to the agent's first
# answer 1.16 s sooner (median of paired differences, sooner in 8 of 10 pairs; an earlier set of 6
# pairs: 0.23 s, 4 of 6). Without the tool or the ELF the image boots the bzImage (logged).
unpack_vmlinux() {
  # The kernel's config says how it is compressed (another format's magic bytes can occur inside).
  if grep -q '^CONFIG_KERNEL_XZ=y' "$KCONFIG"; then
    tool=xz magic="$(printf '\3757zXZ')"
  elif grep -q '^CONFIG_KERNEL_LZ4=y' "$KCONFIG"; then
    tool=lz4 magic="$(printf '\2\41\114\30')"
  else
    log "$VMLINUZ is neither xz- nor lz4-compressed"
    return 1
  fi
  command -v "$tool" >/dev/null 2>&1 || { log "no $tool to unpack $VMLINUZ"; return 1; }
  off="$(LC_ALL=C grep -abo "$magic" "$VMLINUZ" | head -n 1 | cut -d: -f1)"
  [ -n "$off" ] || return 1
  # The tool stops at its stream's end and may complain about what follows: check the result.
  tail -c "+$((off + 1))" "$VMLINUZ" | "$tool" -dc >"$KCACHE/vmlinux.tmp$$" 2>/dev/null || true
  if [ "$(head -c 4 "$KCACHE/vmlinux.tmp$$" 2>/dev/null | tail -c 3)" = ELF ]; then
    mv "$KCACHE/vmlinux.tmp$$" "$KCACHE/vmlinux-$KVER"
  else
    rm -f "$KCACHE/vmlinux.tmp$$"
    return 1
  fi
}
if grep -q '^CONFIG_PVH=y' "$KCONFIG"; then
  [ -s "$KCACHE/vmlinux-$KVER" ] || unpack_vmlinux \
    || log "cannot unpack vmlinux from $VMLINUZ; the image boots the compressed kernel"
  [ ! -s "$KCACHE/vmlinux-$KVER" ] || BOOT_KERNEL="$KCACHE/vmlinux-$KVER"
fi

# --- guest agent and the agents it is compared with (optional) -----------------------------------
AGENT_DEB="${VIMANA_GUEST_AGENT:-$CACHE/agent/vimana-guest-agent.deb}"
AGENT_STAMP="agent-none"
if [ "$AGENT_DEB" = none ] || { [ -z "${VIMANA_GUEST_AGENT:-}" ] && [ ! -s "$AGENT_DEB" ]; }; then
  AGENT_DEB=""
  log "no guest agent (no $CACHE/agent/vimana-guest-agent.deb): image without it"
else
  [ -s "$AGENT_DEB" ] || die "VIMANA_GUEST_AGENT=$AGENT_DEB is not a file"
  agent_prepare "$AGENT_DEB" # fetches or builds what is missing, sets AGENT_STAMP
fi

# The script's own checksum too: any change to the image content here rebuilds it.
STAMP="$PKG init-$INIT_VERSION-$(sha "$0") extra-${VIMANA_GUEST_EXTRA:-none} $AGENT_STAMP"
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
WATCHDOG_TEST=""
grep -qw vimana.watchdog_test /proc/cmdline && WATCHDOG_TEST=1
for m in $(cat /etc/modules); do
  args=""
  [ "$m" = i6300esb ] && [ -n "$WATCHDOG_TEST" ] && args="heartbeat=2"
  insmod "/lib/modules/$m.ko" $args || echo "vimana-init: insmod $m failed"
done
hostname vimana-guest
# The base disk, when it has a file system, holds the guest agent (see agent_install).
mount -t ext4 /dev/vda /opt/vimana 2>/dev/null && echo "vimana-init: /dev/vda on /opt/vimana"
ifconfig lo 127.0.0.1 up 2>/dev/null || echo "vimana-init: no loopback"

# The guest agent, when the image has one and the VM has its port; restarted when it exits, as
# systemd's Restart=always would. Extra JVM options from /run/vimana/agent.opts (benchmarks).
agent_loop() {
  while true; do
    cut -d' ' -f1 /proc/uptime >/run/vimana/agent.started
    VIMANA_AGENT_JAVA_OPTS="$(cat /run/vimana/agent.opts 2>/dev/null)" \
      /usr/sbin/vimana-guest-agent --listen virtio:org.vimana.agent.0 >>/run/vimana/agent.log 2>&1
    echo "vimana-init: guest agent exited ($?); restarting"
    sleep 1
  done
}
mkdir -p /run/vimana
if [ -x /usr/sbin/vimana-guest-agent ] \
  && grep -qx org.vimana.agent.0 /sys/class/virtio-ports/*/name 2>/dev/null; then
  agent_loop &
  echo "vimana-init: guest agent starting uptime=$(cut -d' ' -f1 /proc/uptime)"
fi

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
if grep -qw vimana.compare /proc/cmdline && [ -x /usr/sbin/vimana-compare-agents ]; then
  /usr/sbin/vimana-compare-agents &
fi
# Driver tests only: arm the watchdog and let it starve. Closing /dev/watchdog without writing the
# magic 'V' leaves the timer running (no nowayout needed); nothing feeds it afterwards.
if [ -n "$WATCHDOG_TEST" ]; then
  if [ -c /dev/watchdog ]; then
    echo 1 >/dev/watchdog && echo "vimana-init: watchdog test: /dev/watchdog armed, not fed"
  else
    echo "vimana-init: watchdog test: no /dev/watchdog"
  fi
fi

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

if [ -n "$AGENT_DEB" ]; then
  agent_install "$ROOT" "$WORK/disk"
fi

if [ -n "${VIMANA_GUEST_EXTRA:-}" ]; then
  [ -d "$VIMANA_GUEST_EXTRA" ] || die "VIMANA_GUEST_EXTRA=$VIMANA_GUEST_EXTRA is not a directory"
  cp -a "$VIMANA_GUEST_EXTRA/." "$ROOT/"
fi

(cd "$ROOT" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -9 >"$WORK/initrd.img"
SIZE="$(wc -c <"$WORK/initrd.img")"
# An empty cpio archive compresses to about 20-30 bytes (LAB-NOTES): demand a real size.
[ "$SIZE" -gt 100000 ] || die "initramfs is only $SIZE bytes; cpio failed"
(gzip -dc "$WORK/initrd.img" | cpio -t --quiet 2>/dev/null | grep -qx init) || die "initramfs has no /init"

# Renames, not copies over: other labs may be starting VMs from this image right now.
cp "$BOOT_KERNEL" "$OUT/vmlinuz.new" && mv "$OUT/vmlinuz.new" "$OUT/vmlinuz"
mv "$WORK/initrd.img" "$OUT/initrd.img"
echo "console=ttyS0 loglevel=4 panic=-1$CMDLINE_EXTRA" >"$OUT/cmdline"
command -v qemu-img >/dev/null 2>&1 || die "qemu-img missing; run install-lab-deps.sh"
if [ -n "$AGENT_DEB" ]; then
  # An ext4 file system (no journal: lab guests are often destroyed, and ext4 is built into
  # Debian's kernels) holding the agent's tree, with room for the guest's own files.
  command -v mke2fs >/dev/null 2>&1 || die "mke2fs missing (package e2fsprogs)"
  truncate -s "${DISK_MIB}M" "$WORK/disk.raw"
  mke2fs -q -t ext4 -O ^has_journal -L vimana-lab -E root_owner=0:0 -d "$WORK/disk" "$WORK/disk.raw" \
    || die "mke2fs -d failed"
  qemu-img convert -q -f raw -O qcow2 "$WORK/disk.raw" "$OUT/disk.qcow2.new"
  mv "$OUT/disk.qcow2.new" "$OUT/disk.qcow2"
elif [ ! -s "$OUT/disk.qcow2" ] || grep -q ' agent-[0-9a-f]' "$OUT/stamp" 2>/dev/null; then
  qemu-img create -q -f qcow2 "$OUT/disk.qcow2.new" 64M
  mv "$OUT/disk.qcow2.new" "$OUT/disk.qcow2"
fi
echo "$STAMP" >"$OUT/stamp"
log "built $OUT: kernel $KVER, initramfs $SIZE bytes, modules: $(tr '\n' ' ' <"$ROOT/etc/modules")"
echo "$OUT"
