package org.vimana.agent.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.qga.GuestExec;
import org.vimana.agent.qga.GuestTimezone;

class ExtRecordsTest {
  static StatusSnapshot sample() {
    return new StatusSnapshot(
        1000,
        1.0,
        55.5,
        new StatusSnapshot.Cpu(2, 12.5, 10, 2.5, 0, 0, 99, 1, 0),
        new StatusSnapshot.Memory(1 << 30, 1 << 29, 1 << 29, 1, 2, 0, 0),
        new StatusSnapshot.Load(0.1, 0.2, 0.3, 1, 80),
        List.of(new DiskIo("vda", 512, 1024, 1, 2, 3, 0, 0, 0)),
        List.of(new FilesystemUsage("/", "/dev/vda1", "ext4", 100, 40, 60)),
        List.of(new InterfaceTraffic("eth0", 1, 2, 3, 4, 0, 0, 0, 0, 10.5, 0)),
        List.of(new ProcessInfo(1, 0, "init", "S", 0, 4096, 7, 0.5, 1, "/sbin/init")),
        List.of(new ListeningSocket("tcp", "0.0.0.0", 22, 0, 1234)),
        List.of(new ServiceState("ssh", "active", "cgroup", 1)),
        List.of(new HealthCheck.Result("web", true, 1.2, "HTTP 200", 999)),
        StatusSection.ALL);
  }

  @Test
  void statusSnapshotRoundTrips() {
    StatusSnapshot s = sample();
    assertThat(StatusSnapshot.fromJson(JsonParser.parse(s.toJson().toJson()))).isEqualTo(s);
    assertThat(s.memory().usedBytes()).isEqualTo(1 << 29);
  }

  @Test
  void aSnapshotWithSomeSectionsCarriesOnlyTheirKeys() {
    StatusSnapshot all = sample();
    StatusSnapshot some =
        new StatusSnapshot(
            all.takenAtMillis(),
            all.intervalSeconds(),
            all.uptimeSeconds(),
            all.cpu(),
            all.memory(),
            all.load(),
            List.of(),
            all.filesystems(),
            List.of(),
            all.processes(),
            List.of(),
            List.of(),
            List.of(),
            EnumSet.of(StatusSection.FILESYSTEMS, StatusSection.PROCESSES));
    JsonObject json = some.toJson();
    assertThat(json.has("filesystems")).isTrue();
    assertThat(json.has("processes")).isTrue();
    assertThat(json.has("sockets")).isFalse();
    assertThat(json.has("disks")).isFalse();
    assertThat(StatusSnapshot.fromJson(JsonParser.parse(json.toJson()))).isEqualTo(some);
    assertThat(StatusSnapshot.fromJson(JsonParser.parse(all.toJson().toJson())).sections())
        .isEqualTo(StatusSection.ALL);
  }

  @Test
  void requestsNameTheirSectionsAndUnknownOnesAreRefused() {
    StatusRequest r =
        new StatusRequest(5, List.of(), EnumSet.of(StatusSection.SOCKETS, StatusSection.DISKS));
    assertThat(r.toJson().toJson()).contains("\"sections\":[\"disks\",\"sockets\"]");
    assertThat(StatusRequest.fromJson(r.toJson())).isEqualTo(r);
    // a request for everything says nothing about sections: older agents accept it
    assertThat(StatusRequest.DEFAULT.toJson().has("sections")).isFalse();
    assertThat(StatusRequest.fromJson(JsonObject.builder().build()).sections())
        .isEqualTo(StatusSection.ALL);
    assertThat(
            StatusRequest.fromJson((JsonObject) JsonParser.parse("{\"sections\":[]}")).sections())
        .isEmpty();
    assertThatThrownBy(
            () -> StatusRequest.fromJson((JsonObject) JsonParser.parse("{\"sections\":[\"cpu\"]}")))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("unknown status section 'cpu'")
        .hasMessageContaining("processes");
    assertThatThrownBy(
            () -> StatusRequest.fromJson((JsonObject) JsonParser.parse("{\"sections\":\"disks\"}")))
        .isInstanceOf(JsonException.class);
    Subscription.Args sub = new Subscription.Args(10_000, 5, EnumSet.of(StatusSection.PROCESSES));
    assertThat(Subscription.Args.fromJson(sub.toJson())).isEqualTo(sub);
  }

  @Test
  void probeSpecsAreValidated() {
    assertThatThrownBy(() -> new Probe.Spec("udp", "x", 1, 100))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Invalid probe type 'udp'");
    assertThatThrownBy(() -> new Probe.Spec("tcp", "x", null, 100)).hasMessageContaining("port");
    assertThatThrownBy(
            () ->
                Probe.parseArgs(JsonObject.builder().put("probes", JsonParser.parse("[]")).build()))
        .hasMessageContaining("1 to 32");
    List<Probe.Spec> specs = List.of(new Probe.Spec("dns", "localhost", null, 500));
    assertThat(Probe.parseArgs(Probe.args(specs))).isEqualTo(specs);
  }

  @Test
  void healthChecksAndSubscriptionsValidate() {
    HealthCheck.Args a =
        new HealthCheck.Args(
            List.of(new HealthCheck.Spec("web", "http", "http://x/", null, 100, 5000, 200, "ok")),
            true);
    assertThat(HealthCheck.Args.fromJson(a.toJson())).isEqualTo(a);
    assertThatThrownBy(() -> new HealthCheck.Spec("", "tcp", "x", 1, 1, 5000, null, null))
        .hasMessageContaining("non-empty 'name'");
    assertThatThrownBy(() -> new Subscription.Args(10, 5)).hasMessageContaining("interval-ms");
    assertThat(Subscription.Args.fromJson(new Subscription.Args(1000, 3).toJson()).topProcesses())
        .isEqualTo(3);
  }

  @Test
  void settingsAndExecEventRoundTrip() {
    Settings s =
        new Settings(
            "6.1",
            "#1",
            Map.of("vm.swappiness", "60"),
            List.of("10.0.0.1"),
            List.of("lab"),
            true,
            "systemd-timesyncd",
            new GuestTimezone("UTC", 0));
    assertThat(Settings.fromJson(s.toJson())).isEqualTo(s);
    ExecExited e =
        new ExecExited(42, new GuestExec.Status(true, 0L, null, "aGkK", "", false, false));
    assertThat(e.toJson().integer("pid")).isEqualTo(42);
    assertThat(ExecExited.fromJson(e.toJson())).isEqualTo(e);
  }
}
