package org.vimana.bench.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.client.ClientOptions;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.qga.QgaCommands;

/**
 * One lab guest set up for the agent comparison, through virsh: the domain Vimana's driver defined
 * gets a second channel, {@code org.qemu.guest_agent.0} (libvirt's own socket, so that {@code virsh
 * qemu-agent-command} works), and {@code vimana.compare} on its kernel command line, which makes
 * the guest start qemu-ga and prometheus-node-exporter at boot beside the Vimana agent.
 */
final class AgentGuest {
  private final String uri;
  private final String name;

  AgentGuest(String uri, String name) {
    this.uri = uri;
    this.name = name;
  }

  /** Adds the qemu-ga channel and the compare flag to the (defined, not running) domain. */
  void prepareForComparison(Path work) throws IOException, InterruptedException {
    String xml = virsh("dumpxml", name);
    if (!xml.contains("</cmdline>") || !xml.contains("</devices>")) {
      throw new IOException("domain " + name + " has no kernel command line or no devices");
    }
    String changed =
        xml.replace("</cmdline>", " vimana.compare</cmdline>")
            .replace(
                "</devices>",
                "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/>"
                    + "</channel></devices>");
    Path file = work.resolve(name + ".xml");
    Files.writeString(file, changed);
    virsh("define", file.toString());
  }

  /** One {@code virsh qemu-agent-command NAME guest-ping} (a process per call, the stock way). */
  boolean virshPing(int timeoutSeconds) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "virsh",
                "-c",
                uri,
                "qemu-agent-command",
                "--timeout",
                Integer.toString(timeoutSeconds),
                name,
                "{\"execute\":\"guest-ping\"}")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  /**
   * Runs {@code path} in the guest through qemu-ga the stock way, to its exit: {@code virsh
   * qemu-agent-command guest-exec}, then guest-exec-status until it says exited (qemu-ga cannot
   * push the exit), each a virsh process. Returns how many status calls it took.
   */
  int virshExec(String path) throws IOException, InterruptedException {
    long pid =
        GuestExec.Started.fromJson(
                agentCommand(
                    new Request(QgaCommands.EXEC.name(), GuestExec.Args.of(path, List.of(), true))
                        .toJson()))
            .pid();
    JsonObject status =
        new Request(QgaCommands.EXEC_STATUS.name(), JsonObject.builder().put("pid", pid).build())
            .toJson();
    for (int polls = 1; ; polls++) {
      if (GuestExec.Status.fromJson(agentCommand(status)).exited()) {
        return polls;
      }
    }
  }

  private JsonValue agentCommand(JsonObject request) throws IOException, InterruptedException {
    JsonObject reply =
        (JsonObject) JsonParser.parse(virsh("qemu-agent-command", name, request.toJson()).strip());
    return reply.obj("return");
  }

  /** A request line as qemu-ga reads it. */
  private record Request(String execute, JsonObject arguments) {
    Request(String execute, GuestExec.Args args) {
      this(execute, args.toJson());
    }

    JsonObject toJson() {
      return JsonObject.builder().put("execute", execute).put("arguments", arguments).build();
    }
  }

  String virsh(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("virsh", "-c", uri));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("virsh " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** Connects to the Vimana agent's channel socket as soon as the agent answers. */
  static AgentClient connect(Path socket, Duration within) throws InterruptedException {
    ClientOptions options =
        new ClientOptions(
            within, Duration.ofSeconds(30), 16 << 20, false, ClientOptions.DEFAULT.listener());
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        return AgentClient.connect(AgentEndpoint.unix(socket), options);
      } catch (AgentException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no agent on " + socket + " within " + within, e);
        }
        Thread.sleep(20); // the socket appears when QEMU starts
      }
    }
  }
}
