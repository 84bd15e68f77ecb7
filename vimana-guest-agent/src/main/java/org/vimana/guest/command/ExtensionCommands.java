package org.vimana.guest.command;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vimana.agent.ext.HealthCheck;
import org.vimana.agent.ext.Probe;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.ext.Subscription;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.json.JsonArray;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.wire.Event;
import org.vimana.guest.probe.HealthChecks;
import org.vimana.guest.probe.Prober;
import org.vimana.guest.proc.SettingsReader;
import org.vimana.guest.status.StatusCollector;

/** The vimana-* commands. */
public final class ExtensionCommands {
  private final StatusCollector status;
  private final Prober prober;
  private final HealthChecks health;
  private final SettingsReader settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;

  public ExtensionCommands(
      StatusCollector status,
      Prober prober,
      HealthChecks health,
      SettingsReader settings,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.status = status;
    this.prober = prober;
    this.health = health;
    this.settings = settings;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.of(
            VimanaCommands.STATUS.name(),
            (a, p) -> status.snapshot(StatusRequest.fromJson(a)).toJson()),
        CommandSpec.of(VimanaCommands.SUBSCRIBE.name(), (a, p) -> subscribe(a, p)),
        CommandSpec.of(
            VimanaCommands.UNSUBSCRIBE.name(),
            (a, p) -> {
              a.expectOnly();
              p.replaceSubscription(null);
              return JsonObject.empty();
            }),
        CommandSpec.of(
            VimanaCommands.PROBE.name(),
            (a, p) ->
                JsonArray.of(
                    Probe.parseArgs(a).stream().map(prober::run).toList(), r -> r.toJson())),
        CommandSpec.of(
            VimanaCommands.HEALTH_CHECK.name(),
            (a, p) -> JsonArray.of(health.run(HealthCheck.Args.fromJson(a)), r -> r.toJson())),
        CommandSpec.of(
            VimanaCommands.SETTINGS.name(),
            (a, p) -> {
              a.expectOnly();
              return settings.read(clock.instant()).toJson();
            }));
  }

  private JsonObject subscribe(JsonObject a, Peer peer) {
    Subscription.Args args = Subscription.Args.fromJson(a);
    StatusRequest req = new StatusRequest(args.topProcesses(), List.of(), args.sections());
    peer.replaceSubscription(
        scheduler.scheduleAtFixedRate(
            () -> {
              try {
                StatusSnapshot s = status.snapshot(req);
                peer.push(new Event(VimanaCommands.EVENT_STATUS, s.toJson(), clock.instant()));
              } catch (java.io.IOException | RuntimeException e) {
                // one failed tick must not end the subscription (scheduled tasks die on throw)
              }
            },
            args.intervalMillis(),
            args.intervalMillis(),
            TimeUnit.MILLISECONDS));
    return new Subscription.Ack(args.intervalMillis()).toJson();
  }
}
