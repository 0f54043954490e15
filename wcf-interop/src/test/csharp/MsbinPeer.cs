// The WCF side of the msbin codec cross-check: reads binary XML our codec wrote, and writes binary XML for our
// codec to read, with Microsoft's reference-source XmlBinaryReader/XmlBinaryWriter (Mono's
// System.Runtime.Serialization: XmlDictionaryReader.CreateBinaryReader, XmlDictionaryWriter.CreateBinaryWriter).
//
//   mono MsbinPeer.exe read  dict|nodict   stdin: one document a line, base64 of its bytes
//                                          stdout: one line a document, base64 of its canonical form (below)
//   mono MsbinPeer.exe write dict|nodict   stdin: one script a line, base64 of writer operations (below)
//                                          stdout: one line a script, "<base64 bytes> <base64 canonical form>",
//                                          the canonical form being this reader's reading of those bytes
// A document that fails prints "!" + the exception type + ": " + its message instead.
//
// "dict" is WCF's static dictionary: Mono's own table (System.ServiceModel.Constants.dict_strings, Mono's code, not
// Microsoft's) with its six known deviations from Microsoft's ServiceModelStringsVersion1 put back to Microsoft's
// strings (a Mono bug worked around here, see DictionaryAgainstWcfTest).
//
// Canonical form, one event a line, fields separated by TAB, every field escaped (printable ASCII but the
// backslash as is, anything else as \uXXXX of its UTF-16 units):
//   SE prefix namespace local      start of an element, followed by its
//   NS prefix uri                  namespace declarations, sorted by prefix, then its
//   A prefix namespace local value attributes, sorted by namespace then local name
//   T text                         adjacent text, whitespace and CDATA nodes joined; empty text is no line
//   C text                         comment
//   EE                             end of an element (also of an empty one)
//
// Writer operations, one a line, fields as above:
//   SE prefix local ns | SED prefix localId nsId | EE | NS prefix uri | A prefix local ns value |
//   AD prefix localId nsId value | AV prefix local ns type value | T text | TD id | V type value | C text |
//   QN local ns | QND localId nsId | ARR type prefix local ns v1,v2,...
// with ids into the dictionary and typed values: i4 i8 u8 dec bool (decimal text), f4 f8 (hex of the IEEE bits),
// guid, uid (a UniqueId from a GUID), dt (ticks:kind, kind 0 unspecified, 1 UTC, 2 local), ts (ticks), b64 (base64);
// array values are decimal text, of types i2 i4 i8 bool f4 f8 dec ts dt (dt: ticks).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;

public static class MsbinPeer {
  static readonly Dictionary<int, string> MicrosoftWhereMonoDiffers = new Dictionary<int, string> {
    {0x1A8, " http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego"}, {0x3C4, "actor"}, {0x3C6, "faultcode"},
    {0x3C8, "faultstring"}, {0x3CA, "faultactor"}, {0x3CC, "detail"}};

  public static int Main(string[] args) {
    XmlDictionary dictionary = args[1] == "dict" ? WcfDictionary() : null;
    var quotas = XmlDictionaryReaderQuotas.Max;
    var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    stdout.NewLine = "\n";
    for (string line; (line = Console.In.ReadLine()) != null; ) {
      if (line.Length == 0) {
        continue;
      }
      try {
        byte[] input = Convert.FromBase64String(line);
        if (args[0] == "read") {
          stdout.WriteLine(Base64(Canonical(input, dictionary, quotas)));
        } else {
          byte[] written = Write(Encoding.UTF8.GetString(input), dictionary);
          stdout.WriteLine(Convert.ToBase64String(written) + " " + Base64(Canonical(written, dictionary, quotas)));
        }
      } catch (Exception e) {
        stdout.WriteLine("!" + e.GetType().Name + ": " + e.Message.Replace('\n', ' ').Replace('\r', ' '));
      }
    }
    stdout.Flush();
    return 0;
  }

  static XmlDictionary WcfDictionary() {
    Type constants = typeof(BinaryMessageEncodingBindingElement).Assembly.GetType("System.ServiceModel.Constants");
    var mono = (string[]) constants.GetField("dict_strings", BindingFlags.NonPublic | BindingFlags.Static).GetValue(null);
    var d = new XmlDictionary();
    for (int i = 0; i < mono.Length; i++) {
      string s;
      XmlDictionaryString added = d.Add(MicrosoftWhereMonoDiffers.TryGetValue(2 * i, out s) ? s : mono[i]);
      if (added.Key != i) {
        throw new InvalidOperationException("dictionary id " + 2 * i + " landed at key " + added.Key);
      }
    }
    return d;
  }

  static string Base64(string s) {
    return Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
  }

  // ---- reading ----

  static string Canonical(byte[] bytes, XmlDictionary dictionary, XmlDictionaryReaderQuotas quotas) {
    var out_ = new StringBuilder();
    var text = new StringBuilder();
    using (XmlDictionaryReader r = XmlDictionaryReader.CreateBinaryReader(bytes, 0, bytes.Length, dictionary, quotas)) {
      while (r.Read()) {
        switch (r.NodeType) {
          case XmlNodeType.Element:
            Flush(out_, text);
            Line(out_, "SE", r.Prefix, r.NamespaceURI, r.LocalName);
            bool empty = r.IsEmptyElement;
            var declarations = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            while (r.MoveToNextAttribute()) {
              if (r.NamespaceURI == "http://www.w3.org/2000/xmlns/") {
                declarations[r.Prefix == "xmlns" ? r.LocalName : ""] = r.Value;
              } else {
                attributes[r.NamespaceURI + "\u0000" + r.LocalName] =
                    Escape(r.Prefix) + "\t" + Escape(r.NamespaceURI) + "\t" + Escape(r.LocalName) + "\t" + Escape(r.Value);
              }
            }
            r.MoveToElement();
            foreach (var d in declarations) {
              Line(out_, "NS", d.Key, d.Value);
            }
            foreach (var a in attributes) {
              out_.Append("A\t").Append(a.Value).Append('\n');
            }
            if (empty) {
              Line(out_, "EE");
            }
            break;
          case XmlNodeType.Text:
          case XmlNodeType.CDATA:
          case XmlNodeType.Whitespace:
          case XmlNodeType.SignificantWhitespace:
            text.Append(r.Value);
            break;
          case XmlNodeType.Comment:
            Flush(out_, text);
            Line(out_, "C", r.Value);
            break;
          case XmlNodeType.EndElement:
            Flush(out_, text);
            Line(out_, "EE");
            break;
          default:
            throw new InvalidDataException("unexpected node " + r.NodeType);
        }
      }
    }
    Flush(out_, text);
    return out_.ToString();
  }

  static void Flush(StringBuilder out_, StringBuilder text) {
    if (text.Length > 0) {
      Line(out_, "T", text.ToString());
      text.Length = 0;
    }
  }

  static void Line(StringBuilder out_, string kind, params string[] fields) {
    out_.Append(kind);
    foreach (string f in fields) {
      out_.Append('\t').Append(Escape(f));
    }
    out_.Append('\n');
  }

  static string Escape(string s) {
    var out_ = new StringBuilder(s.Length);
    foreach (char c in s) {
      if (c >= 0x20 && c < 0x7F && c != '\\') {
        out_.Append(c);
      } else {
        out_.Append("\\u").Append(((int) c).ToString("X4"));
      }
    }
    return out_.ToString();
  }

  static string Unescape(string s) {
    var out_ = new StringBuilder(s.Length);
    for (int i = 0; i < s.Length; i++) {
      if (s[i] == '\\') {
        out_.Append((char) int.Parse(s.Substring(i + 2, 4), NumberStyles.HexNumber));
        i += 5;
      } else {
        out_.Append(s[i]);
      }
    }
    return out_.ToString();
  }

  // ---- writing ----

  static byte[] Write(string script, XmlDictionary dictionary) {
    var bytes = new MemoryStream();
    using (XmlDictionaryWriter w = XmlDictionaryWriter.CreateBinaryWriter(bytes, dictionary, null, false)) {
      foreach (string line in script.Split('\n')) {
        if (line.Length > 0) {
          Apply(w, Array.ConvertAll(line.Split('\t'), Unescape), dictionary);
        }
      }
      w.Flush();
    }
    return bytes.ToArray();
  }

  static void Apply(XmlDictionaryWriter w, string[] f, XmlDictionary dictionary) {
    switch (f[0]) {
      case "SE": w.WriteStartElement(f[1], f[2], f[3]); break;
      case "SED": w.WriteStartElement(f[1], Entry(dictionary, f[2]), Entry(dictionary, f[3])); break;
      case "EE": w.WriteEndElement(); break;
      case "NS": w.WriteXmlnsAttribute(f[1], f[2]); break;
      case "A": w.WriteAttributeString(f[1], f[2], f[3], f[4]); break;
      case "AD":
        w.WriteStartAttribute(f[1], Entry(dictionary, f[2]), Entry(dictionary, f[3]));
        w.WriteString(f[4]);
        w.WriteEndAttribute();
        break;
      case "AV":
        w.WriteStartAttribute(f[1], f[2], f[3]);
        WriteTyped(w, f[4], f[5]);
        w.WriteEndAttribute();
        break;
      case "T": w.WriteString(f[1]); break;
      case "TD": w.WriteString(Entry(dictionary, f[1])); break;
      case "V": WriteTyped(w, f[1], f[2]); break;
      case "C": w.WriteComment(f[1]); break;
      case "QN": w.WriteQualifiedName(f[1], f[2]); break;
      case "QND": w.WriteQualifiedName(Entry(dictionary, f[1]), Entry(dictionary, f[2])); break;
      case "ARR": WriteArray(w, f[1], f[2], f[3], f[4], f[5].Split(',')); break;
      default: throw new ArgumentException("unknown operation " + f[0]);
    }
  }

  static XmlDictionary wcfStrings;

  // Without the dictionary an XmlDictionaryString of a throwaway dictionary: the writer then writes its characters.
  static XmlDictionaryString Entry(XmlDictionary dictionary, string id) {
    int key = int.Parse(id, CultureInfo.InvariantCulture) / 2;
    XmlDictionaryString s;
    if (dictionary != null && dictionary.TryLookup(key, out s)) {
      return s;
    }
    if (dictionary != null) {
      throw new ArgumentException("no dictionary id " + id);
    }
    wcfStrings = wcfStrings ?? WcfDictionary();
    return new XmlDictionary().Add(wcfStrings.TryLookup(key, out s) ? s.Value : id);
  }

  static void WriteTyped(XmlDictionaryWriter w, string type, string v) {
    var inv = CultureInfo.InvariantCulture;
    switch (type) {
      case "i4": w.WriteValue(int.Parse(v, inv)); break;
      case "i8": w.WriteValue(long.Parse(v, inv)); break;
      case "u8": w.WriteValue((object) ulong.Parse(v, inv)); break;
      case "dec": w.WriteValue(decimal.Parse(v, NumberStyles.Float, inv)); break;
      case "bool": w.WriteValue(v == "true"); break;
      case "f4": w.WriteValue(BitConverter.ToSingle(BitConverter.GetBytes(uint.Parse(v, NumberStyles.HexNumber)), 0)); break;
      case "f8": w.WriteValue(BitConverter.Int64BitsToDouble(long.Parse(v, NumberStyles.HexNumber))); break;
      case "guid": w.WriteValue(new Guid(v)); break;
      case "uid": w.WriteValue(new UniqueId(new Guid(v))); break;
      case "dt":
        string[] p = v.Split(':');
        w.WriteValue(new DateTime(long.Parse(p[0], inv), (DateTimeKind) int.Parse(p[1], inv)));
        break;
      case "ts": w.WriteValue(new TimeSpan(long.Parse(v, inv))); break;
      case "b64": byte[] b = Convert.FromBase64String(v); w.WriteBase64(b, 0, b.Length); break;
      default: throw new ArgumentException("unknown type " + type);
    }
  }

  static void WriteArray(XmlDictionaryWriter w, string type, string prefix, string local, string ns, string[] v) {
    var inv = CultureInfo.InvariantCulture;
    switch (type) {
      case "i4": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => int.Parse(s, inv)), 0, v.Length); break;
      case "i8": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => long.Parse(s, inv)), 0, v.Length); break;
      case "i2": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => short.Parse(s, inv)), 0, v.Length); break;
      case "bool": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => s == "true"), 0, v.Length); break;
      case "f8": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => double.Parse(s, inv)), 0, v.Length); break;
      case "dec": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => decimal.Parse(s, inv)), 0, v.Length); break;
      case "f4": w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => float.Parse(s, inv)), 0, v.Length); break;
      case "ts":
        w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => new TimeSpan(long.Parse(s, inv))), 0, v.Length);
        break;
      case "dt": // ticks from 0001-01-01, negative values mirrored
        w.WriteArray(prefix, local, ns, Array.ConvertAll(v, s => new DateTime(Math.Abs(long.Parse(s, inv)))), 0,
            v.Length);
        break;
      default: throw new ArgumentException("unknown array type " + type);
    }
  }
}
