package org.netduplex.client.internal;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;

/**
 * Maps an incoming callback message to a method of the callback contract (a generated
 * {@code @WebService} interface of one-way, document/literal bare operations) and decodes its
 * argument. A body element names the operation; an empty body is matched by its action. Built once
 * per interface: the JAXB context is the expensive part.
 */
public final class CallbackDispatcher {
  private static final ConcurrentHashMap<Class<?>, CallbackDispatcher> CACHE = new ConcurrentHashMap<>();

  private final Class<?> contract;
  private final JAXBContext context;
  private final Map<QName, Operation> byElement;
  private final Map<String, Operation> emptyByAction;

  /** One operation of the contract: the method and, unless it takes no argument, its body element. */
  public record Operation(Method method, QName element, Class<?> argumentType, String action) {
    public String name() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
  }

  /** A decoded message, ready to be invoked on the user's implementation. */
  public record Invocation(Operation operation, Object argument) {
    Object[] arguments() {
      return operation.argumentType() == null ? new Object[0] : new Object[] {argument};
    }
  }

  private CallbackDispatcher(Class<?> contract) {
    if (!contract.isInterface()) {
      throw new IllegalArgumentException(contract.getName() + " is not an interface: pass the generated callback contract");
    }
    this.contract = contract;
    Map<QName, Operation> elements = new HashMap<>();
    Map<String, Operation> actions = new HashMap<>();
    List<Class<?>> bound = new ArrayList<>();
    String namespace = namespaceOf(contract);
    for (Method m : contract.getMethods()) {
      if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Operation op = describe(m, namespace);
      if (op.element() != null) {
        elements.put(op.element(), op);
        bound.add(op.argumentType());
      } else {
        actions.put(op.action(), op);
      }
    }
    XmlSeeAlso seeAlso = contract.getAnnotation(XmlSeeAlso.class);
    if (seeAlso != null) {
      bound.addAll(Arrays.asList(seeAlso.value()));
    }
    this.byElement = Map.copyOf(elements);
    this.emptyByAction = Map.copyOf(actions);
    try {
      this.context = JAXBContext.newInstance(bound.toArray(new Class<?>[0]));
    } catch (JAXBException e) {
      throw new IllegalArgumentException("Cannot bind the message types of " + contract.getName() + ": " + e, e);
    }
  }

  public static CallbackDispatcher of(Class<?> contract) {
    return CACHE.computeIfAbsent(contract, CallbackDispatcher::new);
  }

  public Class<?> contract() {
    return contract;
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
        throw new RejectedMessageException("an empty body matches no operation of " + contract.getSimpleName()
            + (action == null ? "" : " with action " + action), null);
      }
      return new Invocation(op, null);
    }
    Operation op = byElement.get(element);
    if (op == null) {
      throw new RejectedMessageException("unknown body element " + element + " for " + contract.getSimpleName(), null);
    }
    try {
      Object value = context.createUnmarshaller().unmarshal(reader, op.argumentType()).getValue();
      return new Invocation(op, value);
    } catch (JAXBException | RuntimeException e) {
      throw new RejectedMessageException("the body of " + op.name() + " does not decode: " + rootMessage(e), e);
    }
  }

  private static Operation describe(Method m, String namespace) {
    String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
    if (m.getReturnType() != void.class) {
      throw new IllegalArgumentException(where + " must return void: callback operations are one-way");
    }
    WebMethod webMethod = m.getAnnotation(WebMethod.class);
    String operationName = webMethod != null && !webMethod.operationName().isEmpty() ? webMethod.operationName() : m.getName();
    String action = webMethod != null ? webMethod.action() : "";
    if (m.getParameterCount() == 0) {
      return new Operation(m, null, null, action);
    }
    if (m.getParameterCount() > 1) {
      throw new IllegalArgumentException(where + " has " + m.getParameterCount()
          + " parameters; a document/literal bare operation has at most one");
    }
    WebParam param = m.getParameters()[0].getAnnotation(WebParam.class);
    String name = param != null && !param.name().isEmpty() ? param.name() : operationName;
    String ns = param != null && !param.targetNamespace().isEmpty() ? param.targetNamespace() : namespace;
    return new Operation(m, new QName(ns, name), m.getParameterTypes()[0], action);
  }

  private static String namespaceOf(Class<?> type) {
    WebService ws = type.getAnnotation(WebService.class);
    return ws != null ? ws.targetNamespace() : "";
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }
}
