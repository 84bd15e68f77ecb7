#!/bin/sh
# A lab "host": a libvirtd (plus its virtlogd) in its own mount namespace, with its own /run, its
# own /etc/libvirt (a copy with a host_uuid of its own), /var/lib/libvirt and /var/log/libvirt, and
# listening on qemu+tcp://127.0.0.1:PORT/system without authentication. Several of them on one
# machine act as several hosts: they live-migrate guests between each other.
#
#   lab-host.sh start NAME PORT [MIGRATION_PORT]
#                                 starts it (no-op if already running); prints its URI. Incoming
#                                 migrations use ports MIGRATION_PORT..+7 (default: libvirt's
#                                 49152-49215, which hosts sharing a network namespace would race for)
#   lab-host.sh stop NAME         destroys its running guests, stops its libvirtd, virtlogd and
#                                 namespace holder
#   lab-host.sh status NAME       exit 0 if its libvirtd runs
#   lab-host.sh kill NAME         SIGKILLs its libvirtd only (a crash): virtlogd, the guests and the
#                                 namespace stay
#   lab-host.sh restart NAME      starts its libvirtd again in the SAME mount namespace, so that it
#                                 re-attaches to the running guests; prints its URI
#
# State lives in $VIMANA_LAB_CACHE/hosts/NAME (default ~/.cache/vimana/lab/hosts/NAME): the config
# copies, libvirtd.pid, virtlogd.pid and holder.pid (the only processes stop kills, with the QEMU
# processes libvirt recorded in the namespace's /run/libvirt/qemu), libvirtd.log.
# The holder is a `sleep infinity` inside the namespace: it keeps the namespace (its /run tmpfs, the
# guests' state) alive while libvirtd is down, and restart enters it through /proc/HOLDER/ns/mnt.
# Files that guests use (disks, console logs, agent sockets) must live outside the namespaced
# directories so that the node, outside, sees them: the lab uses $VIMANA_LAB_CACHE/pool and friends.
# QEMU runs as root here (qemu.conf user/group) so that it can read images under a 0700 home.
set -eu

CACHE="${VIMANA_LAB_CACHE:-$HOME/.cache/vimana/lab}"
log() { echo "lab-host: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() { die "usage: lab-host.sh start NAME PORT [MIGRATION_PORT] | stop NAME | status NAME | kill NAME | restart NAME"; }
[ $# -ge 2 ] || usage
CMD="$1"
NAME="$2"
case "$NAME" in *[!a-zA-Z0-9_-]* | "") die "bad host name '$NAME'" ;; esac
DIR="$CACHE/hosts/$NAME"

running() { # pid: true while the process exists and is not a zombie (PID 1 may not reap them)
  [ -r "/proc/$1/stat" ] || return 1
  case "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" in Z | X | "") return 1 ;; esac
}

alive() { # pidfile comm
  [ -s "$1" ] || return 1
  pid="$(cat "$1")"
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && running "$pid"
}

uri_of() { echo "qemu+tcp://127.0.0.1:$1/system"; }

set_conf() { # file key value
  sed -i "/^#\?[[:space:]]*$2[[:space:]]*=/d" "$1"
  echo "$2 = $3" >>"$1"
}

await_libvirtd() { # on-failure: "stop" tears the host down, "keep" leaves its guests alone
  uri="$(uri_of "$(cat "$DIR/port")")"
  i=0
  while ! virsh -q -c "$uri" version >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 100 ] || { [ $i -gt 10 ] && ! alive "$DIR/libvirtd.pid" libvirtd; }; then
      tail -n 20 "$DIR/libvirtd.log" >&2 || true
      if [ "$1" = stop ]; then stop_host; fi
      die "libvirtd $NAME did not answer on $uri within 20 s"
    fi
    sleep 0.2
  done
}

start() {
  port="$1"
  case "$port" in *[!0-9]* | "") die "bad port '$port'" ;; esac
  if alive "$DIR/libvirtd.pid" libvirtd; then
    log "$NAME already running (pid $(cat "$DIR/libvirtd.pid"))"
    uri_of "$(cat "$DIR/port")"
    return 0
  fi
  for tool in libvirtd virtlogd unshare nsenter virsh; do
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
  if [ -n "$2" ]; then
    case "$2" in *[!0-9]*) die "bad migration port '$2'" ;; esac
    set_conf "$DIR/etc/qemu.conf" migration_port_min "$2"
    set_conf "$DIR/etc/qemu.conf" migration_port_max "$(($2 + 7))"
  fi
  echo "$port" >"$DIR/port"
  if alive "$DIR/holder.pid" sleep; then
    # Its libvirtd died but the namespace lives on, with its guests: start libvirtd in there.
    restart_libvirtd
    return 0
  fi
  rm -f "$DIR/libvirtd.pid" "$DIR/virtlogd.pid" "$DIR/holder.pid"

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
sleep infinity </dev/null >/dev/null 2>&1 &
echo \$! >"$DIR/holder.pid"
virtlogd </dev/null >>"$DIR/virtlogd.log" 2>&1 &
echo \$! >"$DIR/virtlogd.pid"
echo \$\$ >"$DIR/libvirtd.pid"
exec libvirtd --listen </dev/null >>"$DIR/libvirtd.log" 2>&1
EOF
  chmod +x "$DIR/ns-init.sh"
  mkdir -p /var/cache/libvirt
  # unshare without --fork execs the script, which execs libvirtd: one PID, recorded by the script.
  setsid unshare -m "$DIR/ns-init.sh" </dev/null >/dev/null 2>&1 &
  await_libvirtd stop
  log "$NAME up: libvirtd pid $(cat "$DIR/libvirtd.pid"), host_uuid $(cat "$DIR/host_uuid")"
  uri_of "$port"
}

in_namespace() { # pidfile logfile command...: runs it in the host's namespace, records its PID
  pidfile="$1"
  logfile="$2"
  shift 2
  # nsenter without --fork, then sh's exec: one PID, the one sh records.
  # shellcheck disable=SC2016
  setsid nsenter --mount="/proc/$(cat "$DIR/holder.pid")/ns/mnt" \
    sh -c 'echo $$ >"$1"; out="$2"; shift 2; exec "$@" </dev/null >>"$out" 2>&1' \
    sh "$pidfile" "$logfile" "$@" </dev/null >/dev/null 2>&1 &
}

restart_libvirtd() {
  alive "$DIR/holder.pid" sleep || die "$NAME has no namespace left to restart in; use start"
  if alive "$DIR/libvirtd.pid" libvirtd; then
    log "$NAME already running (pid $(cat "$DIR/libvirtd.pid"))"
    uri_of "$(cat "$DIR/port")"
    return 0
  fi
  if ! alive "$DIR/virtlogd.pid" virtlogd; then
    rm -f "$DIR/virtlogd.pid"
    in_namespace "$DIR/virtlogd.pid" "$DIR/virtlogd.log" virtlogd
  fi
  rm -f "$DIR/libvirtd.pid"
  in_namespace "$DIR/libvirtd.pid" "$DIR/libvirtd.log" libvirtd --listen
  await_libvirtd keep
  log "$NAME libvirtd restarted in its namespace: pid $(cat "$DIR/libvirtd.pid")"
  uri_of "$(cat "$DIR/port")"
}

kill_libvirtd() {
  alive "$DIR/libvirtd.pid" libvirtd || die "$NAME: libvirtd is not running"
  pid="$(cat "$DIR/libvirtd.pid")"
  kill -9 "$pid"
  i=0
  while running "$pid"; do
    i=$((i + 1))
    [ $i -le 100 ] || die "libvirtd $pid of $NAME survived SIGKILL for 10 s"
    sleep 0.1
  done
  log "$NAME libvirtd (pid $pid) killed; its guests and virtlogd run on"
}

stop_pid() { # pidfile comm
  if alive "$1" "$2"; then
    pid="$(cat "$1")"
    kill "$pid"
    i=0
    while running "$pid" && [ $i -lt 50 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    if running "$pid"; then kill -9 "$pid"; fi
  fi
  rm -f "$1"
}

stop_host() {
  if alive "$DIR/libvirtd.pid" libvirtd; then
    uri="$(uri_of "$(cat "$DIR/port")")"
    for dom in $(virsh -q -c "$uri" list --name 2>/dev/null); do
      virsh -q -c "$uri" destroy "$dom" >/dev/null 2>&1 || true
    done
  fi
  # Guests a dead libvirtd could not destroy (it was killed, or an incoming migration was left
  # half done): the QEMU PIDs libvirt recorded in the namespace's own /run.
  if alive "$DIR/holder.pid" sleep; then
    for f in "/proc/$(cat "$DIR/holder.pid")/root/run/libvirt/qemu/"*.pid; do
      [ -s "$f" ] || continue
      qpid="$(cat "$f")"
      case "$(cat "/proc/$qpid/comm" 2>/dev/null)" in
        qemu-system*) if running "$qpid"; then kill -9 "$qpid"; fi ;;
      esac
    done
  fi
  stop_pid "$DIR/libvirtd.pid" libvirtd
  stop_pid "$DIR/virtlogd.pid" virtlogd
  stop_pid "$DIR/holder.pid" sleep
  log "$NAME stopped"
}

case "$CMD" in
  start) [ $# -eq 3 ] || [ $# -eq 4 ] || usage; start "$3" "${4:-}" ;;
  stop) stop_host ;;
  status) alive "$DIR/libvirtd.pid" libvirtd ;;
  kill) kill_libvirtd ;;
  restart) restart_libvirtd ;;
  *) usage ;;
esac
