package org.netduplex.core.internal;

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
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;

/**
 * The operations of a callback contract, a generated {@code @WebService} interface of one-way,
 * document/literal bare operations, as both ends see them: each method's body element (or none),
 * argument type and action, and one JAXB context for them all. The server encodes calls with it;
 * the client decodes messages with it. Built once per interface: the JAXB context is the costly part.
 */
public final class CallbackOperations {
  private static final ConcurrentHashMap<Class<?>, CallbackOperations> CACHE = new ConcurrentHashMap<>();

  /** One operation: its method, its body element and argument type (null when it takes none), its action. */
  public record Operation(Method method, QName element, Class<?> argumentType, String action) {
    public String name() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
  }

  private final Class<?> contract;
  private final List<Operation> operations;
  private final JAXBContext context;

  private CallbackOperations(Class<?> contract) {
    if (!contract.isInterface()) {
      throw new IllegalArgumentException(contract.getName() + " is not an interface: pass the generated callback contract");
    }
    this.contract = contract;
    List<Operation> ops = new ArrayList<>();
    List<Class<?>> bound = new ArrayList<>();
    String namespace = namespaceOf(contract);
    for (Method m : contract.getMethods()) {
      if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Operation op = describe(m, namespace);
      ops.add(op);
      if (op.argumentType() != null) {
        bound.add(op.argumentType());
      }
    }
    XmlSeeAlso seeAlso = contract.getAnnotation(XmlSeeAlso.class);
    if (seeAlso != null) {
      bound.addAll(Arrays.asList(seeAlso.value()));
    }
    this.operations = List.copyOf(ops);
    try {
      this.context = JAXBContext.newInstance(bound.toArray(new Class<?>[0]));
    } catch (JAXBException e) {
      throw new IllegalArgumentException("Cannot bind the message types of " + contract.getName() + ": " + e, e);
    }
  }

  /** The operations of {@code contract}, built on first use. */
  public static CallbackOperations of(Class<?> contract) {
    return CACHE.computeIfAbsent(contract, CallbackOperations::new);
  }

  public Class<?> contract() {
    return contract;
  }

  public List<Operation> operations() {
    return operations;
  }

  /** Thread-safe; make a (cheap) marshaller or unmarshaller per use. */
  public JAXBContext context() {
    return context;
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
}
