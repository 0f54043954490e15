package org.netduplex.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.Duration;
import javax.xml.namespace.QName;
import org.apache.cxf.tools.common.ToolContext;
import org.apache.cxf.tools.wsdlto.WSDLToJava;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netduplex.core.internal.CallbackOperations;

/**
 * Each WSDL of src/test/resources/wsdl (see its SOURCE.md) generates, compiles with javax.tools
 * against the test classpath, and has the shape NetDuplex needs: the service interface, a callback
 * interface named {@code <PortType>Callback}, one-way and request-reply operations where WCF has
 * them, and WCF's actions on both.
 */
class RealWcfWsdlTest {
  private static final String RDV = "http://Microsoft.Virtualization.RDV";
  private static final String RDV_PACKAGE = "rdv.virtualization.microsoft.";

  @TempDir
  Path dir;

  @Test
  void cxfWsdlToJavaAloneRefusesWcfsDuplexPortType() {
    // Why the module exists: wsdl2java stops on the output-only callback operation.
    Exception e = assertThrows(Exception.class, () -> new WSDLToJava(new String[] {
        "-d", dir.toString(), Resources.wsdl("irdvserver/IRDVServer.wsdl").toUri().toString()}).run(new ToolContext()));
    assertTrue(e.getMessage().contains("not request-response or one-way"), e.getMessage());
  }

  @Test
  void vdiContractSplitsIntoFourRequestReplyOperationsAndTheJobUpdatedCallback() throws Exception {
    try (GeneratedCode code = GeneratedCode.generateAndCompile(dir, Resources.wsdl("irdvserver/IRDVServer.wsdl").toString())) {
      assertVdiShape(code);
    }
  }

  @Test
  void vdiContractLoadsAsWcfServesItOverHttp() throws Exception {
    Map<String, String> saved = Map.of(
        "wsdl", "IRDVServer.wsdl",
        "xsd=xsd0", "IRDVServer.xsd0.xsd",
        "xsd=xsd1", "IRDVServer.xsd1.xsd",
        "xsd=xsd2", "IRDVServer.xsd2.xsd");
    try (WcfServedFiles wcf = new WcfServedFiles(Resources.wsdl("irdvserver"), "/RDVServer.svc", saved);
        GeneratedCode code = GeneratedCode.generateAndCompile(dir, wcf.url("wsdl"))) {
      assertVdiShape(code);
    }
  }

  private static void assertVdiShape(GeneratedCode code) throws Exception {
    Class<?> service = code.load(RDV_PACKAGE + "IRDVServer");
    new ContractShape(service)
        .operations("StartVM", "SetLocale", "GetVM", "PlaceVM")
        .requestReply("StartVM", RDV + "/IRDVServer/StartVM", RDV + "/IRDVServer/StartVMResponse")
        .requestReply("SetLocale", RDV + "/IRDVServer/SetLocale", RDV + "/IRDVServer/SetLocaleResponse")
        .requestReply("GetVM", RDV + "/IRDVServer/GetVM", RDV + "/IRDVServer/GetVMResponse")
        .requestReply("PlaceVM", RDV + "/IRDVServer/PlaceVM", RDV + "/IRDVServer/PlaceVMResponse");
    Class<?> callback = code.load(RDV_PACKAGE + "IRDVServerCallback");
    new ContractShape(callback)
        .operations("JobUpdated")
        .oneWay("JobUpdated", RDV + "/IRDVServer/JobUpdated");

    // What DuplexSession.callback(...) and PollingDuplexClient read from a callback contract.
    CallbackOperations.Operation op = CallbackOperations.of(callback).operations().get(0);
    assertEquals(new QName(RDV, "JobUpdated"), op.element());
    assertEquals(RDV + "/IRDVServer/JobUpdated", op.action());

    // DataContract types: ser:guid is a String, WCF's enums are Java enums.
    assertEquals(String.class, service.getMethod("startVM", String.class,
        code.load("org.datacontract.schemas._2004._07.microsoft_virtualization.NameType")).getReturnType());
    assertTrue(code.load("org.datacontract.schemas._2004._07.microsoft_virtualization.VMStatus").isEnum());
    assertEquals(String.class, code.load("org.datacontract.schemas._2004._07.microsoft_virtualization.Job")
        .getMethod("getID").getReturnType());
  }

  @Test
  void stockContractInWcfsFormGeneratesWhatTheHandSplitContractsGenerate() throws Exception {
    try (GeneratedCode code = GeneratedCode.generateAndCompile(dir, Resources.wsdl("stock-wcf/StockService.wsdl").toString())) {
      new ContractShape(code.load("silverlight.IStockService"))
          .operations("Register", "Sync")
          .oneWay("Register", "Silverlight/IStockService/Register")
          .oneWay("Sync", "Silverlight/IStockService/Sync");
      Class<?> callback = code.load("silverlight.IStockServiceCallback");
      new ContractShape(callback).operations("Update").oneWay("Update", "Silverlight/IStockService/Update");

      // The same body element and action as the hand-split contract of module wsdl.
      CallbackOperations.Operation generated = CallbackOperations.of(callback).operations().get(0);
      CallbackOperations.Operation handSplit = CallbackOperations.of(org.netduplex.stock.IStockServiceCallback.class)
          .operations().get(0);
      assertEquals(handSplit.element(), generated.element());
      assertEquals(handSplit.action(), generated.action());

      // The net.tcp port is gone from the Service class; the HTTP one stays.
      List<String> ports = Arrays.stream(code.load("org.tempuri.StockService").getMethods())
          .map(Method::getName).filter(n -> n.startsWith("get")).toList();
      assertTrue(ports.contains("getPollingDuplexHttpBindingIStockService"), ports.toString());
      assertTrue(ports.stream().noneMatch(n -> n.contains("NetTcp")), ports.toString());
    }
  }

  @Test
  void singleWsdlWithTwoPortTypesDataContractsAndATwoWayCallback() throws Exception {
    try (GeneratedCode code = GeneratedCode.generateAndCompile(dir,
        Resources.wsdl("datacontract-singlewsdl/JobBoard.wsdl").toString())) {
      String t = "http://tempuri.org/";
      Class<?> board = code.load("org.tempuri.IJobBoard");
      new ContractShape(board)
          .operations("Post", "Watch")
          .requestReply("Post", t + "IJobBoard/Post", t + "IJobBoard/PostResponse")
          .oneWay("Watch", t + "IJobBoard/Watch");
      assertEquals(1, new ContractShape(board).method("Post").getExceptionTypes().length, "Post declares its fault");
      new ContractShape(code.load("org.tempuri.IJobBoardCallback"))
          .operations("JobPosted", "ConfirmRead")
          .oneWay("JobPosted", t + "IJobBoard/JobPosted")
          .requestReply("ConfirmRead", t + "IJobBoard/ConfirmRead", t + "IJobBoard/ConfirmReadResponse");
      // A plain portType generates as wsdl2java would, and gets no callback.
      new ContractShape(code.load("org.tempuri.IJobAdmin"))
          .operations("Purge")
          .requestReply("Purge", t + "IJobAdmin/Purge", t + "IJobAdmin/PurgeResponse");
      assertThrows(ClassNotFoundException.class, () -> code.load("org.tempuri.IJobAdminCallback"));

      Class<?> job = code.load("org.datacontract.schemas._2004._07.jobs.Job");
      assertEquals(Integer.class, job.getMethod("getGrade").getReturnType(), "ser:char");
      assertEquals(String.class, job.getMethod("getId").getReturnType(), "ser:guid");
      assertEquals(Duration.class, job.getMethod("getTimeout").getReturnType(), "ser:duration");
      assertTrue(job.getMethod("getPriority").getReturnType().isEnum(), "enum");
      assertEquals(List.class, job.getMethod("getShifts").getReturnType(), "[Flags] enum as xs:list");
      assertEquals(String.class, job.getMethod("getTitle").getReturnType(), "nillable string, no JAXBElement");
      Class<?> strings = code.load("com.microsoft.schemas._2003._10.serialization.arrays.ArrayOfstring");
      assertEquals(List.class, strings.getMethod("getString").getReturnType(), "ArrayOfstring");
      Class<?> person = code.load("org.datacontract.schemas._2004._07.jobs.Person");
      person.getMethod("getId");
      person.getMethod("getRef"); // IsReference=true: ser:Id and ser:Ref
    }
  }
}
