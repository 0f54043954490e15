package org.netduplex.client;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.FaultAction;
import jakarta.xml.ws.Response;
import java.util.concurrent.Future;

/**
 * A request-reply contract for the tests, with WCF's actions and JAX-WS's async variants (as
 * wsdl2java's async binding would generate them): Quote answers a price, refuses an unknown symbol
 * with a declared fault, and fails with an unexpected exception for "FAIL".
 */
@WebService(targetNamespace = IQuoteDesk.NS, name = "IQuoteDesk")
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface IQuoteDesk {
  String NS = "urn:netduplex:test:desk";

  @WebMethod(operationName = "Quote", action = NS + "/IQuoteDesk/Quote")
  @Action(input = NS + "/IQuoteDesk/Quote", output = NS + "/IQuoteDesk/QuoteResponse",
      fault = @FaultAction(className = UnknownSymbol.class, value = NS + "/IQuoteDesk/QuoteUnknownSymbolFault"))
  @WebResult(name = "Price", targetNamespace = NS)
  String quote(@WebParam(name = "Symbol", targetNamespace = NS) String symbol) throws UnknownSymbol;

  @WebMethod(operationName = "Quote")
  Response<String> quoteAsync(@WebParam(name = "Symbol", targetNamespace = NS) String symbol);

  @WebMethod(operationName = "Quote")
  Future<?> quoteAsync(@WebParam(name = "Symbol", targetNamespace = NS) String symbol, AsyncHandler<String> handler);
}
