// Prints the Mono runtime's version and where its WCF assemblies come from: a smoke test of the toolchain.
using System;
using System.Reflection;
using System.ServiceModel.Channels;
using System.Xml;

public static class MonoVersion {
  public static int Main(string[] args) {
    Type mono = Type.GetType("Mono.Runtime");
    string version = mono == null ? "not Mono"
        : (string) mono.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static).Invoke(null, null);
    Console.WriteLine("runtime " + version);
    Console.WriteLine("servicemodel " + typeof(BinaryMessageEncodingBindingElement).Assembly.Location);
    Console.WriteLine("serialization " + typeof(XmlDictionaryReader).Assembly.Location);
    return 0;
  }
}
