package org.netduplex.msbin;

/**
 * Bounds the decoder enforces, so a hostile message costs bounded memory and time. Immutable; start
 * from {@link #DEFAULTS} and change what you need with the {@code with...} methods.
 *
 * @param maxDepth deepest element nesting
 * @param maxStringBytes longest single string, text or byte run, in encoded bytes
 * @param maxTotalBytes largest whole message in bytes
 * @param maxAttributes most attributes (namespace declarations included) on one element
 * @param maxArrayItems most items one Array record may expand to
 */
public record MsbinLimits(
    int maxDepth, int maxStringBytes, long maxTotalBytes, int maxAttributes, int maxArrayItems) {

  /**
   * Defaults sized for SOAP: depth 64 and 1 MiB strings as the text parsers of netduplex-core, 16
   * MiB messages, 128 attributes, 65536 array items.
   */
  public static final MsbinLimits DEFAULTS = new MsbinLimits(64, 1 << 20, 16L << 20, 128, 65_536);

  public MsbinLimits {
    if (maxDepth < 1 || maxStringBytes < 1 || maxTotalBytes < 1 || maxAttributes < 0 || maxArrayItems < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public MsbinLimits withMaxDepth(int value) {
    return new MsbinLimits(value, maxStringBytes, maxTotalBytes, maxAttributes, maxArrayItems);
  }

  public MsbinLimits withMaxStringBytes(int value) {
    return new MsbinLimits(maxDepth, value, maxTotalBytes, maxAttributes, maxArrayItems);
  }

  public MsbinLimits withMaxTotalBytes(long value) {
    return new MsbinLimits(maxDepth, maxStringBytes, value, maxAttributes, maxArrayItems);
  }

  public MsbinLimits withMaxAttributes(int value) {
    return new MsbinLimits(maxDepth, maxStringBytes, maxTotalBytes, value, maxArrayItems);
  }

  public MsbinLimits withMaxArrayItems(int value) {
    return new MsbinLimits(maxDepth, maxStringBytes, maxTotalBytes, maxAttributes, value);
  }
}
