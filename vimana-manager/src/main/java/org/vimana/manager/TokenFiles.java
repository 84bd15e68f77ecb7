package org.vimana.manager;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.vimana.manager.api.Tokens;

/** Secrets kept in files only their owner can read (mode 0600). */
final class TokenFiles {
  private TokenFiles() {}

  /** Reads the token in {@code file}, creating it with a new random token if absent. */
  static String readOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      String token = Tokens.generate();
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n");
        return token;
      } catch (FileAlreadyExistsException e) {
        // Created concurrently: read it below.
      }
    }
    String token = Files.readString(file).strip();
    if (token.isEmpty()) {
      throw new IOException(file + " is empty; delete it to get a new token");
    }
    return token;
  }
}
