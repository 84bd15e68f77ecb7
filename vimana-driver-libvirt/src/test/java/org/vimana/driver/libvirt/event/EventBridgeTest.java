package org.vimana.driver.libvirt.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventBridgeTest {
  @Test
  void watchdogMessageNamesLibvirtsAction() {
    assertThat(EventBridge.watchdogMessage(0)).endsWith("action none");
    assertThat(EventBridge.watchdogMessage(1)).endsWith("action pause");
    assertThat(EventBridge.watchdogMessage(2)).endsWith("action reset");
    assertThat(EventBridge.watchdogMessage(3)).endsWith("action poweroff");
    assertThat(EventBridge.watchdogMessage(4)).endsWith("action shutdown");
    assertThat(EventBridge.watchdogMessage(5)).endsWith("action debug");
    assertThat(EventBridge.watchdogMessage(6)).endsWith("action inject-nmi");
    assertThat(EventBridge.watchdogMessage(42)).endsWith("unknown action 42");
  }
}
