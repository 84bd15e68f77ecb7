package org.vimana.driver.libvirt.xml;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Small DOM helpers: namespace-aware, external entities off, no surprises. */
public final class Xml {
  private Xml() {}

  /** A new empty document. */
  public static Document newDocument() {
    return builder().newDocument();
  }

  /** Parses {@code xml}; a malformed document is an {@link IllegalArgumentException}. */
  public static Document parse(String xml) {
    try {
      return builder().parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("malformed XML: " + e.getMessage(), e);
    }
  }

  /** Serialises a document without the XML declaration. */
  public static String toString(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot serialise XML", e);
    }
  }

  /** Appends a child element (no namespace) with optional text. */
  public static Element child(Node parent, String name, String text) {
    Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
    Element e = doc.createElement(name);
    if (text != null) {
      e.setTextContent(text);
    }
    parent.appendChild(e);
    return e;
  }

  /** Appends a child element (no namespace) and sets attributes given as name, value pairs. */
  public static Element child(Node parent, String name, String... attributes) {
    Element e = child(parent, name, (String) null);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      e.setAttribute(attributes[i], attributes[i + 1]);
    }
    return e;
  }

  /** The direct children of {@code parent} with local name {@code name}. */
  public static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && name.equals(localName(e))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first direct child of {@code parent} named {@code name}. */
  public static Optional<Element> first(Element parent, String name) {
    List<Element> all = children(parent, name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The trimmed text of the first child named {@code name}, or empty. */
  public static Optional<String> text(Element parent, String name) {
    return first(parent, name).map(e -> e.getTextContent().trim());
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser", e);
    }
  }
}
