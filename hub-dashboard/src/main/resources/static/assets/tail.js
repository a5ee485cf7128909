// The live tail: reads events from the WebSocket /ws/tail and shows them newest first, keeping at
// most data-max-rows rows. Every value goes into the page through textContent, never as markup.
(function () {
    'use strict';

    const table = document.getElementById('tail');
    const rows = document.getElementById('tail-rows');
    const form = document.getElementById('tail-filters');
    const pauseButton = document.getElementById('tail-pause');
    const clearButton = document.getElementById('tail-clear');
    const status = document.getElementById('tail-status');
    const count = document.getElementById('tail-count');
    const maxRows = Number(table.dataset.maxRows) || 200;
    // Closed by the hub for a reason a retry does not fix: a bad filter.
    const REFUSED = [1003, 1007, 1008];

    let socket = null;
    let paused = false;
    let retry = null;

    function say(text) {
        status.textContent = text;
    }

    function address() {
        const params = new URLSearchParams();
        ['stream', 'type', 'bucket'].forEach(function (name) {
            const value = form.elements.namedItem(name).value.trim();
            if (value) {
                params.set(name, value);
            }
        });
        const query = params.toString();
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        return scheme + '//' + location.host + '/ws/tail' + (query ? '?' + query : '');
    }

    function cell(text, className) {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) {
            td.className = className;
        }
        return td;
    }

    function linkCell(text, href, className, inCode) {
        const td = document.createElement('td');
        const link = document.createElement('a');
        link.href = href;
        if (inCode) {
            const code = document.createElement('code');
            code.textContent = text;
            link.appendChild(code);
        } else {
            link.textContent = text;
        }
        td.appendChild(link);
        if (className) {
            td.className = className;
        }
        return td;
    }

    function trim() {
        while (rows.rows.length > maxRows) {
            rows.deleteRow(rows.rows.length - 1);
        }
        const events = rows.querySelectorAll('tr.event').length;
        count.textContent = events + (events === 1 ? ' event shown' : ' events shown') + ' (at most ' + maxRows + ')';
    }

    function add(row) {
        row.classList.add('fresh');
        rows.insertBefore(row, rows.firstChild);
        trim();
    }

    function showEvent(event) {
        const row = document.createElement('tr');
        row.className = 'event';
        row.dataset.position = String(event.globalPosition);
        row.appendChild(cell(event.recordedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')));
        row.appendChild(cell(String(event.globalPosition), 'num'));
        row.appendChild(linkCell(event.stream, '/streams/' + encodeURIComponent(event.stream), 'name', false));
        row.appendChild(cell(event.type));
        row.appendChild(cell(event.bucket + ' / ' + event.offset, 'num'));
        row.appendChild(linkCell(event.data, '/events/' + encodeURIComponent(event.id), 'data', true));
        add(row);
    }

    function showMarker(text) {
        const row = document.createElement('tr');
        row.className = 'marker';
        const td = cell(text);
        td.colSpan = 6;
        row.appendChild(td);
        add(row);
    }

    function receive(message) {
        const frame = JSON.parse(message.data);
        switch (frame.kind) {
            case 'event':
                showEvent(frame);
                break;
            case 'skipped':
                showMarker(frame.count + (frame.count === 1 ? ' event' : ' events') + ' skipped: '
                    + (frame.reason === 'paused' ? 'they arrived while the tail was paused'
                        : 'this page could not keep up'));
                break;
            case 'ready':
                say('Live from global position ' + frame.after + (frame.filter ? ', ' + frame.filter : '') + '.');
                break;
            case 'paused':
                say('Paused: new events are counted, not shown.');
                break;
            case 'resumed':
                say('Live again.');
                break;
            default:
                break;
        }
    }

    function connect() {
        if (retry) {
            clearTimeout(retry);
            retry = null;
        }
        if (socket) {
            socket.onclose = null;
            socket.close(1000, 'filters changed');
        }
        paused = false;
        pauseButton.textContent = 'Pause';
        say('Connecting…');
        socket = new WebSocket(address());
        socket.onmessage = receive;
        socket.onclose = function (event) {
            socket = null;
            if (REFUSED.indexOf(event.code) >= 0) {
                say('Refused: ' + (event.reason || 'the hub closed the tail') + '.');
                return;
            }
            const wait = event.code === 1013 ? 10 : 3;
            say('Disconnected' + (event.reason ? ' (' + event.reason + ')' : '') + '; reconnecting in ' + wait + ' s.');
            retry = setTimeout(connect, wait * 1000);
        };
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        connect();
    });

    pauseButton.addEventListener('click', function () {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            return;
        }
        paused = !paused;
        socket.send(JSON.stringify({ action: paused ? 'pause' : 'resume' }));
        pauseButton.textContent = paused ? 'Resume' : 'Pause';
    });

    clearButton.addEventListener('click', function () {
        rows.replaceChildren();
        trim();
    });

    connect();
}());
