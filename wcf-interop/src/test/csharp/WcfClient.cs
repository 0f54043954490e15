// A WCF polling duplex client built from WCF's channel layer (Mono has no PollingDuplexHttpBinding): a CustomBinding
// of a message encoder and HttpTransportBindingElement gives an IRequestChannel, and this program builds the protocol's
// messages itself (netdx:Duplex header, wsmc:MakeConnection polls) as docs/protocol.md describes them.
//
// It reads one command a line from stdin and prints one line per command, fields separated by tabs:
//   client NAME VARIANT URL         VARIANT: soap11 (text, Silverlight 2), soap12 (text), soap12bin (msbin1)
//   register NAME | sync NAME SYMBOL NOTES | poll NAME | close NAME
//   pollunknown NAME | callnoheader NAME | pollnoaddress NAME
//   join NAME DISPLAYNAME (chat's two-way Join, with wsa:MessageID and an anonymous wsa:ReplyTo) | pollany NAME
// Answers ("client" says "ok address= session="): "empty", "message action= address= session= to= symbol= ask= bid=
// notes=", "fault code= subcode= sender= reason=", or "error TYPE: MESSAGE"; each line ends with ms=, the command's
// duration. Text outside printable ASCII is written as \uXXXX (NOTES is read so too).
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;

[DataContract(Name = "Stock", Namespace = "urn:petermcg.wordpress.com")]
public class Stock {
  [DataMember] public double Ask;
  [DataMember] public double Bid;
  [DataMember] public string Notes;
  [DataMember] public string Symbol;
}

// netdx:Duplex as WCF's Silverlight 2 client wrote it (capture A): Address, then SessionId; no mustUnderstand.
class DuplexHeader : MessageHeader {
  public const string Ns = "http://schemas.microsoft.com/2008/04/netduplex";
  readonly string address, sessionId;
  readonly bool close;

  public DuplexHeader(string address, string sessionId, bool close) {
    this.address = address;
    this.sessionId = sessionId;
    this.close = close;
  }

  public override string Name { get { return "Duplex"; } }
  public override string Namespace { get { return Ns; } }

  protected override void OnWriteStartHeader(XmlDictionaryWriter writer, MessageVersion version) {
    writer.WriteStartElement("netdx", Name, Ns);
  }

  protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion version) {
    writer.WriteElementString("netdx", "Address", Ns, address);
    writer.WriteElementString("netdx", "SessionId", Ns, sessionId);
    if (close) {
      writer.WriteStartElement("netdx", "CloseSession", Ns);
      writer.WriteEndElement();
    }
  }
}

// The poll's body: wsmc:MakeConnection, with wsmc:Address unless address is null.
class MakeConnectionBody : BodyWriter {
  public const string Ns = "http://docs.oasis-open.org/ws-rx/wsmc/200702";
  readonly string address;

  public MakeConnectionBody(string address) : base(true) { this.address = address; }

  protected override void OnWriteBodyContents(XmlDictionaryWriter writer) {
    writer.WriteStartElement("wsmc", "MakeConnection", Ns);
    if (address != null) {
      writer.WriteElementString("wsmc", "Address", Ns, address);
    }
    writer.WriteEndElement();
  }
}

// Chat's Join body: <Join xmlns="urn:netduplex:samples:chat"><Name>…</Name></Join>.
class JoinBody : BodyWriter {
  public const string Ns = "urn:netduplex:samples:chat";
  readonly string name;

  public JoinBody(string name) : base(true) { this.name = name; }

  protected override void OnWriteBodyContents(XmlDictionaryWriter writer) {
    writer.WriteStartElement("Join", Ns);
    writer.WriteElementString("Name", Ns, name);
    writer.WriteEndElement();
  }
}

class Client {
  public readonly string Url;
  public readonly MessageVersion Version;
  public readonly IRequestChannel Channel;
  public readonly string Address = "http://docs.oasis-open.org/ws-rx/wsmc/200702/anoynmous?id=" + Guid.NewGuid();
  public readonly string SessionId = Guid.NewGuid().ToString();

  public readonly bool Binary;

  public Client(string variant, string url) {
    Url = url;
    Binary = variant == "soap12bin";
    MessageEncodingBindingElement encoding;
    switch (variant) {
      case "soap11":
        encoding = new TextMessageEncodingBindingElement(MessageVersion.Soap11, Encoding.UTF8);
        break;
      case "soap12":
        encoding = new TextMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8);
        break;
      case "soap12bin":
        encoding = new BinaryMessageEncodingBindingElement();
        break;
      default:
        throw new ArgumentException("unknown variant " + variant);
    }
    Version = encoding.MessageVersion;
    var binding = new CustomBinding(encoding, new HttpTransportBindingElement());
    binding.SendTimeout = TimeSpan.FromSeconds(20);
    IChannelFactory<IRequestChannel> factory =
        binding.BuildChannelFactory<IRequestChannel>(new BindingParameterCollection());
    factory.Open();
    Channel = factory.CreateChannel(new EndpointAddress(url));
    Channel.Open();
  }

  public Message Create(string action, object body) {
    Message m = body is BodyWriter ? Message.CreateMessage(Version, action, (BodyWriter) body)
        : body == null ? Message.CreateMessage(Version, action) : Message.CreateMessage(Version, action, body);
    if (Version.Addressing != AddressingVersion.None) {
      // Mono workaround: WCF's request channel writes wsa:To from the endpoint address; Mono's HttpRequestChannel only
      // reads it to choose where to POST, so the program sets it.
      // No wsa:MessageID and no wsa:ReplyTo: WCF adds them to two-way calls only (dotnet/wcf ServiceChannel.cs).
      m.Headers.To = new Uri(Url);
    }
    return m;
  }

  public Message Call(string action, object body, bool withHeader, bool close) {
    Message m = Create(action, body);
    if (withHeader) {
      m.Headers.Add(new DuplexHeader(Address, SessionId, close));
    }
    return Channel.Request(m);
  }

  public Message Poll(string address) {
    return Channel.Request(Create(MakeConnectionBody.Ns + "/MakeConnection", new MakeConnectionBody(address)));
  }
}

public static class WcfClient {
  const string Register = "Silverlight/IStockService/Register";
  const string Sync = "Silverlight/IStockService/Sync";

  public static int Main(string[] args) {
    var clients = new Dictionary<string, Client>();
    var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    stdout.AutoFlush = true;
    string line;
    while ((line = Console.In.ReadLine()) != null) {
      if (line.Trim().Length == 0) {
        continue;
      }
      string[] w = line.Split(' ');
      string answer;
      var clock = System.Diagnostics.Stopwatch.StartNew();
      try {
        if (w[0] == "client") {
          Client c = new Client(w[2], w[3]);
          clients[w[1]] = c;
          answer = "ok\taddress=" + c.Address + "\tsession=" + c.SessionId;
        } else {
          answer = Run(w, clients[w[1]]);
        }
      } catch (Exception e) {
        answer = "error\t" + e.GetType().Name + ": " + Escape(e.Message)
            + (e.InnerException == null ? "" : Escape(" <- " + e.InnerException.Message));
      }
      stdout.WriteLine(w[0] + "\t" + w[1] + "\t" + answer + "\tms=" + clock.ElapsedMilliseconds);
    }
    // Mono workaround: Mono's runtime was seen to linger for seconds after Main returned; everything is answered and
    // flushed by now, so exit at once.
    Environment.Exit(0);
    return 0;
  }

  static string Run(string[] w, Client c) {
    switch (w[0]) {
      case "register":
        return Describe(c, c.Call(Register, null, true, false));
      case "sync":
        var stock = new Stock { Ask = 227.69, Bid = 226.74, Symbol = w[2], Notes = Unescape(w[3]) };
        return Describe(c, c.Call(Sync, stock, true, false));
      case "close":
        return Describe(c, c.Call("", null, true, true));
      case "callnoheader":
        return Describe(c, c.Call(Register, null, false, false));
      case "poll":
        return Describe(c, c.Poll(c.Address));
      case "pollunknown":
        return Describe(c, c.Poll("http://docs.oasis-open.org/ws-rx/wsmc/200702/anoynmous?id=" + Guid.NewGuid()));
      case "pollnoaddress":
        return Describe(c, c.Poll(null));
      case "join": {
        Message m = c.Create(JoinBody.Ns + "/IChatService/Join", new JoinBody(Unescape(w[2])));
        m.Headers.Add(new DuplexHeader(c.Address, c.SessionId, false));
        // What ServiceChannel.Call adds to a two-way call when addressing is on (dotnet/wcf RequestReplyCorrelator).
        m.Headers.MessageId = new UniqueId();
        m.Headers.ReplyTo = new EndpointAddress("http://www.w3.org/2005/08/addressing/anonymous");
        string id = m.Headers.MessageId.ToString();
        return Describe(c, c.Channel.Request(m)) + "\tmessageid=" + id;
      }
      case "pollany":
        return DescribeAny(c, c.Poll(c.Address));
      default:
        throw new ArgumentException("unknown command " + w[0]);
    }
  }

  static string Describe(Client c, Message reply) {
    // Mono workaround: for an empty HTTP body (the 200 answering a one-way call, or an idle poll) WCF's request channel
    // returns null; Mono's returns a message of its own making with an empty body and an empty Action header.
    if (reply == null || (reply.IsEmpty && !reply.IsFault && reply.Headers.Count == 1 && reply.Headers.Action == "")) {
      return "empty";
    }
    if (reply.IsFault && c.Binary) {
      return ReadFault12(reply);
    }
    if (reply.IsFault) {
      // What WCF's client runtime reads from a fault (FaultException is built from these).
      MessageFault f = MessageFault.CreateFault(reply, 65536);
      FaultCode code = f.Code;
      return "fault\tcode=" + Name(code) + "\tsubcode=" + (code.SubCode == null ? "-" : Name(code.SubCode))
          + "\tsender=" + code.IsSenderFault + "\treason=" + Escape(f.Reason.GetMatchingTranslation().Text)
          + "\treader=MessageFault";
    }
    string address = "-", session = "-";
    int i = reply.Headers.FindHeader("Duplex", DuplexHeader.Ns);
    if (i >= 0) {
      XmlDictionaryReader r = reply.Headers.GetReaderAtHeader(i);
      r.ReadStartElement("Duplex", DuplexHeader.Ns);
      address = r.ReadElementString("Address", DuplexHeader.Ns);
      session = r.ReadElementString("SessionId", DuplexHeader.Ns);
    }
    string to = reply.Headers.To == null ? "-" : reply.Headers.To.OriginalString;
    string action = reply.Headers.Action;
    Stock s = reply.GetBody<Stock>();
    return "message\taction=" + action + "\taddress=" + address + "\tsession=" + session + "\tto=" + to
        + "\tsymbol=" + s.Symbol + "\task=" + s.Ask.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "\tbid=" + s.Bid.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "\tnotes=" + (s.Notes == null ? "(null)" : Escape(s.Notes));
  }

  // Any message: its action, wsa:RelatesTo (as WCF's DuplexChannelBinder correlates a reply), wsa:To, the session, its
  // body element, and a JoinResult's Accepted and Members as Microsoft's reader reads them.
  static string DescribeAny(Client c, Message reply) {
    if (reply == null || reply.IsFault || (reply.IsEmpty && reply.Headers.Action == "")) {
      return Describe(c, reply);
    }
    string session = "-";
    int i = reply.Headers.FindHeader("Duplex", DuplexHeader.Ns);
    if (i >= 0) {
      XmlDictionaryReader h = reply.Headers.GetReaderAtHeader(i);
      h.ReadStartElement("Duplex", DuplexHeader.Ns);
      h.ReadElementString("Address", DuplexHeader.Ns);
      session = h.ReadElementString("SessionId", DuplexHeader.Ns);
    }
    string relatesTo = reply.Headers.RelatesTo == null ? "-" : reply.Headers.RelatesTo.ToString();
    string to = reply.Headers.To == null ? "-" : reply.Headers.To.OriginalString;
    var body = new XmlDocument();
    body.LoadXml(reply.GetReaderAtBodyContents().ReadOuterXml());
    var ns = new XmlNamespaceManager(body.NameTable);
    ns.AddNamespace("c", JoinBody.Ns);
    XmlNode accepted = body.SelectSingleNode("/c:JoinResult/c:Accepted", ns);
    var members = new List<string>();
    foreach (XmlNode m in body.SelectNodes("/c:JoinResult/c:Members/c:string", ns)) {
      members.Add(m.InnerText);
    }
    return "message\taction=" + reply.Headers.Action + "\trelatesto=" + relatesTo + "\tto=" + to + "\tsession=" + session
        + "\tbody=" + body.DocumentElement.LocalName + "\taccepted=" + (accepted == null ? "-" : accepted.InnerText)
        + "\tmembers=" + (members.Count == 0 ? "-" : Escape(string.Join(",", members)));
  }

  // Mono workaround: Mono's MessageFault reads a fault code through ReadContentAs(XmlQualifiedName), which Microsoft's
  // binary reader cannot convert ("Content cannot be converted to the type System.Xml.XmlQualifiedName"; also seen
  // with faults from WCF on Windows). So a binary fault is read here with the same reader, each code's prefix
  // resolved in the reader's scope as MessageFault would: Code/Value, Code/Subcode/Value, Reason/Text.
  static string ReadFault12(Message reply) {
    const string S = "http://www.w3.org/2003/05/soap-envelope";
    XmlDictionaryReader r = reply.GetReaderAtBodyContents();
    r.ReadStartElement("Fault", S);
    r.ReadStartElement("Code", S);
    string code = ReadQName(r);
    string subcode = "-";
    if (r.IsStartElement("Subcode", S)) {
      r.ReadStartElement();
      subcode = ReadQName(r);
      r.ReadEndElement();
    }
    r.ReadEndElement();
    r.ReadStartElement("Reason", S);
    string reason = r.ReadElementString("Text", S);
    return "fault\tcode=" + code + "\tsubcode=" + subcode + "\tsender=" + (code == S + "#Sender" ? "True" : "False")
        + "\treason=" + Escape(reason) + "\treader=XmlDictionaryReader";
  }

  static string ReadQName(XmlDictionaryReader r) {
    r.MoveToContent();
    // Resolve the prefix while inside s:Value: it may be declared on s:Value itself (ours is), which
    // ReadElementString would leave behind before the lookup.
    r.ReadStartElement("Value", "http://www.w3.org/2003/05/soap-envelope");
    string value = r.ReadContentAsString().Trim();
    int colon = value.IndexOf(':');
    string ns = r.LookupNamespace(colon < 0 ? "" : value.Substring(0, colon));
    r.ReadEndElement();
    return (ns ?? "(unresolved)") + "#" + value.Substring(colon + 1);
  }

  static string Name(FaultCode code) {
    return code.Namespace + "#" + code.Name;
  }

  static string Escape(string s) {
    var b = new StringBuilder();
    foreach (char ch in s) {
      if (ch < 0x21 || ch > 0x7e || ch == '\\') {
        b.Append("\\u").Append(((int) ch).ToString("x4"));
      } else {
        b.Append(ch);
      }
    }
    return b.ToString();
  }

  static string Unescape(string s) {
    var b = new StringBuilder();
    for (int i = 0; i < s.Length; i++) {
      if (s[i] == '\\' && i + 5 < s.Length && s[i + 1] == 'u') {
        b.Append((char) Convert.ToInt32(s.Substring(i + 2, 4), 16));
        i += 5;
      } else {
        b.Append(s[i]);
      }
    }
    return b.ToString();
  }
}
