package org.netduplex.msbin.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.netduplex.msbin.Fixtures;
import org.netduplex.msbin.Msbin;

/**
 * Binary ({@code application/soap+msbin1}) against text SOAP through Woodstox, on the captured
 * StockService envelopes: bytes on the wire, and microseconds per message to encode (the same StAX
 * writer calls replayed into each writer) and to decode (every event pulled, names, attributes and
 * text touched). Warm-up first, then timed rounds; the ratio is binary over text in the same run.
 *
 * <p>Not a unit test. Run: {@code mvn -o -q -pl msbin test-compile exec:java} is not configured, so
 * use {@code java -cp "$(cat cp.txt):msbin/target/classes:msbin/target/test-classes"
 * org.netduplex.msbin.bench.EnvelopeBenchmark [iterations]} after {@code mvn -pl msbin
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class EnvelopeBenchmark {
  private static final XMLInputFactory TEXT_IN = new WstxInputFactory();
  private static final XMLOutputFactory TEXT_OUT = new WstxOutputFactory();
  private static volatile int sink; // keeps the JIT from dropping work

  private EnvelopeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    System.out.printf(Locale.ROOT, "java %s, %d iterations after %d warm-up%n",
        System.getProperty("java.version"), iterations, iterations / 2);
    run("SOAP 1.1 poll answer", Fixtures.SOAP11_POLL_ANSWER, iterations);
    run("SOAP 1.2 + WS-Addressing", Fixtures.SOAP12_POLL_ANSWER, iterations);
  }

  private static void run(String name, String xml, int iterations) throws Exception {
    List<WriterCall> calls = record(xml);
    byte[] text = encodeText(calls);
    byte[] binary = encodeBinary(calls);

    for (int i = 0; i < iterations / 2; i++) {
      encodeText(calls);
      encodeBinary(calls);
      decode(TEXT_IN.createXMLStreamReader(new ByteArrayInputStream(text)));
      decode(Msbin.reader(binary));
    }
    double encodeText = time(iterations, () -> encodeText(calls));
    double encodeBinary = time(iterations, () -> encodeBinary(calls));
    double decodeText = time(iterations, () -> decode(TEXT_IN.createXMLStreamReader(new ByteArrayInputStream(text))));
    double decodeBinary = time(iterations, () -> decode(Msbin.reader(binary)));

    System.out.printf(Locale.ROOT, "%n%s%n", name);
    System.out.printf(Locale.ROOT, "  bytes        text %6d   binary %6d   binary/text %.2f%n",
        text.length, binary.length, (double) binary.length / text.length);
    System.out.printf(Locale.ROOT, "  encode µs    text %6.2f   binary %6.2f   binary/text %.2f%n",
        encodeText, encodeBinary, encodeBinary / encodeText);
    System.out.printf(Locale.ROOT, "  decode µs    text %6.2f   binary %6.2f   binary/text %.2f%n",
        decodeText, decodeBinary, decodeBinary / decodeText);
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Mean microseconds per call over the best of 3 rounds. */
  private static double time(int iterations, Work work) throws Exception {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        work.run();
      }
      best = Math.min(best, (System.nanoTime() - start) / 1000.0 / iterations);
    }
    return best;
  }

  private static byte[] encodeText(List<WriterCall> calls) throws XMLStreamException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    XMLStreamWriter w = TEXT_OUT.createXMLStreamWriter(out, "UTF-8");
    replay(calls, w);
    return out.toByteArray();
  }

  private static byte[] encodeBinary(List<WriterCall> calls) throws XMLStreamException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    replay(calls, Msbin.writer(out));
    return out.toByteArray();
  }

  private static void replay(List<WriterCall> calls, XMLStreamWriter w) throws XMLStreamException {
    for (WriterCall call : calls) {
      call.apply(w);
    }
    w.writeEndDocument();
    w.flush();
  }

  private static void decode(XMLStreamReader r) throws XMLStreamException {
    int touched = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        touched += r.getLocalName().length() + r.getNamespaceURI().length();
        for (int i = 0; i < r.getAttributeCount(); i++) {
          touched += r.getAttributeValue(i).length();
        }
      } else if (event == XMLStreamConstants.CHARACTERS) {
        touched += r.getText().length();
      }
    }
    sink += touched;
  }

  /** One StAX writer call, recorded from a parse so text and binary get exactly the same calls. */
  private interface WriterCall {
    void apply(XMLStreamWriter w) throws XMLStreamException;
  }

  private static List<WriterCall> record(String xml) throws XMLStreamException {
    List<WriterCall> calls = new ArrayList<>();
    XMLStreamReader r = TEXT_IN.createXMLStreamReader(new StringReader(xml));
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          String prefix = r.getPrefix();
          String local = r.getLocalName();
          String uri = r.getNamespaceURI();
          calls.add(w -> w.writeStartElement(prefix, local, uri));
          for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            String u = r.getNamespaceURI(i);
            calls.add(p == null || p.isEmpty() ? w -> w.writeDefaultNamespace(u) : w -> w.writeNamespace(p, u));
          }
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = r.getAttributePrefix(i);
            String u = r.getAttributeNamespace(i);
            String l = r.getAttributeLocalName(i);
            String v = r.getAttributeValue(i);
            calls.add(u == null || u.isEmpty() ? w -> w.writeAttribute(l, v) : w -> w.writeAttribute(p, u, l, v));
          }
        }
        case XMLStreamConstants.CHARACTERS -> {
          String t = r.getText();
          calls.add(w -> w.writeCharacters(t));
        }
        case XMLStreamConstants.END_ELEMENT -> calls.add(XMLStreamWriter::writeEndElement);
        default -> { }
      }
    }
    return calls;
  }
}
