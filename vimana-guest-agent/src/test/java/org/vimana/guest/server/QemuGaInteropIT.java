package org.vimana.guest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vimana.agent.client.AgentCapabilities;
import org.vimana.agent.client.AgentClient;
import org.vimana.agent.client.AgentEndpoint;
import org.vimana.agent.client.AgentException;
import org.vimana.agent.client.AgentException.Kind;
import org.vimana.agent.ext.StatusRequest;
import org.vimana.agent.ext.Subscription;
import org.vimana.agent.ext.VimanaCommands;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.qga.GuestOsInfo;
import org.vimana.agent.qga.QgaCommands;

/**
 * The host-side client against a real qemu-guest-agent (Debian package qemu-guest-agent) on a unix
 * socket, beside the Vimana agent on the same machine: standard commands agree, extensions are
 * refused as unavailable, and a blocked command is told apart from a missing one.
 */
class QemuGaInteropIT {
  @TempDir static Path dir;
  static AgentProcess qga;
  static AgentProcess vimana;
  static AgentClient qgaClient;
  static AgentClient vimanaClient;

  @BeforeAll
  static void start() throws Exception {
    qga = AgentProcess.qemuGa(dir.resolve("qga"), "--block-rpcs=guest-exec");
    vimana = AgentProcess.vimana(dir.resolve("vimana"));
    qgaClient = AgentClient.connect(AgentEndpoint.unix(qga.socket));
    vimanaClient = AgentClient.connect(AgentEndpoint.unix(vimana.socket));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {qgaClient, vimanaClient, qga, vimana}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void recognisesQemuGuestAgent() {
    AgentCapabilities caps = qgaClient.capabilities();
    assertThat(caps.kind()).isEqualTo(AgentCapabilities.Kind.QEMU_GA);
    assertThat(caps.enabled()).contains("guest-ping", "guest-get-osinfo");
    assertThat(caps.disabled()).contains("guest-exec");
  }

  @Test
  void standardCommandsAgreeWithTheVimanaAgent() throws Exception {
    qgaClient.call(QgaCommands.PING);
    GuestOsInfo fromQga = qgaClient.call(QgaCommands.GET_OSINFO);
    GuestOsInfo fromVimana = vimanaClient.call(QgaCommands.GET_OSINFO);
    assertThat(fromVimana).isEqualTo(fromQga);
    assertThat(vimanaClient.call(QgaCommands.GET_HOST_NAME))
        .isEqualTo(qgaClient.call(QgaCommands.GET_HOST_NAME));
    assertThat(
            Math.abs(
                qgaClient.call(QgaCommands.GET_TIME) - System.currentTimeMillis() * 1_000_000L))
        .isLessThan(Duration.ofSeconds(5).toNanos());
    assertThat(vimanaClient.call(QgaCommands.GET_TIMEZONE).offset())
        .isEqualTo(qgaClient.call(QgaCommands.GET_TIMEZONE).offset());
    assertThat(vimanaClient.call(QgaCommands.GET_VCPUS))
        .hasSameSizeAs(qgaClient.call(QgaCommands.GET_VCPUS));
    assertThat(vimanaClient.call(QgaCommands.GET_CPUSTATS))
        .hasSameSizeAs(qgaClient.call(QgaCommands.GET_CPUSTATS));
    assertThat(vimanaClient.call(QgaCommands.GET_DISKSTATS).stream().map(d -> d.name()).toList())
        .containsExactlyInAnyOrderElementsOf(
            qgaClient.call(QgaCommands.GET_DISKSTATS).stream().map(d -> d.name()).toList());
    assertThat(qgaClient.call(QgaCommands.NETWORK_GET_INTERFACES))
        .extracting(i -> i.name())
        .contains("lo");
    assertThat(qgaClient.call(QgaCommands.GET_FSINFO))
        .extracting(f -> f.mountpoint())
        .contains("/");
    assertThat(qgaClient.call(QgaCommands.GET_USERS)).isNotNull();
    assertThat(Files.exists(qga.socket)).isTrue();
  }

  @Test
  void extensionsAreRefusedAsUnavailable() {
    for (Runnable call :
        List.<Runnable>of(
            () -> call(() -> qgaClient.call(VimanaCommands.STATUS, StatusRequest.DEFAULT)),
            () ->
                call(
                    () -> qgaClient.call(VimanaCommands.SUBSCRIBE, new Subscription.Args(1000, 1))),
            () ->
                call(
                    () ->
                        qgaClient.call(
                            "vimana-settings", JsonObject.empty(), Duration.ofSeconds(2))))) {
      assertThatThrownBy(call::run)
          .hasCauseInstanceOf(AgentException.class)
          .cause()
          .hasMessageContaining("is unavailable on qemu-guest-agent 7.")
          .satisfies(e -> assertThat(((AgentException) e).kind()).isEqualTo(Kind.UNAVAILABLE));
    }
  }

  @Test
  void blockedUnknownAndBadArgumentsAreToldApart() {
    assertThatThrownBy(
            () -> qgaClient.call(QgaCommands.EXEC, GuestExec.Args.of("/bin/true", null, false)))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED));
    assertThatThrownBy(
            () -> qgaClient.call("guest-teleport", JsonObject.empty(), Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_COMMAND));
    assertThatThrownBy(
            () -> qgaClient.call("guest-file-open", JsonObject.empty(), Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            AgentException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_ARGUMENTS))
        .hasMessageContaining("Parameter 'path' is missing");
  }

  interface Call {
    Object run() throws AgentException;
  }

  private static void call(Call c) {
    try {
      c.run();
    } catch (AgentException e) {
      throw new IllegalStateException(e);
    }
  }
}
