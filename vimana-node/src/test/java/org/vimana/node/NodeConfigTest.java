package org.vimana.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
  @Test
  void defaultsToTheSimDriverAndOneSecondBackoff() {
    NodeConfig c = new NodeConfig("h1", "manager:9090", "t", null, null, null, null);
    assertThat(c.driver()).isEqualTo("sim");
    assertThat(c.driverOptions()).isEmpty();
    assertThat(c.reconnectDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.commandTimeout()).isPositive();
    assertThat(NodeConfig.of("h1", "10.0.0.1:9090", "t", "libvirt").driver()).isEqualTo("libvirt");
  }

  @Test
  void driverOptionsAreCopied() {
    Map<String, String> opts = new HashMap<>(Map.of("cores", "4"));
    NodeConfig c = new NodeConfig("h1", "[::1]:9090", "t", "sim", opts, null, null);
    opts.put("memory", "1G");
    assertThat(c.driverOptions()).containsOnlyKeys("cores");
  }

  @Test
  void badValuesAreRefusedByName() {
    assertThatThrownBy(() -> NodeConfig.of("h1", "manager", "t", null))
        .hasMessageContaining("'manager' is not HOST:PORT");
    assertThatThrownBy(() -> NodeConfig.of("h1", "manager:99999", "t", null))
        .hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> NodeConfig.of("h1", "manager:0", "t", null))
        .hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> NodeConfig.of("bad name", "m:1", "t", null))
        .hasMessageContaining("node name");
    assertThatThrownBy(() -> NodeConfig.of("h1", "m:1", null, null))
        .hasMessageContaining("joinToken");
    assertThatThrownBy(() -> new NodeConfig("h1", "m:1", "t", null, null, Duration.ZERO, null))
        .hasMessageContaining("reconnectDelay");
    assertThatThrownBy(
            () -> new NodeConfig("h1", "m:1", "t", null, null, null, Duration.ofSeconds(-1)))
        .hasMessageContaining("commandTimeout");
  }
}
