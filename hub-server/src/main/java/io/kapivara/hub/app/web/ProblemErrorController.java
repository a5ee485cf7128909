package io.kapivara.hub.app.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * Answers what reaches the servlet container's error page (a method the container itself refuses,
 * such as TRACE, or an error outside any controller) with a problem detail about the request as
 * sent: its path is the {@code instance}, and a 405 lists the methods its endpoint serves.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final String ERROR_PATH = "/error";

    private final ProblemWriter problems;
    private final ObjectProvider<HandlerMapping> mappings;

    ProblemErrorController(ProblemWriter problems, ObjectProvider<HandlerMapping> mappings) {
        this.problems = problems;
        this.mappings = mappings;
    }

    @RequestMapping(ERROR_PATH)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return answer(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, ERROR_PATH);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer number ? number : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String slug = switch (status) {
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL_ERROR : ProblemTypes.INVALID_REQUEST;
        };
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            // Replaces the Allow Tomcat set from the dispatcher servlet's methods, not the endpoint's.
            HttpHeaders allow = new HttpHeaders();
            allow.setAllow(AllowedMethods.at(mappings.orderedStream(), request, path));
            response.setHeader(HttpHeaders.ALLOW, allow.getFirst(HttpHeaders.ALLOW));
        }
        return answer(status, slug, path);
    }

    /**
     * OPTIONS on the error page itself, which is no endpoint of the hub: MVC would otherwise list
     * every method for it, since the error page takes errors of any method.
     */
    @RequestMapping(path = ERROR_PATH, method = RequestMethod.OPTIONS)
    ResponseEntity<ProblemDetail> options(HttpServletRequest request, HttpServletResponse response) {
        return error(request, response);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String slug, String path) {
        ProblemDetail problem = problems.problem(status, slug, status.getReasonPhrase(), Map.of("path", path));
        problem.setInstance(instance(path));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The request's path as a URI; the error page's own when the path is none. */
    private static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create(ERROR_PATH);
        }
    }
}
