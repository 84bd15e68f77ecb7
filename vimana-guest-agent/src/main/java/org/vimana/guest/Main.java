package org.vimana.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.vimana.guest.command.ShutdownCommand;
import org.vimana.guest.policy.AgentConfig;
import org.vimana.guest.policy.Policy;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.Interfaces;
import org.vimana.guest.proc.SystemRoot;
import org.vimana.guest.server.Agent;
import org.vimana.guest.server.Transport;

/**
 * {@code vimana-guest-agent [--config FILE] [--listen SPEC] [--block-rpcs a,b] [--allow-rpcs a,b]
 * [--root DIR]}. Command-line options override the config file (default /etc/vimana/agent.conf when
 * it exists). Exit codes: 0 stopped, 2 bad usage or config, 1 transport failure.
 */
public final class Main {
  static final Path DEFAULT_CONFIG = Path.of("/etc/vimana/agent.conf");

  private Main() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("vimana-guest-agent: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args) {
    Path configFile = Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
    String listen = null;
    String block = null;
    String allow = null;
    Path root = Path.of("/");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--version")) {
        System.out.println("vimana-guest-agent " + Agent.VERSION);
        return 0;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value; " + usage());
      }
      String v = args[++i];
      switch (a) {
        case "--config" -> configFile = Path.of(v);
        case "--listen" -> listen = v;
        case "--block-rpcs" -> block = v;
        case "--allow-rpcs" -> allow = v;
        case "--root" -> root = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a + "; " + usage());
      }
    }
    AgentConfig config = load(configFile);
    if (listen != null) {
      config = config.withListen(listen);
    }
    if (block != null || allow != null) {
      Policy p = config.policy();
      config =
          config.withPolicy(
              new Policy(
                  allow == null ? p.allow() : AgentConfig.list(allow),
                  block == null ? p.block() : AgentConfig.list(block)));
    }
    Transport transport = Transport.parse(config.listen());
    try (Agent agent =
        new Agent(
            config,
            new SystemRoot(root),
            Clock.systemUTC(),
            Filesystems.STATVFS,
            Interfaces.JAVA_NET,
            ShutdownCommand.SYSTEM)) {
      System.err.println("vimana-guest-agent " + Agent.VERSION + " serving on " + config.listen());
      transport.serve(agent);
      return 0;
    } catch (IOException e) {
      System.err.println("vimana-guest-agent: " + config.listen() + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static AgentConfig load(Path file) {
    if (file == null) {
      return AgentConfig.DEFAULT;
    }
    try {
      return AgentConfig.load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
    }
  }

  private static String usage() {
    return "usage: vimana-guest-agent [--config FILE] [--listen virtio[:NAME]|unix:PATH|"
        + "tcp:HOST:PORT|stdio] [--block-rpcs a,b] [--allow-rpcs a,b] [--root DIR]";
  }
}
