package org.netduplex.samples;

/** The command line asks for something the command does not have: said in one line, exit code 2. */
public final class UsageException extends IllegalArgumentException {
  public UsageException(String message) {
    super(message);
  }
}
