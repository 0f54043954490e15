package org.netduplex.samples.readme;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.ws.WebFault;
import java.util.concurrent.CompletionStage;
import org.netduplex.server.CallbackTimeoutException;
import org.netduplex.server.DuplexSession;

/**
 * The two-way callback example of the README (kept compiling here; the README quotes it verbatim):
 * a callback contract with a request-response operation, as wsdl2java generates one, and the
 * server calling it.
 */
public final class TwoWayExample {
  private TwoWayExample() {}

  /** A question or an answer. */
  @XmlType(namespace = "urn:example:quiz")
  public static class Text {
    public String value;
  }

  /** The declared fault of {@link IQuizCallback#ask}. */
  @WebFault(name = "Refusal", targetNamespace = "urn:example:quiz")
  public static class RefusedException extends Exception {
    private final Text faultInfo;

    public RefusedException(String message, Text faultInfo) {
      super(message);
      this.faultInfo = faultInfo;
    }

    public Text getFaultInfo() {
      return faultInfo;
    }
  }

  // README:twoway-contract-begin
  @WebService(targetNamespace = "urn:example:quiz", name = "IQuizCallback")
  @SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
  public interface IQuizCallback {
    @WebMethod(operationName = "Ask", action = "urn:example:quiz/IQuizCallback/Ask")
    @WebResult(name = "AskResponse", targetNamespace = "urn:example:quiz")   // returns a value: two-way
    Text ask(@WebParam(name = "Ask", targetNamespace = "urn:example:quiz") Text question)
        throws RefusedException;
  }
  // README:twoway-contract-end

  /** What the server does with a player's session: ask, blocking, then without blocking. */
  static String askBlocking(DuplexSession player, Text question) {
    // README:twoway-begin
    IQuizCallback quiz = player.callback(IQuizCallback.class);
    try {
      Text answer = quiz.ask(question);              // queued for the next poll; waits for the answer
      return answer.value;
    } catch (RefusedException refused) {             // the client's method threw the declared fault
      return "refused: " + refused.getFaultInfo().value;
    } catch (CallbackTimeoutException late) {        // no answer within callbackReplyTimeout
      return "no answer";
    }
    // README:twoway-end
  }

  static CompletionStage<String> askAsync(DuplexSession player, Text question) {
    // README:twoway-async-begin
    return player.callbackAsync(IQuizCallback.class, quiz -> quiz.ask(question))  // does not block
        .thenApply(answer -> answer.value);         // or fails with what the blocking call throws
    // README:twoway-async-end
  }
}
