package org.netduplex.msbin.cxf;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;

/** A tiny contract for the binary encoding tests. */
@WebService(targetNamespace = Calculator.NS, name = "Calculator")
public interface Calculator {
  String NS = "urn:netduplex:msbin:test";

  @WebMethod
  @WebResult(name = "sum")
  int add(@WebParam(name = "a") int a, @WebParam(name = "b") int b);

  @WebMethod
  @WebResult(name = "text")
  String echo(@WebParam(name = "text") String text);

  /** Implementation of {@link Calculator}. */
  @WebService(targetNamespace = NS, serviceName = "CalculatorService", portName = "CalculatorPort",
      endpointInterface = "org.netduplex.msbin.cxf.Calculator")
  class Impl implements Calculator {
    @Override
    public int add(int a, int b) {
      return a + b;
    }

    @Override
    public String echo(String text) {
      if ("fail".equals(text)) {
        throw new IllegalArgumentException("asked to fail");
      }
      return text;
    }
  }
}
