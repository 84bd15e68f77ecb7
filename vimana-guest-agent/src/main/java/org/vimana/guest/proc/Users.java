package org.vimana.guest.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vimana.agent.qga.GuestUser;

/**
 * Logged-in users without utmp (busybox and container guests often have none): a login session is a
 * session-leader process (pid == sid) on a terminal (tty_nr != 0) that is not a getty or login
 * itself; its owner is the user and its start time the login time (earliest per user). Owner uids
 * are named through /etc/passwd.
 */
public final class Users {
  private static final Set<String> NOT_SESSIONS = Set.of("agetty", "getty", "mingetty", "login");

  private final SystemRoot root;
  private final Processes processes;

  public Users(SystemRoot root, Processes processes) {
    this.root = root;
    this.processes = processes;
  }

  public List<GuestUser> loggedIn(long bootTimeSeconds) throws IOException {
    Map<Long, String> names = passwd(root.readIfExists("etc/passwd"));
    Map<String, Double> earliest = new TreeMap<>();
    for (Processes.Stat s : processes.all()) {
      if (s.pid() != s.session() || s.ttyNr() == 0 || NOT_SESSIONS.contains(s.comm())) {
        continue;
      }
      long uid = processes.uid(s.pid());
      if (uid < 0) {
        continue;
      }
      String user = names.getOrDefault(uid, Long.toString(uid));
      double login = bootTimeSeconds + (double) s.startTicks() / Processes.TICKS_PER_SECOND;
      earliest.merge(user, login, Math::min);
    }
    List<GuestUser> out = new ArrayList<>();
    earliest.forEach((user, t) -> out.add(new GuestUser(user, t, null)));
    return out;
  }

  /** uid to user name from passwd(5) text; null text gives an empty map. */
  static Map<Long, String> passwd(String text) {
    Map<Long, String> out = new HashMap<>();
    if (text == null) {
      return out;
    }
    for (String line : text.lines().toList()) {
      String[] f = line.split(":");
      if (f.length >= 3 && !line.startsWith("#")) {
        try {
          out.putIfAbsent(Long.parseLong(f[2]), f[0]);
        } catch (NumberFormatException e) {
          // a malformed passwd line names nobody
        }
      }
    }
    return out;
  }
}
