#!/bin/sh
# A lab "host": a libvirtd (plus its virtlogd) in its own mount namespace, with its own /run, its
# own /etc/libvirt (a copy with a host_uuid of its own), /var/lib/libvirt and /var/log/libvirt, and
# listening on qemu+tcp://127.0.0.1:PORT/system without authentication. Several of them on one
# machine act as several hosts: they live-migrate guests between each other.
#
#   lab-host.sh start NAME PORT   starts it (no-op if already running); prints its URI
#   lab-host.sh stop NAME         destroys its running guests, stops its libvirtd and virtlogd
#   lab-host.sh status NAME       exit 0 if running
#
# State lives in $VIMANA_LAB_CACHE/hosts/NAME (default ~/.cache/vimana/lab/hosts/NAME): the config
# copies, libvirtd.pid and virtlogd.pid (the only processes stop kills), libvirtd.log.
# Files that guests use (disks, console logs, agent sockets) must live outside the namespaced
# directories so that the node, outside, sees them: the lab uses $VIMANA_LAB_CACHE/pool and friends.
# QEMU runs as root here (qemu.conf user/group) so that it can read images under a 0700 home.
set -eu

CACHE="${VIMANA_LAB_CACHE:-$HOME/.cache/vimana/lab}"
log() { echo "lab-host: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() { die "usage: lab-host.sh start NAME PORT | stop NAME | status NAME"; }
[ $# -ge 2 ] || usage
CMD="$1"
NAME="$2"
case "$NAME" in *[!a-zA-Z0-9_-]* | "") die "bad host name '$NAME'" ;; esac
DIR="$CACHE/hosts/$NAME"

alive() { # pidfile comm
  [ -s "$1" ] || return 1
  pid="$(cat "$1")"
  [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$2" ]
}

uri_of() { echo "qemu+tcp://127.0.0.1:$1/system"; }

set_conf() { # file key value
  sed -i "/^#\?[[:space:]]*$2[[:space:]]*=/d" "$1"
  echo "$2 = $3" >>"$1"
}

start() {
  port="$1"
  case "$port" in *[!0-9]* | "") die "bad port '$port'" ;; esac
  if alive "$DIR/libvirtd.pid" libvirtd; then
    log "$NAME already running (pid $(cat "$DIR/libvirtd.pid"))"
    uri_of "$(cat "$DIR/port")"
    return 0
  fi
  for tool in libvirtd virtlogd unshare virsh; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool missing; run install-lab-deps.sh"
  done
  mkdir -p "$DIR/lib" "$DIR/log" "$DIR/cache"
  if [ ! -d "$DIR/etc" ]; then
    cp -a /etc/libvirt "$DIR/etc"
    rm -f "$DIR/etc/qemu/networks/autostart/"*.xml
  fi
  [ -s "$DIR/host_uuid" ] || cat /proc/sys/kernel/random/uuid >"$DIR/host_uuid"
  conf="$DIR/etc/libvirtd.conf"
  set_conf "$conf" host_uuid "\"$(cat "$DIR/host_uuid")\""
  set_conf "$conf" listen_tls 0
  set_conf "$conf" listen_tcp 1
  set_conf "$conf" tcp_port "\"$port\""
  set_conf "$conf" listen_addr '"127.0.0.1"'
  set_conf "$conf" auth_tcp '"none"'
  set_conf "$DIR/etc/qemu.conf" user '"root"'
  set_conf "$DIR/etc/qemu.conf" group '"root"'
  echo "$port" >"$DIR/port"
  rm -f "$DIR/libvirtd.pid" "$DIR/virtlogd.pid"

  cat >"$DIR/ns-init.sh" <<EOF
#!/bin/sh
set -e
mount --make-rprivate /
mount -t tmpfs tmpfs /run
mkdir -p /run/libvirt /run/lock
mount --bind "$DIR/lib" /var/lib/libvirt
mount --bind "$DIR/etc" /etc/libvirt
mount --bind "$DIR/log" /var/log/libvirt
mount --bind "$DIR/cache" /var/cache/libvirt
virtlogd </dev/null >>"$DIR/virtlogd.log" 2>&1 &
echo \$! >"$DIR/virtlogd.pid"
echo \$\$ >"$DIR/libvirtd.pid"
exec libvirtd --listen </dev/null >>"$DIR/libvirtd.log" 2>&1
EOF
  chmod +x "$DIR/ns-init.sh"
  mkdir -p /var/cache/libvirt
  # unshare without --fork execs the script, which execs libvirtd: one PID, recorded by the script.
  setsid unshare -m "$DIR/ns-init.sh" </dev/null >/dev/null 2>&1 &
  uri="$(uri_of "$port")"
  i=0
  while ! virsh -q -c "$uri" version >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then
      tail -n 20 "$DIR/libvirtd.log" >&2 || true
      stop_host
      die "libvirtd $NAME did not answer on $uri within 20 s"
    fi
    sleep 0.2
  done
  log "$NAME up: libvirtd pid $(cat "$DIR/libvirtd.pid"), host_uuid $(cat "$DIR/host_uuid")"
  echo "$uri"
}

stop_host() {
  if alive "$DIR/libvirtd.pid" libvirtd; then
    uri="$(uri_of "$(cat "$DIR/port")")"
    for dom in $(virsh -q -c "$uri" list --name 2>/dev/null); do
      virsh -q -c "$uri" destroy "$dom" >/dev/null 2>&1 || true
    done
  fi
  for d in libvirtd virtlogd; do
    if alive "$DIR/$d.pid" "$d"; then
      pid="$(cat "$DIR/$d.pid")"
      kill "$pid"
      i=0
      while [ -d "/proc/$pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
      [ -d "/proc/$pid" ] && kill -9 "$pid"
    fi
    rm -f "$DIR/$d.pid"
  done
  log "$NAME stopped"
}

case "$CMD" in
  start) [ $# -eq 3 ] || usage; start "$3" ;;
  stop) stop_host ;;
  status) alive "$DIR/libvirtd.pid" libvirtd ;;
  *) usage ;;
esac
