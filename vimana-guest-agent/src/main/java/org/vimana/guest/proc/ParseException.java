package org.vimana.guest.proc;

import java.io.IOException;

/** A system file that does not have the expected format; the message names file and line. */
public final class ParseException extends IOException {
  private static final long serialVersionUID = 1L;

  public ParseException(String file, int line, String why) {
    super(file + ":" + line + ": " + why);
  }
}
