package org.netduplex.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplex portTypes off the common path: no HTTP binding at all, wsam:Action, a name already taken. */
class SplitEdgeCasesTest {
  private static final String HEAD = """
      <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
          xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata" xmlns:xs="http://www.w3.org/2001/XMLSchema"
          xmlns:tns="urn:edge" targetNamespace="urn:edge">
        <wsdl:types>
          <xs:schema targetNamespace="urn:edge" elementFormDefault="qualified">
            <xs:element name="Ping"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
            <xs:element name="Pong"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
          </xs:schema>
        </wsdl:types>
        <wsdl:message name="IEdge_Ping_InputMessage"><wsdl:part name="parameters" element="tns:Ping"/></wsdl:message>
        <wsdl:message name="IEdge_Pong_OutputCallbackMessage"><wsdl:part name="parameters" element="tns:Pong"/></wsdl:message>
        <wsdl:portType name="IEdge">
          <wsdl:operation name="Ping"><wsdl:input wsam:Action="urn:edge/Ping" message="tns:IEdge_Ping_InputMessage"/></wsdl:operation>
          <wsdl:operation name="Pong"><wsdl:output wsam:Action="urn:edge/Pong" message="tns:IEdge_Pong_OutputCallbackMessage"/></wsdl:operation>
        </wsdl:portType>
      """;

  @TempDir
  Path dir;

  @Test
  void aDuplexContractOnlyOverNetTcpStillGetsItsCallbackWithTheAddressingActionAsSoapAction() throws Exception {
    Path wsdl = Files.writeString(dir.resolve("Edge.wsdl"), HEAD + """
          <wsdl:binding name="NetTcpBinding_IEdge" type="tns:IEdge">
            <soap12:binding transport="http://schemas.microsoft.com/soap/tcp"/>
            <wsdl:operation name="Ping"><soap12:operation soapAction="urn:edge/Ping" style="document"/>
              <wsdl:input><soap12:body use="literal"/></wsdl:input></wsdl:operation>
            <wsdl:operation name="Pong"><soap12:operation soapAction="urn:edge/Pong" style="document"/>
              <wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="Edge">
            <wsdl:port name="NetTcpBinding_IEdge" binding="tns:NetTcpBinding_IEdge">
              <soap12:address location="net.tcp://localhost/Edge"/>
            </wsdl:port>
          </wsdl:service>
        </wsdl:definitions>
        """);
    GenerationResult result;
    Path src = dir.resolve("src");
    result = WsdlToJava.builder().wsdl(wsdl.toUri()).outputDirectory(src).build().generate();
    assertTrue(result.skipped().stream().anyMatch(s -> s.contains("binding NetTcpBinding_IEdge left out (transport "
        + "http://schemas.microsoft.com/soap/tcp is not HTTP)")), result.skipped().toString());
    try (GeneratedCode code = GeneratedCode.compile(src, dir.resolve("classes"))) {
      new ContractShape(code.load("edge.IEdgeCallback")).operations("Pong").oneWay("Pong", "urn:edge/Pong");
    }
    assertEquals(1, result.duplexContracts().size());
  }

  @Test
  void aCallbackNameAlreadyTakenIsRefusedByName() throws Exception {
    Path wsdl = Files.writeString(dir.resolve("Taken.wsdl"), HEAD + """
          <wsdl:portType name="IEdgeCallback">
            <wsdl:operation name="Ping"><wsdl:input message="tns:IEdge_Ping_InputMessage"/></wsdl:operation>
          </wsdl:portType>
        </wsdl:definitions>
        """);
    CodegenException e = assertThrows(CodegenException.class,
        () -> WsdlToJava.builder().wsdl(wsdl.toUri()).outputDirectory(dir.resolve("src")).build().generate());
    assertEquals(wsdl + ": portType IEdge is duplex, but its callback contract's name IEdgeCallback is taken by another portType",
        e.getMessage());
  }
}
