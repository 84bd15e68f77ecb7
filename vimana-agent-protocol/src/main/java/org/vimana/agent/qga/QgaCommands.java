package org.vimana.agent.qga;

import java.util.List;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.wire.Command;
import org.vimana.agent.wire.Command.NoArgs;

/** The standard QEMU guest agent commands Vimana uses, typed. */
public final class QgaCommands {
  public static final Command<NoArgs, JsonObject> PING =
      Command.qga("guest-ping", v -> Expect.object(v, "return"));
  public static final Command<Long, Long> SYNC_DELIMITED =
      Command.qga(
          "guest-sync-delimited",
          id -> JsonObject.builder().put("id", id).build(),
          v -> Expect.integer(v, "return"));
  public static final Command<NoArgs, GuestAgentInfo> INFO =
      Command.qga("guest-info", GuestAgentInfo::fromJson);
  public static final Command<NoArgs, GuestOsInfo> GET_OSINFO =
      Command.qga("guest-get-osinfo", GuestOsInfo::fromJson);
  public static final Command<NoArgs, GuestHostName> GET_HOST_NAME =
      Command.qga("guest-get-host-name", GuestHostName::fromJson);
  public static final Command<NoArgs, Long> GET_TIME =
      Command.qga("guest-get-time", v -> Expect.integer(v, "return"));
  public static final Command<NoArgs, GuestTimezone> GET_TIMEZONE =
      Command.qga("guest-get-timezone", GuestTimezone::fromJson);
  public static final Command<NoArgs, List<GuestUser>> GET_USERS =
      Command.qga("guest-get-users", v -> Expect.array(v, "return").map(GuestUser::fromJson));
  public static final Command<NoArgs, List<GuestFilesystemInfo>> GET_FSINFO =
      Command.qga(
          "guest-get-fsinfo", v -> Expect.array(v, "return").map(GuestFilesystemInfo::fromJson));
  public static final Command<NoArgs, List<GuestNetworkInterface>> NETWORK_GET_INTERFACES =
      Command.qga(
          "guest-network-get-interfaces",
          v -> Expect.array(v, "return").map(GuestNetworkInterface::fromJson));
  public static final Command<NoArgs, List<GuestLogicalProcessor>> GET_VCPUS =
      Command.qga(
          "guest-get-vcpus", v -> Expect.array(v, "return").map(GuestLogicalProcessor::fromJson));
  public static final Command<NoArgs, List<GuestCpuStats>> GET_CPUSTATS =
      Command.qga(
          "guest-get-cpustats", v -> Expect.array(v, "return").map(GuestCpuStats::fromJson));
  public static final Command<NoArgs, List<GuestDiskStatsInfo>> GET_DISKSTATS =
      Command.qga(
          "guest-get-diskstats", v -> Expect.array(v, "return").map(GuestDiskStatsInfo::fromJson));
  public static final Command<GuestExec.Args, GuestExec.Started> EXEC =
      Command.qga("guest-exec", GuestExec.Args::toJson, GuestExec.Started::fromJson);
  public static final Command<Long, GuestExec.Status> EXEC_STATUS =
      Command.qga(
          "guest-exec-status",
          pid -> JsonObject.builder().put("pid", pid).build(),
          GuestExec.Status::fromJson);
  public static final Command<GuestFile.OpenArgs, Long> FILE_OPEN =
      Command.qga("guest-file-open", GuestFile.OpenArgs::toJson, v -> Expect.integer(v, "return"));
  public static final Command<GuestFile.ReadArgs, GuestFile.Read> FILE_READ =
      Command.qga("guest-file-read", GuestFile.ReadArgs::toJson, GuestFile.Read::fromJson);
  public static final Command<GuestFile.WriteArgs, GuestFile.Write> FILE_WRITE =
      Command.qga("guest-file-write", GuestFile.WriteArgs::toJson, GuestFile.Write::fromJson);
  public static final Command<GuestFile.Handle, JsonValue> FILE_CLOSE =
      Command.qga("guest-file-close", GuestFile.Handle::toJson, v -> v);

  /** guest-shutdown sends no reply on success; mode is "halt", "powerdown" or "reboot". */
  public static final Command<String, JsonValue> SHUTDOWN =
      new Command<>(
          "guest-shutdown",
          mode -> JsonObject.builder().putOpt("mode", mode).build(),
          v -> v,
          false,
          false);

  private QgaCommands() {}
}
