package org.vimana.guest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vimana.agent.ext.HealthCheck;
import org.vimana.agent.ext.Probe;
import org.vimana.guest.Fixtures;
import org.vimana.guest.proc.Processes;
import org.vimana.guest.proc.Services;

class ProbesTest {
  private final ServerSocket http;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  ProbesTest() throws IOException {
    http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!http.isClosed()) {
                try (Socket s = http.accept()) {
                  InputStream in = s.getInputStream();
                  in.read(new byte[4096]);
                  OutputStream out = s.getOutputStream();
                  out.write(
                      "HTTP/1.0 200 OK\r\nContent-Length: 7\r\n\r\nhealthy"
                          .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // closed
                }
              }
            });
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void stop() throws IOException {
    http.close();
    scheduler.shutdownNow();
  }

  @Test
  void tcpDnsAndHttpProbes() throws Exception {
    Prober p = new Prober();
    int port = http.getLocalPort();
    Probe.Result tcp = p.run(new Probe.Spec("tcp", "127.0.0.1", port, 1000));
    assertThat(tcp.ok()).isTrue();
    assertThat(tcp.detail()).isEqualTo("connected to 127.0.0.1:" + port);
    assertThat(tcp.latencyMillis()).isGreaterThanOrEqualTo(0);
    assertThat(p.run(new Probe.Spec("dns", "localhost", null, 2000)).detail())
        .startsWith("resolved to");
    Probe.Result web = p.run(new Probe.Spec("http", "http://127.0.0.1:" + port + "/", null, 2000));
    assertThat(web.ok()).isTrue();
    assertThat(web.detail()).isEqualTo("HTTP 200");
    Probe.Result closed;
    try (ServerSocket s = new ServerSocket(0)) {
      int free = s.getLocalPort();
      s.close();
      closed = p.run(new Probe.Spec("tcp", "127.0.0.1", free, 500));
    }
    assertThat(closed.ok()).isFalse();
    assertThat(closed.detail()).contains("Connection refused");
    assertThat(p.run(new Probe.Spec("dns", "no-such-host.invalid", null, 3000)).ok()).isFalse();
  }

  @Test
  void healthChecksRunAndRegister() {
    HealthChecks h =
        new HealthChecks(
            new Prober(),
            new Services(Fixtures.root(), new Processes(Fixtures.root())),
            Fixtures.root(),
            Clock.systemUTC(),
            scheduler);
    String url = "http://127.0.0.1:" + http.getLocalPort() + "/health";
    List<HealthCheck.Result> r =
        h.run(
            new HealthCheck.Args(
                List.of(
                    new HealthCheck.Spec("web", "http", url, null, 2000, 60_000, 200, "healthy"),
                    new HealthCheck.Spec("body", "http", url, null, 2000, 60_000, null, "sick"),
                    new HealthCheck.Spec(
                        "init", "process", "systemd", null, 100, 60_000, null, null),
                    new HealthCheck.Spec(
                        "conf", "file", "/etc/os-release", null, 100, 60_000, null, null),
                    new HealthCheck.Spec(
                        "gone", "file", "/etc/nothing", null, 100, 60_000, null, null)),
                true));
    assertThat(r)
        .extracting(x -> x.name() + "=" + x.ok())
        .containsExactly("web=true", "body=false", "init=true", "conf=true", "gone=false");
    assertThat(r.get(1).detail()).contains("lacks 'sick'");
    assertThat(h.latest()).hasSize(5);
  }
}
