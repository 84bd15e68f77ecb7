package org.vimana.manager.node;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.core.driver.MigrationProgress;
import org.vimana.core.host.HostInfo;
import org.vimana.rpc.Hello;
import org.vimana.rpc.ManagerMessage;
import org.vimana.rpc.MigrationProgressMsg;
import org.vimana.rpc.NodeLinkGrpc;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.Welcome;
import org.vimana.rpc.mapping.WireMapper;

/** The gRPC service nodes dial: enrolment, then heartbeats, events, stats and results. */
public final class NodeLinkService extends NodeLinkGrpc.NodeLinkImplBase {
  private static final Logger log = LoggerFactory.getLogger(NodeLinkService.class);

  private final byte[] joinToken;
  private final LiveHosts live;
  private final NodeReports reports;
  private final MigrationReports migrations;
  private final Clock clock;
  private final Duration heartbeat;
  private final Duration statsInterval;

  public NodeLinkService(
      String joinToken,
      LiveHosts live,
      NodeReports reports,
      MigrationReports migrations,
      Clock clock,
      Duration heartbeat,
      Duration statsInterval) {
    this.joinToken = joinToken.getBytes(StandardCharsets.UTF_8);
    this.live = live;
    this.reports = reports;
    this.migrations = migrations;
    this.clock = clock;
    this.heartbeat = heartbeat;
    this.statsInterval = statsInterval;
  }

  @Override
  public StreamObserver<NodeMessage> connect(StreamObserver<ManagerMessage> out) {
    return new Inbound(out);
  }

  private void progress(String hostId, MigrationProgressMsg p) {
    migrations.progress(
        hostId,
        p.getMigrationId(),
        new MigrationProgress(
            p.getElapsedMs(), p.getTotalMib(), p.getProcessedMib(), p.getRemainingMib()));
  }

  private final class Inbound implements StreamObserver<NodeMessage> {
    private final StreamObserver<ManagerMessage> out;
    private NodeSession session;

    Inbound(StreamObserver<ManagerMessage> out) {
      this.out = out;
    }

    @Override
    public void onNext(NodeMessage m) {
      try {
        if (session == null) {
          enrol(m);
          return;
        }
        String hostId = session.hostId();
        live.seen(hostId, clock.instant());
        switch (m.getBodyCase()) {
          case HEARTBEAT, BODY_NOT_SET -> {}
          case EVENT -> reports.vmEvent(hostId, WireMapper.fromWire(m.getEvent()));
          case STATS -> live.stats(hostId, WireMapper.fromWire(m.getStats()), clock.instant());
          case RESULT -> session.complete(m.getResult());
          case MIGRATION_PROGRESS -> progress(hostId, m.getMigrationProgress());
          case AGENT_STATUS -> live.agents().report(hostId, m.getAgentStatus());
          case HELLO -> log.warn("host {} sent a second hello; ignored", session.hostName());
        }
      } catch (IllegalArgumentException e) {
        // A malformed message is the node's bug; drop it and keep the link.
        log.warn("malformed message from {}: {}", who(), e.getMessage());
      }
    }

    private void enrol(NodeMessage m) {
      if (!m.hasHello()) {
        reject(Status.INVALID_ARGUMENT.withDescription("the first message must be hello"));
        return;
      }
      Hello hello = m.getHello();
      String name = hello.getHost().getName();
      if (!MessageDigest.isEqual(
          joinToken, hello.getJoinToken().getBytes(StandardCharsets.UTF_8))) {
        log.warn("refused host '{}': wrong join token", name);
        reject(
            Status.UNAUTHENTICATED.withDescription("join token rejected for host '" + name + "'"));
        return;
      }
      HostInfo info;
      try {
        info = WireMapper.fromWire(hello.getHost());
        WireMapper.fromWire(hello.getVmsList());
      } catch (IllegalArgumentException e) {
        reject(
            Status.INVALID_ARGUMENT.withDescription(
                "bad hello from '" + name + "': " + e.getMessage()));
        return;
      }
      NodeSession s = new NodeSession(name, out);
      String hostId = reports.hello(info, WireMapper.fromWire(hello.getVmsList()));
      s.bind(hostId);
      NodeSession replaced = live.connect(hostId, s, clock.instant());
      if (replaced != null) {
        replaced.fail(new IllegalStateException("host " + name + " reconnected"));
        replaced.end(Status.ABORTED.withDescription("replaced by a newer connection"));
      }
      session = s;
      s.send(
          ManagerMessage.newBuilder()
              .setWelcome(
                  Welcome.newBuilder()
                      .setHostId(hostId)
                      .setHeartbeatIntervalMs((int) heartbeat.toMillis())
                      .setStatsIntervalMs((int) statsInterval.toMillis()))
              .build());
      log.info("host {} connected ({} VMs reported)", name, hello.getVmsCount());
    }

    private void reject(Status status) {
      try {
        out.onError(status.asRuntimeException());
      } catch (RuntimeException ignored) {
        // Already closed.
      }
    }

    @Override
    public void onError(Throwable t) {
      gone("link lost: " + Status.fromThrowable(t).getCode());
    }

    @Override
    public void onCompleted() {
      gone("node closed its link");
      if (session != null) {
        session.end(Status.OK);
      }
    }

    private void gone(String reason) {
      if (session == null) {
        return;
      }
      session.fail(new IllegalStateException("host " + session.hostName() + " is down: " + reason));
      if (live.down(session.hostId(), session)) {
        reports.hostDown(session.hostId(), reason);
      }
    }

    private String who() {
      return session == null ? "an unenrolled node" : "host " + session.hostName();
    }
  }
}
