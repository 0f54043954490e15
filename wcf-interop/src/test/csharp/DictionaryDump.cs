// Prints the string WCF's binary message encoder maps to each static dictionary id, one "0xID<TAB>string" line
// per even id from 0x00 to 0x3D2 (past the end of [MC-NBFS] 2.1's table, to show where the dictionary stops).
//
// Each id is read the way a peer's message would be: a binary SOAP 1.2 envelope whose body holds <v> with a
// DictionaryTextWithEndElement record (0xAB + id) goes through BinaryMessageEncodingBindingElement's
// MessageEncoder.ReadMessage, and the body is read back as text. Whose code that is:
//   - the encoder and its dictionary (System.ServiceModel.Constants.dict_strings, built into an XmlDictionary) are
//     Mono's own System.ServiceModel, transcribed by Mono from the [MC-NBFS] PDF;
//   - the binary reader behind it (XmlBinaryReader via XmlDictionaryReader.CreateBinaryReader) is Microsoft's
//     reference source, compiled into Mono's System.Runtime.Serialization.
// An id the encoder cannot resolve prints "!" and the exception's type. Characters outside printable ASCII, and
// the backslash, print as \uXXXX, so an empty string is an empty field and a leading space stays visible.
using System;
using System.IO;
using System.ServiceModel.Channels;
using System.Text;

public static class DictionaryDump {
  const int LastId = 0x3D2;

  public static int Main(string[] args) {
    MessageEncoder encoder = new BinaryMessageEncodingBindingElement().CreateMessageEncoderFactory().Encoder;
    Console.WriteLine("# encoder " + encoder.GetType().FullName + " content type " + encoder.ContentType
        + " (" + encoder.GetType().Assembly.Location + ")");
    for (int id = 0; id <= LastId; id += 2) {
      Console.WriteLine("0x" + id.ToString("X2") + "\t" + Resolve(encoder, id));
    }
    return 0;
  }

  static string Resolve(MessageEncoder encoder, int id) {
    try {
      Message message = encoder.ReadMessage(new MemoryStream(Envelope(id)), int.MaxValue, encoder.ContentType);
      using (var body = message.GetReaderAtBodyContents()) {
        return Escape(body.ReadElementContentAsString());
      }
    } catch (Exception e) {
      return "!" + e.GetType().Name;
    }
  }

  // <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><v>(dictionary text id)</v></s:Body></s:Envelope>
  static byte[] Envelope(int id) {
    var b = new MemoryStream();
    b.Write(new byte[] {0x56, 0x02, 0x0B, 0x01, (byte) 's', 0x04, 0x56, 0x0E, 0x40, 0x01, (byte) 'v', 0xAB}, 0, 12);
    for (uint v = (uint) id; ; v >>= 7) {   // MultiByteInt31 ([MC-NBFX] 2.1.2)
      if (v < 0x80) {
        b.WriteByte((byte) v);
        break;
      }
      b.WriteByte((byte) (v & 0x7F | 0x80));
    }
    b.WriteByte(0x01);
    b.WriteByte(0x01);
    return b.ToArray();
  }

  static string Escape(string s) {
    var out_ = new StringBuilder();
    foreach (char c in s) {
      if (c >= 0x20 && c < 0x7F && c != '\\') {
        out_.Append(c);
      } else {
        out_.Append("\\u").Append(((int) c).ToString("X4"));
      }
    }
    return out_.ToString();
  }
}
