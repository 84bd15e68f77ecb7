package org.vimana.cli.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vimana.api.json.ApiJson;
import org.vimana.api.model.ErrorBody;

/**
 * A stand-in for the manager's REST API on a real socket: answers each "METHOD /path?query" with a
 * canned status and record, and remembers the requests it got. Registered as a JUnit extension on a
 * test's field, it stops after each test.
 */
final class FakeManager implements AutoCloseable, AfterEachCallback {
  record Request(String method, String path, String body, String authorization) {}

  private record Answer(int status, Object body) {}

  private final ObjectMapper json = ApiJson.mapper();
  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, java.util.Deque<Answer>> turns = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeManager() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a port for the fake manager", e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A terminal whose commands talk to this fake, with the token "secret". */
  Terminal terminal() {
    return new Terminal(url(), "secret");
  }

  FakeManager answer(String request, Object body) {
    answers.put(request, new Answer(200, body));
    return this;
  }

  /** Answers the request with each body in turn; the last one for good. */
  FakeManager answerInTurn(String request, Object... bodies) {
    java.util.Deque<Answer> q = new java.util.concurrent.ConcurrentLinkedDeque<>();
    for (Object b : bodies) {
      q.add(new Answer(200, b));
    }
    answers.put(request, q.removeLast());
    turns.put(request, q);
    return this;
  }

  FakeManager fail(String request, int status, String error, String message) {
    answers.put(request, new Answer(status, new ErrorBody(error, message)));
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    String key = ex.getRequestMethod() + " " + ex.getRequestURI();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().toString(),
            body,
            ex.getRequestHeaders().getFirst("Authorization")));
    Answer next = turns.getOrDefault(key, new java.util.ArrayDeque<>()).poll();
    Answer a =
        next != null
            ? next
            : answers.getOrDefault(
                key, new Answer(404, new ErrorBody("not_found", "fake: no answer for " + key)));
    byte[] bytes = a.body() == null ? new byte[0] : json.writeValueAsBytes(a.body());
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
