package org.vimana.guest.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.vimana.agent.ext.Probe;

/**
 * Runs probes with java.base only. ICMP needs a raw socket, which Java cannot open: the probe uses
 * /bin/ping when present and otherwise InetAddress.isReachable (ICMP when privileged, else a TCP
 * echo-port attempt), and says which in its detail.
 */
public final class Prober {
  private static final Path PING = Path.of("/bin/ping");
  private static final int BODY_LIMIT = 64 * 1024;

  private final ExecutorService dns =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "probe-dns");
            t.setDaemon(true);
            return t;
          });

  public Probe.Result run(Probe.Spec spec) {
    long t0 = System.nanoTime();
    try {
      String detail =
          switch (spec.type()) {
            case "tcp" -> tcp(spec);
            case "dns" -> dns(spec);
            case "icmp" -> icmp(spec);
            default -> http(spec, null, null);
          };
      return new Probe.Result(spec.type(), spec.target(), true, ms(t0), detail);
    } catch (IOException | RuntimeException e) {
      return new Probe.Result(spec.type(), spec.target(), false, ms(t0), describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe.Result(spec.type(), spec.target(), false, ms(t0), "interrupted");
    }
  }

  private static String tcp(Probe.Spec spec) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(spec.target(), spec.port()), (int) spec.timeoutMillis());
      return "connected to " + s.getInetAddress().getHostAddress() + ":" + spec.port();
    }
  }

  private String dns(Probe.Spec spec) throws IOException, InterruptedException {
    Future<InetAddress[]> f = dns.submit(() -> InetAddress.getAllByName(spec.target()));
    try {
      InetAddress[] all = f.get(spec.timeoutMillis(), TimeUnit.MILLISECONDS);
      return "resolved to "
          + Arrays.stream(all).map(InetAddress::getHostAddress).collect(Collectors.joining(","));
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new IOException("no DNS answer within " + spec.timeoutMillis() + " ms", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot resolve " + spec.target() + ": " + e.getCause(), e);
    }
  }

  private static String icmp(Probe.Spec spec) throws IOException, InterruptedException {
    if (Files.isExecutable(PING)) {
      long seconds = Math.max(1, (spec.timeoutMillis() + 999) / 1000);
      Process p =
          new ProcessBuilder(
                  PING.toString(), "-c", "1", "-W", Long.toString(seconds), spec.target())
              .redirectErrorStream(true)
              .start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readNBytes(4096);
      }
      if (!p.waitFor(seconds + 2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("ping did not finish");
      }
      if (p.exitValue() != 0) {
        throw new IOException("no echo reply (ping exit " + p.exitValue() + ")");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      int at = text.indexOf("time=");
      return "echo reply via /bin/ping" + (at < 0 ? "" : ", " + text.substring(at).split("\n")[0]);
    }
    InetAddress a = InetAddress.getByName(spec.target());
    if (!a.isReachable((int) spec.timeoutMillis())) {
      throw new IOException("not reachable (InetAddress.isReachable)");
    }
    return "reachable via InetAddress.isReachable";
  }

  /** GET; status must equal expectStatus, or be 2xx when null; body must contain expectBody. */
  String http(Probe.Spec spec, Integer expectStatus, String expectBody) throws IOException {
    HttpURLConnection c;
    try {
      c = (HttpURLConnection) URI.create(spec.target()).toURL().openConnection();
    } catch (IllegalArgumentException e) {
      throw new IOException("bad URL '" + spec.target() + "'", e);
    }
    c.setConnectTimeout((int) spec.timeoutMillis());
    c.setReadTimeout((int) spec.timeoutMillis());
    c.setInstanceFollowRedirects(false);
    try {
      int code = c.getResponseCode();
      boolean ok = expectStatus == null ? code >= 200 && code < 300 : code == expectStatus;
      if (!ok) {
        throw new IOException(
            "HTTP " + code + (expectStatus == null ? "" : ", wanted " + expectStatus));
      }
      if (expectBody != null) {
        byte[] body;
        try (InputStream in = c.getInputStream()) {
          body = in.readNBytes(BODY_LIMIT);
        }
        if (!new String(body, StandardCharsets.UTF_8).contains(expectBody)) {
          throw new IOException("HTTP " + code + " but the body lacks '" + expectBody + "'");
        }
      }
      return "HTTP " + code;
    } finally {
      c.disconnect();
    }
  }

  static double ms(long t0) {
    return Math.round((System.nanoTime() - t0) / 10_000.0) / 100.0;
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
