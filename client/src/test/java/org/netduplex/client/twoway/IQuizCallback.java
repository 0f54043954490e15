package org.netduplex.client.twoway;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * A test-only callback contract with a two-way operation (a NetDuplex extension) beside a one-way
 * one, annotated as wsdl2java generates a document/literal bare portType.
 */
@WebService(targetNamespace = IQuizCallback.NS, name = "IQuizCallback")
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface IQuizCallback {
  String NS = "urn:netduplex:test:quiz";

  @WebMethod(operationName = "Ask", action = NS + "/IQuizCallback/Ask")
  @WebResult(name = "AskResponse", targetNamespace = NS, partName = "parameters")
  Question ask(@WebParam(partName = "parameters", name = "Ask", targetNamespace = NS) Question question)
      throws QuizRefusedException;

  @WebMethod(operationName = "Notice", action = NS + "/IQuizCallback/Notice")
  @Oneway
  void notice(@WebParam(partName = "parameters", name = "Notice", targetNamespace = NS) Question notice);
}
