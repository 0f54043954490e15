package org.netduplex.interop;

import java.util.Set;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluator;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.diff.ElementSelectors;

/**
 * Compares our XML with captured WCF XML the way the protocol sees it: whitespace and namespace
 * prefixes do not matter (the captures were pretty-printed by their author); optionally, quote values
 * the server's ticker chooses do not matter either.
 */
final class CapturedXml {
  private CapturedXml() {}

  /** Elements whose text is market data chosen by the server, not protocol. */
  static final Set<String> TICKER_VALUES = Set.of("Ask", "Bid");

  static Diff similar(String captured, String actual, Set<String> valuesThatMayDiffer) {
    DifferenceEvaluator ignoreValues = (comparison, outcome) -> {
      if (outcome != ComparisonResult.DIFFERENT || comparison.getType() != ComparisonType.TEXT_VALUE) {
        return outcome;
      }
      Node control = comparison.getControlDetails().getTarget();
      Node parent = control == null ? null : control.getParentNode();
      return parent != null && valuesThatMayDiffer.contains(parent.getLocalName()) ? ComparisonResult.SIMILAR : outcome;
    };
    return DiffBuilder.compare(captured)
        .withTest(actual)
        .ignoreWhitespace()
        .ignoreComments()
        .checkForSimilar()
        .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
        .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default, ignoreValues))
        .build();
  }
}
