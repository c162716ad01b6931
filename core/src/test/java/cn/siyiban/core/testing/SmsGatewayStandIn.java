package cn.siyiban.core.testing;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP SMS gateway for tests, on a free port of 127.0.0.1. It accepts what
 * {@code HttpSmsSender} posts, checks the bearer key, and honours the {@code Idempotency-Key}
 * header as a real gateway must: a repeated key gets status 200 but is delivered only once. It can
 * fail the next requests with 503 to exercise retries.
 */
public final class SmsGatewayStandIn implements AutoCloseable {

    /** One request as the gateway received it. */
    public record Received(String idempotencyKey, String body) {
    }

    private final String key;
    private final Javalin server;
    private final List<Received> requests = new ArrayList<>();
    private final Map<String, Received> deliveries = new LinkedHashMap<>();
    private int failuresLeft;

    private SmsGatewayStandIn(String key) {
        this.key = key;
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/sms", ctx -> {
                if (!("Bearer " + key).equals(ctx.header("Authorization"))) {
                    ctx.status(401).result("bad key");
                    return;
                }
                String status = receive(new Received(ctx.header("Idempotency-Key"), ctx.body()));
                ctx.status("failed".equals(status) ? 503 : 200).result(status);
            });
        });
    }

    /** Starts a gateway that accepts {@code key}. */
    public static SmsGatewayStandIn start(String key) {
        SmsGatewayStandIn gateway = new SmsGatewayStandIn(key);
        gateway.server.start("127.0.0.1", 0);
        return gateway;
    }

    private synchronized String receive(Received request) {
        requests.add(request);
        if (failuresLeft > 0) {
            failuresLeft--;
            return "failed";
        }
        if (deliveries.containsKey(request.idempotencyKey())) {
            return "duplicate";
        }
        deliveries.put(request.idempotencyKey(), request);
        return "delivered";
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + "/sms";
    }

    public String key() {
        return key;
    }

    /** Rejects the next {@code count} requests with status 503. */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    /** Returns every request received, repeats and failures included. */
    public synchronized List<Received> requests() {
        return List.copyOf(requests);
    }

    /** Returns the messages delivered to phones: one per idempotency key. */
    public synchronized List<Received> deliveries() {
        return List.copyOf(deliveries.values());
    }

    @Override
    public void close() {
        server.stop();
    }
}
