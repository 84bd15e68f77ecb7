package org.vimana.guest.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.agent.ext.ListeningSocket;
import org.vimana.agent.ext.StatusSnapshot;
import org.vimana.agent.qga.GuestDiskStatsInfo;
import org.vimana.agent.qga.GuestFilesystemInfo;
import org.vimana.agent.qga.GuestNetworkInterface;
import org.vimana.agent.qga.GuestOsInfo;
import org.vimana.agent.qga.GuestUser;
import org.vimana.guest.Fixtures;

/** Each collector against the fake /proc, /sys and /etc tree. */
class CollectorsTest {
  private final SystemRoot root = Fixtures.root();

  @Test
  void memInfoInBytes() throws Exception {
    StatusSnapshot.Memory m = MemInfo.read(root).toMemory();
    assertThat(m.totalBytes()).isEqualTo(2035152L * 1024);
    assertThat(m.availableBytes()).isEqualTo(1745920L * 1024);
    assertThat(m.swapTotalBytes()).isEqualTo(1048572L * 1024);
    assertThat(
            MemInfo.parse(
                    List.of("MemTotal: 10 kB", "MemFree: 4 kB", "Buffers: 1 kB", "Cached: 2 kB"))
                .available())
        .isEqualTo(7 * 1024);
    assertThatThrownBy(() -> MemInfo.parse(List.of("MemTotal: 10 kB", "garbage")))
        .hasMessage("/proc/meminfo:2: expected 'Key: value [kB]'");
  }

  @Test
  void procStatPerCpuAndCounters() throws Exception {
    ProcStat s = ProcStat.read(root);
    assertThat(s.cpus()).hasSize(2);
    assertThat(s.total().total()).isEqualTo(1000 + 20 + 300 + 8000 + 50 + 30 + 10);
    assertThat(s.bootTimeSeconds()).isEqualTo(1700000000L);
    assertThat(s.contextSwitches()).isEqualTo(98765);
    assertThat(s.procsBlocked()).isEqualTo(1);
    assertThat(s.cpus().get(1).toQga().cpu()).isEqualTo(1);
    assertThat(ProcStat.parse(List.of("cpu 1 2 3 4")).total().iowait()).isEqualTo(-1);
    assertThat(ProcStat.parse(List.of("cpu 1 2 3 4")).total().toQga().iowait()).isNull();
    assertThatThrownBy(() -> ProcStat.parse(List.of("cpu 1 x 3 4")))
        .hasMessageStartingWith("/proc/stat:1:");
  }

  @Test
  void loadAvg() throws Exception {
    StatusSnapshot.Load l = LoadAvg.read(root);
    assertThat(l.one()).isEqualTo(0.52);
    assertThat(l.runnable()).isEqualTo(2);
    assertThat(l.tasks()).isEqualTo(143);
    assertThatThrownBy(() -> LoadAvg.parse("0.1 0.2")).hasMessageStartingWith("/proc/loadavg:1:");
  }

  @Test
  void diskStatsInQemuShape() throws Exception {
    List<DiskStats.Device> disks = DiskStats.read(root);
    assertThat(disks).extracting(DiskStats.Device::name).containsExactly("vda", "vda1", "loop0");
    GuestDiskStatsInfo vda = disks.get(0).toQga();
    assertThat(vda.major()).isEqualTo(254);
    assertThat(vda.counter("read-ios")).isEqualTo(11384);
    assertThat(vda.counter("read-sectors")).isEqualTo(1376730);
    assertThat(vda.counter("flush-ios")).isEqualTo(1200);
    assertThatThrownBy(() -> DiskStats.parse(List.of("1 2 sda 1 2")))
        .hasMessage("/proc/diskstats:1: expected at least 14 fields");
  }

  @Test
  void netDevCounters() throws Exception {
    List<NetDev.Counters> nets = NetDev.read(root);
    assertThat(nets).extracting(NetDev.Counters::name).containsExactly("lo", "eth0");
    GuestNetworkInterface.Statistics eth0 = nets.get(1).stats();
    assertThat(eth0.rxBytes()).isEqualTo(1234567);
    assertThat(eth0.txBytes()).isEqualTo(765432);
    assertThat(eth0.rxDropped()).isEqualTo(2);
    assertThat(eth0.txErrs()).isEqualTo(3);
  }

  @Test
  void interfacesJoinMacAndAddresses() throws Exception {
    Interfaces ifs =
        new Interfaces(
            root,
            name ->
                name.equals("eth0")
                    ? List.of(new GuestNetworkInterface.IpAddress("10.0.0.2", "ipv4", 24))
                    : List.of());
    GuestNetworkInterface eth0 = ifs.read().get(1);
    assertThat(eth0.hardwareAddress()).isEqualTo("52:54:00:12:34:56");
    assertThat(eth0.ipAddresses()).extracting(a -> a.ipAddress()).containsExactly("10.0.0.2");
  }

  @Test
  void listeningSocketsDecodeHexAddresses() throws Exception {
    List<ListeningSocket> s = ListeningSockets.read(root);
    assertThat(s)
        .extracting(x -> x.protocol() + " " + x.address() + " " + x.port() + " " + x.uid())
        .containsExactly(
            "tcp 0.0.0.0 22 0", "tcp 127.0.0.1 3306 104", "tcp6 :: 22 0", "tcp6 ::1 8080 1000");
    assertThat(ListeningSockets.address("0100007F")).isEqualTo("127.0.0.1");
    assertThat(ListeningSockets.compress("fe80:0:0:0:1:0:0:2")).isEqualTo("fe80::1:0:0:2");
  }

  @Test
  void mountsUnescapeAndKeepStorage() throws Exception {
    List<Mounts.Mount> storage = Mounts.storage(Mounts.read(root));
    assertThat(storage).extracting(Mounts.Mount::mountpoint).containsExactly("/", "/srv/my data");
    assertThat(Mounts.unescape("a\\134b\\011")).isEqualTo("a\\b\t");
    List<GuestFilesystemInfo> fs = new Filesystems(root, Fixtures.SPACE).fsinfo();
    assertThat(fs.get(0).name()).isEqualTo("vda1");
    assertThat(fs.get(0).usedBytes()).isEqualTo(6L << 30);
    assertThat(fs.get(0).disk().get(0).busType()).isEqualTo("virtio");
    assertThat(new Filesystems(root, Fixtures.SPACE).usage().get(1).availableBytes())
        .isEqualTo(3L << 30);
  }

  @Test
  void processesParseStatWithParenthesesInComm() throws Exception {
    Processes p = new Processes(root);
    List<Processes.Stat> all = p.all();
    assertThat(all).extracting(Processes.Stat::pid).containsExactlyInAnyOrder(1L, 4242L, 777L);
    Processes.Stat bash = all.stream().filter(s -> s.pid() == 4242).findFirst().orElseThrow();
    assertThat(bash.comm()).isEqualTo("bash (login)");
    assertThat(bash.cpuTicks()).isEqualTo(400);
    assertThat(bash.ttyNr()).isEqualTo(34816);
    assertThat(p.uid(4242)).isEqualTo(1000);
    assertThat(p.uid(31337)).isEqualTo(-1); // gone
    assertThat(p.pageSize()).isEqualTo(Processes.PAGE_SIZE); // the fixture has no smaps
    assertThat(p.cmdline(1, "systemd")).isEqualTo("/sbin/init splash");
    assertThat(p.cmdline(99, "kthreadd")).isEqualTo("[kthreadd]");
    assertThatThrownBy(() -> Processes.parseStat("12 no-parens S"))
        .isInstanceOf(Processes.ParseExceptionUnchecked.class);
  }

  @Test
  void usersFromSessionLeadersOnTerminals() throws Exception {
    List<GuestUser> users = new Users(root, new Processes(root)).loggedIn(1700000000L);
    assertThat(users)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.user()).isEqualTo("alice");
              assertThat(u.loginTime()).isEqualTo(1700003600.0);
            });
  }

  @Test
  void systemInfo() throws Exception {
    SystemInfo info = new SystemInfo(root);
    assertThat(info.hostName()).isEqualTo("guest1");
    GuestOsInfo os = info.osInfo();
    assertThat(os.id()).isEqualTo("debian");
    assertThat(os.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(os.kernelRelease()).isEqualTo("6.1.0-27-amd64");
    assertThat(os.machine()).isEqualTo("x86_64");
    assertThat(os.variant()).isNull();
    assertThat(info.timezone(Instant.parse("2024-01-15T00:00:00Z")).offset()).isEqualTo(3600);
    assertThat(info.timezone(Instant.parse("2024-07-15T00:00:00Z")).offset()).isEqualTo(7200);
    assertThat(SystemInfo.parseOsRelease("A='x y'\nB=\"q\\\"z\""))
        .containsEntry("A", "x y")
        .containsEntry("B", "q\"z");
  }

  @Test
  void vcpusAndServicesAndSettings() throws Exception {
    assertThat(Vcpus.read(root))
        .extracting(v -> v.logicalId() + ":" + v.online() + ":" + v.canOffline())
        .containsExactly("0:true:false", "1:true:true");
    Processes processes = new Processes(root);
    Services services = new Services(root, processes);
    assertThat(services.states(List.of("ssh", "cron.service", "nginx"), processes.all()))
        .extracting(s -> s.name() + "=" + s.state() + "/" + s.pids())
        .containsExactly("ssh=active/2", "cron.service=inactive/0", "nginx=inactive/0");
    var settings = new SettingsReader(root, new SystemInfo(root)).read(Instant.EPOCH);
    assertThat(settings.sysctl())
        .containsEntry("vm.swappiness", "60")
        .containsEntry("net.ipv4.ip_forward", "1");
    assertThat(settings.nameservers()).containsExactly("10.0.0.53", "10.0.0.54");
    assertThat(settings.searchDomains()).containsExactly("lab.example", "example.org");
    assertThat(settings.ntpSynchronized()).isTrue();
    assertThat(settings.ntpSource()).isEqualTo("systemd-timesyncd");
    assertThat(settings.timezone().zone()).isEqualTo("Europe/Paris");
  }
}
