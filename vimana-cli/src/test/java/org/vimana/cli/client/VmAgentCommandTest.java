package org.vimana.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.GuestView;
import org.vimana.cli.ExitCode;

/** {@code vimana vm agent} and the Agent section of {@code vm show}, against a fake API. */
class VmAgentCommandTest {
  private static final String PATH = "POST /api/v1/vms/web-1/agent";

  @RegisterExtension final FakeManager api = new FakeManager();
  private final Terminal vimana = api.terminal();

  @Test
  void printsTheAgentsAnswerAsJson() {
    api.answer(PATH, JsonNodeFactory.instance.objectNode().put("kernel-release", "6.1.0"));
    assertThat(vimana.run("vm", "agent", "web-1", "guest-get-osinfo")).isEqualTo(ExitCode.OK);
    assertThat(vimana.out()).contains("\"kernel-release\" : \"6.1.0\"");
    assertThat(api.requests.get(0).body())
        .isEqualTo("{\"command\":\"guest-get-osinfo\",\"arguments\":null,\"timeoutMs\":null}");
  }

  @Test
  void sendsTheArgumentsAndTimeout() {
    api.answer(PATH, JsonNodeFactory.instance.objectNode());
    assertThat(
            vimana.run(
                "vm",
                "agent",
                "web-1",
                "vimana-status",
                "{\"top-processes\": 3}",
                "--timeout",
                "2000"))
        .isEqualTo(ExitCode.OK);
    assertThat(api.requests.get(0).body())
        .isEqualTo(
            "{\"command\":\"vimana-status\",\"arguments\":{\"top-processes\":3},\"timeoutMs\":2000}");
  }

  @ParameterizedTest
  @CsvSource({
    "502, agent_unreachable, 10",
    "504, agent_timeout, 11",
    "403, blocked_by_guest_policy, 12",
    "404, unknown_command, 13",
    "400, bad_arguments, 14",
    "501, unavailable_on_qemu_ga, 15",
    "502, agent_command_failed, 16",
    "404, not_found, 3",
    "409, invalid_state, 4",
    "400, invalid_request, 2"
  })
  void eachRefusalHasItsOwnExitCode(int status, String error, int exit) {
    api.fail(PATH, status, error, "because " + error);
    assertThat(vimana.run("vm", "agent", "web-1", "guest-exec")).isEqualTo(exit);
    assertThat(vimana.err()).contains("error: because " + error);
  }

  @Test
  void badJsonArgumentsAreRefusedBeforeAnythingIsSent() {
    assertThat(vimana.run("vm", "agent", "web-1", "guest-ping", "{\"a\":"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).contains("not valid JSON");
    assertThat(vimana.run("vm", "agent", "web-1", "guest-ping", "[1]")).isEqualTo(ExitCode.USAGE);
    assertThat(vimana.err()).contains("must be an object");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void vmShowHasAnAgentSectionWhenTheManagerKnowsTheAgent() {
    api.answer(
        "GET /api/v1/vms/web-1", ClientCommandsTest.vm("web-1", "running", 5.0, 512L, List.of()));
    GuestView g =
        new GuestView(
            "vimana",
            "0.1.0",
            "Debian GNU/Linux 12 (bookworm)",
            "6.1.0-18-amd64",
            "web-1.lab",
            1L,
            3_723L,
            2,
            4.5,
            2L << 30,
            512L << 20,
            1536L << 20,
            0.5,
            0.25,
            0.125,
            87L,
            5,
            List.of(new GuestView.Filesystem("/", "ext4", 100, 25)));
    api.answer(
        "GET /api/v1/vms/id-web-1/agent",
        new AgentView("id-web-1", "web-1", "rack1-a", "ready", 3_200L, Instant.EPOCH, g));
    assertThat(vimana.run("vm", "show", "web-1")).isEqualTo(ExitCode.OK);
    String text = vimana.out();
    assertThat(text)
        .contains("Agent\n")
        .contains("Readiness:   ready (ready 3.2 s after start)")
        .contains("vimana-guest-agent 0.1.0")
        .contains("Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-amd64")
        .contains("Host name:   web-1.lab")
        .contains("Uptime:      1h 2m")
        .contains("Memory:      512M/2G used")
        .contains("/ 25%");
  }

  @Test
  void vmShowLeavesTheSectionOutWithoutAChannel() {
    api.answer(
        "GET /api/v1/vms/web-1", ClientCommandsTest.vm("web-1", "stopped", null, null, List.of()));
    api.answer(
        "GET /api/v1/vms/id-web-1/agent",
        new AgentView("id-web-1", "web-1", "rack1-a", "no_channel", null, null, null));
    assertThat(vimana.run("vm", "show", "web-1")).isEqualTo(ExitCode.OK);
    assertThat(vimana.out()).doesNotContain("Agent\n");
  }
}
