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

  /**
   * Checks the limits.
   *
   * @param maxDepth deepest element nesting
   * @param maxStringBytes longest single string, text or byte run, in encoded bytes
   * @param maxTotalBytes largest whole message in bytes
   * @param maxAttributes most attributes (namespace declarations included) on one element
   * @param maxArrayItems most items one Array record may expand to
   * @throws IllegalArgumentException if a limit is below 1 ({@code maxAttributes} may be 0)
   */
  public MsbinLimits {
    if (maxDepth < 1 || maxStringBytes < 1 || maxTotalBytes < 1 || maxAttributes < 0 || maxArrayItems < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * A copy with another {@code maxDepth}.
   *
   * @param value deepest element nesting
   * @return the new limits; this one is unchanged
   */
  public MsbinLimits withMaxDepth(int value) {
    return new MsbinLimits(value, maxStringBytes, maxTotalBytes, maxAttributes, maxArrayItems);
  }

  /**
   * A copy with another {@code maxStringBytes}.
   *
   * @param value longest single string, in encoded bytes
   * @return the new limits; this one is unchanged
   */
  public MsbinLimits withMaxStringBytes(int value) {
    return new MsbinLimits(maxDepth, value, maxTotalBytes, maxAttributes, maxArrayItems);
  }

  /**
   * A copy with another {@code maxTotalBytes}.
   *
   * @param value largest whole message in bytes
   * @return the new limits; this one is unchanged
   */
  public MsbinLimits withMaxTotalBytes(long value) {
    return new MsbinLimits(maxDepth, maxStringBytes, value, maxAttributes, maxArrayItems);
  }

  /**
   * A copy with another {@code maxAttributes}.
   *
   * @param value most attributes on one element
   * @return the new limits; this one is unchanged
   */
  public MsbinLimits withMaxAttributes(int value) {
    return new MsbinLimits(maxDepth, maxStringBytes, maxTotalBytes, value, maxArrayItems);
  }

  /**
   * A copy with another {@code maxArrayItems}.
   *
   * @param value most items one Array record may expand to
   * @return the new limits; this one is unchanged
   */
  public MsbinLimits withMaxArrayItems(int value) {
    return new MsbinLimits(maxDepth, maxStringBytes, maxTotalBytes, maxAttributes, value);
  }
}
