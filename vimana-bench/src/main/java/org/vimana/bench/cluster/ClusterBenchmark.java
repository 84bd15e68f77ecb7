package org.vimana.bench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.HostView;
import org.vimana.api.model.VmFilter;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;

/**
 * One manager, {@code --hosts} sim hosts in {@code --packs} node processes, {@code --vms} VMs:
 * create throughput, read latencies beside the HTTP floor ({@code /healthz}) measured in the same
 * run, and the manager's heap and CPU at rest. Prints a table; see the module README.
 */
public final class ClusterBenchmark {
  private final int hosts;
  private final int vms;
  private final int packs;
  private final int clients;
  private final int restSeconds;
  private final Path dir;

  private ClusterBenchmark(int hosts, int vms, int packs, int clients, int restSeconds, Path dir) {
    this.hosts = hosts;
    this.vms = vms;
    this.packs = packs;
    this.clients = clients;
    this.restSeconds = restSeconds;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    int hosts = 1000;
    int vms = 20_000;
    int packs = 2;
    int clients = 8;
    int rest = 30;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int v = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--hosts" -> hosts = v;
        case "--vms" -> vms = v;
        case "--packs" -> packs = v;
        case "--clients" -> clients = v;
        case "--rest-seconds" -> rest = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("vimana-bench");
    new ClusterBenchmark(hosts, vms, packs, clients, rest, dir).run();
  }

  private void run() throws Exception {
    int http = freePort();
    int grpc = freePort();
    Path data = dir.resolve("manager");
    System.out.printf(
        "cluster benchmark: %d hosts in %d node processes, %d VMs, %d API clients (logs in %s)%n",
        hosts, packs, vms, clients, dir);
    try (ChildProcess manager =
        ChildProcess.java(
            dir.resolve("manager.log"),
            List.of("-Xmx2g"),
            "org.vimana.cli.Main",
            List.of(
                "manager",
                "--data-dir",
                data.toString(),
                "--http-port",
                Integer.toString(http),
                "--grpc-port",
                Integer.toString(grpc)))) {
      URI url = URI.create("http://127.0.0.1:" + http);
      await(
          "manager up",
          Duration.ofSeconds(60),
          () -> healthy(url) && Files.exists(data.resolve("admin.token")));
      VimanaClient api =
          new VimanaClient(
              url, Files.readString(data.resolve("admin.token")).strip(), Duration.ofMinutes(2));
      List<ChildProcess> nodeProcs = new ArrayList<>();
      try {
        long t0 = System.nanoTime();
        for (int p = 0; p < packs; p++) {
          int n = hosts / packs + (p < hosts % packs ? 1 : 0);
          nodeProcs.add(
              ChildProcess.java(
                  dir.resolve("pack-" + p + ".log"),
                  List.of("-Xmx3g"),
                  NodePack.class.getName(),
                  List.of(
                      "127.0.0.1:" + grpc,
                      data.resolve("join.token").toString(),
                      "h" + p + "-",
                      Integer.toString(n))));
        }
        await("all hosts up", Duration.ofMinutes(5), () -> upHosts(api) == hosts);
        System.out.printf("hosts enrolled: %d in %.1f s%n", hosts, (System.nanoTime() - t0) / 1e9);
        create(api);
        await("all VMs running", Duration.ofMinutes(10), () -> running(api) == vms);
        latencies(url, api);
        atRest(manager);
      } finally {
        for (ChildProcess p : nodeProcs) {
          p.close();
        }
      }
    }
  }

  private void create(VimanaClient api) throws Exception {
    api.createTemplate(
        new Template("bench", "benchmark VM", 1, 512, 5, "", new Workload.Constant(0.2, 0.3)));
    Percentiles lat = new Percentiles();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      fs.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < vms; i = next.getAndIncrement()) {
                  long s = System.nanoTime();
                  api.createVm(
                      CreateVmRequest.fromTemplate(
                          String.format(Locale.ROOT, "vm-%05d", i), "bench"));
                  lat.add(System.nanoTime() - s);
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%-34s %10.0f VMs/s   (%d VMs in %.1f s; per create p50 %.1f ms, p99 %.1f ms)%n",
        "VM create throughput", vms / secs, vms, secs, lat.millis(50), lat.millis(99));
  }

  private void latencies(URI url, VimanaClient api) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(url.resolve("/healthz")).build();
    Percentiles floor = new Percentiles();
    Percentiles show = new Percentiles();
    Percentiles hostList = new Percentiles();
    Percentiles fullList = new Percentiles();
    List<HostView> hs = api.hosts();
    // Interleaved, so noise on this shared machine hits every series alike.
    for (int round = 0; round < 500; round++) {
      long s = System.nanoTime();
      http.send(health, HttpResponse.BodyHandlers.discarding());
      floor.add(System.nanoTime() - s);
      s = System.nanoTime();
      api.vm(String.format(Locale.ROOT, "vm-%05d", ThreadLocalRandom.current().nextInt(vms)));
      show.add(System.nanoTime() - s);
      if (round % 2 == 0) {
        s = System.nanoTime();
        api.vms(new VmFilter(null, hs.get(round % hs.size()).name(), null));
        hostList.add(System.nanoTime() - s);
      }
      if (round % 25 == 0) {
        s = System.nanoTime();
        api.vms(VmFilter.all());
        fullList.add(System.nanoTime() - s);
      }
    }
    row("GET /healthz (HTTP floor, baseline)", floor);
    row("vm show", show);
    row("vm list --host H (~" + vms / hosts + " VMs)", hostList);
    row("vm list (all " + vms + " VMs)", fullList);
  }

  private static void row(String what, Percentiles p) {
    System.out.printf(
        "%-34s p50 %8.2f ms   p99 %8.2f ms   (n=%d)%n",
        what, p.millis(50), p.millis(99), p.count());
  }

  private void atRest(ChildProcess manager) throws Exception {
    Thread.sleep(5_000);
    double c0 = manager.cpuSeconds();
    long t0 = System.nanoTime();
    Thread.sleep(restSeconds * 1000L);
    double cpu = (manager.cpuSeconds() - c0) / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(
        "%-34s CPU %.1f %% of a core over %d s (heartbeats and stats of %d hosts)%n",
        "manager at rest", cpu * 100, restSeconds, hosts);
    System.out.printf(
        "%-34s heap after GC %.0f MiB, RSS %.0f MiB%n",
        "manager memory", manager.heapAfterGcMib(), manager.rssMib());
  }

  private static int upHosts(VimanaClient api) {
    try {
      return (int) api.hosts().stream().filter(h -> h.state().equals("up")).count();
    } catch (ApiException e) {
      return -1;
    }
  }

  private static int running(VimanaClient api) {
    try {
      return api.vms(new VmFilter(null, null, "running")).size();
    } catch (ApiException e) {
      return -1;
    }
  }

  private static boolean healthy(URI url) {
    try {
      return HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url.resolve("/healthz")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void await(String what, Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.ok()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
