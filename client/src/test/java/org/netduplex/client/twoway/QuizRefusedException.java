package org.netduplex.client.twoway;

import jakarta.xml.ws.WebFault;

/** The declared fault of {@link IQuizCallback#ask}, shaped as wsdl2java generates a fault exception. */
@WebFault(name = "QuizRefusal", targetNamespace = IQuizCallback.NS)
public class QuizRefusedException extends Exception {
  private final QuizRefusal faultInfo;

  public QuizRefusedException(String message, QuizRefusal faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  public QuizRefusal getFaultInfo() {
    return faultInfo;
  }
}
