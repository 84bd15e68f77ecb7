package org.vimana.bench.lab;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vimana.core.driver.Hypervisor;
import org.vimana.core.stats.HostStats;
import org.vimana.lab.Lab;
import org.vimana.lab.LabHost;
import org.vimana.node.driver.Drivers;

/**
 * What one stats sample of a host costs with {@code VMS} running lab guests: Vimana's libvirt
 * driver (one bulk-stats call per sample) beside prometheus-libvirt-exporter (Debian's, which asks
 * libvirt domain by domain) scraping the same libvirtd in the same run. Batches alternate so that
 * both see the same machine; per batch it measures wall time per sample and the CPU time of the
 * collector and of libvirtd, and prints medians over batches.
 *
 * <p>{@code ./vimana-bench/run lab-stats [--vms 20] [--samples 20] [--batches 5]}
 */
public final class LabStatsBenchmark {
  private static final Pattern DOMAIN = Pattern.compile("domain=\"([^\"]+)\"");

  private LabStatsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int vms = intArg(args, "--vms", 20);
    int samples = intArg(args, "--samples", 20);
    int batches = intArg(args, "--batches", 5);
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "vimana", "lab");
    Path work = Files.createTempDirectory("vlab-stats");
    try (Lab lab = Lab.start(cache, work, "bench-stats", 1)) {
      LabHost host = lab.hosts().get(0);
      try (Hypervisor hv = Drivers.open("libvirt", host.name(), lab.driverOptions(host))) {
        System.out.printf("booting %d lab guests on %s (QEMU TCG)...%n", vms, host.uri());
        List<String> ids = LabVms.boot(hv, "stats", vms, Lab.template().memoryMib());
        Process exporter = null;
        try {
          int port = freePort();
          exporter =
              new ProcessBuilder(
                      "prometheus-libvirt-exporter",
                      "--libvirt.uri=" + host.uri(),
                      "--web.listen-address=127.0.0.1:" + port)
                  .redirectErrorStream(true)
                  .redirectOutput(work.resolve("exporter.log").toFile())
                  .start();
          URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
          HttpClient http = HttpClient.newHttpClient();
          String first = awaitScrape(http, metrics);
          long domains = domains(first);
          HostStats s = hv.stats();
          System.out.printf(
              "both see the guests: Vimana %d VMs, exporter %d domains%n", s.vms().size(), domains);
          if (s.vms().size() != vms || domains != vms) {
            throw new IllegalStateException("a collector does not see all " + vms + " guests");
          }
          long libvirtd = libvirtdPid(cache, host);
          run(hv, http, metrics, exporter.pid(), libvirtd, vms, samples, batches);
        } finally {
          if (exporter != null) {
            exporter.destroy();
          }
          LabVms.destroyAll(hv, ids);
        }
      }
    }
  }

  private static void run(
      Hypervisor hv,
      HttpClient http,
      URI metrics,
      long exporterPid,
      long libvirtdPid,
      int vms,
      int samples,
      int batches)
      throws Exception {
    List<Double> vWall = new ArrayList<>();
    List<Double> vSelf = new ArrayList<>();
    List<Double> vLibvirtd = new ArrayList<>();
    List<Double> eWall = new ArrayList<>();
    List<Double> eSelf = new ArrayList<>();
    List<Double> eLibvirtd = new ArrayList<>();
    for (int i = 0; i < 3; i++) { // warm-up: JIT, connections
      hv.stats();
      scrape(http, metrics);
    }
    for (int b = 0; b < batches; b++) {
      double d0 = ProcCpu.millis(libvirtdPid);
      double c0 = ProcCpu.self();
      long t0 = System.nanoTime();
      for (int i = 0; i < samples; i++) {
        hv.stats();
      }
      vWall.add((System.nanoTime() - t0) / 1e6 / samples);
      vSelf.add((ProcCpu.self() - c0) / samples);
      vLibvirtd.add((ProcCpu.millis(libvirtdPid) - d0) / samples);

      d0 = ProcCpu.millis(libvirtdPid);
      c0 = ProcCpu.millis(exporterPid);
      t0 = System.nanoTime();
      for (int i = 0; i < samples; i++) {
        scrape(http, metrics);
      }
      eWall.add((System.nanoTime() - t0) / 1e6 / samples);
      eSelf.add((ProcCpu.millis(exporterPid) - c0) / samples);
      eLibvirtd.add((ProcCpu.millis(libvirtdPid) - d0) / samples);
    }
    System.out.printf(
        "%nstats cost per host per sample, %d running guests, median of %d batches of %d samples%n",
        vms, batches, samples);
    System.out.printf(
        "%-34s %10s %14s %14s %14s%n",
        "collector", "wall ms", "collector CPU", "libvirtd CPU", "total CPU");
    line("Vimana libvirt driver (bulk stats)", vWall, vSelf, vLibvirtd);
    line("prometheus-libvirt-exporter 0.2.0", eWall, eSelf, eLibvirtd);
    System.out.printf(
        "ratio exporter/Vimana: wall %.1fx, libvirtd CPU %.1fx, total CPU %.1fx%n",
        Median.of(eWall) / Median.of(vWall),
        Median.of(eLibvirtd) / Math.max(0.01, Median.of(vLibvirtd)),
        (Median.of(eSelf) + Median.of(eLibvirtd))
            / Math.max(0.01, Median.of(vSelf) + Median.of(vLibvirtd)));
    System.out.println(
        "(CPU from /proc/PID/stat in 10 ms ticks, divided by the samples of a batch; Vimana's"
            + " collector CPU is this whole JVM's)");
  }

  private static void line(String what, List<Double> wall, List<Double> self, List<Double> daemon) {
    System.out.printf(
        "%-34s %10.2f %14.2f %14.2f %14.2f%n",
        what,
        Median.of(wall),
        Median.of(self),
        Median.of(daemon),
        Median.of(self) + Median.of(daemon));
  }

  /**
   * Distinct domains in a scrape, by the {@code domain} label of the per-domain info series (0.2.0
   * names them {@code libvirt_domain_info_*}: virtual_cpus, cpu_time_seconds_total, ...).
   */
  static long domains(String scrape) {
    return scrape
        .lines()
        .filter(l -> l.startsWith("libvirt_domain_info_"))
        .map(DOMAIN::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .distinct()
        .count();
  }

  private static String awaitScrape(HttpClient http, URI metrics) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return scrape(http, metrics);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("prometheus-libvirt-exporter did not answer", e);
        }
        Thread.sleep(200);
      }
    }
  }

  private static String scrape(HttpClient http, URI metrics) throws Exception {
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("exporter answered " + r.statusCode());
    }
    return r.body();
  }

  private static long libvirtdPid(Path cache, LabHost host) throws IOException {
    return Long.parseLong(
        Files.readString(cache.resolve("hosts").resolve(host.name()).resolve("libvirtd.pid"))
            .strip());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
