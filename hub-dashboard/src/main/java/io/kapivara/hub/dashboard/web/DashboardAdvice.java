package io.kapivara.hub.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.kapivara.hub.dashboard.RefusedException;

/**
 * Answers every failure of a dashboard page as HTML: a refusal with its message and a 4xx status
 * (as a message fragment for htmx, as a page otherwise), anything else as a short page that points
 * at the server log. Ordered first, so the API's problem-detail advice never answers for a page.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

    private static final Logger log = LoggerFactory.getLogger(DashboardAdvice.class);

    @ExceptionHandler
    String refused(RefusedException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return answer(request, response, model, status, visible(e.getMessage()));
    }

    /** The message with control characters (a refused value may hold any) written as U+XXXX. */
    static String visible(String message) {
        StringBuilder text = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append("U+%04X".formatted(c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    @ExceptionHandler
    String failed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Dashboard request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, response, model, HttpStatus.INTERNAL_SERVER_ERROR,
                "The hub failed to show this; the server log has the details.");
    }

    private static String answer(HttpServletRequest request, HttpServletResponse response, Model model,
            HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("kind", "error");
        model.addAttribute("text", message);
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        return Htmx.wantsFragment(request) ? "fragments/message :: message" : "error/page";
    }
}
