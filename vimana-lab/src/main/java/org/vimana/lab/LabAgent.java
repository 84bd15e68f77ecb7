package org.vimana.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The guest agent the lab image carries: the {@code .deb} the Maven build of vimana-guest-agent
 * makes travels in this jar (vimana-lab's pom copies it in), and {@link #stage} puts it where
 * build-guest-image.sh looks, {@code <cache>/agent/vimana-guest-agent.deb}. The system property
 * {@value #DEB_PROPERTY} names another .deb; the environment variable {@code VIMANA_GUEST_AGENT} (a
 * .deb, or {@code none}) is read by the script itself and wins over both.
 */
public final class LabAgent {
  /**
   * System property: a vimana-guest-agent .deb to put into the image instead of the bundled one.
   */
  public static final String DEB_PROPERTY = "vimana.lab.agent.deb";

  static final String RESOURCE = "agent/vimana-guest-agent.deb";

  private LabAgent() {}

  /**
   * Copies the agent's .deb into {@code cache} when it differs from what is there (so the image's
   * stamp, which holds the .deb's checksum, changes only when the agent does). Returns where it
   * went, or empty when this jar carries no agent and none was named (the image is then built
   * without one).
   */
  public static Optional<Path> stage(Path cache) throws IOException {
    if (System.getenv("VIMANA_GUEST_AGENT") != null) {
      return Optional.empty(); // build-guest-image.sh takes it from there
    }
    byte[] deb = bundled();
    if (deb == null) {
      return Optional.empty();
    }
    Path dir = cache.resolve("agent");
    Files.createDirectories(dir);
    Path target = dir.resolve("vimana-guest-agent.deb");
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), deb)) {
      return Optional.of(target);
    }
    // Another lab may be reading it: write aside, then rename.
    Path tmp = Files.createTempFile(dir, "vimana-guest-agent", ".deb.tmp");
    Files.write(tmp, deb);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(target);
  }

  private static byte[] bundled() throws IOException {
    String named = System.getProperty(DEB_PROPERTY);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!Files.isRegularFile(p)) {
        throw new IOException(DEB_PROPERTY + "=" + named + " is not a file");
      }
      return Files.readAllBytes(p);
    }
    try (InputStream in = LabAgent.class.getResourceAsStream(RESOURCE)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
