package io.kapivara.hub.dashboard.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.MinuteCount;

/** The overview: store totals, the append rate, the bucket heads and the lag of every owner in every bucket. */
@Controller
class OverviewController {

    /** The minutes the append-rate chart covers. */
    static final int RATE_MINUTES = 30;

    private final DashboardQueries queries;

    OverviewController(DashboardQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute("section")
    String section() {
        return "overview";
    }

    @GetMapping("/")
    String overview(Model model) {
        List<OwnerStatus> owners = queries.owners();
        BucketList buckets = queries.buckets();
        addTotals(model, owners, buckets);
        addRate(model);
        model.addAttribute("buckets", buckets);
        model.addAttribute("owners", owners);
        return "overview/index";
    }

    @GetMapping("/overview/totals")
    String totals(HttpServletRequest request, Model model) {
        addTotals(model, queries.owners(), queries.buckets());
        return Htmx.panel(request, model, "overview/index", "totals");
    }

    @GetMapping("/overview/rate")
    String rate(HttpServletRequest request, Model model) {
        addRate(model);
        return Htmx.panel(request, model, "overview/index", "rate");
    }

    @GetMapping("/overview/buckets")
    String buckets(HttpServletRequest request, Model model) {
        model.addAttribute("buckets", queries.buckets());
        return Htmx.panel(request, model, "overview/index", "buckets");
    }

    @GetMapping("/overview/lag")
    String lag(HttpServletRequest request, Model model) {
        model.addAttribute("buckets", queries.buckets());
        model.addAttribute("owners", queries.owners());
        return Htmx.panel(request, model, "overview/index", "lag");
    }

    private void addTotals(Model model, List<OwnerStatus> owners, BucketList buckets) {
        model.addAttribute("totals", queries.totals());
        model.addAttribute("ownerCount", owners.size());
        model.addAttribute("pausedCount", owners.stream().filter(OwnerStatus::paused).count());
        model.addAttribute("bucketCount", buckets.count());
    }

    private void addRate(Model model) {
        List<MinuteCount> minutes = queries.appendsPerMinute(RATE_MINUTES);
        model.addAttribute("minutes", minutes);
        model.addAttribute("rateChart", Chart.appendRate(minutes));
        model.addAttribute("rateMinutes", RATE_MINUTES);
        model.addAttribute("lastMinute", minutes.size() < 2 ? 0 : minutes.get(minutes.size() - 2).events());
    }
}
