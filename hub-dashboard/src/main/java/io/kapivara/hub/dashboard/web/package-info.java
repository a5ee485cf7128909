/**
 * The dashboard's pages: controllers that read through {@code DashboardQueries}, act through
 * {@code OperatorActions}, and render Thymeleaf templates. A plain request gets a whole page, an
 * htmx request the fragment that refreshes one panel.
 */
@NullMarked
package io.kapivara.hub.dashboard.web;

import org.jspecify.annotations.NullMarked;
