package org.vimana.guest.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.vimana.agent.ext.HealthCheck;
import org.vimana.agent.ext.Probe;
import org.vimana.guest.proc.Services;
import org.vimana.guest.proc.SystemRoot;

/** Runs health checks now, and keeps registered ones running at their interval. */
public final class HealthChecks {
  private static final int MAX_REGISTERED = 64;

  private final Prober prober;
  private final Services services;
  private final SystemRoot root;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<String, ScheduledFuture<?>> registered = new LinkedHashMap<>();
  private final Map<String, HealthCheck.Result> latest = new LinkedHashMap<>();

  public HealthChecks(
      Prober prober,
      Services services,
      SystemRoot root,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.prober = prober;
    this.services = services;
    this.root = root;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /** Runs the checks at once; registers them when asked (a name re-registered is replaced). */
  public List<HealthCheck.Result> run(HealthCheck.Args args) {
    List<HealthCheck.Result> out = new ArrayList<>();
    for (HealthCheck.Spec spec : args.checks()) {
      HealthCheck.Result r = check(spec);
      out.add(r);
      if (args.register()) {
        register(spec, r);
      }
    }
    return out;
  }

  private synchronized void register(HealthCheck.Spec spec, HealthCheck.Result first) {
    ScheduledFuture<?> old = registered.remove(spec.name());
    if (old != null) {
      old.cancel(false);
    } else if (registered.size() >= MAX_REGISTERED) {
      throw new IllegalArgumentException("at most " + MAX_REGISTERED + " registered checks");
    }
    latest.put(spec.name(), first);
    registered.put(
        spec.name(),
        scheduler.scheduleWithFixedDelay(
            () -> record(check(spec)),
            spec.intervalMillis(),
            spec.intervalMillis(),
            TimeUnit.MILLISECONDS));
  }

  private synchronized void record(HealthCheck.Result r) {
    latest.put(r.name(), r);
  }

  /** Latest result of every registered check, for vimana-status. */
  public synchronized List<HealthCheck.Result> latest() {
    return List.copyOf(latest.values());
  }

  HealthCheck.Result check(HealthCheck.Spec spec) {
    long t0 = System.nanoTime();
    boolean ok;
    String detail;
    try {
      switch (spec.type()) {
        case "process" -> {
          ok = services.processRunning(spec.target());
          detail = ok ? "process " + spec.target() + " running" : "no process " + spec.target();
        }
        case "file" -> {
          ok = Files.exists(root.path(spec.target()));
          detail = ok ? spec.target() + " exists" : spec.target() + " missing";
        }
        case "http" -> {
          Probe.Spec p = new Probe.Spec("http", spec.target(), null, spec.timeoutMillis());
          detail = prober.http(p, spec.expectStatus(), spec.expectBody());
          ok = true;
        }
        default -> {
          Probe.Result r =
              prober.run(
                  new Probe.Spec(spec.type(), spec.target(), spec.port(), spec.timeoutMillis()));
          ok = r.ok();
          detail = r.detail();
        }
      }
    } catch (IOException | RuntimeException e) {
      ok = false;
      detail = Prober.describe(e);
    }
    return new HealthCheck.Result(spec.name(), ok, Prober.ms(t0), detail, clock.millis());
  }
}
