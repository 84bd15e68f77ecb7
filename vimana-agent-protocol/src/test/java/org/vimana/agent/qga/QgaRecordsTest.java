package org.vimana.agent.qga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.agent.json.JsonParser;
import org.vimana.agent.json.JsonValue;

/** Decodes replies captured from qemu-ga 7.2 and round-trips every record. */
class QgaRecordsTest {
  private static JsonValue json(String s) {
    return JsonParser.parse(s);
  }

  @Test
  void decodesQemuGaCpuAndDiskStats() {
    List<GuestCpuStats> cpus =
        QgaCommands.GET_CPUSTATS
            .decodeResult()
            .apply(
                json(
                    "[{\"cpu\": 0, \"guestnice\": 0, \"idle\": 133200, \"steal\": 2380, \"iowait\":"
                        + " 420, \"system\": 7750, \"guest\": 0, \"nice\": 0, \"irq\": 0, \"type\":"
                        + " \"linux\", \"user\": 73130, \"softirq\": 350}]"));
    assertThat(cpus).singleElement().satisfies(c -> assertThat(c.idle()).isEqualTo(133200));
    assertThat(GuestCpuStats.fromJson(cpus.get(0).toJson())).isEqualTo(cpus.get(0));

    GuestDiskStatsInfo d =
        GuestDiskStatsInfo.fromJson(
            json(
                "{\"name\": \"vda\", \"stats\": {\"read-sectors\": 8, \"write-ios\": 2,"
                    + " \"future-counter\": 1}, \"minor\": 0, \"major\": 254}"));
    assertThat(d.counter("read-sectors")).isEqualTo(8);
    assertThat(d.counter("flush-ios")).isEqualTo(-1);
    assertThat(d.stats()).doesNotContainKey("future-counter");
  }

  @Test
  void decodesFsinfoOsinfoAndInfo() {
    List<GuestFilesystemInfo> fs =
        QgaCommands.GET_FSINFO
            .decodeResult()
            .apply(
                json(
                    "[{\"name\": \"vda\", \"total-bytes\": 100, \"mountpoint\": \"/\", \"disk\":"
                        + " [{\"bus-type\": \"virtio\", \"bus\": 0, \"unit\": 0, \"pci-controller\":"
                        + " {\"bus\": 0, \"slot\": 2, \"domain\": 0, \"function\": 0}, \"dev\":"
                        + " \"/dev/vda\", \"target\": 0}], \"used-bytes\": 40, \"type\": \"ext4\"}]"));
    assertThat(fs.get(0).disk().get(0).pciController().slot()).isEqualTo(2);
    assertThat(GuestFilesystemInfo.fromJson(fs.get(0).toJson())).isEqualTo(fs.get(0));

    GuestOsInfo os =
        GuestOsInfo.fromJson(json("{\"name\": \"Debian GNU/Linux\", \"id\": \"debian\"}"));
    assertThat(os.id()).isEqualTo("debian");
    assertThat(os.toJson().has("variant")).isFalse();

    GuestAgentInfo info =
        GuestAgentInfo.fromJson(
            json(
                "{\"version\": \"7.2.22\", \"supported_commands\": [{\"enabled\": false, \"name\":"
                    + " \"guest-exec\", \"success-response\": true}]}"));
    assertThat(info.supportedCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.enabled()).isFalse());
    assertThat(GuestAgentInfo.fromJson(info.toJson())).isEqualTo(info);
  }

  @Test
  void roundTripsTheRest() {
    GuestNetworkInterface nif =
        new GuestNetworkInterface(
            "eth0",
            "52:54:00:12:34:56",
            List.of(new GuestNetworkInterface.IpAddress("10.0.0.2", "ipv4", 24)),
            new GuestNetworkInterface.Statistics(1, 2, 3, 4, 5, 6, 7, 8));
    assertThat(GuestNetworkInterface.fromJson(nif.toJson())).isEqualTo(nif);
    GuestExec.Args args =
        new GuestExec.Args("/bin/sh", List.of("-c", "x"), List.of("A=b"), "aGk=", true);
    assertThat(GuestExec.Args.fromJson(args.toJson())).isEqualTo(args);
    GuestExec.Status st = new GuestExec.Status(true, 3L, null, "aGk=", "", false, false);
    assertThat(GuestExec.Status.fromJson(st.toJson())).isEqualTo(st);
    assertThat(GuestUser.fromJson(new GuestUser("root", 1.5, null).toJson()).loginTime())
        .isEqualTo(1.5);
    assertThat(GuestTimezone.fromJson(json("{\"zone\": \"UTC\", \"offset\": 0}")).zone())
        .isEqualTo("UTC");
    GuestLogicalProcessor cpu = new GuestLogicalProcessor(1, true, false);
    assertThat(GuestLogicalProcessor.fromJson(cpu.toJson())).isEqualTo(cpu);
    GuestFile.Read read = new GuestFile.Read(2, "aGk=", true);
    assertThat(GuestFile.Read.fromJson(read.toJson())).isEqualTo(read);
  }
}
