package org.vimana.guest.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {
  @Test
  void blockListWinsAndProtocolCommandsAlwaysRun() {
    Policy p = new Policy(null, Set.of("guest-exec", "guest-ping"));
    assertThat(p.allows("guest-exec")).isFalse();
    assertThat(p.allows("guest-ping")).isTrue();
    assertThat(p.allows("vimana-status")).isTrue();
  }

  @Test
  void allowListRestricts() {
    Policy p = new Policy(Set.of("vimana-status", "guest-exec"), Set.of("guest-exec"));
    assertThat(p.allows("vimana-status")).isTrue();
    assertThat(p.allows("guest-exec")).isFalse();
    assertThat(p.allows("guest-get-osinfo")).isFalse();
    assertThat(p.allows("guest-info")).isTrue();
  }

  @Test
  void blockingFileWriteBlocksWritingOpens() {
    Policy p = new Policy(null, Set.of("guest-file-write"));
    assertThat(p.allowsOpen("r")).isTrue();
    assertThat(p.allowsOpen(null)).isTrue();
    assertThat(p.allowsOpen("w")).isFalse();
    assertThat(p.allowsOpen("a+")).isFalse();
    assertThat(p.allowsOpen("r+")).isFalse();
    assertThat(Policy.OPEN.allowsOpen("w")).isTrue();
  }

  @Test
  void configFileParsesAndNamesBadLines() {
    AgentConfig c =
        AgentConfig.parse(
            "agent.conf",
            List.of(
                "# comment",
                "[general]",
                "listen = unix:/run/agent.sock",
                "block-rpcs = guest-exec, guest-shutdown",
                "services = ssh,cron",
                "exec-output-limit = 4096"));
    assertThat(c.listen()).isEqualTo("unix:/run/agent.sock");
    assertThat(c.policy().block()).containsExactlyInAnyOrder("guest-exec", "guest-shutdown");
    assertThat(c.policy().allow()).isNull();
    assertThat(c.services()).containsExactly("ssh", "cron");
    assertThat(c.execOutputLimit()).isEqualTo(4096);
    assertThatThrownBy(() -> AgentConfig.parse("agent.conf", List.of("", "blok-rpcs = x")))
        .hasMessageStartingWith("agent.conf:2: unknown key 'blok-rpcs'");
    assertThatThrownBy(() -> AgentConfig.parse("a.conf", List.of("max-message-bytes = lots")))
        .hasMessage("a.conf:1: max-message-bytes must be a whole number of bytes, got 'lots'");
    assertThatThrownBy(() -> AgentConfig.parse("a.conf", List.of("just text")))
        .hasMessageStartingWith("a.conf:1: expected 'key = value'");
  }
}
