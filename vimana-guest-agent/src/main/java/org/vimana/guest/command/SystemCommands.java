package org.vimana.guest.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestHostName;
import org.vimana.guest.proc.DiskStats;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.Interfaces;
import org.vimana.guest.proc.ProcStat;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.SystemInfo;
import org.vimana.guest.proc.SystemRoot;
import org.vimana.guest.proc.Users;
import org.vimana.guest.proc.Vcpus;

/** The read-only standard commands, each a thin mapping from a collector to QEMU's shape. */
public final class SystemCommands {
  private final SystemRoot root;
  private final Clock clock;
  private final SystemInfo info;
  private final Filesystems filesystems;
  private final Interfaces interfaces;
  private final Users users;

  public SystemCommands(
      SystemRoot root,
      Clock clock,
      Processes processes,
      Filesystems filesystems,
      Interfaces interfaces) {
    this.root = root;
    this.clock = clock;
    this.info = new SystemInfo(root);
    this.filesystems = filesystems;
    this.interfaces = interfaces;
    this.users = new Users(root, processes);
  }

  public List<CommandSpec> specs() {
    return List.of(
        none("guest-ping", JsonObject::empty),
        CommandSpec.of("guest-sync", (a, p) -> sync(a)),
        CommandSpec.of("guest-sync-delimited", (a, p) -> sync(a)),
        none("guest-get-osinfo", () -> info.osInfo().toJson()),
        none("guest-get-host-name", () -> new GuestHostName(info.hostName()).toJson()),
        none("guest-get-time", () -> JsonValue.of(nanos(clock.instant()))),
        none("guest-get-timezone", () -> info.timezone(clock.instant()).toJson()),
        none(
            "guest-get-users",
            () ->
                JsonArray.of(
                    users.loggedIn(ProcStat.read(root).bootTimeSeconds()), u -> u.toJson())),
        none("guest-get-fsinfo", () -> JsonArray.of(filesystems.fsinfo(), f -> f.toJson())),
        none(
            "guest-network-get-interfaces", () -> JsonArray.of(interfaces.read(), i -> i.toJson())),
        none("guest-get-vcpus", () -> JsonArray.of(Vcpus.read(root), v -> v.toJson())),
        none(
            "guest-get-cpustats",
            () -> JsonArray.of(ProcStat.read(root).cpus(), c -> c.toQga().toJson())),
        none(
            "guest-get-diskstats",
            () -> JsonArray.of(DiskStats.read(root), d -> d.toQga().toJson())));
  }

  /** A command without arguments: any argument is "unexpected", as in QEMU. */
  interface NoArgHandler {
    JsonValue get() throws Exception;
  }

  static CommandSpec none(String name, NoArgHandler h) {
    return CommandSpec.of(
        name,
        (a, p) -> {
          a.expectOnly();
          return h.get();
        });
  }

  private static JsonValue sync(JsonObject a) {
    a.expectOnly("id");
    return JsonValue.of(a.integer("id"));
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
