package org.vimana.driver.libvirt.xml;

import java.nio.file.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Moves a domain's per-host files (the serial console's log, the agent channel's socket) from one
 * state directory to another in its XML, for the copy a live migration defines on the target. Both
 * hosts keeping the source's paths works only while they do not share them: on one machine (the
 * lab) the source QEMU, exiting, unlinks the socket path the target QEMU has just bound.
 */
public final class Relocation {
  private Relocation() {}

  /**
   * {@code domainXml} with the character devices' files under {@code from} (a serial's or console's
   * {@code <log file>}, a channel's {@code <source path>}) moved under {@code to}; disks and kernel
   * stay where they are, even when they are under {@code from}.
   */
  public static String relocate(String domainXml, Path from, Path to) {
    Document doc = Xml.parse(domainXml);
    for (String device : new String[] {"serial", "console", "channel"}) {
      NodeList devices = doc.getElementsByTagName(device);
      for (int i = 0; i < devices.getLength(); i++) {
        Element d = (Element) devices.item(i);
        move(d.getElementsByTagName("log"), "file", from, to);
        move(d.getElementsByTagName("source"), "path", from, to);
      }
    }
    return Xml.toString(doc);
  }

  private static void move(NodeList elements, String attribute, Path from, Path to) {
    for (int i = 0; i < elements.getLength(); i++) {
      Element e = (Element) elements.item(i);
      String value = e.getAttribute(attribute);
      if (!value.isEmpty()) {
        Path p = Path.of(value);
        if (p.startsWith(from) && !p.equals(from)) {
          e.setAttribute(attribute, to.resolve(from.relativize(p)).toString());
        }
      }
    }
  }
}
