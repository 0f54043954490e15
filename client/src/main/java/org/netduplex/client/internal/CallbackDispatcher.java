package org.netduplex.client.internal;

import jakarta.xml.bind.JAXBException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.core.internal.CallbackOperations.Operation;
import org.netduplex.core.internal.CallbackOperations;

/**
 * Maps an incoming callback message to a method of the callback contract and decodes its argument:
 * a body element names the operation; an empty body is matched by its action. Built once per
 * interface.
 */
public final class CallbackDispatcher {
  private static final ConcurrentHashMap<Class<?>, CallbackDispatcher> CACHE = new ConcurrentHashMap<>();

  private final CallbackOperations operations;
  private final Map<QName, Operation> byElement;
  private final Map<String, Operation> emptyByAction;

  /** A decoded message, ready to be invoked on the user's implementation. */
  public record Invocation(Operation operation, Object argument) {
    Object[] arguments() {
      return operation.argumentType() == null ? new Object[0] : new Object[] {argument};
    }
  }

  private CallbackDispatcher(Class<?> contract) {
    this.operations = CallbackOperations.of(contract);
    Map<QName, Operation> elements = new HashMap<>();
    Map<String, Operation> actions = new HashMap<>();
    for (Operation op : operations.operations()) {
      if (op.element() != null) {
        elements.put(op.element(), op);
      } else {
        actions.put(op.action(), op);
      }
    }
    this.byElement = Map.copyOf(elements);
    this.emptyByAction = Map.copyOf(actions);
  }

  public static CallbackDispatcher of(Class<?> contract) {
    return CACHE.computeIfAbsent(contract, CallbackDispatcher::new);
  }

  public Class<?> contract() {
    return operations.contract();
  }

  /**
   * Decodes the body element {@code reader} is positioned on (a START_ELEMENT), or an empty body when
   * {@code element} is null, into an invocation.
   *
   * @throws RejectedMessageException when no operation takes this element or action, or the body does not decode
   */
  public Invocation decode(XMLStreamReader reader, QName element, String action) {
    if (element == null) {
      Operation op = emptyByAction.get(action == null ? "" : action);
      if (op == null && emptyByAction.size() == 1 && (action == null || action.isEmpty())) {
        op = emptyByAction.values().iterator().next(); // SOAP 1.1 answers carry no action: one candidate is enough
      }
      if (op == null) {
        throw new RejectedMessageException("an empty body matches no operation of " + contract().getSimpleName()
            + (action == null ? "" : " with action " + action), null);
      }
      return new Invocation(op, null);
    }
    Operation op = byElement.get(element);
    if (op == null) {
      throw new RejectedMessageException("unknown body element " + element + " for " + contract().getSimpleName(), null);
    }
    try {
      Object value = operations.context().createUnmarshaller().unmarshal(reader, op.argumentType()).getValue();
      return new Invocation(op, value);
    } catch (JAXBException | RuntimeException e) {
      throw new RejectedMessageException("the body of " + op.name() + " does not decode: " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }
}
