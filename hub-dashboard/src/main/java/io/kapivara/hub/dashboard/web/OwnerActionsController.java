package io.kapivara.hub.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.dashboard.OperatorActions;
import io.kapivara.hub.dashboard.RefusedException;

/**
 * Operator actions on an owner, posted by the owner's page. Each answers a message for the page
 * and fires {@value Htmx#OWNER_CHANGED} and {@value Htmx#AUDIT_CHANGED}, so the panels showing
 * what changed refresh themselves.
 *
 * <p>Only htmx requests are served. A page of another site cannot add the {@code HX-Request}
 * header to a request sent here without a CORS preflight, which the hub never grants, so it
 * cannot make a visitor's browser post an action (a plain cross-site form post lacks the header).
 */
@Controller
@RequestMapping("/owners/{owner}/actions")
class OwnerActionsController {

    private final OperatorActions actions;

    OwnerActionsController(OperatorActions actions) {
        this.actions = actions;
    }

    @PostMapping("/assign")
    String assign(@PathVariable String owner, @RequestParam(defaultValue = "") String bucket,
            @RequestParam(defaultValue = "") String key, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        String actor = actor(request);
        BucketCheckpoint after = actions.assign(owner, ActionInput.bucket(bucket), ActionInput.key(key), actor);
        return done(response, model, "Bucket %d of %s is now held by %s (epoch %d), pinned there."
                .formatted(after.bucket(), owner, after.holder(), after.epoch()));
    }

    @PostMapping("/release")
    String release(@PathVariable String owner, @RequestParam(defaultValue = "") String bucket,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String actor = actor(request);
        BucketCheckpoint after = actions.release(owner, ActionInput.bucket(bucket), actor);
        return done(response, model, "Bucket %d of %s released; now held by %s (epoch %d)."
                .formatted(after.bucket(), owner, after.holder() == null ? "nobody" : after.holder(), after.epoch()));
    }

    @PostMapping("/seek")
    String seek(@PathVariable String owner, @RequestParam(defaultValue = "") String bucket,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String value,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String actor = actor(request);
        Integer one = ActionInput.bucketOrAll(bucket);
        SeekRequest target = ActionInput.seek(to, value);
        if (one == null) {
            actions.seekAll(owner, target, actor);
            return done(response, model, "Every bucket of %s moved to %s.".formatted(owner, target.to()));
        }
        BucketCheckpoint after = actions.seek(owner, one, target, actor);
        return done(response, model, "Bucket %d of %s moved to checkpoint %d (epoch %d)."
                .formatted(after.bucket(), owner, after.checkpoint(), after.epoch()));
    }

    @PostMapping("/evict")
    String evict(@PathVariable String owner, @RequestParam(defaultValue = "") String key,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String actor = actor(request);
        String subscription = ActionInput.key(key);
        actions.evict(owner, subscription, actor);
        return done(response, model, "Subscription %s of %s evicted.".formatted(subscription, owner));
    }

    @PostMapping("/pause")
    String pause(@PathVariable String owner, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        actions.setPaused(owner, true, actor(request));
        return done(response, model, "Owner %s paused.".formatted(owner));
    }

    @PostMapping("/resume")
    String resume(@PathVariable String owner, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        actions.setPaused(owner, false, actor(request));
        return done(response, model, "Owner %s resumed.".formatted(owner));
    }

    /** Who the audit log names: the dashboard and the address the request came from. */
    private static String actor(HttpServletRequest request) {
        if (!"true".equals(request.getHeader("HX-Request"))) {
            throw new RefusedException(RefusedException.Reason.INVALID,
                    "Operator actions are sent from the dashboard's pages (htmx requests) only");
        }
        // With access control the operator logged in with a token: its name is the actor.
        return request.getUserPrincipal() != null ? request.getUserPrincipal().getName()
                : "dashboard " + request.getRemoteAddr();
    }

    private static String done(HttpServletResponse response, Model model, String message) {
        response.setHeader(Htmx.TRIGGER, Htmx.OWNER_CHANGED + ", " + Htmx.AUDIT_CHANGED);
        model.addAttribute("kind", "ok");
        model.addAttribute("text", message);
        return "fragments/message :: message";
    }
}
