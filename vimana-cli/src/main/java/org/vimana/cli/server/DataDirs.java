package org.vimana.cli.server;

import java.nio.file.Path;
import java.util.Map;
import org.vimana.cli.config.ClientConfig;

/**
 * Default places of the daemons' state: under {@code $VIMANA_HOME} if set, else {@code
 * ${XDG_DATA_HOME:-~/.local/share}/vimana}; {@code manager/}, {@code demo/}, {@code node-NAME/}.
 */
final class DataDirs {
  private DataDirs() {}

  static Path base(Map<String, String> env) {
    String home = env.get("VIMANA_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path data =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(ClientConfig.homeDir(env)).resolve(".local/share");
    return data.resolve("vimana");
  }

  static Path orDefault(Path given, Map<String, String> env, String name) {
    return (given != null ? given : base(env).resolve(name)).toAbsolutePath().normalize();
  }

  /** How the user started us: the launcher's path if it told us, else {@code vimana}. */
  static String launcher(Map<String, String> env) {
    String l = env.get("VIMANA_LAUNCHER");
    return l == null || l.isBlank() ? "vimana" : l;
  }

  /** A command line as a shell would accept it (arguments with odd characters quoted). */
  static String shellLine(java.util.List<String> args) {
    StringBuilder sb = new StringBuilder();
    for (String a : args) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }
}
