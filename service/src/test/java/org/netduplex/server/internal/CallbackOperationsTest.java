package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.WebFault;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.netduplex.core.internal.CallbackOperations;

/**
 * How core's {@link CallbackOperations} describes a callback contract's methods: one-way, or
 * two-way with reply and faults. (Here, where a JAXB runtime is on the test class path.)
 */
class CallbackOperationsTest {
  static final String NS = "urn:t";

  @XmlType(namespace = NS)
  public static class Bean {
    public String text;
  }

  @WebFault(name = "Oops", targetNamespace = NS)
  public static class OopsException extends Exception {
    private final Bean info;

    public OopsException(String message, Bean info) {
      super(message);
      this.info = info;
    }

    public Bean getFaultInfo() {
      return info;
    }
  }

  @WebService(targetNamespace = NS)
  public interface Contract {
    @WebMethod(action = "urn:t/Tell")
    void tell(@WebParam(name = "Tell", targetNamespace = NS) Bean b);

    @WebMethod(operationName = "Ask", action = "urn:t/Ask")
    @WebResult(name = "AskResult", targetNamespace = NS)
    Bean ask(@WebParam(name = "Ask", targetNamespace = NS) Bean b) throws OopsException;

    @WebMethod(operationName = "Named", action = "urn:t/Named")
    @Action(input = "urn:t/Named", output = "urn:t/NamedReply")
    Bean named();
  }

  @WebService(targetNamespace = NS)
  public interface PrimitiveReply {
    @WebMethod(action = "urn:t/Count")
    int count();
  }

  private static CallbackOperations.Operation op(String method) {
    return CallbackOperations.of(Contract.class).operations().stream()
        .filter(o -> o.method().getName().equals(method)).findFirst().orElseThrow();
  }

  @Test
  void aVoidMethodIsOneWay() {
    assertFalse(op("tell").twoWay());
    assertNull(op("tell").reply());
  }

  @Test
  void aMethodReturningAValueIsTwoWayWithItsResultElementTheRequestActionWithResponseAndItsDeclaredFaults() {
    CallbackOperations.Reply reply = op("ask").reply();
    assertEquals(new QName(NS, "AskResult"), reply.element());
    assertEquals(Bean.class, reply.type());
    assertEquals("urn:t/AskResponse", reply.action());
    assertEquals(1, reply.faults().size());
    assertEquals(new QName(NS, "Oops"), reply.faults().get(0).element());
    assertEquals(Bean.class, reply.faults().get(0).infoType());
    assertTrue(reply.fault(new OopsException("x", null)) != null);
    assertNull(reply.fault(new IllegalStateException()));
  }

  @Test
  void defaultsFollowJaxWsAndAnActionAnnotationNamesTheReplyAction() {
    CallbackOperations.Reply reply = op("named").reply();
    assertEquals(new QName(NS, "NamedResponse"), reply.element());
    assertEquals("urn:t/NamedReply", reply.action());
  }

  @Test
  void aDeclaredFaultIsRebuiltFromItsMessageAndBean() {
    Bean info = new Bean();
    Exception e = op("ask").reply().faults().get(0).create("no", info);
    assertEquals("no", e.getMessage());
    assertEquals(info, op("ask").reply().faults().get(0).info(e));
  }

  @Test
  void aPrimitiveReplyIsRefusedWithTheMethodsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CallbackOperations.of(PrimitiveReply.class));
    assertTrue(e.getMessage().startsWith("PrimitiveReply.count returns a primitive"), e.getMessage());
  }
}
