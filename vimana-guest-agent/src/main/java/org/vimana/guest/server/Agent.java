package org.vimana.guest.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.vimana.guest.command.CommandSpec;
import org.vimana.guest.command.Dispatcher;
import org.vimana.guest.command.ExecCommands;
import org.vimana.guest.command.ExtensionCommands;
import org.vimana.guest.command.FileCommands;
import org.vimana.guest.command.ShutdownCommand;
import org.vimana.guest.command.SystemCommands;
import org.vimana.guest.exec.ExecManager;
import org.vimana.guest.policy.AgentConfig;
import org.vimana.guest.probe.HealthChecks;
import org.vimana.guest.probe.Prober;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.Interfaces;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.Services;
import org.vimana.guest.proc.SettingsReader;
import org.vimana.guest.proc.SystemInfo;
import org.vimana.guest.proc.SystemRoot;
import org.vimana.guest.status.StatusCollector;

/** The agent's object graph, wired by hand; sessions share its dispatcher and pools. */
public final class Agent implements AutoCloseable {
  /** Threads running requests that carry an id; few, since the guest's CPUs are not ours. */
  static final int WORKERS = 2;

  /** Requests with an id waiting for a worker, across all sessions. */
  static final int QUEUE = 64;

  public static final String VERSION = version();

  private final AgentConfig config;
  private final Dispatcher dispatcher;
  private final ExecutorService workers;
  private final ScheduledExecutorService scheduler;

  public Agent(
      AgentConfig config,
      SystemRoot root,
      Clock clock,
      Filesystems.SpaceLookup space,
      Interfaces.AddressLookup addresses,
      ShutdownCommand.Action shutdown) {
    this.config = config;
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            daemon("agent-worker"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("agent-scheduler"));
    Filesystems filesystems = new Filesystems(root, space);
    Prober prober = new Prober();
    // One process table for status, health checks and guest-get-users: it holds each process's
    // stat file open between scans, so a second one would hold a second set of descriptors.
    Processes processes = new Processes(root);
    HealthChecks health =
        new HealthChecks(prober, new Services(root, processes), root, clock, scheduler);
    StatusCollector status =
        new StatusCollector(root, clock, processes, filesystems, config.services(), health::latest);
    List<CommandSpec> specs = new ArrayList<>();
    specs.addAll(
        new SystemCommands(root, clock, processes, filesystems, new Interfaces(root, addresses))
            .specs());
    specs.addAll(new FileCommands(config.policy(), config.maxMessageBytes() / 2).specs());
    specs.addAll(new ExecCommands(new ExecManager(64, config.execOutputLimit(), clock)).specs());
    specs.add(new ShutdownCommand(shutdown).spec());
    specs.addAll(
        new ExtensionCommands(
                status,
                prober,
                health,
                new SettingsReader(root, new SystemInfo(root)),
                scheduler,
                clock)
            .specs());
    this.dispatcher = new Dispatcher(config.policy(), VERSION, specs);
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public AgentConfig config() {
    return config;
  }

  /** A session over the given streams, sharing this agent's pools. */
  public Session session(String name, java.io.InputStream in, java.io.OutputStream out) {
    return new Session(name, in, out, dispatcher, workers, config.maxMessageBytes());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static String version() {
    String v = Agent.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    scheduler.shutdownNow();
  }
}
