package org.vimana.guest.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Agent settings from /etc/vimana/agent.conf: {@code key = value} lines, '#' comments, an optional
 * {@code [general]} section header (qemu-ga's file shape). Unknown keys and bad values fail with
 * file and line.
 *
 * @param listen transport: virtio[:NAME], unix:/path, tcp:host:port or stdio
 * @param policy allow/block-rpcs
 * @param services service names always reported in vimana-status
 * @param maxMessageBytes largest request accepted
 * @param execOutputLimit bytes of stdout and of stderr kept per guest-exec process
 */
public record AgentConfig(
    String listen, Policy policy, List<String> services, int maxMessageBytes, int execOutputLimit) {

  public static final String DEFAULT_PORT = "org.vimana.agent.0";
  public static final AgentConfig DEFAULT =
      new AgentConfig("virtio:" + DEFAULT_PORT, Policy.OPEN, List.of(), 4 << 20, 1 << 20);

  public AgentConfig {
    services = List.copyOf(services);
  }

  public AgentConfig withListen(String l) {
    return new AgentConfig(l, policy, services, maxMessageBytes, execOutputLimit);
  }

  public AgentConfig withPolicy(Policy p) {
    return new AgentConfig(listen, p, services, maxMessageBytes, execOutputLimit);
  }

  public static AgentConfig load(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  public static AgentConfig parse(String file, List<String> lines) {
    String listen = DEFAULT.listen();
    Set<String> allow = null;
    Set<String> block = Set.of();
    List<String> services = List.of();
    int maxMessage = DEFAULT.maxMessageBytes();
    int execLimit = DEFAULT.execOutputLimit();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.equals("[general]")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw bad(file, i, "expected 'key = value', got '" + line + "'");
      }
      String key = line.substring(0, eq).trim();
      String value = line.substring(eq + 1).trim();
      switch (key) {
        case "listen" -> listen = value;
        case "allow-rpcs" -> allow = list(value);
        case "block-rpcs" -> block = list(value);
        case "services" -> services = List.copyOf(list(value));
        case "max-message-bytes" -> maxMessage = size(file, i, key, value, 1024, 64 << 20);
        case "exec-output-limit" -> execLimit = size(file, i, key, value, 0, 16 << 20);
        default ->
            throw bad(
                file,
                i,
                "unknown key '"
                    + key
                    + "' (known: listen, allow-rpcs, block-rpcs, services, max-message-bytes,"
                    + " exec-output-limit)");
      }
    }
    return new AgentConfig(listen, new Policy(allow, block), services, maxMessage, execLimit);
  }

  /** Comma-separated names, blanks ignored. */
  public static Set<String> list(String value) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }

  private static int size(String file, int i, String key, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw bad(file, i, key + " must be " + min + ".." + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(file, i, key + " must be a whole number of bytes, got '" + v + "'");
    }
  }

  private static IllegalArgumentException bad(String file, int i, String why) {
    return new IllegalArgumentException(file + ":" + (i + 1) + ": " + why);
  }
}
