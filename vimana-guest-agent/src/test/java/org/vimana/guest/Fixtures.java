package org.vimana.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.vimana.guest.proc.Filesystems;
import org.vimana.guest.proc.SystemRoot;

/** The fake guest tree under src/test/resources/root. */
public final class Fixtures {
  private Fixtures() {}

  public static Path rootPath() {
    try {
      return Path.of(Fixtures.class.getResource("/root").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SystemRoot root() {
    return new SystemRoot(rootPath());
  }

  /** A writable copy of the fixture tree, for tests that change counters. */
  public static SystemRoot copy(Path target) {
    Path src = rootPath();
    try (Stream<Path> all = Files.walk(src)) {
      all.forEach(
          p -> {
            try {
              Path dst = target.resolve(src.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(dst);
              } else {
                Files.copy(p, dst, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SystemRoot(target);
  }

  /** 10 GiB filesystems, 4 GiB free, 3 GiB available, wherever asked. */
  public static final Filesystems.SpaceLookup SPACE =
      mountpoint -> new Filesystems.Space(10L << 30, 4L << 30, 3L << 30);
}
