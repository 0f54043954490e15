package org.netduplex.client.twoway;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/** The test service: a player joins, and the server then asks it questions by callback. */
@WebService(targetNamespace = IQuizCallback.NS, name = "IQuizService")
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface IQuizService {
  @WebMethod(operationName = "Join", action = IQuizCallback.NS + "/IQuizService/Join")
  @Oneway
  void join(@WebParam(partName = "parameters", name = "Join", targetNamespace = IQuizCallback.NS) Question player);
}
