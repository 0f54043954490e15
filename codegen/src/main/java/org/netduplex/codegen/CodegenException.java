package org.netduplex.codegen;

/**
 * Code generation failed for a reason the user can act on: its message is one line naming the
 * document and the element at fault (a file that is not WSDL, an unreachable import, an unknown
 * type), with no stack trace needed to understand it.
 */
public final class CodegenException extends Exception {
  /**
   * A failure with nothing underneath.
   *
   * @param message one line naming the document and the element at fault
   */
  public CodegenException(String message) {
    super(message);
  }

  /**
   * A failure caused by another.
   *
   * @param message one line naming the document and the element at fault
   * @param cause what failed underneath, for {@code --verbose}
   */
  public CodegenException(String message, Throwable cause) {
    super(message, cause);
  }
}
