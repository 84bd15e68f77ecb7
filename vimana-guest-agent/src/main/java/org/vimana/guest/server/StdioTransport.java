package org.vimana.guest.server;

/** One session on standard input and output (for testing by hand and for socat/ssh pipes). */
final class StdioTransport implements Transport {
  @Override
  public void serve(Agent agent) {
    agent.session("stdio", System.in, System.out).run();
  }

  @Override
  public void close() {}
}
