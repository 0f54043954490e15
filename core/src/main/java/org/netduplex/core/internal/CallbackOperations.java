package org.netduplex.core.internal;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.WebFault;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;

/**
 * The operations of a callback contract, a generated {@code @WebService} interface of
 * document/literal bare operations (one-way, or two-way when a method returns a value), as both
 * ends see them: each method's body element (or none), argument type and action, its reply if it
 * has one, and one JAXB context for them all. The server encodes calls with it;
 * the client decodes messages with it. Built once per interface: the JAXB context is the costly part.
 */
public final class CallbackOperations {
  private static final ConcurrentHashMap<Class<?>, CallbackOperations> CACHE = new ConcurrentHashMap<>();

  /**
   * One operation: its method, its body element and argument type (null when it takes none), its
   * action, and for a two-way operation (one that returns a value, a NetDuplex extension) its reply.
   */
  public record Operation(Method method, QName element, Class<?> argumentType, String action, Reply reply) {
    public String name() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    public boolean twoWay() {
      return reply != null;
    }
  }

  /** The reply of a two-way operation: its body element, type and action, and the faults it declares. */
  public record Reply(QName element, Class<?> type, String action, List<DeclaredFault> faults) {
    /** The declared fault whose detail element is {@code detail}, or null. */
    public DeclaredFault fault(QName detail) {
      return faults.stream().filter(f -> f.element().equals(detail)).findFirst().orElse(null);
    }

    /** The declared fault {@code error} is an instance of, or null. */
    public DeclaredFault fault(Throwable error) {
      return faults.stream().filter(f -> f.exception().isInstance(error)).findFirst().orElse(null);
    }
  }

  /**
   * A {@code @WebFault} exception an operation declares: its detail element and fault bean type, as
   * JAX-WS generates them ({@code getFaultInfo()} and a {@code (String, bean)} constructor).
   */
  public record DeclaredFault(Class<? extends Exception> exception, QName element, Class<?> infoType) {
    public Exception create(String message, Object info) {
      try {
        return exception.getConstructor(String.class, infoType).newInstance(message, info);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(exception.getName() + " has no (String, " + infoType.getSimpleName()
            + ") constructor", e);
      }
    }

    public Object info(Throwable error) {
      try {
        return exception.getMethod("getFaultInfo").invoke(error);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(exception.getName() + " has no getFaultInfo()", e);
      }
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
      if (op.twoWay()) {
        bound.add(op.reply().type());
        op.reply().faults().forEach(f -> bound.add(f.infoType()));
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
    WebMethod webMethod = m.getAnnotation(WebMethod.class);
    String operationName = webMethod != null && !webMethod.operationName().isEmpty() ? webMethod.operationName() : m.getName();
    String action = webMethod != null ? webMethod.action() : "";
    Reply reply = m.getReturnType() == void.class ? null : reply(m, operationName, action, namespace);
    if (m.getParameterCount() == 0) {
      return new Operation(m, null, null, action, reply);
    }
    if (m.getParameterCount() > 1) {
      throw new IllegalArgumentException(where + " has " + m.getParameterCount()
          + " parameters; a document/literal bare operation has at most one");
    }
    WebParam param = m.getParameters()[0].getAnnotation(WebParam.class);
    String name = param != null && !param.name().isEmpty() ? param.name() : operationName;
    String ns = param != null && !param.targetNamespace().isEmpty() ? param.targetNamespace() : namespace;
    return new Operation(m, new QName(ns, name), m.getParameterTypes()[0], action, reply);
  }

  /**
   * A two-way operation's reply: the {@code @WebResult} element (by default the operation's name
   * with {@code Response}, as JAX-WS names it), the {@code @Action} output (by default the request
   * action with {@code Response}, as WCF names reply actions) and its {@code @WebFault} exceptions.
   */
  private static Reply reply(Method m, String operationName, String action, String namespace) {
    if (m.getReturnType().isPrimitive()) {
      throw new IllegalArgumentException(m.getDeclaringClass().getSimpleName() + "." + m.getName()
          + " returns a primitive; a document/literal bare reply is a bound type");
    }
    WebResult result = m.getAnnotation(WebResult.class);
    String name = result != null && !result.name().isEmpty() ? result.name() : operationName + "Response";
    String ns = result != null && !result.targetNamespace().isEmpty() ? result.targetNamespace() : namespace;
    Action actions = m.getAnnotation(Action.class);
    String replyAction = actions != null && !actions.output().isEmpty() ? actions.output() : action + "Response";
    List<DeclaredFault> faults = new ArrayList<>();
    for (Class<?> thrown : m.getExceptionTypes()) {
      WebFault webFault = thrown.getAnnotation(WebFault.class);
      if (webFault == null || !Exception.class.isAssignableFrom(thrown)) {
        continue;
      }
      try {
        Class<?> info = thrown.getMethod("getFaultInfo").getReturnType();
        String faultNs = webFault.targetNamespace().isEmpty() ? namespace : webFault.targetNamespace();
        faults.add(new DeclaredFault(thrown.asSubclass(Exception.class), new QName(faultNs, webFault.name()), info));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(thrown.getName() + " is a @WebFault without getFaultInfo()", e);
      }
    }
    return new Reply(new QName(ns, name), m.getReturnType(), replyAction, List.copyOf(faults));
  }

  private static String namespaceOf(Class<?> type) {
    WebService ws = type.getAnnotation(WebService.class);
    return ws != null ? ws.targetNamespace() : "";
  }
}
