package org.netduplex.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebService;
import jakarta.xml.ws.Action;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Assertions on a generated interface: its operations, one-way or request-reply, and their actions. */
final class ContractShape {
  private final Class<?> type;

  ContractShape(Class<?> type) {
    assertTrue(type.isInterface(), type + " is an interface");
    assertNotNull(type.getAnnotation(WebService.class), type + " is a @WebService");
    this.type = type;
  }

  ContractShape operations(String... names) {
    Set<String> actual = new TreeSet<>();
    for (Method m : type.getMethods()) {
      actual.add(operationName(m));
    }
    assertEquals(new TreeSet<>(Arrays.asList(names)), actual, type.getSimpleName() + " operations");
    return this;
  }

  /** One-way: {@code @Oneway}, void, and the SOAPAction and {@code wsaw:Action} as WCF's. */
  ContractShape oneWay(String operation, String action) {
    Method m = method(operation);
    assertNotNull(m.getAnnotation(Oneway.class), operation + " is one-way");
    assertEquals(void.class, m.getReturnType(), operation + " returns nothing");
    assertActions(m, action, null);
    return this;
  }

  /** Request-reply: not one-way, with the reply action WCF names ({@code …Response}). */
  ContractShape requestReply(String operation, String action, String replyAction) {
    Method m = method(operation);
    assertNull(m.getAnnotation(Oneway.class), operation + " is request-reply");
    assertActions(m, action, replyAction);
    return this;
  }

  Method method(String operation) {
    for (Method m : type.getMethods()) {
      if (operationName(m).equals(operation)) {
        return m;
      }
    }
    throw new AssertionError(type.getSimpleName() + " has no operation " + operation);
  }

  private static void assertActions(Method m, String action, String replyAction) {
    assertEquals(action, m.getAnnotation(WebMethod.class).action(), m.getName() + " SOAPAction");
    Action wsa = m.getAnnotation(Action.class);
    assertNotNull(wsa, m.getName() + " has @Action");
    assertEquals(action, wsa.input(), m.getName() + " input action");
    assertEquals(replyAction == null ? "" : replyAction, wsa.output(), m.getName() + " reply action");
  }

  private static String operationName(Method m) {
    WebMethod wm = m.getAnnotation(WebMethod.class);
    return wm != null && !wm.operationName().isEmpty() ? wm.operationName() : m.getName();
  }
}
