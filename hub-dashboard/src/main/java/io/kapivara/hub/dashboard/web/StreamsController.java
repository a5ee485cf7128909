package io.kapivara.hub.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.RefusedException;
import io.kapivara.hub.dashboard.StreamSummary;

/** Streams found by name or prefix, a stream's events page by page, and one event in full. */
@Controller
class StreamsController {

    /** Streams listed per page of a search, and events per page of a stream. */
    static final int PAGE = 50;

    private final DashboardQueries queries;

    StreamsController(DashboardQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute("section")
    String section() {
        return "streams";
    }

    @GetMapping("/streams")
    String search(@RequestParam(defaultValue = "") String prefix,
            @RequestParam(required = false) @Nullable String after, HttpServletRequest request, Model model) {
        String wanted = prefix.strip();
        List<StreamSummary> found = queries.streams(wanted, after == null || after.isEmpty() ? null : after, PAGE + 1);
        model.addAttribute("prefix", wanted);
        model.addAttribute("streams", found.size() > PAGE ? found.subList(0, PAGE) : found);
        model.addAttribute("next", found.size() > PAGE ? found.get(PAGE - 1).stream() : null);
        return Htmx.view(request, "streams/list", "results");
    }

    @GetMapping("/streams/{stream}")
    String stream(@PathVariable String stream, @RequestParam(defaultValue = "0") String from,
            HttpServletRequest request, Model model) {
        long start = version(from);
        StreamPage page = queries.stream(stream, start, PAGE).orElseThrow(() -> new RefusedException(
                RefusedException.Reason.NOT_FOUND, "Stream [%s] has no events".formatted(stream)));
        model.addAttribute("page", page);
        model.addAttribute("streamPath", path(stream));
        model.addAttribute("from", start);
        model.addAttribute("previous", start == 0 ? null : Math.max(0, start - PAGE));
        model.addAttribute("last", Math.max(0, page.version() - PAGE + 1));
        return Htmx.view(request, "streams/stream", "events");
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable String id, Model model) {
        RecordedEvent event = queries.event(uuid(id)).orElseThrow(() -> new RefusedException(
                RefusedException.Reason.NOT_FOUND, "No event has id [%s]".formatted(id)));
        model.addAttribute("event", event);
        model.addAttribute("streamPath", path(event.stream()));
        return "streams/event";
    }

    private static String path(String stream) {
        return "/streams/" + UriUtils.encodePathSegment(stream, StandardCharsets.UTF_8);
    }

    private static long version(String text) {
        if (!text.strip().matches("\\d{1,18}")) {
            throw new RefusedException(RefusedException.Reason.INVALID,
                    "A version is a whole number, 0 or more: [%s]".formatted(text));
        }
        return Long.parseLong(text.strip());
    }

    /** Only the canonical form: {@link UUID#fromString} would also take shortened groups, as in 1-1-1-1-1. */
    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new RefusedException(RefusedException.Reason.INVALID,
                "An event id is a UUID, such as 0198c2e4-6f1a-7b3c-9d2e-4f5a6b7c8d9e: [%s]".formatted(text));
    }
}
