package io.kapivara.hub.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.kapivara.hub.dashboard.DashboardQueries;

/** The live tail page; its rows come over the WebSocket {@code /ws/tail}, drawn by {@code tail.js}. */
@Controller
class TailController {

    /** The most rows the page keeps; older ones are removed as new ones arrive. */
    static final int MAX_ROWS = 200;

    private final DashboardQueries queries;

    TailController(DashboardQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute("section")
    String section() {
        return "tail";
    }

    @GetMapping("/tail")
    String tail(Model model) {
        model.addAttribute("bucketCount", queries.buckets().count());
        model.addAttribute("maxRows", MAX_ROWS);
        return "tail/index";
    }
}
