/// The review page's inline style and script. Kept free of `]]>` so the page stays well-formed XML, and the
/// stylesheet free of `<` and `&`.
enum ReviewAssets {
    /// Runs first: every script error, rejected promise and console.error lands in `#console-errors`, so a
    /// headless browser's DOM dump shows what a user's console would.
    static let errorHook = #"""
    (function () {
      var errors = [];
      function show() {
        var box = document.getElementById('console-errors');
        if (box) { box.textContent = errors.join('\n'); }
        if (errors.length) { document.documentElement.setAttribute('data-errors', String(errors.length)); }
      }
      function record(text) { errors.push(text); show(); }
      window.reviewShowErrors = show;
      window.addEventListener('error', function (event) {
        record('error: ' + (event.message || String(event)) + ' (line ' + (event.lineno || '?') + ')');
      });
      window.addEventListener('unhandledrejection', function (event) { record('unhandled rejection: ' + event.reason); });
      var original = console.error;
      console.error = function () {
        record('console.error: ' + Array.prototype.join.call(arguments, ' '));
        original.apply(console, arguments);
      };
    })();
    """#

    static let css = #"""
    :root { --error: #b3261e; --warning: #b26a00; --info: #3a6ea5; --line: #d9d9de; --muted: #5f6368; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 0 24px 48px; color: #1f1f1f; background: #fafafa; line-height: 1.5;
      font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
        "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; font-size: 14px; }
    header { position: sticky; top: 0; background: #fafafa; border-bottom: 1px solid var(--line); padding: 8px 0;
      display: flex; align-items: center; gap: 24px; z-index: 2; flex-wrap: wrap; }
    h1 { font-size: 20px; margin: 0; }
    h2 { font-size: 18px; margin: 24px 0 8px; }
    h3 { font-size: 15px; margin: 16px 0 6px; }
    #filters label { margin-right: 12px; color: var(--muted); }
    #filters select { font: inherit; margin-left: 4px; max-width: 16em; }
    table { border-collapse: collapse; background: #fff; }
    th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: #f1f1f4; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .flag { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--info); padding: 8px 12px;
      margin: 8px 0; }
    .flag.error { border-left-color: var(--error); }
    .flag.warning { border-left-color: var(--warning); }
    .flag h4 { margin: 0 0 4px; font-size: 14px; }
    .badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px;
      background: var(--info); }
    .badge.error { background: var(--error); }
    .badge.warning { background: var(--warning); }
    .flag .message { margin: 4px 0; }
    .evidence { margin: 4px 0 0; padding-left: 20px; }
    .evidence li { margin: 2px 0; }
    .where { color: var(--muted); font-size: 12px; margin-right: 6px; white-space: nowrap; }
    mark.num { background: #fff2b3; padding: 0 1px; font-variant-numeric: tabular-nums; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 12px; }
    figure.chart { margin: 0; background: #fff; border: 1px solid var(--line); padding: 8px; }
    figure.chart figcaption { font-weight: 600; }
    figure.chart .unit { color: var(--muted); font-weight: normal; }
    svg.chart-svg { display: block; }
    svg.chart-svg text { font-size: 11px; fill: var(--muted); }
    svg.chart-svg .axis { stroke: var(--line); }
    svg.chart-svg .pt { cursor: pointer; stroke: #fff; stroke-width: 1.5; }
    svg.chart-svg .pt.disputed { stroke: var(--error); stroke-width: 3; }
    .legend { font-size: 12px; }
    .legend span { margin-right: 10px; white-space: nowrap; }
    .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
    .point-sources { font-size: 12px; margin-top: 6px; }
    .point-sources .accepted { font-weight: 600; }
    .disputed-note { color: var(--error); }
    details.doc { background: #fff; border: 1px solid var(--line); margin: 4px 0; padding: 4px 8px; }
    details.doc summary { cursor: pointer; }
    .status-failed { color: var(--error); font-weight: 600; }
    .status-partial { color: var(--warning); font-weight: 600; }
    .checked { color: #2b8a3e; }
    .other-format { color: var(--muted); }
    ol.outline { list-style: none; padding-left: 0; margin: 6px 0; }
    ol.outline li { padding: 1px 0; }
    .kind { display: inline-block; min-width: 3.5em; color: var(--muted); font-size: 12px; }
    .pager { margin: 8px 0; color: var(--muted); }
    .pager button { font: inherit; margin: 0 4px; }
    .empty { color: var(--muted); font-style: italic; }
    #console-errors:empty { display: none; }
    #console-errors { color: var(--error); white-space: pre-wrap; }
    """#

    static let script = #"""
    (function () {
      'use strict';
      var data = JSON.parse(document.getElementById('review-data').textContent);
      var PAGE = { flags: 100, charts: 12, documents: 25 };
      var SEVERITIES = ['error', 'warning', 'info'];
      var COLORS = ['#1b6ac9', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#087f8c', '#5c940d', '#e67700',
                    '#364fc7', '#a61e4d'];
      var state = { entity: '', indicator: '', severity: '', point: '', page: { flags: 0, charts: 0, documents: 0 } };

      function esc(text) {
        return String(text === null || text === undefined ? '' : text).replace(/[&<>"']/g, function (c) {
          return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
        });
      }
      /** The text escaped, each number in it marked (digits, separators, a trailing %). */
      function highlight(text) {
        var s = String(text || ''), out = '', last = 0, match;
        // Digits inside an identifier (a doc_id such as 002_a080b85a.txt) are no number.
        var re = /(?<![A-Za-z_0-9.])[0-9\uFF10-\uFF19]+(?:[.,\uFF0E][0-9\uFF10-\uFF19]+)*(?:\s*[%\uFF05])?(?![A-Za-z_0-9])/g;
        while ((match = re.exec(s)) !== null) {
          out += esc(s.slice(last, match.index)) + '<mark class="num">' + esc(match[0]) + '</mark>';
          last = match.index + match[0].length;
        }
        return out + esc(s.slice(last));
      }
      function where(doc, page, line) {
        return '<span class="where">' + esc(doc) + ' p' + esc(page) + ' L' + esc(line) + '</span>';
      }
      function section(id) { return document.querySelector('#' + id + ' .body'); }

      function readHash() {
        var hash = window.location.hash.replace(/^#/, '');
        hash.split('&').forEach(function (pair) {
          var parts = pair.split('=');
          var key = decodeURIComponent(parts[0] || ''), value = decodeURIComponent(parts[1] || '');
          if (key === 'entity' || key === 'indicator' || key === 'severity' || key === 'point') { state[key] = value; }
        });
      }
      function writeHash() {
        var parts = ['entity', 'indicator', 'severity', 'point'].filter(function (k) { return state[k]; })
          .map(function (k) { return k + '=' + encodeURIComponent(state[k]); });
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, '', parts.length ? '#' + parts.join('&') : window.location.pathname);
        }
      }

      function options(values, selected, label) {
        return '<option value="">' + esc(label) + '</option>' + values.map(function (v) {
          return '<option value="' + esc(v[0]) + '"' + (v[0] === selected ? ' selected="selected"' : '') + '>' +
            esc(v[1]) + '</option>';
        }).join('');
      }
      function renderFilters() {
        var indicatorNames = {};
        data.indicators.forEach(function (i) { indicatorNames[i.id] = i.name; });
        data.flags.forEach(function (f) {
          f.indicators.forEach(function (id) { if (!indicatorNames[id]) { indicatorNames[id] = id; } });
        });
        var indicators = Object.keys(indicatorNames).sort().map(function (id) {
          return [id, indicatorNames[id] === id ? id : indicatorNames[id] + ' (' + id + ')'];
        });
        var box = document.getElementById('filters');
        box.innerHTML =
          '<label>entity<select id="f-entity">' + options(data.entities.map(function (e) { return [e, e]; }),
            state.entity, 'all entities') + '</select></label>' +
          '<label>indicator<select id="f-indicator">' + options(indicators, state.indicator, 'all indicators') +
            '</select></label>' +
          '<label>severity<select id="f-severity">' + options(SEVERITIES.map(function (s) { return [s, s]; }),
            state.severity, 'all severities') + '</select></label>';
        ['entity', 'indicator', 'severity'].forEach(function (key) {
          document.getElementById('f-' + key).addEventListener('change', function (event) {
            state[key] = event.target.value;
            state.page.flags = 0; state.page.charts = 0;
            writeHash();
            renderFlags(); renderCharts();
          });
        });
      }

      function renderSummary() {
        var s = data.summary;
        var rows = [['documents', s.documents], ['ok', s.ok], ['partial', s.partial], ['failed', s.failed],
          ['sections', s.sections], ['observations', s.observations],
          ['observations in the checked format', s.primary_observations], ['checks applied', s.checks],
          ['checks that hold', s.holds], ['checks skipped', s.skipped], ['flags: error', s.error],
          ['flags: warning', s.warning], ['flags: info', s.info]];
        var failing = data.documents.filter(function (d) { return d.errors.length > 0; });
        var html = '<table class="summary"><tbody>' + rows.map(function (r) {
          return '<tr><th>' + esc(r[0]) + '</th><td class="num">' + esc(r[1]) + '</td></tr>';
        }).join('') + '</tbody></table>';
        if (failing.length) {
          html += '<h3>Errors</h3><table><thead><tr><th>document</th><th>status</th><th>errors</th></tr></thead><tbody>' +
            failing.map(function (d) {
              return '<tr><td>' + esc(d.id) + '</td><td class="status-' + esc(d.status) + '">' + esc(d.status) +
                '</td><td>' + d.errors.map(esc).join('<br/>') + '</td></tr>';
            }).join('') + '</tbody></table>';
        }
        document.getElementById('summary').insertAdjacentHTML('beforeend', html);
      }

      function pager(name, total, render) {
        var size = PAGE[name], pages = Math.max(1, Math.ceil(total / size));
        if (state.page[name] >= pages) { state.page[name] = pages - 1; }
        var page = state.page[name];
        var box = document.createElement('div');
        box.className = 'pager';
        if (pages > 1) {
          box.innerHTML = '<button type="button" data-step="-1"' + (page === 0 ? ' disabled="disabled"' : '') +
            '>previous</button> page ' + (page + 1) + ' of ' + pages + ' (' + total + ') ' +
            '<button type="button" data-step="1"' + (page + 1 === pages ? ' disabled="disabled"' : '') + '>next</button>';
          box.addEventListener('click', function (event) {
            var step = Number(event.target.getAttribute('data-step'));
            if (!step) { return; }
            state.page[name] = Math.min(pages - 1, Math.max(0, page + step));
            render();
          });
        }
        return { element: box, start: page * size, end: Math.min(total, (page + 1) * size) };
      }

      function flagHTML(f) {
        var evidence = f.evidence.map(function (e) {
          return '<li>' + where(e.doc, e.page, e.line) + '<q>' + highlight(e.quote) + '</q></li>';
        }).join('');
        return '<article class="flag ' + esc(f.severity) + '" id="flag-' + esc(f.id) + '" data-flag="' + esc(f.id) +
          '" data-entity="' + esc(f.entity) + '"><h4><span class="badge ' + esc(f.severity) + '">' + esc(f.severity) +
          '</span> ' + esc(f.id) + ' · ' + esc(f.kind) + ' · ' + esc(f.entity) + (f.year ? ' · ' + esc(f.year) : '') +
          ' · ' + f.indicators.map(esc).join(', ') + '</h4><p class="message">' + highlight(f.message) + '</p>' +
          '<table class="nums"><tbody><tr><th>stated</th><td class="num">' + esc(f.stated) +
          '</td><th>expected</th><td class="num">' + esc(f.expected) + '</td><th>agreeing interval</th><td class="num">' +
          esc(f.tolerance) + '</td></tr></tbody></table><ol class="evidence">' + evidence + '</ol></article>';
      }
      function renderFlags() {
        var body = section('flags');
        var shown = data.flags.filter(function (f) {
          return (!state.entity || f.entity === state.entity) &&
            (!state.indicator || f.indicators.indexOf(state.indicator) >= 0) &&
            (!state.severity || f.severity === state.severity);
        });
        var page = pager('flags', shown.length, renderFlags);
        var html = '';
        var slice = shown.slice(page.start, page.end);
        SEVERITIES.forEach(function (severity) {
          var group = slice.filter(function (f) { return f.severity === severity; });
          var all = shown.filter(function (f) { return f.severity === severity; }).length;
          if (!all) { return; }
          html += '<h3 class="severity-' + severity + '">' + severity + ' (' + all + ')</h3>' + group.map(flagHTML).join('');
        });
        body.innerHTML = html || '<p class="empty">No flag matches the filters.</p>';
        body.insertBefore(page.element, body.firstChild);
      }

      function niceNumber(value) { return Number(value).toLocaleString('en-US', { maximumFractionDigits: 4 }); }
      function chartSVG(indicator, series) {
        var W = 420, H = 210, left = 64, right = 14, top = 12, bottom = 26;
        var years = [], values = [];
        series.forEach(function (s) {
          s.points.forEach(function (p) {
            if (years.indexOf(p.year) < 0) { years.push(p.year); }
            values.push(Number(p.value));
          });
        });
        years.sort(function (a, b) { return a - b; });
        var min = Math.min.apply(null, values), max = Math.max.apply(null, values);
        if (min === max) { min -= Math.abs(min) * 0.1 || 1; max += Math.abs(max) * 0.1 || 1; }
        var span = max - min; min -= span * 0.08; max += span * 0.08;
        var inset = 18; // keeps the first and last years' points off the axes and their labels
        function x(year) {
          if (years.length === 1) { return left + (W - left - right) / 2; }
          return left + inset + (W - left - right - 2 * inset) * (years.indexOf(year) / (years.length - 1));
        }
        function y(value) { return top + (H - top - bottom) * (1 - (value - min) / (max - min)); }
        var out = '<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + H +
          '" viewBox="0 0 ' + W + ' ' + H + '" role="img" data-indicator="' + esc(indicator.id) + '">';
        out += '<line class="axis" x1="' + left + '" y1="' + (H - bottom) + '" x2="' + (W - right) + '" y2="' + (H - bottom) + '"/>';
        out += '<line class="axis" x1="' + left + '" y1="' + top + '" x2="' + left + '" y2="' + (H - bottom) + '"/>';
        [min + span * 0.08, (min + max) / 2, max - span * 0.08].forEach(function (v) {
          out += '<text x="' + (left - 6) + '" y="' + (y(v) + 4) + '" text-anchor="end">' + esc(niceNumber(v.toPrecision(4))) + '</text>';
        });
        years.forEach(function (year) {
          out += '<text x="' + x(year) + '" y="' + (H - 8) + '" text-anchor="middle">' + year + '</text>';
        });
        series.forEach(function (s, index) {
          var color = COLORS[index % COLORS.length];
          if (s.points.length > 1) {
            out += '<polyline fill="none" stroke="' + color + '" stroke-width="1.5" points="' + s.points.map(function (p) {
              return x(p.year).toFixed(1) + ',' + y(Number(p.value)).toFixed(1);
            }).join(' ') + '"/>';
          }
          s.points.forEach(function (p, pointIndex) {
            var disputed = p.flags.length > 0 || p.disagree;
            out += '<circle class="pt' + (disputed ? ' disputed' : '') + '" r="' + (disputed ? 6 : 4.5) + '" cx="' +
              x(p.year).toFixed(1) + '" cy="' + y(Number(p.value)).toFixed(1) + '" fill="' + color +
              '" data-series="' + index + '" data-point="' + pointIndex + '" data-entity="' + esc(s.entity) +
              '" data-year="' + p.year + '" data-value="' + esc(p.value) + '"' +
              (p.flags.length ? ' data-flags="' + esc(p.flags.join(' ')) + '"' : '') + '><title>' + esc(s.entity) + ' ' +
              p.year + ': ' + esc(p.value) + ' ' + esc(indicator.unit) + (disputed ? ' (disputed)' : '') +
              '</title></circle>';
          });
        });
        return out + '</svg>';
      }
      function pointSources(indicator, s, p) {
        var notes = [];
        if (p.flags.length) {
          notes.push('flagged: ' + p.flags.map(function (id) { return '<a href="#flag-' + esc(id) + '">' + esc(id) + '</a>'; }).join(' '));
        }
        if (p.disagree) { notes.push('sources disagree'); }
        return '<div><b>' + esc(s.entity) + ' ' + p.year + ': ' + esc(p.value) + ' ' + esc(indicator.unit) + '</b> ' +
          (notes.length ? '<span class="disputed-note">' + notes.join(' · ') + '</span>' : '') + '</div><ol>' +
          p.sources.map(function (src, i) {
            return '<li' + (i === 0 ? ' class="accepted"' : '') + '>' + where(src.doc, src.page, src.line) +
              (i === 0 ? '[accepted] ' : '') + (src.table ? '[table] ' : '') + esc(src.value) + ' — <q>' +
              highlight(src.quote) + '</q></li>';
          }).join('') + '</ol>';
      }
      function renderCharts() {
        var body = section('charts');
        var shown = [];
        data.indicators.forEach(function (indicator) {
          if (state.indicator && indicator.id !== state.indicator) { return; }
          var series = indicator.series.filter(function (s) { return !state.entity || s.entity === state.entity; });
          if (series.length) { shown.push({ indicator: indicator, series: series }); }
        });
        var page = pager('charts', shown.length, renderCharts);
        var html = shown.slice(page.start, page.end).map(function (item, index) {
          var legend = item.series.map(function (s, i) {
            return '<span><i style="background:' + COLORS[i % COLORS.length] + '"></i>' + esc(s.entity) + '</span>';
          }).join('');
          return '<figure class="chart" data-chart="' + (page.start + index) + '" data-indicator="' + esc(item.indicator.id) +
            '"><figcaption>' + esc(item.indicator.name) + ' <span class="unit">' + esc(item.indicator.id) + ' · ' +
            esc(item.indicator.unit) + '</span></figcaption>' + chartSVG(item.indicator, item.series) +
            '<div class="legend">' + legend + '</div><div class="point-sources">click a point for its sources</div></figure>';
        }).join('');
        body.innerHTML = '<div class="charts">' + (html || '<p class="empty">No indicator matches the filters.</p>') + '</div>';
        body.insertBefore(page.element, body.firstChild);
        body.querySelectorAll('figure.chart').forEach(function (figure) {
          var item = shown[Number(figure.getAttribute('data-chart'))];
          figure.addEventListener('click', function (event) {
            var target = event.target.closest ? event.target.closest('circle.pt') : null;
            if (!target) { return; }
            var s = item.series[Number(target.getAttribute('data-series'))];
            var p = s.points[Number(target.getAttribute('data-point'))];
            figure.querySelector('.point-sources').innerHTML = pointSources(item.indicator, s, p);
            state.point = s.entity + '/' + p.year;
            writeHash();
          });
        });
        openPoint();
      }
      /** `#point=ENTITY/YEAR` (with an indicator filter): a link that opens that cell's sources. */
      function openPoint() {
        if (!state.point) { return; }
        var cut = state.point.lastIndexOf('/');
        var entity = state.point.slice(0, cut), year = state.point.slice(cut + 1);
        var circles = document.querySelectorAll('#charts circle.pt');
        for (var i = 0; i < circles.length; i += 1) {
          if (circles[i].getAttribute('data-entity') === entity && circles[i].getAttribute('data-year') === year) {
            circles[i].dispatchEvent(new MouseEvent('click', { bubbles: true }));
            return;
          }
        }
      }

      function outlineHTML(doc) {
        if (!doc.outline.length) { return '<p class="empty">No sections.</p>'; }
        return '<ol class="outline">' + doc.outline.map(function (row) {
          return '<li style="padding-left:' + (Math.max(0, row[0] - 1) * 1.5) + 'em"><span class="kind">' + esc(row[1]) +
            '</span> ' + esc(row[2] || '') + ' ' + esc(row[3]) + ' ' + where('', row[4], row[5]) + '</li>';
        }).join('') + '</ol>';
      }
      // Whom the document is about and which year it covers, each with how it was decided, and the page it
      // was saved from (the data holds only web addresses: `webAddress`).
      function provenanceHTML(doc) {
        var address = doc.address
          ? ' · saved from <a href="' + esc(doc.address) + '" rel="noreferrer">' + esc(doc.address) + '</a>' : '';
        function how(source) { return source ? ' (' + esc(source) + ')' : ''; }
        return '<p class="provenance">subject: ' + esc(doc.subject || '—') + how(doc.subjectSource) + ' · year: ' +
          esc(doc.year || '—') + how(doc.yearSource) + address + '</p>';
      }
      function renderDocuments() {
        var body = section('documents');
        var page = pager('documents', data.documents.length, renderDocuments);
        body.innerHTML = data.documents.slice(page.start, page.end).map(function (d, i) {
          return '<details class="doc" data-doc="' + (page.start + i) + '"><summary><b>' + esc(d.id) + '</b> · ' +
            esc(d.format || '?') + ' · ' + esc(d.title || '(no title)') + ' · ' + esc(d.subject || d.region || '') + ' ' +
            esc(d.year || '') + ' · ' + esc(d.pages) + ' page(s) · <span class="status-' + esc(d.status) + '">' +
            esc(d.status) + '</span>' + (d.errors.length ? ' · ' + d.errors.length + ' error(s)' : '') +
            (d.checked === true ? ' · <span class="checked">checked format</span>' : '') +
            (d.checked === false ? ' · <span class="other-format">other format (values not checked)</span>' : '') +
            '</summary><div class="outline-box"></div></details>';
        }).join('');
        body.insertBefore(page.element, body.firstChild);
        body.querySelectorAll('details.doc').forEach(function (element) {
          element.addEventListener('toggle', function () {
            var box = element.querySelector('.outline-box');
            if (!element.open || box.childNodes.length) { return; }
            var doc = data.documents[Number(element.getAttribute('data-doc'))];
            box.innerHTML = provenanceHTML(doc) + (doc.errors.length ? '<p>' + doc.errors.map(esc).join('<br/>') + '</p>' : '') +
              outlineHTML(doc);
          });
        });
      }

      readHash();
      window.reviewShowErrors();
      renderFilters();
      renderSummary();
      renderFlags();
      renderCharts();
      renderDocuments();
      document.body.setAttribute('data-rendered', 'yes');
    })();
    """#
}
