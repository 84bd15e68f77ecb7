package org.vimana.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.AgentCommandRequest;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.VmView;

/**
 * What the lab tests read through the public API, with API errors turned into test failures: VMs,
 * migrations, and the console counter the lab guest prints every second.
 */
final class LabApi {
  private static final Pattern COUNTER = Pattern.compile("vimana-counter (\\d+)");

  private final VimanaClient api;

  LabApi(VimanaClient api) {
    this.api = api;
  }

  VmView vm(String name) {
    try {
      return api.vm(name);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  String state(String name) {
    return vm(name).state();
  }

  MigrationView migration(String id) {
    try {
      return api.migration(id);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Waits (up to 2 minutes) until {@code started} has ended; returns how it ended. */
  MigrationView finished(MigrationView started) throws InterruptedException {
    await(
        "migration " + started.id(),
        Duration.ofMinutes(2),
        () -> migration(started.id()).endedAt() != null);
    return migration(started.id());
  }

  /** Whether the VM's agent is ready as seen by the node of {@code host}. */
  boolean agentReadyOn(String vm, String host) {
    try {
      AgentView a = api.agent(vm);
      return host.equals(a.hostName()) && "ready".equals(a.readiness());
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Whether the VM's agent answers a guest-ping through the API now. */
  boolean agentAnswers(String vm) {
    try {
      api.agentCommand(vm, new AgentCommandRequest("guest-ping", null, 5_000L));
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /** Starts {@code sh -c command} in the guest without waiting; answers guest-exec's reply. */
  JsonNode exec(String vm, String command) throws ApiException {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("path", "/bin/sh");
    args.putArray("arg").add("-c").add(command);
    args.put("capture-output", false);
    return api.agentCommand(vm, new AgentCommandRequest("guest-exec", args, 60_000L));
  }

  boolean exited(String vm, long pid) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("pid", pid);
    try {
      return api.agentCommand(vm, new AgentCommandRequest("guest-exec-status", args, 60_000L))
          .path("exited")
          .asBoolean();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  String agentReadiness(String vm) {
    try {
      return api.agent(vm).readiness();
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The highest counter value the guest printed since its console log began. */
  int counter(String vm) {
    return counters(vm).stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The counter value the guest printed last. */
  int lastCounter(String vm) {
    List<Integer> all = counters(vm);
    return all.isEmpty() ? 0 : all.get(all.size() - 1);
  }

  /** Every counter value in the console log, in order. */
  List<Integer> counters(String vm) {
    String console;
    try {
      console = api.console(vm, 1 << 20);
    } catch (ApiException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    List<Integer> out = new ArrayList<>();
    Matcher m = COUNTER.matcher(console);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  /** As {@link #await}, but a timeout also shows the VM's state and the end of its console. */
  void awaitVm(String vm, String what, Duration limit, BooleanSupplier ok)
      throws InterruptedException {
    try {
      await(vm + " " + what, limit, ok);
    } catch (AssertionError e) {
      String console;
      try {
        console = api.console(vm, 2048);
      } catch (ApiException c) {
        console = "(no console: " + c.getMessage() + ")";
      }
      throw new AssertionError(
          e.getMessage() + "; " + vm + " is " + state(vm) + ", its console ends:\n" + console, e);
    }
  }

  static void await(String what, Duration limit, BooleanSupplier ok) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (ok.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + limit + " waiting for " + what);
  }
}
