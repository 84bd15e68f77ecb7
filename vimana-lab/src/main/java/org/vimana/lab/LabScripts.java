package org.vimana.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The lab's shell scripts, which travel in this jar: copied out to the lab's cache once per run and
 * executed with {@code sh}. A script that fails ends in an exception carrying its last error lines,
 * so the caller says why the lab could not start.
 */
public final class LabScripts {
  static final List<String> NAMES =
      List.of("install-lab-deps.sh", "build-guest-image.sh", "lab-host.sh");

  private final Path dir;
  private final Path cache;

  private LabScripts(Path dir, Path cache) {
    this.dir = dir;
    this.cache = cache;
  }

  /** Copies the scripts into {@code cache}/scripts. */
  public static LabScripts extract(Path cache) throws IOException {
    Path dir = cache.resolve("scripts");
    Files.createDirectories(dir);
    for (String name : NAMES) {
      try (InputStream in = LabScripts.class.getResourceAsStream("scripts/" + name)) {
        if (in == null) {
          throw new IOException("lab script " + name + " is missing from the vimana-lab jar");
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new LabScripts(dir, cache);
  }

  public Path cache() {
    return cache;
  }

  /** Runs a script with {@code args}; returns its standard output, trimmed. */
  public String run(String script, String... args) throws IOException, InterruptedException {
    return run(Map.of(), script, args);
  }

  /**
   * Runs a script with {@code args} and the variables {@code env} added to its environment; returns
   * its standard output, trimmed.
   */
  public String run(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("sh", dir.resolve(script).toString()));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile(cache, "script-", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      pb.environment().putAll(env);
      pb.environment().put("VIMANA_LAB_CACHE", cache.toString());
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(script + " did not finish within 15 minutes");
      }
      if (p.exitValue() != 0) {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        throw new IOException(
            script
                + " "
                + String.join(" ", args)
                + " failed (exit "
                + p.exitValue()
                + "): "
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      }
      return new String(out, StandardCharsets.UTF_8).strip();
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
