// Rescrape dashboard: plain JavaScript against the JSON API of `serve`, polled every 2 s.
//
// Every string the server sends (handles, descriptions, messages) may come from an attacker, so
// this file builds the page with createElement and textContent only, never innerHTML.
'use strict';

(() => {
  const POLL_MS = 2000;
  const REQUEST_TIMEOUT_MS = 5000;
  const JOBS_LIMIT = 20;
  const FAILURES_LIMIT = 50;
  const TOKEN_KEY = 'rescrape.apiToken';
  const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
  const rates = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const clockTime = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  });
  const utcDay = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC',
  });

  const state = {
    route: { view: 'overview' },
    generation: 0,
    timer: null,
    inFlight: false,
    again: false,
    lastUpdated: null,
    failingSince: null,
    failuresOffset: 0,
    rendered: {},
    jobRows: new Map(),
    currentJob: null,
    pendingAction: null,
  };

  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers: text goes in as text nodes, attributes through setAttribute ----

  function build(node, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
  const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

  function setText(node, text) {
    const value = text === null || text === undefined ? '' : String(text);
    if (node.textContent !== value) node.textContent = value;
  }

  // Re-renders a section only when its data changed, so hover and focus survive the polling.
  function changed(key, data) {
    const json = JSON.stringify(data);
    if (state.rendered[key] === json) return false;
    state.rendered[key] = json;
    return true;
  }

  // ---- Formatting ----

  const count = (n) => (typeof n === 'number' ? integers.format(n) : '–');

  function percentText(percent) {
    if (typeof percent !== 'number') return '–';
    return percent >= 100 ? '100%' : `${decimals.format(Math.max(0, percent))}%`;
  }

  function percentOf(progress) {
    if (!progress) return 0;
    if (typeof progress.percent === 'number') return Math.min(100, Math.max(0, progress.percent));
    return progress.total > 0 ? (100 * progress.finished) / progress.total : 0;
  }

  function parseInstant(iso) {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? null : new Date(time);
  }

  function utcTime(iso) {
    const date = iso && parseInstant(iso);
    return date ? `${date.toISOString().slice(11, 19)} UTC` : '–';
  }

  function utcInstant(iso) {
    const date = iso && parseInstant(iso);
    return date ? `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 19)} UTC` : '–';
  }

  function dayOf(isoDate) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
    return match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  }

  function prettyDate(isoDate) {
    const day = dayOf(isoDate);
    return day ? utcDay.format(day) : String(isoDate || '–');
  }

  function weekdayOf(isoDate) {
    const day = dayOf(isoDate);
    return day ? WEEKDAYS[(day.getUTCDay() + 6) % 7] : null;
  }

  function nextDate(isoDate) {
    const day = dayOf(isoDate);
    if (!day) return null;
    day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  }

  function duration(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0) return '';
    if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }

  function titleCase(word) {
    const text = String(word || '').toLowerCase().replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function statusClass(status) {
    return String(status || '').toLowerCase().replace(/[^a-z]/g, '');
  }

  // Seconds until a running job ends, from its own rate: no clock of the browser involved,
  // since a demo server's clock may be set to another day.
  function secondsLeft(job) {
    const p = job.progress;
    if (job.status !== 'RUNNING' || !p || !(job.ratePerSecond > 0)) return null;
    return Math.max(0, p.total - p.finished) / job.ratePerSecond;
  }

  // ---- HTTP ----

  class ApiError extends Error {
    constructor(status, message, body) {
      super(message);
      this.status = status;
      this.body = body;
    }
  }

  async function api(method, path, options = {}) {
    const headers = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let response;
    let text;
    try {
      response = await fetch(path, {
        method, headers, cache: 'no-store', credentials: 'same-origin', signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      const reason = error && error.name === 'AbortError'
        ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : 'connection failed';
      throw new ApiError(0, reason, null);
    } finally {
      clearTimeout(timeout);
    }
    let body = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch (ignored) {
        body = null;
      }
    }
    const accepted = response.ok || (options.accept || []).includes(response.status);
    if (!accepted) {
      const message = body && typeof body.message === 'string' && body.message
        ? body.message : `HTTP ${response.status} ${response.statusText}`.trim();
      throw new ApiError(response.status, message, body);
    }
    return { status: response.status, body };
  }

  // ---- Polling ----

  function schedulePoll() {
    clearTimeout(state.timer);
    state.timer = document.hidden ? null : setTimeout(poll, POLL_MS);
  }

  async function poll() {
    if (state.inFlight) return;
    state.inFlight = true;
    const generation = state.generation;
    try {
      if (state.route.view === 'job') await refreshJob(state.route.id, generation);
      else await refreshOverview(generation);
      markAnswering();
    } catch (error) {
      markFailing(error);
    } finally {
      state.inFlight = false;
      const again = state.again || generation !== state.generation;
      state.again = false;
      if (again) poll();
      else schedulePoll();
    }
  }

  function pollNow() {
    clearTimeout(state.timer);
    if (state.inFlight) state.again = true;
    else poll();
  }

  function markAnswering() {
    state.failingSince = null;
    state.lastUpdated = new Date();
    $('connection-error').hidden = true;
    setText($('last-updated'), `Updated ${clockTime.format(state.lastUpdated)}`);
  }

  function markFailing(error) {
    if (!state.failingSince) state.failingSince = new Date();
    const cause = error instanceof ApiError
      ? (error.status ? `HTTP ${error.status}: ${error.message}` : error.message)
      : String(error && error.message ? error.message : error);
    const banner = $('connection-error');
    setText(banner, `The server stopped answering at ${clockTime.format(state.failingSince)} (${cause}).`
      + (state.lastUpdated ? ` The page shows what it knew at ${clockTime.format(state.lastUpdated)};` : '')
      + ` retrying every ${POLL_MS / 1000} s.`);
    banner.hidden = false;
    const pill = $('health-pill');
    pill.className = 'health-pill down';
    setText(pill, 'Unreachable');
  }

  // ---- Overview ----

  async function refreshOverview(generation) {
    const [schedule, jobs, health] = await Promise.all([
      api('GET', '/rescraping/schedule'),
      api('GET', `/rescraping/jobs?limit=${JOBS_LIMIT}`),
      api('GET', '/health', { accept: [503] }).catch(() => null),
    ]);
    if (generation !== state.generation) return;
    renderSchedule(schedule.body);
    renderJobs((jobs.body && jobs.body.jobs) || []);
    renderHealth(health && health.body);
  }

  function renderSchedule(schedule) {
    if (!schedule || !changed('schedule', schedule)) return;
    const activeDays = schedule.activeDays || [];
    setMetric('total-creators', count(schedule.totalCreators), schedule.totalCreators,
      schedule.goneCreators > 0
        ? `${count(schedule.goneCreators)} gone, no longer scheduled`
        : `Across ${activeDays.length} active days`);
    setMetric('daily-average', decimals.format(schedule.dailyAverage || 0), schedule.dailyAverage,
      `Per active day (${activeDays.length} of 7)`);
    setMetric('due-today', count(schedule.dueToday), schedule.dueToday, prettyDate(schedule.date));
    setMetric('due-tomorrow', count(schedule.dueTomorrow), schedule.dueTomorrow,
      prettyDate(nextDate(schedule.date)));
    renderWeekdayChart(schedule.weekdays || [], weekdayOf(schedule.date));
  }

  function setMetric(id, text, value, note) {
    const node = $(id);
    setText(node, text);
    node.setAttribute('data-value', String(value));
    setText($(`${id}-note`), note);
  }

  function renderWeekdayChart(weekdays, today) {
    const width = 640;
    const height = 220;
    const left = 44;
    const right = 8;
    const top = 26;
    const bottom = 46;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const byDay = new Map(weekdays.map((w) => [w.day, w]));
    const max = niceMax(Math.max(1, ...weekdays.map((w) => w.creators || 0)));
    const slot = plotWidth / 7;
    const barWidth = Math.min(56, slot * 0.58);

    const chart = svg('svg', {
      viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': 'Creators per weekday, Monday first',
    });
    chart.append(svg('defs', {},
      svg('pattern', {
        id: 'rest-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      },
      svg('rect', { width: 6, height: 6, fill: '#f3f4f6' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#cdd2da', 'stroke-width': 3 }))));

    for (let i = 0; i <= 4; i += 1) {
      const value = (max / 4) * i;
      const y = top + plotHeight - (plotHeight * value) / max;
      chart.append(svg('line', { class: i === 0 ? 'axis' : 'grid', x1: left, x2: width - right, y1: y, y2: y }));
      chart.append(svg('text', { class: 'tick', x: left - 8, y: y + 4, 'text-anchor': 'end' }, count(value)));
    }

    WEEKDAYS.forEach((day, index) => {
      const entry = byDay.get(day) || { day, creators: 0, active: false };
      const creators = entry.creators || 0;
      const rest = entry.active === false;
      const barHeight = Math.max(rest && creators === 0 ? 4 : 0, (plotHeight * creators) / max);
      const x = left + slot * index + (slot - barWidth) / 2;
      const y = top + plotHeight - barHeight;
      const isToday = day === today;
      const classes = ['bar', rest ? 'rest' : 'active', isToday && !rest ? 'today' : ''].join(' ').trim();
      chart.append(svg('rect', {
        class: classes, x, y, width: barWidth, height: barHeight, rx: 3,
        'data-testid': `weekday-bar-${day}`, 'data-creators': creators, 'data-active': !rest ? 'true' : 'false',
      }, svg('title', {}, `${titleCase(day)}: ${count(creators)} creators${rest ? ' (rest day)' : ''}`)));
      chart.append(svg('text', {
        class: rest ? 'value rest' : 'value', x: x + barWidth / 2, y: y - 7, 'text-anchor': 'middle',
        'data-testid': `weekday-count-${day}`,
      }, rest && creators === 0 ? 'rest' : count(creators)));
      chart.append(svg('text', {
        class: isToday ? 'label today' : 'label', x: x + barWidth / 2, y: top + plotHeight + 18,
        'text-anchor': 'middle',
      }, titleCase(day).slice(0, 3)));
      if (isToday) {
        chart.append(svg('text', {
          class: 'tick', x: x + barWidth / 2, y: top + plotHeight + 34, 'text-anchor': 'middle',
        }, 'today'));
      }
    });
    $('weekday-chart').replaceChildren(chart);
  }

  function niceMax(value) {
    const magnitude = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
      if (step * magnitude >= value) return step * magnitude;
    }
    return 10 * magnitude;
  }

  function renderHealth(health) {
    const pill = $('health-pill');
    if (!health) {
      pill.className = 'health-pill';
      setText(pill, 'Health unknown');
      return;
    }
    const status = String(health.status || 'UNKNOWN');
    pill.className = `health-pill ${statusClass(status)}`;
    setText(pill, { UP: 'Healthy', DEGRADED: 'Degraded', DOWN: 'Down' }[status] || status);
    const trigger = health.trigger || {};
    const now = parseInstant(health.checkedAt);
    const fire = parseInstant(trigger.nextFire);
    const until = now && fire ? duration((fire - now) / 1000) : '';
    const rows = [];
    rows.push(['Next daily job', trigger.nextFire
      ? `${prettyDate(trigger.nextFire.slice(0, 10))}, ${utcTime(trigger.nextFire).slice(0, 5)} UTC${until ? ` (in ${until})` : ''}`
      : 'Not armed']);
    rows.push(['Running job', jobLink(health.runningJob, 'None')]);
    rows.push(['Last completed', jobLink(health.lastCompletedJob, 'None yet')]);
    const database = health.database || {};
    rows.push(['Database', dotted(database.up ? 'ok' : 'bad', database.up ? 'Up' : `Down: ${database.error || 'unreachable'}`)]);
    const redis = health.redis;
    rows.push(['Redis', redis
      ? dotted(redis.up ? 'ok' : 'bad', redis.up ? 'Up' : 'Unreachable; the database dispatches')
      : dotted('off', 'Not used')]);
    const platforms = Array.isArray(health.platforms) ? health.platforms : [];
    if (health.instance) rows.push(['Instance', el('span', { class: 'mono' }, health.instance)]);
    if (health.checkedAt) rows.push(['Server clock', utcInstant(health.checkedAt)]);
    rows.push(['Platforms', platforms.length === 0 ? 'None' : el('span', {},
      ...platforms.map((p, i) => el('span', {},
        i > 0 ? ' · ' : null,
        dotted(p.serving ? 'ok' : 'warn', `${p.platform}${p.serving ? '' : `: paused${p.pausedUntil ? ` until ${utcTime(p.pausedUntil)}` : ''}${p.reason ? ` (${p.reason})` : ''}`}`))))]);
    renderFacts($('service-facts'), rows);
  }

  // Updates a <dl> in place: a value is replaced only when its text changed, so a link in it
  // stays clickable while the page polls.
  function renderFacts(list, rows) {
    const labels = rows.map(([label]) => label).join('\n');
    if (list.getAttribute('data-labels') !== labels) {
      list.setAttribute('data-labels', labels);
      list.replaceChildren(...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]));
      return;
    }
    const values = list.querySelectorAll('dd');
    rows.forEach(([, value], index) => {
      const text = value instanceof Node ? value.textContent : String(value);
      if (values[index].textContent !== text) values[index].replaceChildren(value);
    });
  }

  function dotted(kind, text) {
    return el('span', {}, el('span', { class: `dot ${kind}` }), text);
  }

  function jobLink(job, none) {
    if (!job || job.id === undefined || job.id === null) return none;
    return el('span', {},
      el('a', { href: `#/jobs/${encodeURIComponent(job.id)}` }, `Job ${job.id}`),
      ` · ${prettyDate(job.date)} · ${titleCase(job.status)}`);
  }

  // ---- Jobs table: rows are kept and updated in place, keyed by job id ----

  function renderJobs(jobs) {
    const body = $('jobs-body');
    const seen = new Set();
    jobs.forEach((job, index) => {
      seen.add(job.id);
      let row = state.jobRows.get(job.id);
      if (!row) {
        row = createJobRow(job.id);
        state.jobRows.set(job.id, row);
      }
      updateJobRow(row, job);
      if (body.children[index] !== row.tr) body.insertBefore(row.tr, body.children[index] || null);
    });
    for (const [id, row] of state.jobRows) {
      if (!seen.has(id)) {
        row.tr.remove();
        state.jobRows.delete(id);
      }
    }
    const empty = $('jobs-empty');
    empty.hidden = jobs.length > 0;
    $('jobs-table').hidden = jobs.length === 0;
    setText(empty, 'No job yet. The trigger creates the daily job at its time, or press'
      + ' "Daily Rescrape (Recommended)" to create today\'s job now.');
    setText($('jobs-note'), jobs.length > 0 ? `Newest first, up to ${JOBS_LIMIT}` : '');
  }

  function createJobRow(id) {
    const href = `#/jobs/${encodeURIComponent(id)}`;
    const row = {
      tr: el('tr', { class: 'link', 'data-testid': `job-row-${id}`, id: `job-row-${id}` }),
      date: el('td', { class: 'nowrap' }),
      description: el('td', { class: 'description' }),
      status: el('span', { class: 'badge', 'data-testid': `job-status-${id}` }),
      bar: progressBar(`job-progress-${id}`),
      counts: el('span', { 'data-testid': `job-counts-${id}` }),
      percent: el('strong', { 'data-testid': `job-percent-${id}` }),
      rate: el('td', { class: 'num nowrap', 'data-testid': `job-rate-${id}` }),
      end: el('td', { class: 'nowrap', 'data-testid': `job-end-${id}` }),
    };
    row.tr.append(
      el('td', { class: 'num' }, el('a', { href, 'data-testid': `job-link-${id}` }, `#${id}`)),
      row.date,
      row.description,
      el('td', {}, row.status),
      el('td', {}, el('div', { class: 'progress-cell' },
        row.bar.node, el('div', { class: 'progress-text' }, row.counts, row.percent))),
      row.rate,
      row.end);
    row.tr.addEventListener('click', (event) => {
      if (!event.target.closest('a')) window.location.hash = href;
    });
    return row;
  }

  function updateJobRow(row, job) {
    const p = job.progress || {};
    setText(row.date, prettyDate(job.date));
    setText(row.description, job.description);
    setStatusBadge(row.status, job.status);
    row.bar.update(p, job.status);
    setText(row.counts, `${count(p.done)} done · ${count(p.failed)} failed · ${count(p.total)} total`);
    setText(row.percent, percentText(percentOf(p)));
    setText(row.rate, job.status === 'RUNNING' && typeof job.ratePerSecond === 'number'
      ? `${rates.format(job.ratePerSecond)}/s` : '–');
    const left = secondsLeft(job);
    if (job.status === 'RUNNING' && job.expectedEnd) {
      setText(row.end, `${utcTime(job.expectedEnd)}${left !== null ? ` (~${duration(left)})` : ''}`);
    } else if (job.finishedAt) {
      setText(row.end, `Ended ${utcTime(job.finishedAt)}`);
    } else {
      setText(row.end, '–');
    }
  }

  function setStatusBadge(node, status) {
    node.className = `badge ${statusClass(status)}`;
    setText(node, status || '–');
  }

  function progressBar(testId, large) {
    const done = el('span', { class: 'progress-done' });
    const failed = el('span', { class: 'progress-failed' });
    const node = el('div', {
      class: large ? 'progress large' : 'progress', role: 'progressbar', 'data-testid': testId,
      'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0,
    }, done, failed);
    return {
      node,
      update(p, status) {
        const total = p.total || 0;
        const doneShare = total > 0 ? (100 * ((p.done || 0) + (p.skipped || 0))) / total : 0;
        const failedShare = total > 0 ? (100 * (p.failed || 0)) / total : 0;
        const percent = Math.round(percentOf(p) * 10) / 10;
        done.style.width = `${Math.min(100, doneShare)}%`;
        failed.style.width = `${Math.min(100 - Math.min(100, doneShare), failedShare)}%`;
        node.classList.toggle('running', status === 'RUNNING');
        node.setAttribute('aria-valuenow', String(percent));
        node.setAttribute('data-percent', String(percent));
        node.setAttribute('aria-valuetext', `${percentText(percent)}: ${count(p.done)} done, ${count(p.failed)} failed of ${count(total)}`);
      },
    };
  }

  // ---- Job page ----

  const jobBar = { value: null };

  async function refreshJob(id, generation) {
    const health = api('GET', '/health', { accept: [503] }).catch(() => null);
    let job;
    try {
      job = (await api('GET', `/rescraping/jobs/${encodeURIComponent(id)}`)).body;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        const healthAnswer = await health;
        if (generation !== state.generation) return;
        showMissingJob(id, error.message);
        renderHealth(healthAnswer && healthAnswer.body);
        return;
      }
      throw error;
    }
    const failures = (await api('GET',
      `/rescraping/jobs/${encodeURIComponent(id)}/failures?offset=${state.failuresOffset}&limit=${FAILURES_LIMIT}`)).body;
    const healthAnswer = await health;
    if (generation !== state.generation) return;
    renderJob(job);
    renderFailures(failures || {});
    renderHealth(healthAnswer && healthAnswer.body);
  }

  function showMissingJob(id, message) {
    state.currentJob = null;
    setText($('job-title'), `Job ${id}`);
    setText($('job-description'), '');
    const missing = $('job-missing');
    setText(missing, `There is no job ${id} on this server (${message}).`);
    missing.hidden = false;
    $('job-body').hidden = true;
    for (const button of ['job-resume', 'job-retry', 'job-cancel']) $(button).disabled = true;
  }

  function renderJob(job) {
    state.currentJob = job;
    $('job-missing').hidden = true;
    $('job-body').hidden = false;
    const p = job.progress || {};
    setText($('job-title'), `Job ${job.id}`);
    setText($('job-description'), job.description);
    setStatusBadge($('job-status'), job.status);
    if (!jobBar.value) {
      jobBar.value = progressBar('job-progress', true);
      $('job-progress').replaceWith(jobBar.value.node);
      jobBar.value.node.id = 'job-progress';
    }
    jobBar.value.update(p, job.status);
    setText($('job-percent'), percentText(percentOf(p)));

    if (changed('job-stats', p)) {
      const stats = [
        ['Total', p.total, 'total'], ['Done', p.done, 'done'], ['Failed', p.failed, 'failed'],
        ['Pending', p.pending, 'pending'], ['In progress', p.inProgress, 'in-progress'],
        ['Skipped', p.skipped, 'skipped'], ['Finished', p.finished, 'finished'],
      ];
      $('job-stats').replaceChildren(...stats.map(([label, value, key]) => el('div', { class: `stat ${key}` },
        el('div', { class: 'stat-label' }, label),
        el('div', { class: 'stat-value', 'data-testid': `job-stat-${key}` }, count(value)))));
    }

    const left = secondsLeft(job);
    const times = [
      ['Date', prettyDate(job.date)],
      ['Created', utcInstant(job.createdAt)],
      ['Started', utcInstant(job.startedAt)],
      ['Finished', utcInstant(job.finishedAt)],
      ['Rate', job.status === 'RUNNING' && typeof job.ratePerSecond === 'number' ? `${rates.format(job.ratePerSecond)} creators/s` : '–'],
      ['Expected end', job.status === 'RUNNING' && job.expectedEnd
        ? `${utcTime(job.expectedEnd)}${left !== null ? ` (~${duration(left)} left)` : ''}` : '–'],
      ['Owner', job.owner || '–'],
      ['Type', job.type || '–'],
    ];
    renderFacts($('job-times'), times);

    renderReasons(job.failuresByReason || {}, p.failed || 0);
    updateJobButtons(job);
  }

  function renderReasons(byReason, failed) {
    if (!changed('reasons', byReason)) return;
    const entries = Object.entries(byReason).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const container = $('failures-by-reason');
    if (entries.length === 0) {
      container.replaceChildren(el('p', { class: 'empty', 'data-testid': 'failures-by-reason-empty' },
        failed > 0 ? 'The server reported no reasons.' : 'No creator failed in this job.'));
      return;
    }
    const max = Math.max(...entries.map(([, n]) => n));
    container.replaceChildren(...entries.map(([reason, n]) => el('div', {
      class: 'reason-row', 'data-testid': `failure-reason-${reason}`,
    },
    el('span', { class: 'reason-name' }, reason),
    el('span', { class: 'reason-bar' }, el('span', { style: `width: ${(100 * n) / max}%` })),
    el('span', { class: 'reason-count', 'data-testid': `failure-count-${reason}` }, count(n)))));
  }

  function renderFailures(page) {
    const total = page.total || 0;
    const failures = Array.isArray(page.failures) ? page.failures : [];
    if (total > 0 && state.failuresOffset >= total) {
      // Retrying reopened failures: the page we were on no longer exists.
      state.failuresOffset = Math.floor((total - 1) / FAILURES_LIMIT) * FAILURES_LIMIT;
      pollNow();
      return;
    }
    const from = failures.length > 0 ? state.failuresOffset + 1 : 0;
    setText($('failures-range'), total > 0 ? `${count(from)}–${count(state.failuresOffset + failures.length)} of ${count(total)}` : '');
    $('failures-prev').disabled = state.failuresOffset <= 0;
    $('failures-next').disabled = state.failuresOffset + FAILURES_LIMIT >= total;
    $('failures-prev').hidden = total <= FAILURES_LIMIT;
    $('failures-next').hidden = total <= FAILURES_LIMIT;
    $('failures-empty').hidden = total > 0;
    $('failures-table').hidden = total === 0;
    if (!changed('failures', page)) return;
    $('failures-body').replaceChildren(...failures.map((f) => el('tr', {
      'data-testid': `failure-row-${f.creatorId}`,
    },
    el('td', { class: 'creator' },
      el('span', { class: 'muted' }, `${f.platform} `),
      el('span', { class: 'mono' }, `@${f.displayHandle || f.handle}`)),
    el('td', {}, el('span', { class: 'badge reason' }, f.reason)),
    el('td', { class: 'message' }, f.message || ''),
    el('td', { class: 'num' }, count(f.attempts)),
    el('td', { class: 'nowrap', title: utcInstant(f.failedAt) }, utcTime(f.failedAt)))));
  }

  function updateJobButtons(job) {
    const failed = (job.progress && job.progress.failed) || 0;
    const active = ['PENDING', 'QUEUED', 'RUNNING'].includes(job.status);
    enable('job-resume', ['INTERRUPTED', 'FAILED'].includes(job.status),
      `Only an interrupted or failed job resumes; this one is ${job.status}.`);
    enable('job-retry', failed > 0 && !active,
      failed === 0 ? 'No creator failed in this job.' : 'Wait until the job stops running.');
    enable('job-cancel', active || ['INTERRUPTED', 'FAILED'].includes(job.status),
      `A ${job.status} job cannot be cancelled.`);
  }

  function enable(id, enabled, reason) {
    const button = $(id);
    button.disabled = !enabled;
    if (enabled) button.removeAttribute('title');
    else button.setAttribute('title', reason);
  }

  // ---- Changes: bearer token, asked for in a dialog ----

  const actions = {
    scheduleDaily: () => ({
      title: 'Daily Rescrape (Recommended)',
      explain: 'Creates today\'s daily job with every creator due, or shows the one that exists.',
      submit: 'Create job',
      method: 'POST',
      path: '/rescraping/schedule-daily',
      done: (body, status) => {
        if (body && body.job && (status === 201 || body.created)) {
          notify('success', `Created job ${body.job.id}: ${body.job.description}`);
        } else if (body && body.job) {
          notify('info', `Job ${body.job.id} already exists for ${body.job.date} (${body.job.status}):`
            + ` ${body.job.description}`);
        } else {
          notify('info', (body && body.message) || 'No job was created.');
        }
      },
    }),
    resume: (job) => ({
      title: `Resume job ${job.id}`,
      explain: 'Processes the creators of this job that are not done yet.',
      submit: 'Resume job',
      method: 'POST',
      path: `/rescraping/jobs/${encodeURIComponent(job.id)}/resume`,
      done: (body) => notify('success', `Job ${job.id} resumed${body && body.job ? `: ${body.job.status}` : ''}.`),
    }),
    retryFailed: (job) => ({
      title: `Retry failed creators of job ${job.id}`,
      explain: 'Reopens exactly the failed creators of this job and scrapes them again.',
      submit: 'Retry failed',
      method: 'POST',
      path: `/rescraping/jobs/${encodeURIComponent(job.id)}/retry-failed`,
      done: (body) => notify('success', `Reopened ${count(body && body.reopened)} failed creators of job ${job.id}.`),
    }),
    cancel: (job) => ({
      title: `Cancel job ${job.id}?`,
      explain: 'Stops the job: creators not yet done stay undone until a later daily job picks them up.',
      submit: 'Cancel job',
      confirm: true,
      method: 'POST',
      path: `/rescraping/jobs/${encodeURIComponent(job.id)}/cancel`,
      done: () => notify('success', `Job ${job.id} cancelled.`),
    }),
  };

  async function change(action) {
    if (state.pendingAction) return;
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved && !action.confirm) {
      state.pendingAction = action;
      setBusy(true);
      const outcome = await send(action, saved);
      setBusy(false);
      state.pendingAction = null;
      if (outcome.unauthorized) {
        sessionStorage.removeItem(TOKEN_KEY);
        openDialog(action, `The saved token was refused: ${outcome.message}. Enter the token again.`);
      }
      return;
    }
    openDialog(action, null);
  }

  // Sends one change; the outcome tells whether the token was refused. Every other answer is
  // reported here, in the notice banner.
  async function send(action, token) {
    try {
      const { status, body } = await api(action.method, action.path, { token });
      sessionStorage.setItem(TOKEN_KEY, token);
      action.done(body, status);
      pollNow();
      return { unauthorized: false };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return { unauthorized: true, message: error.message };
      }
      if (error instanceof ApiError && error.status === 403) {
        notify('error', `Changes are disabled on this server: it was started without an API token`
          + ` (RESCRAPE_API_TOKEN). Server said: ${error.message}`);
      } else if (error instanceof ApiError && error.status === 0) {
        notify('error', `${action.title}: the server did not answer (${error.message}).`);
      } else {
        notify('error', `${action.title} failed: ${error.message}`);
      }
      pollNow();
      return { unauthorized: false };
    }
  }

  function openDialog(action, error) {
    state.pendingAction = action;
    const saved = sessionStorage.getItem(TOKEN_KEY);
    const needsToken = !saved;
    setText($('token-title'), action.confirm ? action.title : 'API token required');
    setText($('token-action'), action.confirm ? action.explain : `${action.title}: ${action.explain}`
      + ' Changes need the API token this server was started with.');
    $('token-field').hidden = !needsToken;
    $('token-hint').hidden = !needsToken;
    setText($('token-submit'), action.submit);
    setText($('token-cancel'), action.confirm ? 'Keep running' : 'Cancel');
    $('token-input').value = '';
    showDialogError(error);
    setDialogBusy(false);
    const dialog = $('token-dialog');
    if (!dialog.open) dialog.showModal();
    (needsToken ? $('token-input') : $('token-submit')).focus();
  }

  function closeDialog() {
    const dialog = $('token-dialog');
    if (dialog.open) dialog.close();
    state.pendingAction = null;
    $('token-input').value = '';
  }

  function showDialogError(message) {
    const node = $('token-error');
    setText(node, message || '');
    node.hidden = !message;
  }

  function setDialogBusy(busy) {
    $('token-submit').disabled = busy;
    $('token-input').disabled = busy;
  }

  async function submitDialog(event) {
    event.preventDefault();
    const action = state.pendingAction;
    if (!action || $('token-submit').disabled) return;
    const fieldShown = !$('token-field').hidden;
    const token = fieldShown ? $('token-input').value.trim() : sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      showDialogError('Enter the API token.');
      $('token-input').focus();
      return;
    }
    showDialogError(null);
    setDialogBusy(true);
    setBusy(true);
    const outcome = await send(action, token);
    setBusy(false);
    setDialogBusy(false);
    if (!outcome.unauthorized) {
      closeDialog();
      return;
    }
    sessionStorage.removeItem(TOKEN_KEY);
    $('token-field').hidden = false;
    $('token-hint').hidden = false;
    showDialogError(`The server refused this token: ${outcome.message}`);
    $('token-input').select();
    $('token-input').focus();
  }

  function setBusy(busy) {
    $('schedule-daily').disabled = busy;
    if (busy) ['job-resume', 'job-retry', 'job-cancel'].forEach((id) => { $(id).disabled = true; });
    else if (state.currentJob) updateJobButtons(state.currentJob);
  }

  let noticeTimer = null;

  function notify(kind, message) {
    const notice = $('notice');
    notice.className = `banner ${kind === 'info' ? '' : kind}`.trim();
    notice.setAttribute('data-kind', kind);
    setText($('notice-text'), message);
    notice.hidden = false;
    clearTimeout(noticeTimer);
    if (kind === 'success') noticeTimer = setTimeout(() => { notice.hidden = true; }, 10000);
  }

  // ---- Routing: #/ is the overview, #/jobs/7 a job ----

  function parseRoute() {
    const match = /^#\/jobs\/(\d{1,18})\/?$/.exec(window.location.hash);
    return match ? { view: 'job', id: match[1] } : { view: 'overview' };
  }

  function route() {
    state.route = parseRoute();
    state.generation += 1;
    state.failuresOffset = 0;
    state.currentJob = null;
    state.rendered = { schedule: state.rendered.schedule };
    const onJob = state.route.view === 'job';
    $('overview').hidden = onJob;
    $('job-page').hidden = !onJob;
    if (onJob) {
      setText($('job-title'), `Job ${state.route.id}`);
      setText($('job-description'), 'Loading…');
      $('job-missing').hidden = true;
      $('failures-body').replaceChildren();
      $('failures-by-reason').replaceChildren();
      for (const button of ['job-resume', 'job-retry', 'job-cancel']) $(button).disabled = true;
      document.title = `Job ${state.route.id} · Rescrape`;
    } else {
      document.title = 'Rescrape';
    }
    window.scrollTo(0, 0);
    pollNow();
  }

  function pageFailures(delta) {
    state.failuresOffset = Math.max(0, state.failuresOffset + delta * FAILURES_LIMIT);
    pollNow();
  }

  function start() {
    $('schedule-daily').addEventListener('click', () => change(actions.scheduleDaily()));
    $('job-resume').addEventListener('click', () => state.currentJob && change(actions.resume(state.currentJob)));
    $('job-retry').addEventListener('click', () => state.currentJob && change(actions.retryFailed(state.currentJob)));
    $('job-cancel').addEventListener('click', () => state.currentJob && change(actions.cancel(state.currentJob)));
    $('failures-prev').addEventListener('click', () => pageFailures(-1));
    $('failures-next').addEventListener('click', () => pageFailures(1));
    $('notice-close').addEventListener('click', () => { $('notice').hidden = true; });
    $('token-form').addEventListener('submit', submitDialog);
    $('token-cancel').addEventListener('click', closeDialog);
    $('token-dialog').addEventListener('cancel', (event) => {
      event.preventDefault();
      closeDialog();
    });
    window.addEventListener('hashchange', route);
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) clearTimeout(state.timer);
      else pollNow();
    });
    route();
  }

  start();
})();
