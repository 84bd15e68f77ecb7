package org.vimana.cli.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The manager the CLI talks to: its base URL and the bearer token.
 *
 * <p>Each of the two is taken from the first place that has it:
 *
 * <ol>
 *   <li>the environment: {@code VIMANA_URL}; {@code VIMANA_TOKEN}, else the file named by {@code
 *       VIMANA_TOKEN_FILE};
 *   <li>the client config file: {@code $VIMANA_CONFIG} if set, else {@code
 *       ${XDG_CONFIG_HOME:-$HOME/.config}/vimana/client.json}, holding {@code {"url": "...",
 *       "tokenFile": "..."}}; {@code vimana manager} and {@code vimana demo} write it.
 * </ol>
 *
 * @param url the manager's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param token the bearer token
 * @param source where the values came from, for messages
 */
public record ClientConfig(String url, String token, String source) {
  public static final String FILE_NAME = "client.json";
  static final String NOT_CONFIGURED =
      "no manager configured: set VIMANA_URL and VIMANA_TOKEN or start one with `vimana demo`";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  public ClientConfig {
    requireNonNull(url, "url");
    requireNonNull(token, "token");
    requireNonNull(source, "source");
  }

  /** What the client config file holds. */
  public record FileContent(String url, String tokenFile) {}

  /** Resolves the configuration from {@code env} (the process environment, or a test's map). */
  public static ClientConfig load(Map<String, String> env) throws ConfigException {
    String url = nonBlank(env.get("VIMANA_URL"));
    String urlSource = "VIMANA_URL";
    String token = nonBlank(env.get("VIMANA_TOKEN"));
    String tokenSource = "VIMANA_TOKEN";
    if (token == null && nonBlank(env.get("VIMANA_TOKEN_FILE")) != null) {
      tokenSource = "VIMANA_TOKEN_FILE";
      token = readToken(Path.of(env.get("VIMANA_TOKEN_FILE").strip()), tokenSource);
    }
    Path file = configFile(env);
    // The file is read only for what the environment leaves out, so a broken file does not get
    // in the way of VIMANA_URL + VIMANA_TOKEN.
    FileContent content = url == null || token == null ? readIfPresent(file) : null;
    if (url == null && content != null) {
      url = content.url();
      urlSource = file.toString();
    }
    if (url == null) {
      throw new ConfigException(NOT_CONFIGURED);
    }
    checkUrl(url, urlSource);
    if (token == null && content != null && nonBlank(content.tokenFile()) != null) {
      tokenSource = file.toString();
      token = readToken(Path.of(content.tokenFile()), "tokenFile of " + file);
    }
    if (token == null) {
      throw new ConfigException(
          "no token for the manager at "
              + url
              + ": set VIMANA_TOKEN or VIMANA_TOKEN_FILE, or add \"tokenFile\" to "
              + file);
    }
    String source = urlSource.equals(tokenSource) ? urlSource : urlSource + " + " + tokenSource;
    return new ClientConfig(url, token, source);
  }

  /** The client config file: {@code $VIMANA_CONFIG}, else under XDG_CONFIG_HOME or ~/.config. */
  public static Path configFile(Map<String, String> env) {
    String explicit = nonBlank(env.get("VIMANA_CONFIG"));
    if (explicit != null) {
      return Path.of(explicit);
    }
    String xdg = nonBlank(env.get("XDG_CONFIG_HOME"));
    Path base = xdg != null ? Path.of(xdg) : Path.of(homeDir(env)).resolve(".config");
    return base.resolve("vimana").resolve(FILE_NAME);
  }

  /** $HOME from {@code env}, else the JVM's user.home. */
  public static String homeDir(Map<String, String> env) {
    String home = nonBlank(env.get("HOME"));
    return home != null ? home : System.getProperty("user.home");
  }

  /**
   * Writes the client config file atomically, readable by its owner only (0600 where the file
   * system supports POSIX permissions), creating its directory.
   */
  public static void write(Path file, String url, Path tokenFile) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".client", ".tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      FileContent content = new FileContent(url, tokenFile.toAbsolutePath().toString());
      Files.writeString(tmp, JSON.writeValueAsString(content) + "\n");
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static FileContent readIfPresent(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new ConfigException("cannot read client config " + file + ": " + e.getMessage(), e);
    }
    try {
      FileContent c = JSON.readValue(text, FileContent.class);
      if (c == null || nonBlank(c.url()) == null) {
        throw new ConfigException("client config " + file + " has no \"url\"");
      }
      return c;
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "client config " + file + " is not valid: " + e.getOriginalMessage(), e);
    }
  }

  private static String readToken(Path file, String source) throws ConfigException {
    try {
      String token = Files.readString(file).strip();
      if (token.isEmpty()) {
        throw new ConfigException("token file " + file + " (" + source + ") is empty");
      }
      return token;
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read token file " + file + " (" + source + "): " + e.getMessage(), e);
    }
  }

  private static void checkUrl(String url, String source) throws ConfigException {
    try {
      URI u = new URI(url);
      boolean web = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
      if (!web || u.getHost() == null) {
        throw new ConfigException(
            "manager URL '" + url + "' (" + source + ") must be http://HOST:PORT or https://...");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(
          "manager URL '" + url + "' (" + source + ") is not a URL: " + e.getMessage(), e);
    }
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    // Never print the token.
    return "ClientConfig[url=" + url + ", source=" + source + "]";
  }
}
