package org.vimana.guest.command;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestFile;
import org.vimana.guest.policy.Policy;

/** guest-file-open/read/write/close over a bounded table of open files. Thread-safe. */
public final class FileCommands {
  private static final int MAX_OPEN = 32;

  private final Policy policy;
  private final int maxReadBytes;
  private final Map<Long, FileChannel> open = new HashMap<>();
  private long nextHandle = 1000;

  /** maxReadBytes bounds one read so its base64 reply stays within memory bounds. */
  public FileCommands(Policy policy, int maxReadBytes) {
    this.policy = policy;
    this.maxReadBytes = maxReadBytes;
  }

  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.of(
            "guest-file-open", (a, p) -> JsonValue.of(open(GuestFile.OpenArgs.fromJson(a)))),
        CommandSpec.of("guest-file-read", (a, p) -> read(GuestFile.ReadArgs.fromJson(a)).toJson()),
        CommandSpec.of(
            "guest-file-write", (a, p) -> write(GuestFile.WriteArgs.fromJson(a)).toJson()),
        CommandSpec.of(
            "guest-file-close",
            (a, p) -> {
              close(GuestFile.Handle.fromJson(a).handle());
              return org.vimana.agent.json.JsonObject.empty();
            }));
  }

  long open(GuestFile.OpenArgs args) throws IOException {
    String mode = args.mode() == null ? "r" : args.mode();
    if (!policy.allowsOpen(mode)) {
      throw new CommandDisabledException(
          "guest-file-open in mode '" + mode + "' writes, and guest-file-write is disabled");
    }
    FileChannel ch = FileChannel.open(Path.of(args.path()), options(mode));
    synchronized (open) {
      if (open.size() >= MAX_OPEN) {
        ch.close();
        throw new IOException("too many open files (" + MAX_OPEN + "); close some first");
      }
      long h = nextHandle++;
      open.put(h, ch);
      return h;
    }
  }

  /** fopen(3) modes: r, r+, w, w+, a, a+, each optionally with 'b'. */
  static Set<OpenOption> options(String mode) {
    String m = mode.replace("b", "");
    Set<OpenOption> o = new java.util.HashSet<>();
    switch (m) {
      case "r" -> o.add(StandardOpenOption.READ);
      case "r+" -> o.addAll(EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
      case "w" ->
          o.addAll(
              EnumSet.of(
                  StandardOpenOption.WRITE,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING));
      case "w+" ->
          o.addAll(
              EnumSet.of(
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING));
      case "a" -> o.addAll(EnumSet.of(StandardOpenOption.APPEND, StandardOpenOption.CREATE));
      case "a+" ->
          o.addAll(
              EnumSet.of(
                  StandardOpenOption.READ, StandardOpenOption.APPEND, StandardOpenOption.CREATE));
      default -> throw new IllegalArgumentException("Invalid parameter 'mode': '" + mode + "'");
    }
    return o;
  }

  GuestFile.Read read(GuestFile.ReadArgs args) throws IOException {
    long count = args.count() == null ? 4096 : args.count();
    if (count < 0 || count > maxReadBytes) {
      throw new IllegalArgumentException(
          "Invalid parameter 'count': must be 0.." + maxReadBytes + ", got " + count);
    }
    FileChannel ch = channel(args.handle());
    ByteBuffer buf = ByteBuffer.allocate((int) count);
    boolean eof = false;
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        eof = true;
        break;
      }
    }
    byte[] data = new byte[buf.position()];
    buf.flip().get(data);
    return new GuestFile.Read(data.length, Base64.getEncoder().encodeToString(data), eof);
  }

  GuestFile.Write write(GuestFile.WriteArgs args) throws IOException {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(args.bufB64());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid parameter 'buf-b64': not base64", e);
    }
    long count = args.count() == null ? data.length : args.count();
    if (count < 0 || count > data.length) {
      throw new IllegalArgumentException(
          "Invalid parameter 'count': must be 0.." + data.length + ", got " + count);
    }
    FileChannel ch = channel(args.handle());
    ByteBuffer buf = ByteBuffer.wrap(data, 0, (int) count);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    return new GuestFile.Write(count, false);
  }

  void close(long handle) throws IOException {
    FileChannel ch;
    synchronized (open) {
      ch = open.remove(handle);
    }
    if (ch == null) {
      throw new IllegalArgumentException("Invalid parameter 'handle': no open file " + handle);
    }
    ch.close();
  }

  private FileChannel channel(long handle) {
    synchronized (open) {
      FileChannel ch = open.get(handle);
      if (ch == null) {
        throw new IllegalArgumentException("Invalid parameter 'handle': no open file " + handle);
      }
      return ch;
    }
  }
}
