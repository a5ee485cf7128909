package io.kapivara.hub.app.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * Answers the errors Tomcat raises itself, before the hub sees a request (a malformed or
 * dangerously encoded URL, a bad header), with a problem detail instead of an HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String slug = status == 404 ? ProblemTypes.NOT_FOUND
                : status >= 500 ? ProblemTypes.INTERNAL_ERROR : ProblemTypes.INVALID_REQUEST;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("""
                        {"type":"%s","title":"Refused by the web server","status":%d,\
                        "detail":"The request was refused before the hub read it: check the URL's percent-encoding \
                        and the headers"}""".formatted(ProblemTypes.uri(slug), status));
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more can be said.
        }
    }
}
