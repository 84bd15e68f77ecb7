package org.vimana.sim.store;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file per VM, {@code vm-<url-encoded id>.properties}, in one directory. Writes go to a hidden
 * temporary file that is flushed to disk and renamed over the old file, so a crash leaves either
 * the old or the new version, never half a file; leftover temporary files are removed on load.
 */
final class DirectoryVmStore implements VmStore {
  private static final String PREFIX = "vm-";
  private static final String SUFFIX = ".properties";
  private static final String TMP_SUFFIX = ".tmp";

  private final Path dir;

  DirectoryVmStore(Path dir) throws IOException {
    this.dir = dir.toAbsolutePath();
    Files.createDirectories(this.dir);
  }

  @Override
  public List<VmRecord> load() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith("." + PREFIX) && name.endsWith(TMP_SUFFIX)) {
          Files.deleteIfExists(p); // an interrupted write; the previous version is intact
        } else if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
          files.add(p);
        }
      }
    }
    files.sort(null);
    List<VmRecord> records = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : files) {
      VmRecord r = read(file);
      Path other = seen.putIfAbsent(r.id(), file);
      if (other != null) {
        throw new CorruptStateException(file, "VM id '" + r.id() + "' is also in " + other, null);
      }
      records.add(r);
    }
    return records;
  }

  private static VmRecord read(Path file) throws IOException {
    try {
      String content =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return VmRecordFormat.decode(content);
    } catch (CharacterCodingException e) {
      throw new CorruptStateException(file, "not valid UTF-8", e);
    } catch (IllegalArgumentException e) {
      throw new CorruptStateException(file, e.getMessage(), e);
    }
  }

  @Override
  public void save(VmRecord record) throws IOException {
    Path target = fileOf(record.id());
    Path tmp = dir.resolve("." + target.getFileName() + TMP_SUFFIX);
    byte[] bytes = VmRecordFormat.encode(record).getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(String vmId) throws IOException {
    Files.deleteIfExists(fileOf(vmId));
  }

  /** The file that holds the VM with {@code vmId}. */
  Path fileOf(String vmId) {
    return dir.resolve(PREFIX + URLEncoder.encode(vmId, StandardCharsets.UTF_8) + SUFFIX);
  }
}
