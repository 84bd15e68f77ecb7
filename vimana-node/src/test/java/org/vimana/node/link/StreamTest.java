package org.vimana.node.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.ClientCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vimana.rpc.Heartbeat;
import org.vimana.rpc.Hello;
import org.vimana.rpc.NodeMessage;
import org.vimana.rpc.VmEventMsg;

class StreamTest {
  /** The client side of a call, recording what the node writes. */
  static final class RecordingCall extends ClientCallStreamObserver<NodeMessage> {
    final List<NodeMessage> written = new ArrayList<>();
    boolean ready = true;
    boolean halfClosed;
    String cancelled;

    @Override
    public void onNext(NodeMessage value) {
      if (halfClosed || cancelled != null) {
        throw new IllegalStateException("call is closed");
      }
      written.add(value);
    }

    @Override
    public void onError(Throwable t) {
      cancelled = String.valueOf(t);
    }

    @Override
    public void onCompleted() {
      halfClosed = true;
    }

    @Override
    public void cancel(String message, Throwable cause) {
      cancelled = message;
    }

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    @Override
    public void disableAutoInboundFlowControl() {}
  }

  private static final NodeMessage HELLO =
      NodeMessage.newBuilder().setHello(Hello.newBuilder().setJoinToken("t")).build();

  private static NodeMessage event(String vm) {
    return NodeMessage.newBuilder().setEvent(VmEventMsg.newBuilder().setVmId(vm)).build();
  }

  @Test
  void eventsSeenBeforeTheHelloFollowIt() {
    Stream s = new Stream();
    RecordingCall call = new RecordingCall();
    s.send(event("v1"));
    s.send(event("v2"));
    assertThat(call.written).isEmpty();

    s.open(call, HELLO);
    s.send(event("v3"));

    assertThat(call.written).containsExactly(HELLO, event("v1"), event("v2"), event("v3"));
  }

  @Test
  void afterTheManagerEndedTheCallWritesAreDroppedAndOurSideIsHalfClosed() {
    Stream s = new Stream();
    RecordingCall call = new RecordingCall();
    s.open(call, HELLO);
    s.finished();
    s.send(event("late"));

    assertThat(s.ended()).isTrue();
    assertThat(call.halfClosed).isTrue();
    assertThat(call.written).containsExactly(HELLO);
  }

  @Test
  void aStreamClosedBeforeItOpenedCancelsTheCall() {
    Stream s = new Stream();
    s.close();
    RecordingCall call = new RecordingCall();
    s.open(call, HELLO);
    assertThat(call.written).isEmpty();
    assertThat(call.cancelled).isNotNull();
  }

  @Test
  void aWriteThatFailsEndsTheStreamQuietly() {
    Stream s = new Stream();
    RecordingCall call = new RecordingCall();
    s.open(call, HELLO);
    call.halfClosed = true;
    s.send(NodeMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build());
    assertThat(s.ended()).isTrue();
  }

  @Test
  void congestionFollowsTheTransport() {
    Stream s = new Stream();
    RecordingCall call = new RecordingCall();
    assertThat(s.congested()).isFalse();
    s.open(call, HELLO);
    call.ready = false;
    assertThat(s.congested()).isTrue();
    call.ready = true;
    assertThat(s.congested()).isFalse();
  }

  @Test
  void cancelTearsTheCallDown() {
    Stream s = new Stream();
    RecordingCall call = new RecordingCall();
    s.open(call, HELLO);
    s.cancel("node closed");
    assertThat(call.cancelled).isEqualTo("node closed");
    assertThat(s.ended()).isTrue();
  }
}
