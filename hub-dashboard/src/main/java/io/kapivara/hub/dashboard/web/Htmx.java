package io.kapivara.hub.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

/** How one URL answers both a browser's navigation and an htmx panel refresh. */
final class Htmx {

    /** The response header that fires events in the page, which panels listen to. */
    static final String TRIGGER = "HX-Trigger";

    /** Fired after an operator action changed an owner. */
    static final String OWNER_CHANGED = "owner-changed";

    /** Fired after an operator action wrote to the audit log. */
    static final String AUDIT_CHANGED = "audit-changed";

    private Htmx() {
    }

    /**
     * Whether htmx asked for a fragment. When htmx restores history it wants the whole page,
     * although the request carries the htmx header.
     */
    static boolean wantsFragment(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** The page for a plain request, the named fragment of it for an htmx one. */
    static String view(HttpServletRequest request, String template, String fragment) {
        return wantsFragment(request) ? template + " :: " + fragment : template;
    }

    /**
     * A panel of a page: its fragment for an htmx request, or for a plain one a page holding only
     * that panel.
     */
    static String panel(HttpServletRequest request, Model model, String template, String fragment) {
        if (wantsFragment(request)) {
            return template + " :: " + fragment;
        }
        model.addAttribute("panelTemplate", template);
        model.addAttribute("panelFragment", fragment);
        return "layout/panel";
    }
}
