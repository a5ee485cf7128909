// Kapivara EventHub dashboard: draws charts from data attributes, fills operator confirmations
// with the values typed in the form, and says so when the hub does not answer. Text only ever
// goes into the page through textContent.
(function () {
    'use strict';

    const charts = new Set();

    function numbers(text) {
        return text ? text.split(',').map(Number) : [];
    }

    function upFromZero(u, min, max) {
        return [0, Math.max(1, max)];
    }

    // Bars sit on their minute: leave half a step free at both ends, or the end bars are cut.
    function halfStepAround(u, min, max) {
        const step = u.data[0].length > 1 ? u.data[0][1] - u.data[0][0] : 60;
        return [min - step / 2, max + step / 2];
    }

    function options(element, width) {
        const bars = element.dataset.kind === 'bars';
        const opts = {
            width: width,
            height: 220,
            tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
            scales: { x: { time: true }, y: { range: upFromZero } },
            series: [{ label: 'time (UTC)' }, {
                label: element.dataset.label || 'value',
                stroke: '#1d5fd1',
                fill: 'rgba(29, 95, 209, 0.18)',
                width: bars ? 1 : 2,
                paths: bars ? uPlot.paths.bars({ size: [0.7, 40] }) : undefined,
                points: { show: !bars }
            }],
            axes: [{}, { size: 60 }]
        };
        if (bars) {
            opts.scales.x.range = halfStepAround;
        }
        if (element.dataset.y2) {
            opts.scales.age = { range: upFromZero };
            opts.series.push({
                label: element.dataset.label2 || 'second', stroke: '#c2261b', width: 1.5, scale: 'age'
            });
            opts.axes.push({ scale: 'age', side: 1, size: 60, grid: { show: false } });
        }
        return opts;
    }

    function draw(element) {
        const x = numbers(element.dataset.x);
        if (typeof uPlot === 'undefined' || x.length === 0) {
            return;
        }
        const data = [x, numbers(element.dataset.y)];
        if (element.dataset.y2) {
            data.push(numbers(element.dataset.y2));
        }
        element.textContent = '';
        charts.add(new uPlot(options(element, element.clientWidth || 600), data, element));
    }

    function resize() {
        charts.forEach(function (chart) {
            if (!document.body.contains(chart.root)) {
                charts.delete(chart);
                return;
            }
            chart.setSize({ width: chart.root.parentElement.clientWidth || 600, height: 220 });
        });
    }

    function flash(kind, text) {
        const area = document.getElementById('flash');
        if (!area) {
            return;
        }
        const message = document.createElement('p');
        message.className = 'message ' + kind;
        message.textContent = text;
        area.replaceChildren(message);
    }

    // A confirmation names what is about to happen: {bucket}, {key}, {to} and {value} in the
    // question are replaced by what the form holds.
    function confirmWithValues(event) {
        const question = event.detail.question;
        if (!question || !/\{\w+\}/.test(question)) {
            return;
        }
        event.preventDefault();
        const form = event.detail.elt.closest('form');
        const text = question.replace(/\{(\w+)\}/g, function (match, name) {
            const field = form ? form.elements.namedItem(name) : null;
            const value = field && field.value ? field.value.trim() : '';
            return value || (name === 'bucket' ? 'all' : '');
        }).replace(/ +\?/, '?');
        if (window.confirm(text)) {
            event.detail.issueRequest(true);
        }
    }

    function markStale(event, stale) {
        const panel = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('.panel') : null;
        if (panel) {
            panel.classList.toggle('stale', stale);
        }
    }

    function drawIn(content) {
        const found = content.matches && content.matches('.chart') ? [content] : [];
        content.querySelectorAll('.chart').forEach(function (chart) { found.push(chart); });
        found.forEach(function (chart) {
            if (!chart.dataset.drawn) {
                chart.dataset.drawn = 'yes';
                draw(chart);
            }
        });
    }

    // Every action carries the page's CSRF token, which a page of another site cannot read.
    function withCsrfToken(event) {
        const token = document.querySelector('meta[name="csrf-token"]');
        const header = document.querySelector('meta[name="csrf-header"]');
        if (token && header && event.detail.verb !== 'get') {
            event.detail.headers[header.content] = token.content;
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        drawIn(document.body);
        if (typeof htmx !== 'undefined') {
            htmx.onLoad(drawIn);
        }
        document.body.addEventListener('htmx:confirm', confirmWithValues);
        document.body.addEventListener('htmx:configRequest', withCsrfToken);
        document.body.addEventListener('htmx:responseError', function (event) {
            markStale(event, true);
            flash('error', 'The hub answered ' + event.detail.xhr.status
                + '; the panels show the last data they had. The server log has the details.');
        });
        document.body.addEventListener('htmx:sendError', function (event) {
            markStale(event, true);
            flash('error', 'The hub cannot be reached; the panels show the last data they had.');
        });
        window.addEventListener('resize', resize);
    });
}());
