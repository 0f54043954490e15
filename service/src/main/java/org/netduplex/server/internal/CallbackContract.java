package org.netduplex.server.internal;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;

/**
 * How the methods of a callback contract (a generated {@code @WebService} interface of one-way,
 * document/literal bare operations) become message bodies. Built once per interface: the JAXB
 * context is the expensive part.
 */
final class CallbackContract {
  private static final ConcurrentHashMap<Class<?>, CallbackContract> CACHE = new ConcurrentHashMap<>();
  private static final byte[] EMPTY_BODY = new byte[0];

  private final Class<?> type;
  private final JAXBContext context;
  private final Map<Method, Operation> operations;

  private record Operation(QName element, Class<?> valueType, String action) {}

  private CallbackContract(Class<?> type) {
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface: pass the generated callback contract");
    }
    this.type = type;
    Map<Method, Operation> ops = new HashMap<>();
    List<Class<?>> bound = new ArrayList<>();
    String namespace = namespaceOf(type);
    for (Method m : type.getMethods()) {
      if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Operation op = describe(m, namespace);
      ops.put(m, op);
      if (op.valueType() != null) {
        bound.add(op.valueType());
      }
    }
    XmlSeeAlso seeAlso = type.getAnnotation(XmlSeeAlso.class);
    if (seeAlso != null) {
      bound.addAll(Arrays.asList(seeAlso.value()));
    }
    this.operations = Map.copyOf(ops);
    try {
      this.context = JAXBContext.newInstance(bound.toArray(new Class<?>[0]));
    } catch (JAXBException e) {
      throw new IllegalArgumentException("Cannot bind the message types of " + type.getName() + ": " + e, e);
    }
  }

  static CallbackContract of(Class<?> type) {
    return CACHE.computeIfAbsent(type, CallbackContract::new);
  }

  Class<?> type() {
    return type;
  }

  /** Encodes a call of {@code method} with {@code args} as a message body. */
  CallbackMessage encode(Method method, Object[] args) {
    Operation op = operations.get(method);
    if (op == null) {
      throw new IllegalArgumentException(method + " is not an operation of " + type.getName());
    }
    if (op.valueType() == null) {
      return new CallbackMessage(EMPTY_BODY, op.action());
    }
    try {
      Marshaller marshaller = context.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      marshaller.marshal(new JAXBElement<>(op.element(), Object.class, args[0]), out);
      return new CallbackMessage(out.toByteArray(), op.action());
    } catch (JAXBException e) {
      throw new IllegalArgumentException("Cannot encode the argument of " + method.getName() + ": " + e, e);
    }
  }

  private static Operation describe(Method m, String namespace) {
    String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
    if (m.getReturnType() != void.class) {
      throw new IllegalArgumentException(where + " must return void: callback operations are one-way");
    }
    WebMethod webMethod = m.getAnnotation(WebMethod.class);
    String operationName = webMethod != null && !webMethod.operationName().isEmpty()
        ? webMethod.operationName() : m.getName();
    String action = webMethod != null ? webMethod.action() : "";
    if (m.getParameterCount() == 0) {
      return new Operation(null, null, action);
    }
    if (m.getParameterCount() > 1) {
      throw new IllegalArgumentException(where + " has " + m.getParameterCount()
          + " parameters; a document/literal bare operation has at most one");
    }
    WebParam param = m.getParameters()[0].getAnnotation(WebParam.class);
    String name = param != null && !param.name().isEmpty() ? param.name() : operationName;
    String ns = param != null && !param.targetNamespace().isEmpty() ? param.targetNamespace() : namespace;
    return new Operation(new QName(ns, name), m.getParameterTypes()[0], action);
  }

  private static String namespaceOf(Class<?> type) {
    WebService ws = type.getAnnotation(WebService.class);
    return ws != null ? ws.targetNamespace() : "";
  }
}
