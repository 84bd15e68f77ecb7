package org.vimana.agent.ext;

import java.util.List;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.wire.Command;

/** The Vimana extension commands and event names, typed. */
public final class VimanaCommands {
  public static final Command<StatusRequest, StatusSnapshot> STATUS =
      Command.vimana("vimana-status", StatusRequest::toJson, StatusSnapshot::fromJson);
  public static final Command<Subscription.Args, Subscription.Ack> SUBSCRIBE =
      Command.vimana("vimana-subscribe", Subscription.Args::toJson, Subscription.Ack::fromJson);
  public static final Command<Command.NoArgs, JsonObject> UNSUBSCRIBE =
      Command.vimana(
          "vimana-unsubscribe", a -> JsonObject.empty(), v -> Expect.object(v, "return"));
  public static final Command<List<Probe.Spec>, List<Probe.Result>> PROBE =
      Command.vimana(
          "vimana-probe", Probe::args, v -> Expect.array(v, "return").map(Probe.Result::fromJson));
  public static final Command<HealthCheck.Args, List<HealthCheck.Result>> HEALTH_CHECK =
      Command.vimana(
          "vimana-health-check",
          HealthCheck.Args::toJson,
          v -> Expect.array(v, "return").map(HealthCheck.Result::fromJson));
  public static final Command<Command.NoArgs, Settings> SETTINGS =
      Command.vimana("vimana-settings", a -> JsonObject.empty(), Settings::fromJson);

  /** Pushed when a guest-exec process ends; data is {@link ExecExited}. */
  public static final String EVENT_EXEC_EXITED = "VIMANA_EXEC_EXITED";

  /** Pushed every subscription interval; data is {@link StatusSnapshot}. */
  public static final String EVENT_STATUS = "VIMANA_STATUS";

  /** Names of all extension commands, for capability checks. */
  public static final List<String> NAMES =
      List.of(
          STATUS.name(),
          SUBSCRIBE.name(),
          UNSUBSCRIBE.name(),
          PROBE.name(),
          HEALTH_CHECK.name(),
          SETTINGS.name());

  private VimanaCommands() {}
}
