package org.netduplex.samples.timetable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.internal.SafeXml;

/**
 * The timetable file the server watches, as the seed's bus service writes it:
 *
 * <pre>{@code
 * <Timetable>
 *   <Race UniqueID="12-0805" Line="12" Destination="Central Station" Time="08:05"/>
 * </Timetable>
 * }</pre>
 *
 * <p>The file is edited by hand or by another program while the server reads it, so a read may catch
 * it empty or half written: anything that is not a whole, valid timetable is refused with a message
 * that says where, and the caller keeps its last good image. Parsed with the project's hardened StAX
 * factory (no DTD, no external entities), and bounded in size, since the file comes from outside.
 */
final class TimetableFile {
  /** Largest file read; a bus stop's day fits in a few kilobytes. */
  static final int MAX_BYTES = 1 << 20;
  /** Most races accepted in one file. */
  static final int MAX_RACES = 2_000;
  /** Longest UniqueID, Line or Destination. */
  static final int MAX_FIELD_LENGTH = 200;

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private TimetableFile() {}

  /** A file that is not a valid timetable (yet): empty, half written, or with a bad race. */
  static final class InvalidTimetableException extends Exception {
    InvalidTimetableException(String message) {
      super(message);
    }
  }

  /** Reads and parses the file at {@code path}. */
  static Timetable read(Path path) throws IOException, InvalidTimetableException {
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new InvalidTimetableException("file has " + size + " bytes, more than " + MAX_BYTES);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in.readNBytes(MAX_BYTES + 1));
    }
  }

  /** Parses a whole timetable document. */
  static Timetable parse(byte[] xml) throws InvalidTimetableException {
    if (xml.length > MAX_BYTES) {
      throw new InvalidTimetableException("file has more than " + MAX_BYTES + " bytes");
    }
    if (xml.length == 0) {
      throw new InvalidTimetableException("file is empty");
    }
    XMLStreamReader reader = null;
    try {
      reader = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
      reader.nextTag();
      expect(reader, "Timetable");
      List<TimetableEntry> races = new ArrayList<>();
      while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
        expect(reader, "Race");
        if (races.size() == MAX_RACES) {
          throw invalid(reader, "more than " + MAX_RACES + " races");
        }
        races.add(race(reader));
        if (reader.nextTag() != XMLStreamConstants.END_ELEMENT) {
          throw invalid(reader, "a Race has no child elements");
        }
      }
      while (reader.hasNext()) {
        reader.next(); // to the end: a truncated or doubled document is refused, not half read
      }
      return Timetable.of(races);
    } catch (XMLStreamException e) {
      throw new InvalidTimetableException("not well-formed XML: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidTimetableException(e.getMessage());
    } finally {
      close(reader);
    }
  }

  private static TimetableEntry race(XMLStreamReader reader) throws InvalidTimetableException {
    String id = attribute(reader, "UniqueID");
    if (id == null || id.isBlank()) {
      throw invalid(reader, "a Race has no UniqueID");
    }
    String time = attribute(reader, "Time");
    if (time == null) {
      throw invalid(reader, "Race " + id + " has no Time");
    }
    try {
      LocalTime.parse(time, HH_MM);
    } catch (DateTimeParseException e) {
      throw invalid(reader, "Race " + id + " has Time \"" + time + "\"; write HH:mm, e.g. 08:05");
    }
    return new TimetableEntry(id.strip(), attribute(reader, "Line"), attribute(reader, "Destination"), time);
  }

  private static String attribute(XMLStreamReader reader, String name) throws InvalidTimetableException {
    String value = reader.getAttributeValue(null, name);
    if (value != null && value.length() > MAX_FIELD_LENGTH) {
      throw invalid(reader, name + " longer than " + MAX_FIELD_LENGTH + " characters");
    }
    return value;
  }

  private static void expect(XMLStreamReader reader, String name) throws InvalidTimetableException {
    if (!name.equals(reader.getLocalName()) || reader.getNamespaceURI() != null && !reader.getNamespaceURI().isEmpty()) {
      throw invalid(reader, "expected <" + name + ">, found <" + reader.getName() + ">");
    }
  }

  private static InvalidTimetableException invalid(XMLStreamReader reader, String message) {
    return new InvalidTimetableException("line " + reader.getLocation().getLineNumber() + ": " + message);
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing left to release
      }
    }
  }
}
