package org.netduplex.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.PollingDuplexFeature;

/**
 * Publishes a {@link PollingDuplexFeature}'s {@link DuplexMetrics} to a Micrometer registry. The
 * meters read the feature when the registry is read (a scrape, a JMX read), so binding costs the
 * request path nothing. Names follow Micrometer's conventions (lower case, dot separated, base units;
 * a registry renders them in its own style, e.g. Prometheus {@code netduplex_messages_queued_total}):
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>what</th></tr>
 * <tr><td>{@code netduplex.sessions.open}</td><td>gauge</td><td>open sessions</td></tr>
 * <tr><td>{@code netduplex.polls.parked}</td><td>gauge</td><td>polls waiting for a message</td></tr>
 * <tr><td>{@code netduplex.messages.pending}</td><td>gauge</td><td>callback messages queued for a poll now</td></tr>
 * <tr><td>{@code netduplex.sessions.opened}, {@code .ended}</td><td>counter</td><td>sessions since start</td></tr>
 * <tr><td>{@code netduplex.messages.queued}, {@code .delivered}, {@code .refused}, {@code .dropped}</td>
 *     <td>counter</td><td>callback messages since start: accepted, written in a poll answer, refused by a
 *     full queue, lost with their session or unencodable</td></tr>
 * <tr><td>{@code netduplex.polls.answered}</td><td>counter</td><td>poll answers, tag {@code result} =
 *     {@code empty} or {@code messages}</td></tr>
 * <tr><td>{@code netduplex.faults}</td><td>counter</td><td>faults answered, tag {@code code} (see
 *     {@link FaultCodes})</td></tr>
 * <tr><td>{@code netduplex.callbacks.late.replies}</td><td>counter</td><td>two-way callback answers that
 *     came after their call ended</td></tr>
 * <tr><td>{@code netduplex.messages.delivery}</td><td>function timer</td><td>from a message queued to
 *     its poll answer written: count and total time (the mean is their quotient)</td></tr>
 * </table>
 *
 * <pre>{@code
 * new DuplexMeterBinder(feature, Tags.of("endpoint", "/StockService")).bindTo(registry);
 * }</pre>
 *
 * <p>The meters hold the feature weakly, as Micrometer's function meters do: keep a reference to
 * the feature (the application does, while its endpoint runs).
 */
public final class DuplexMeterBinder implements MeterBinder {
  private final PollingDuplexFeature feature;
  private final Iterable<Tag> tags;

  /**
   * Meters without tags, for an application with one polling duplex endpoint.
   *
   * @param feature the endpoint's feature, not null
   */
  public DuplexMeterBinder(PollingDuplexFeature feature) {
    this(feature, Tags.empty());
  }

  /**
   * With {@code tags} on every meter, e.g. {@code endpoint}, to tell the endpoints of one application apart.
   *
   * @param feature the endpoint's feature, not null
   * @param tags added to every meter, not null
   */
  public DuplexMeterBinder(PollingDuplexFeature feature, Iterable<Tag> tags) {
    this.feature = Objects.requireNonNull(feature, "feature");
    this.tags = Objects.requireNonNull(tags, "tags");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "netduplex.sessions.open", "sessions", "Open polling duplex sessions", DuplexMetrics::openSessions);
    gauge(registry, "netduplex.polls.parked", "polls", "Polls parked, waiting for a callback message", DuplexMetrics::parkedPolls);
    gauge(registry, "netduplex.messages.pending", "messages", "Callback messages queued, waiting for a poll",
        DuplexMetrics::queuedMessages);

    counter(registry, "netduplex.sessions.opened", "sessions", "Sessions opened", Tags.empty(), DuplexMetrics::sessionsOpened);
    counter(registry, "netduplex.sessions.ended", "sessions", "Sessions ended", Tags.empty(), DuplexMetrics::sessionsEnded);
    counter(registry, "netduplex.messages.queued", "messages", "Callback messages queued for a session", Tags.empty(),
        DuplexMetrics::messagesQueued);
    counter(registry, "netduplex.messages.delivered", "messages", "Callback messages written in a poll answer",
        Tags.empty(), DuplexMetrics::messagesDelivered);
    counter(registry, "netduplex.messages.refused", "messages", "Callback messages refused: the session's queue was full",
        Tags.empty(), DuplexMetrics::messagesRefused);
    counter(registry, "netduplex.messages.dropped", "messages",
        "Callback messages dropped: queued for a session that ended, or not encodable", Tags.empty(),
        DuplexMetrics::messagesDropped);
    counter(registry, "netduplex.polls.answered", "polls", "Poll answers", Tags.of("result", "empty"),
        DuplexMetrics::pollsAnsweredEmpty);
    counter(registry, "netduplex.polls.answered", "polls", "Poll answers", Tags.of("result", "messages"),
        DuplexMetrics::pollsAnsweredWithMessages);
    counter(registry, "netduplex.callbacks.late.replies", "replies",
        "Answers to two-way callbacks that came after their call ended", Tags.empty(), DuplexMetrics::lateCallbackReplies);
    for (String code : FaultCodes.KNOWN) {
      counter(registry, "netduplex.faults", "faults", "Faults answered, by fault code", Tags.of("code", code),
          m -> m.faultsByCode().getOrDefault(code, 0L));
    }
    counter(registry, "netduplex.faults", "faults", "Faults answered, by fault code", Tags.of("code", FaultCodes.OTHER),
        FaultCodes::otherCount);

    FunctionTimer.builder("netduplex.messages.delivery", feature,
            f -> f.metrics().messagesDelivered(), f -> f.metrics().deliveryNanos(), TimeUnit.NANOSECONDS)
        .description("From a callback message queued to its poll answer written")
        .tags(tags)
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String unit, String description,
      ToDoubleFunction<DuplexMetrics> value) {
    Gauge.builder(name, feature, f -> value.applyAsDouble(f.metrics()))
        .description(description).baseUnit(unit).tags(tags).register(registry);
  }

  private void counter(MeterRegistry registry, String name, String unit, String description, Tags extra,
      ToLongFunction<DuplexMetrics> count) {
    FunctionCounter.builder(name, feature, f -> count.applyAsLong(f.metrics()))
        .description(description).baseUnit(unit).tags(extra.and(tags)).register(registry);
  }
}
