package io.kapivara.hub.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.LagHistory;
import io.kapivara.hub.dashboard.RefusedException;

/** The owners, and one owner in detail: its buckets, subscriptions, lag over time and audit entries. */
@Controller
class OwnersController {

    /** The audit entries an owner's page shows. */
    static final int AUDIT_ENTRIES = 10;

    /** The lag samples shown as a table when the chart cannot be drawn (no JavaScript). */
    static final int SAMPLES_WITHOUT_CHART = 12;

    private final DashboardQueries queries;

    OwnersController(DashboardQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute("section")
    String section() {
        return "owners";
    }

    @GetMapping("/owners")
    String list(HttpServletRequest request, Model model) {
        model.addAttribute("owners", queries.owners());
        return Htmx.view(request, "owners/list", "owners");
    }

    @GetMapping("/owners/{owner}")
    String detail(@PathVariable String owner, Model model) {
        addOwner(model, owner);
        addLag(model, owner);
        model.addAttribute("bucketCount", queries.buckets().count());
        model.addAttribute("audit", queries.audit(owner, null, AUDIT_ENTRIES));
        model.addAttribute("auditOwner", owner);
        model.addAttribute("auditLimit", AUDIT_ENTRIES);
        return "owners/detail";
    }

    @GetMapping("/owners/{owner}/summary")
    String summary(@PathVariable String owner, HttpServletRequest request, Model model) {
        addOwner(model, owner);
        return Htmx.panel(request, model, "owners/detail", "summary");
    }

    @GetMapping("/owners/{owner}/buckets")
    String buckets(@PathVariable String owner, HttpServletRequest request, Model model) {
        addOwner(model, owner);
        return Htmx.panel(request, model, "owners/detail", "buckets");
    }

    @GetMapping("/owners/{owner}/subscriptions")
    String subscriptions(@PathVariable String owner, HttpServletRequest request, Model model) {
        addOwner(model, owner);
        return Htmx.panel(request, model, "owners/detail", "subscriptions");
    }

    @GetMapping("/owners/{owner}/lag")
    String lag(@PathVariable String owner, HttpServletRequest request, Model model) {
        addOwner(model, owner);
        addLag(model, owner);
        return Htmx.panel(request, model, "owners/detail", "lag");
    }

    private void addOwner(Model model, String name) {
        OwnerStatus owner = queries.owner(name).orElseThrow(() -> new RefusedException(
                RefusedException.Reason.NOT_FOUND, "Owner [%s] does not exist".formatted(name)));
        model.addAttribute("owner", owner);
        model.addAttribute("ownerPath", "/owners/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8));
    }

    private void addLag(Model model, String owner) {
        LagHistory history = queries.lagHistory(owner);
        model.addAttribute("lagHistory", history);
        model.addAttribute("lagChart", Chart.lag(history));
        List<LagHistory.Sample> samples = history.samples();
        model.addAttribute("recentSamples",
                samples.subList(Math.max(0, samples.size() - SAMPLES_WITHOUT_CHART), samples.size()));
    }
}
