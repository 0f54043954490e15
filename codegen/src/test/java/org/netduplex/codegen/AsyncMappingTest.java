package org.netduplex.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.Response;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The async option ({@code WsdlToJava.Builder.asyncMapping}, CLI {@code --async}, plugin
 * {@code <async>}): wsdl2java's {@code enableAsyncMapping} gives each request-reply operation of a
 * service portType its two JAX-WS async variants; one-way operations and callback interfaces stay as
 * they were; without the option nothing changes.
 */
class AsyncMappingTest {
  private static final String RDV_PACKAGE = "rdv.virtualization.microsoft.";

  @TempDir
  Path dir;

  private GeneratedCode generate(boolean async, String packageName, String wsdl) throws Exception {
    Path src = dir.resolve("src");
    WsdlToJava.builder().wsdl(WsdlToJava.location(wsdl)).outputDirectory(src)
        .packageName(packageName).asyncMapping(async).build().generate();
    return GeneratedCode.compile(src, dir.resolve("classes"));
  }

  @Test
  void vdiContractGetsBothAsyncVariantsOfItsFourRequestReplyOperationsAndItsCallbackStaysOneWay() throws Exception {
    try (GeneratedCode code = generate(true, null, Resources.wsdl("irdvserver/IRDVServer.wsdl").toString())) {
      Class<?> service = code.load(RDV_PACKAGE + "IRDVServer");
      for (String op : List.of("startVM", "getVM", "placeVM", "setLocale")) {
        String response = RDV_PACKAGE + Character.toUpperCase(op.charAt(0)) + op.substring(1) + "Response";
        Method polling = only(service, op + "Async", Response.class);
        assertEquals(response, typeArgument(polling.getGenericReturnType()), op);
        Method callback = only(service, op + "Async", Future.class);
        Class<?>[] parameters = callback.getParameterTypes();
        assertEquals(AsyncHandler.class, parameters[parameters.length - 1], op);
        assertEquals(response, typeArgument(callback.getGenericParameterTypes()[parameters.length - 1]), op);
        assertEquals(Arrays.asList(polling.getParameterTypes()), Arrays.asList(parameters).subList(0, parameters.length - 1), op);
        assertEquals(1, methods(service, op).size(), op + ": the synchronous method stays");
      }
      Class<?> callback = code.load(RDV_PACKAGE + "IRDVServerCallback");
      assertEquals(List.of("jobUpdated"), Arrays.stream(callback.getMethods()).map(Method::getName).toList());
    }
  }

  @Test
  void oneWayOperationsTwoWayCallbacksAndPlainPortTypesOfASingleWsdl() throws Exception {
    try (GeneratedCode code = generate(true, "org.example.jobs", Resources.wsdl("datacontract-singlewsdl/JobBoard.wsdl").toString())) {
      Class<?> board = code.load("org.example.jobs.IJobBoard");
      assertEquals(2, methods(board, "postAsync").size(), "Post is request-reply");
      Method post = only(board, "post", Object.class);
      assertEquals(List.of("org.example.jobs.IJobBoardPostArgumentExceptionFaultFaultMessage"),
          Arrays.stream(post.getExceptionTypes()).map(Class::getName).toList(), "the declared fault stays on the sync method");
      assertEquals(0, methods(board, "watchAsync").size(), "Watch is one-way: JAX-WS maps no async variant");
      assertEquals(2, methods(code.load("org.example.jobs.IJobAdmin"), "purgeAsync").size(), "a plain portType too");
      Class<?> callback = code.load("org.example.jobs.IJobBoardCallback");
      assertTrue(Arrays.stream(callback.getMethods()).noneMatch(m -> m.getName().endsWith("Async")),
          "the callback interface (its two-way ConfirmRead included) stays synchronous");
    }
  }

  @Test
  void withoutTheOptionNoAsyncVariantIsGenerated() throws Exception {
    try (GeneratedCode code = generate(false, null, Resources.wsdl("irdvserver/IRDVServer.wsdl").toString())) {
      assertTrue(Arrays.stream(code.load(RDV_PACKAGE + "IRDVServer").getMethods()).noneMatch(m -> m.getName().endsWith("Async")));
    }
    try (var files = Files.walk(dir.resolve("src"))) {
      assertTrue(files.filter(p -> p.toString().endsWith(".java")).noneMatch(p -> read(p).contains("AsyncHandler")));
    }
  }

  private static List<Method> methods(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
  }

  /** The one method called name whose return type is returnType (Object: any). */
  private static Method only(Class<?> type, String name, Class<?> returnType) {
    List<Method> found = methods(type, name).stream()
        .filter(m -> returnType == Object.class || m.getReturnType() == returnType).toList();
    assertEquals(1, found.size(), type.getSimpleName() + "." + name + " returning " + returnType.getSimpleName() + ": " + found);
    return found.get(0);
  }

  private static String typeArgument(Type type) {
    return ((ParameterizedType) type).getActualTypeArguments()[0].getTypeName();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
