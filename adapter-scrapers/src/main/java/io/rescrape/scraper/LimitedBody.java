package io.rescrape.scraper;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body read no further than a size limit.
 *
 * @param text the body decoded as its {@code Content-Type} says (UTF-8 by default); when the body
 *     was cut, only the part that arrived before the limit was passed
 * @param complete whether this is the whole body; false when the limit was passed
 */
record LimitedBody(String text, boolean complete) {

  /**
   * Reads a body of at most {@code maxBytes} bytes. Bytes are counted as they arrive; once a body
   * passes the limit, its subscription is cancelled, which makes the client drop the connection,
   * and the rest is neither read nor kept.
   */
  static BodyHandler<LimitedBody> handler(long maxBytes) {
    return info -> new Subscriber(BodyHandlers.ofString().apply(info), maxBytes);
  }

  /**
   * Counts the bytes on their way to the JDK's string subscriber, which keeps its charset rules.
   * The methods are called one at a time, as {@link Flow.Subscriber} promises.
   */
  private static final class Subscriber implements BodySubscriber<LimitedBody> {

    private final BodySubscriber<String> text;
    private final long maxBytes;
    private Flow.@Nullable Subscription subscription;
    private long received;
    private volatile boolean cut;

    Subscriber(BodySubscriber<String> text, long maxBytes) {
      this.text = text;
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<LimitedBody> getBody() {
      return text.getBody().thenApply(body -> new LimitedBody(body, !cut));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      text.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (cut) {
        return; // buffers already on their way when the subscription was cancelled
      }
      received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
      if (received > maxBytes) {
        cut = true;
        if (subscription != null) {
          subscription.cancel();
        }
        text.onComplete();
        return;
      }
      text.onNext(buffers);
    }

    @Override
    public void onError(Throwable failure) {
      if (!cut) {
        text.onError(failure);
      }
    }

    @Override
    public void onComplete() {
      if (!cut) {
        text.onComplete();
      }
    }
  }
}
