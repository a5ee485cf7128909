package io.kapivara.hub.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.RefusedException;

/** The audit log of operator actions, newest first, of all owners or one. */
@Controller
class AuditController {

    private final DashboardQueries queries;

    AuditController(DashboardQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute("section")
    String section() {
        return "audit";
    }

    @GetMapping("/audit")
    String audit(@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String before,
            @RequestParam(defaultValue = "50") String limit, HttpServletRequest request, Model model) {
        String who = owner.strip();
        Long older = before.isBlank() ? null : number("before", before);
        int size = (int) Math.min(number("limit", limit), Integer.MAX_VALUE);
        model.addAttribute("audit", queries.audit(who.isEmpty() ? null : who, older, size));
        model.addAttribute("auditOwner", who);
        model.addAttribute("auditBefore", older);
        model.addAttribute("auditLimit", size);
        return Htmx.view(request, "audit/list", "entries");
    }

    private static long number(String field, String text) {
        if (!text.strip().matches("\\d{1,18}")) {
            throw new RefusedException(RefusedException.Reason.INVALID,
                    "%s is a whole number: [%s]".formatted(field, text));
        }
        return Long.parseLong(text.strip());
    }
}
