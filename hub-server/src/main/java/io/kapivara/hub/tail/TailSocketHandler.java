package io.kapivara.hub.tail;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.UnavailableException;
import io.kapivara.hub.store.StoreLimits;

/**
 * The WebSocket {@code /ws/tail?stream=&type=&bucket=}. A bad filter closes the connection with
 * 1008 and the rule as reason; a node at its limit of tails closes with 1013. The browser may send
 * {@code {"action": "pause"}} and {@code {"action": "resume"}}.
 */
final class TailSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(TailSocketHandler.class);

    /** A close reason's limit in bytes, set by the WebSocket protocol. */
    private static final int MAX_REASON_BYTES = 123;

    private final TailFeed feed;
    private final TailFrames frames;
    private final JsonMapper mapper;
    private final StoreLimits limits;
    private final int buckets;
    private final int bufferSize;
    private final int maxSessions;
    private final Map<String, TailSession> open = new ConcurrentHashMap<>();

    TailSocketHandler(TailFeed feed, TailFrames frames, JsonMapper mapper, StoreLimits limits, int buckets,
            int bufferSize, int maxSessions) {
        this.feed = feed;
        this.frames = frames;
        this.mapper = mapper;
        this.limits = limits;
        this.buckets = buckets;
        this.bufferSize = bufferSize;
        this.maxSessions = maxSessions;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
        TailFilter filter;
        try {
            filter = TailFilter.of(parameters(socket.getUri()), limits, buckets);
        } catch (InvalidRequestException e) {
            socket.close(CloseStatus.POLICY_VIOLATION.withReason(reason(e.getMessage())));
            return;
        }
        TailSession session = new TailSession(filter, bufferSize, frames,
                frame -> socket.sendMessage(new TextMessage(frame)));
        if (!join(socket, session)) {
            return;
        }
        open.put(socket.getId(), session);
        Thread.ofVirtual().name("hub-tail-" + socket.getId()).start(() -> drain(socket, session));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        TailSession session = open.get(socket.getId());
        String action = action(message.getPayload());
        if (session == null || action == null) {
            return;
        }
        switch (action) {
            case "pause" -> session.pause();
            case "resume" -> session.resume();
            default -> log.debug("Tail [{}] sent an unknown action [{}]", socket.getId(), action);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        TailSession session = open.remove(socket.getId());
        if (session != null) {
            feed.leave(session);
            session.close();
        }
    }

    private boolean join(WebSocketSession socket, TailSession session) throws IOException {
        try {
            if (feed.join(session)) {
                return true;
            }
            socket.close(CloseStatus.SERVICE_OVERLOAD.withReason(
                    reason("This node serves at most " + maxSessions + " live tails at once")));
        } catch (UnavailableException e) {
            socket.close(CloseStatus.SERVICE_OVERLOAD.withReason(reason("The hub's database is out of reach")));
        }
        return false;
    }

    private void drain(WebSocketSession socket, TailSession session) {
        try {
            session.drain();
        } catch (IOException e) {
            log.debug("Tail [{}] could not send, closing: {}", socket.getId(), e.toString());
            closeQuietly(socket, CloseStatus.SESSION_NOT_RELIABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(socket, CloseStatus.GOING_AWAY);
        }
    }

    private @Nullable String action(String payload) {
        try {
            JsonNode json = mapper.readTree(payload);
            return json.path("action").isString() ? json.path("action").asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void closeQuietly(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException e) {
            log.debug("Tail [{}] did not close cleanly: {}", socket.getId(), e.toString());
        }
    }

    static Map<String, String> parameters(@Nullable URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String query = uri == null ? null : uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Cuts a reason to what a close frame may carry, on a character boundary. */
    static String reason(String text) {
        String reason = text;
        while (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            reason = reason.substring(0, reason.offsetByCodePoints(reason.length(), -2)) + "…";
        }
        return reason;
    }
}
