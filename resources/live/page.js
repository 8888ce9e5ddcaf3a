/* The participant page of a live round (docs/LIVE_ROUNDS.md): plain ES2017, no framework, no build.
 *
 * Safety: every text that comes from the participant or the server reaches the page through
 * textContent or createTextNode, never through innerHTML. The page's CSP forbids inline script and
 * style attributes, so the only style set from here is through the CSSOM (element.style.width).
 */
'use strict';

(function () {
  // ------------------------------------------------------------------ texts

  const STRINGS = {
    de: {
      live: 'Live-Runde',
      loading: 'Die Runde wird geladen …',
      closed_title: 'Die Runde ist beendet.',
      closed_text: 'Abgeben geht nicht mehr. Ihr Text bleibt auf diesem Gerät, Sie können ihn noch kopieren.',
      offline_title: 'Die Runde ist beendet.',
      offline_text: 'Der Rechner der Runde antwortet nicht mehr. Ihr Text bleibt auf diesem Gerät. War nur das WLAN kurz weg, geht es beim nächsten Tippen weiter.',
      bad_link: 'Dieser Link enthält keinen gültigen Code. Bitte öffnen Sie den Link oder QR-Code der Runde erneut.',
      eyebrow_post: 'Übung · Beitrag für {platform}',
      eyebrow_reply: 'Übung · Antwort auf {platform}',
      goal: 'Ziel',
      comment: 'Der Kommentar, auf den Sie antworten',
      post_context: 'Der Beitrag, unter dem er steht',
      task: 'Aufgabe und Hintergrund',
      write_heading: 'Ihr Entwurf',
      name_label: 'Ihr Name oder Pseudonym',
      name_help: 'So erscheint Ihr Text in der Galerie der Runde.',
      text_label: 'Ihr Text',
      reset: 'Zurück zum Ausgangstext',
      reset_confirm: 'Ihren Text durch den Ausgangsentwurf ersetzen?',
      restored: 'Ihr zuletzt hier geschriebener Text ist wieder da.',
      counter: '{n} / {max} Zeichen',
      counter_over: '{n} / {max} Zeichen – bitte um {over} kürzen',
      scores_heading: 'So wirkt Ihr Text',
      busy: 'wird bewertet …',
      hint_short: 'Schreiben Sie noch ein paar Wörter – dann gibt es eine Bewertung.',
      hint_long: 'Der Text ist zu lang für eine Bewertung. Bitte kürzen Sie ihn.',
      no_scores: 'Keine Bewertung: {error}',
      of100: 'von 100',
      level_low: 'ausbaufähig',
      level_mid: 'auf dem Weg',
      level_high: 'stark',
      findings_heading: 'Was auffällt',
      why: 'Warum?',
      sev_good: 'Gut so',
      sev_tip: 'Tipp',
      sev_warn: 'Achtung',
      submit: 'Abgeben',
      resubmit: 'Erneut abgeben',
      submitting: 'Wird abgegeben …',
      submitted: 'Abgegeben um {time} – Sie können weiter überarbeiten und erneut abgeben.',
      submitted_as: 'Abgegeben als „{name}“ um {time} – Sie können weiter überarbeiten und erneut abgeben.',
      changed: 'Geändert seit Ihrer Abgabe um {time} – geben Sie erneut ab, wenn Sie fertig sind.',
      need_name: 'Bitte geben Sie einen Namen oder ein Pseudonym an.',
      need_text: 'Bitte schreiben Sie zuerst einen Text.',
      too_long: 'Der Text ist zu lang. Bitte kürzen Sie ihn vor dem Abgeben.',
      refused: 'Nicht abgegeben: {error}',
      failed: 'Nicht abgegeben, der Server hat nicht geantwortet. Bitte versuchen Sie es gleich noch einmal.',
      // the server's refusals by their code (docs/LIVE_ROUNDS.md), see ERROR_KEYS
      err_bad_code: 'Dieser Code gilt nicht. Bitte öffnen Sie den Link oder QR-Code der Runde erneut.',
      err_closed: 'Die Runde ist beendet, abgeben geht nicht mehr.',
      err_not_found: 'Diese Adresse gibt es nicht. Bitte öffnen Sie den Link oder QR-Code der Runde erneut.',
      err_reload: 'Die Seite hat etwas Unerwartetes geschickt. Bitte laden Sie sie neu und versuchen Sie es noch einmal.',
      err_too_large: 'Der Text ist zu groß zum Senden. Bitte kürzen Sie ihn.',
      err_text_empty: 'Der Text ist leer. Bitte schreiben Sie zuerst etwas.',
      err_text_too_long: 'Der Text ist länger, als die Runde erlaubt. Bitte kürzen Sie ihn.',
      err_name_empty: 'Bitte geben Sie einen Namen oder ein Pseudonym an.',
      err_name_too_long: 'Der Name ist zu lang. Bitte kürzen Sie ihn.',
      err_rate_limited: 'Zu viele Anfragen von diesem Gerät. Bitte warten Sie einen Moment ({s} s) und versuchen Sie es dann noch einmal.',
      err_room_busy: 'Gerade senden sehr viele gleichzeitig. Bitte warten Sie einen Moment ({s} s) und versuchen Sie es dann noch einmal.',
      err_room_full: 'Die Runde ist voll, weitere Geräte können nicht mitmachen. Bitte sagen Sie der Kursleitung Bescheid.',
      err_server_error: 'Auf dem Rechner der Runde ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',
      privacy: 'Ihr Text geht nur an den Rechner der Kursleitung in diesem Raum und ist für alle im selben Netz lesbar. Schreiben Sie nichts Vertrauliches.',
      dims: {
        dialogue: ['Dialog', 'lädt zum Antworten ein'],
        shareability: ['Weitergeben', 'wird gern geteilt'],
        clarity: ['Klarheit', 'leicht zu verstehen'],
        platform_fit: ['Plattform', 'passt zu {platform}'],
        reply: ['Antwort', 'geht auf den Kommentar ein'],
        language: ['Sprache', ''],
      },
    },
    en: {
      live: 'Live round',
      loading: 'Loading the round …',
      closed_title: 'This round has closed.',
      closed_text: 'Submitting is no longer possible. Your text stays on this device, so you can still copy it.',
      offline_title: 'This round has closed.',
      offline_text: 'The round’s computer no longer answers. Your text stays on this device. If only the Wi-Fi dropped for a moment, it carries on as you type.',
      bad_link: 'This link has no valid code. Please open the round’s link or QR code again.',
      eyebrow_post: 'Exercise · post for {platform}',
      eyebrow_reply: 'Exercise · reply on {platform}',
      goal: 'Goal',
      comment: 'The comment you are answering',
      post_context: 'The post it was left under',
      task: 'Task and background',
      write_heading: 'Your draft',
      name_label: 'Your name or pseudonym',
      name_help: 'This is how your text appears in the round’s gallery.',
      text_label: 'Your text',
      reset: 'Back to the original draft',
      reset_confirm: 'Replace your text with the original draft?',
      restored: 'Your last text from this device is back.',
      counter: '{n} / {max} characters',
      counter_over: '{n} / {max} characters – please cut {over}',
      scores_heading: 'How your text comes across',
      busy: 'scoring …',
      hint_short: 'Write a few more words and the scores will appear.',
      hint_long: 'The text is too long to be scored. Please shorten it.',
      no_scores: 'No scores: {error}',
      of100: 'out of 100',
      level_low: 'needs work',
      level_mid: 'getting there',
      level_high: 'strong',
      findings_heading: 'What stands out',
      why: 'Why?',
      sev_good: 'Well done',
      sev_tip: 'Tip',
      sev_warn: 'Watch out',
      submit: 'Submit',
      resubmit: 'Submit again',
      submitting: 'Submitting …',
      submitted: 'Submitted at {time} – you can keep revising and submit again.',
      submitted_as: 'Submitted as “{name}” at {time} – you can keep revising and submit again.',
      changed: 'Changed since you submitted at {time} – submit again when you are done.',
      need_name: 'Please enter a name or pseudonym.',
      need_text: 'Please write a text first.',
      too_long: 'The text is too long. Please shorten it before submitting.',
      refused: 'Not submitted: {error}',
      failed: 'Not submitted, the server did not answer. Please try again in a moment.',
      err_bad_code: 'This code is not valid. Please open the round’s link or QR code again.',
      err_closed: 'This round has closed, so nothing more can be submitted.',
      err_not_found: 'There is nothing at this address. Please open the round’s link or QR code again.',
      err_reload: 'The page sent something unexpected. Please reload it and try again.',
      err_too_large: 'The text is too large to send. Please shorten it.',
      err_text_empty: 'The text is empty. Please write something first.',
      err_text_too_long: 'The text is longer than this round allows. Please shorten it.',
      err_name_empty: 'Please enter a name or pseudonym.',
      err_name_too_long: 'The name is too long. Please shorten it.',
      err_rate_limited: 'Too many requests from this device. Please wait a moment ({s} s) and try again.',
      err_room_busy: 'Many people are sending at once. Please wait a moment ({s} s) and try again.',
      err_room_full: 'This round is full, so no more devices can join. Please tell the facilitator.',
      err_server_error: 'Something went wrong on the round’s computer. Please try again.',
      privacy: 'Your text goes only to the facilitator’s computer in this room and can be read by anyone on the same network. Do not write anything confidential.',
      dims: {
        dialogue: ['Dialogue', 'invites people to answer'],
        shareability: ['Shareability', 'worth passing on'],
        clarity: ['Clarity', 'easy to understand'],
        platform_fit: ['Platform fit', 'suits {platform}'],
        reply: ['Reply', 'answers the comment'],
        language: ['Language', ''],
      },
    },
  };

  const PLATFORMS = {
    x: 'X', twitter: 'X', linkedin: 'LinkedIn', facebook: 'Facebook', instagram: 'Instagram',
    mastodon: 'Mastodon', threads: 'Threads', bluesky: 'Bluesky', newsletter: 'Newsletter',
  };
  // The server's error codes (docs/LIVE_ROUNDS.md) -> the page's own line for them; a code not listed here
  // shows the server's English `error` line. Codes a page only gets when it has sent something wrong share one line.
  const ERROR_KEYS = {
    bad_code: 'err_bad_code', closed: 'err_closed', not_found: 'err_not_found', too_large: 'err_too_large',
    method: 'err_reload', media_type: 'err_reload', bad_participant: 'err_reload', bad_json: 'err_reload',
    not_object: 'err_reload', missing_field: 'err_reload', wrong_type: 'err_reload', bad_language: 'err_reload',
    text_empty: 'err_text_empty', text_too_long: 'err_text_too_long', name_empty: 'err_name_empty',
    name_too_long: 'err_name_too_long', rate_limited: 'err_rate_limited', room_busy: 'err_room_busy',
    room_full: 'err_room_full', server_error: 'err_server_error',
  };
  const DIM_ORDER = ['dialogue', 'shareability', 'clarity', 'platform_fit', 'reply'];
  const RED_BELOW = 40;
  const GREEN_FROM = 70;
  const DEBOUNCE_MS = 400;

  function pickLanguage() {
    const langs = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || 'en'];
    return String(langs[0] || 'en').toLowerCase().indexOf('de') === 0 ? 'de' : 'en';
  }

  const LANG = pickLanguage();
  const T = STRINGS[LANG];
  const LOCALE = LANG === 'de' ? 'de-DE' : (String((navigator.languages || [])[0] || navigator.language || 'en-GB').indexOf('en') === 0 ? (navigator.languages || [])[0] || navigator.language : 'en-GB');

  function t(key, values) {
    let s = T[key] !== undefined ? T[key] : key;
    if (values) {
      s = s.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? String(values[k]) : m; });
    }
    return s;
  }

  // ------------------------------------------------------------------ small helpers

  const $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  const store = {
    get: function (key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: memory only */ } },
    remove: function (key) { try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ } },
  };

  function participantId() {
    const key = 'resonanz.live.participant';
    let id = store.get(key);
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      const bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
      store.set(key, id);
    }
    return id;
  }

  function codePoints(s) { return Array.from(s).length; }

  function clock(date) {
    try {
      return date.toLocaleTimeString(LOCALE, { hour: LANG === 'de' ? '2-digit' : 'numeric', minute: '2-digit' });
    } catch (e) {
      return date.toTimeString().slice(0, 5);
    }
  }

  function platformName(id) { return PLATFORMS[id] || id || ''; }

  // ------------------------------------------------------------------ the task as text (a small, safe Markdown reading)

  // Inline: **strong**, *em* and [text](link) (shown as its text). Built with text nodes only.
  function appendInline(parent, text) {
    const re = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\([^)]*\)/g;
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) parent.appendChild(el('strong', null, m[1]));
      else if (m[2] !== undefined) parent.appendChild(el('em', null, m[2]));
      else parent.appendChild(document.createTextNode(m[3]));
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // Lines of one block, with their line breaks kept.
  function appendLines(parent, lines) {
    lines.forEach(function (line, i) {
      if (i) parent.appendChild(document.createElement('br'));
      appendInline(parent, line);
    });
  }

  function renderTask(container, source) {
    clear(container);
    const lines = String(source || '').replace(/\r\n?/g, '\n').split('\n');
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (!line.trim()) { i++; continue; }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        const node = el(heading[1].length <= 2 ? 'h3' : 'h4');
        appendInline(node, heading[2]);
        container.appendChild(node);
        i++;
        continue;
      }
      if (/^>/.test(line)) {
        const quote = el('blockquote');
        let para = [];
        const flush = function () { if (para.length) { const p = el('p'); appendLines(p, para); quote.appendChild(p); para = []; } };
        while (i < lines.length && /^>/.test(lines[i])) {
          const inner = lines[i].replace(/^>\s?/, '');
          if (inner.trim()) para.push(inner); else flush();
          i++;
        }
        flush();
        container.appendChild(quote);
        continue;
      }
      const bullet = /^\s*(?:[-*+]|(\d+)[.)])\s+/;
      if (bullet.test(line)) {
        const ordered = /^\s*\d/.test(line);
        const list = el(ordered ? 'ol' : 'ul');
        while (i < lines.length && lines[i].trim()) {
          if (bullet.test(lines[i])) {
            const li = el('li');
            appendInline(li, lines[i].replace(bullet, ''));
            list.appendChild(li);
          } else if (list.lastChild) {
            list.lastChild.appendChild(document.createElement('br'));
            appendInline(list.lastChild, lines[i].trim());
          }
          i++;
        }
        container.appendChild(list);
        continue;
      }
      const para = [];
      while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|>)/.test(lines[i])) { para.push(lines[i]); i++; }
      const p = el('p');
      appendLines(p, para);
      container.appendChild(p);
    }
  }

  // ------------------------------------------------------------------ state

  const code = (function () {
    const m = /^\/j\/([^/]+)/.exec(location.pathname);
    return m ? decodeURIComponent(m[1]).toUpperCase() : '';
  })();
  const API = '/api/' + encodeURIComponent(code);
  const KEY_TEXT = 'resonanz.live.text.' + code;
  const KEY_SUBMITTED = 'resonanz.live.submitted.' + code;
  const KEY_NAME = 'resonanz.live.name';
  const PID = participantId();

  const state = {
    round: null,
    maxChars: 5000,
    maxNameChars: 60,
    closed: false,
    inFlight: false,
    again: false,
    timer: 0,
    lastAnalyzed: null,
    submittedText: null,
    submittedAt: null,
    submitting: false,
  };

  const ui = {};

  // ------------------------------------------------------------------ talking to the round

  function request(method, path, body) {
    const headers = { 'X-Participant': PID };
    const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (res) {
      return res.text().then(function (raw) {
        let data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        return { status: res.status, ok: res.ok, data: data, retryAfter: Number(res.headers.get('Retry-After')) || 0 };
      });
    });
  }

  function errorCode(answer) {
    return answer.data && typeof answer.data.code === 'string' ? answer.data.code : '';
  }

  // One line for a refused request, in the page's language: its own line for a known code, else the server's.
  function errorLine(answer) {
    const code = errorCode(answer);
    if (Object.prototype.hasOwnProperty.call(ERROR_KEYS, code)) return t(ERROR_KEYS[code], { s: Math.max(1, answer.retryAfter) });
    const e = answer.data && typeof answer.data.error === 'string' ? answer.data.error : '';
    return e || ('HTTP ' + answer.status);
  }

  // The round is over (403/404), or unreachable (network error: maybe only for a moment).
  function showClosed(final) {
    ui.closedTitle.textContent = t(final ? 'closed_title' : 'offline_title');
    ui.closedText.textContent = t(final ? 'closed_text' : 'offline_text');
    ui.closed.hidden = false;
    ui.busy.hidden = true;
    document.body.classList.add(final ? 'is-closed' : 'is-offline');
    if (final) {
      state.closed = true;
      clearTimeout(state.timer);
      ui.submit.disabled = true;
      ui.liveChip.classList.add('off');
    }
  }

  function clearOffline() {
    if (state.closed) return;
    if (document.body.classList.contains('is-offline')) {
      document.body.classList.remove('is-offline');
      ui.closed.hidden = true;
    }
  }

  // ------------------------------------------------------------------ scores and findings

  function levelOf(value) {
    if (value < RED_BELOW) return 'low';
    if (value < GREEN_FROM) return 'mid';
    return 'high';
  }

  function dimLabel(dim) {
    const d = T.dims[dim];
    return d ? d[0] : dim;
  }

  function dimNote(dim) {
    const d = T.dims[dim];
    return d ? d[1].replace('{platform}', platformName(state.round && state.round.platform)) : '';
  }

  function showScores(scores) {
    clear(ui.meters);
    const keys = Object.keys(scores || {}).filter(function (k) { return typeof scores[k] === 'number'; });
    keys.sort(function (a, b) {
      const ia = DIM_ORDER.indexOf(a);
      const ib = DIM_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
    const spoken = [];
    keys.forEach(function (key) {
      const value = Math.max(0, Math.min(100, Math.round(scores[key])));
      const level = levelOf(value);
      const item = el('li', 'meter meter-' + level);
      item.setAttribute('data-dim', key);
      const head = el('div', 'meter-head');
      head.appendChild(el('span', 'meter-label', dimLabel(key)));
      const num = el('span', 'meter-value', value);
      num.setAttribute('aria-hidden', 'true');
      head.appendChild(num);
      item.appendChild(head);
      const track = el('div', 'meter-track');
      track.setAttribute('role', 'img');
      track.setAttribute('aria-label', dimLabel(key) + ': ' + value + ' ' + t('of100') + ', ' + t('level_' + level));
      const fill = el('div', 'meter-fill');
      fill.style.width = value + '%';  // CSSOM: allowed under style-src 'self' (a style attribute would not be)
      track.appendChild(fill);
      item.appendChild(track);
      const note = dimNote(key);
      if (note) item.appendChild(el('span', 'meter-note', note));
      ui.meters.appendChild(item);
      spoken.push(dimLabel(key) + ' ' + value);
    });
    if (keys.length === 1) ui.meters.classList.add('single'); else ui.meters.classList.remove('single');
    ui.scoresLive.textContent = spoken.join(', ');
  }

  function severityClass(sev) {
    if (sev === 'good') return 'good';
    if (sev === 'warning' || sev === 'error') return 'warn';
    return 'tip';
  }

  function quoteOf(text, start, end) {
    if (typeof start !== 'number' || typeof end !== 'number' || end <= start) return '';
    const chars = Array.from(text);
    let q = chars.slice(start, end).join('').replace(/\s+/g, ' ').trim();
    if (codePoints(q) > 80) q = Array.from(q).slice(0, 77).join('') + ' …';
    return q;
  }

  function showFindings(findings, text) {
    clear(ui.findings);
    const list = Array.isArray(findings) ? findings : [];
    list.forEach(function (f) {
      if (!f || typeof f !== 'object') return;
      const kind = severityClass(f.severity);
      const item = el('li', 'finding finding-' + kind);
      const tags = el('p', 'finding-tags');
      tags.appendChild(el('span', 'tag tag-' + kind, t(kind === 'good' ? 'sev_good' : kind === 'warn' ? 'sev_warn' : 'sev_tip')));
      if (f.dimension && T.dims[f.dimension]) tags.appendChild(el('span', 'tag tag-dim', dimLabel(f.dimension)));
      item.appendChild(tags);
      if (f.message) item.appendChild(el('p', 'finding-message', f.message));
      const quote = quoteOf(text, f.start, f.end);
      const quoted = quote && String(f.message || '').indexOf(quote.slice(0, 16)) >= 0;  // the message already quotes it
      if (quote && !quoted) item.appendChild(el('q', 'finding-quote', quote));
      if (f.suggestion) item.appendChild(el('p', 'finding-advice', f.suggestion));
      if (f.why) {
        const details = el('details', 'finding-why');
        details.appendChild(el('summary', null, t('why')));
        details.appendChild(el('p', null, f.why));
        item.appendChild(details);
      }
      ui.findings.appendChild(item);
    });
    ui.findingsBox.hidden = !ui.findings.firstChild;
  }

  function showHint(key) {
    if (key) {
      ui.hint.textContent = t(key);
      ui.hint.hidden = false;
      ui.scoresLive.textContent = t(key);
    } else {
      ui.hint.hidden = true;
    }
  }

  function showAnswer(answer, text) {
    if (!answer || answer.judged === false || !answer.scores || !Object.keys(answer.scores).length) {
      showScores({});
      showFindings([], text);
      showHint('hint_short');
      return;
    }
    showHint(null);
    showScores(answer.scores);
    showFindings(answer.findings, text);
  }

  function showNoScores(answer) {
    showScores({});
    showFindings([], '');
    ui.hint.textContent = t('no_scores', { error: errorLine(answer) });
    ui.hint.hidden = false;
    ui.scoresLive.textContent = ui.hint.textContent;
  }

  // ------------------------------------------------------------------ live analysis: debounced, one request at a time, stale answers dropped

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(analyze, DEBOUNCE_MS);
  }

  function analyze() {
    if (state.closed) return;
    if (state.inFlight) { state.again = true; return; }
    const text = ui.text.value;
    if (text === state.lastAnalyzed) return;
    if (!text.trim()) {
      state.lastAnalyzed = text;
      showAnswer(null, text);
      return;
    }
    if (codePoints(text) > state.maxChars) {
      state.lastAnalyzed = null;
      showScores({});
      showFindings([], text);
      showHint('hint_long');
      return;
    }
    state.inFlight = true;
    ui.busy.hidden = false;
    request('POST', '/analyze', { text: text, language: 'auto' }).then(function (answer) {
      clearOffline();
      if (answer.status === 403 || answer.status === 404) { showClosed(true); return; }
      if (answer.status === 429) {  // tried again when the server says; only a full round is worth a word
        if (errorCode(answer) === 'room_full') showNoScores(answer);
        clearTimeout(state.timer);
        state.timer = setTimeout(analyze, Math.max(1, answer.retryAfter) * 1000);
        return;
      }
      if (!answer.ok) {  // 400/413/…: no scores for this text, and one line why
        state.lastAnalyzed = text;
        showNoScores(answer);
        return;
      }
      if (text !== ui.text.value) return;  // stale: the participant has typed on, a newer request follows
      state.lastAnalyzed = text;
      showAnswer(answer.data, text);
    }, function () {
      if (!state.closed) showClosed(false);
    }).then(function () {
      state.inFlight = false;
      ui.busy.hidden = true;
      if (state.again) { state.again = false; analyze(); }
    });
  }

  // ------------------------------------------------------------------ the text, its counter and what was submitted

  function updateCounter() {
    const n = codePoints(ui.text.value);
    const over = n - state.maxChars;
    ui.counter.textContent = over > 0 ? t('counter_over', { n: n, max: state.maxChars, over: over }) : t('counter', { n: n, max: state.maxChars });
    ui.counter.classList.toggle('over', over > 0);
    ui.text.setAttribute('aria-invalid', over > 0 ? 'true' : 'false');
  }

  function updateSubmitState() {
    const hasSubmitted = state.submittedAt !== null;
    ui.submit.textContent = t(state.submitting ? 'submitting' : hasSubmitted ? 'resubmit' : 'submit');
    ui.submit.disabled = state.closed || state.submitting;
    if (hasSubmitted && !state.submitting && ui.status.getAttribute('data-kind') !== 'error') {
      if (ui.text.value !== state.submittedText) setStatus('changed', t('changed', { time: clock(state.submittedAt) }));
      else if (ui.status.getAttribute('data-kind') === 'changed') setStatus('ok', t('submitted', { time: clock(state.submittedAt) }));
    }
  }

  function setStatus(kind, message) {
    ui.status.textContent = message;
    ui.status.setAttribute('data-kind', kind || '');
    ui.status.className = 'status' + (kind ? ' status-' + kind : '');
  }

  function onInput() {
    store.set(KEY_TEXT, ui.text.value);
    ui.restored.hidden = true;
    if (ui.status.getAttribute('data-kind') === 'error') setStatus('', '');
    updateCounter();
    updateSubmitState();
    updateReset();
    schedule();
  }

  function updateReset() {
    const start = state.round ? trimDraft(state.round.starting_draft) : '';
    ui.reset.hidden = !start || ui.text.value === start || state.closed;
  }

  function trimDraft(s) { return String(s || '').replace(/^\s*\n/, '').replace(/\s+$/, ''); }

  // ------------------------------------------------------------------ submitting

  function submit(event) {
    event.preventDefault();
    if (state.closed || state.submitting) return;
    const name = ui.name.value.trim();
    const text = ui.text.value;
    if (!name) { setStatus('error', t('need_name')); ui.name.focus(); return; }
    // characters as the server counts them (an emoji is one, not two as in the field's maxlength)
    if (codePoints(name) > state.maxNameChars) { setStatus('error', t('err_name_too_long')); ui.name.focus(); return; }
    if (!text.trim()) { setStatus('error', t('need_text')); ui.text.focus(); return; }
    if (codePoints(text) > state.maxChars) { setStatus('error', t('too_long')); ui.text.focus(); return; }
    store.set(KEY_NAME, name);
    state.submitting = true;
    setStatus('', '');
    updateSubmitState();
    request('POST', '/submit', { name: name, text: text }).then(function (answer) {
      clearOffline();
      if (answer.status === 201 || answer.ok) {
        state.submittedAt = new Date();
        state.submittedText = text;
        store.set(KEY_SUBMITTED, JSON.stringify({ at: state.submittedAt.toISOString(), text: text }));
        const shownName = answer.data && typeof answer.data.name === 'string' ? answer.data.name : name;
        setStatus('ok', shownName !== name ? t('submitted_as', { name: shownName, time: clock(state.submittedAt) }) : t('submitted', { time: clock(state.submittedAt) }));
        if (answer.data && text === ui.text.value) { state.lastAnalyzed = text; showAnswer(answer.data, text); }
      } else if (answer.status === 403 || answer.status === 404) {
        showClosed(true);
        setStatus('error', t('closed_title'));
      } else {
        setStatus('error', t('refused', { error: errorLine(answer) }));
      }
    }, function () {
      setStatus('error', t('failed'));
      showClosed(false);
    }).then(function () {
      state.submitting = false;
      updateSubmitState();
    });
  }

  // ------------------------------------------------------------------ start

  function fillStaticTexts() {
    document.documentElement.lang = LANG;
    document.title = 'Resonanz · ' + t('live');
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) {
      node.textContent = t(node.getAttribute('data-t'));
    });
  }

  function showRound(round) {
    state.round = round;
    if (typeof round.max_chars === 'number' && round.max_chars > 0) state.maxChars = round.max_chars;
    if (typeof round.max_name_chars === 'number' && round.max_name_chars > 0) {
      state.maxNameChars = round.max_name_chars;
      ui.name.maxLength = 2 * round.max_name_chars;  // UTF-16 units: room for a name of emoji only
    }
    const reply = round.kind === 'reply';
    const platform = platformName(round.platform);
    ui.eyebrow.textContent = platform ? t(reply ? 'eyebrow_reply' : 'eyebrow_post', { platform: platform }) : '';
    ui.title.textContent = round.title || '';
    document.title = (round.title ? round.title + ' · ' : '') + 'Resonanz';
    ui.goal.textContent = round.goal || '';
    ui.goal.parentNode.hidden = !round.goal;
    if (reply && round.comment) {
      ui.comment.textContent = String(round.comment).trim();
      ui.commentBox.hidden = false;
      if (round.post_context && String(round.post_context).trim()) {
        ui.postContext.textContent = String(round.post_context).trim();
        ui.contextBox.hidden = false;
      }
    }
    renderTask(ui.task, round.task);
    ui.taskBox.hidden = !ui.task.firstChild;
    if (window.matchMedia && window.matchMedia('(min-width: 60em)').matches) ui.taskBox.open = true;

    const own = store.get(KEY_TEXT);
    if (own !== null && own.trim()) {
      ui.text.value = own;
      ui.restored.hidden = own === trimDraft(round.starting_draft);
    } else {
      ui.text.value = trimDraft(round.starting_draft);
    }
    let submitted = null;
    try { submitted = JSON.parse(store.get(KEY_SUBMITTED) || 'null'); } catch (e) { submitted = null; }
    if (submitted && typeof submitted.at === 'string' && typeof submitted.text === 'string') {
      const at = new Date(submitted.at);
      if (!isNaN(at.getTime())) {
        state.submittedAt = at;
        state.submittedText = submitted.text;
        setStatus(ui.text.value === submitted.text ? 'ok' : 'changed',
          t(ui.text.value === submitted.text ? 'submitted' : 'changed', { time: clock(at) }));
      }
    }
    ui.loading.hidden = true;
    ui.round.hidden = false;
    updateCounter();
    updateReset();
    updateSubmitState();
    if (round.open === false) { showClosed(true); return; }
    analyze();
  }

  function start() {
    ['loading', 'closed', 'round', 'eyebrow', 'title', 'goal', 'task', 'name', 'text', 'reset', 'restored',
      'counter', 'busy', 'hint', 'meters', 'submit', 'status', 'findings', 'form'].forEach(function (id) { ui[id] = $(id); });
    ui.closedTitle = $('closed-title');
    ui.closedText = $('closed-text');
    ui.liveChip = $('live-chip');
    ui.commentBox = $('comment-box');
    ui.comment = $('comment');
    ui.contextBox = $('context-box');
    ui.postContext = $('post-context');
    ui.taskBox = $('task-box');
    ui.scoresLive = $('scores-live');
    ui.findingsBox = $('findings-box');

    fillStaticTexts();
    ui.name.value = store.get(KEY_NAME) || '';
    ui.name.addEventListener('change', function () { store.set(KEY_NAME, ui.name.value.trim()); });
    ui.text.addEventListener('input', onInput);
    ui.form.addEventListener('submit', submit);
    ui.reset.addEventListener('click', function () {
      if (!state.round) return;
      if (ui.text.value.trim() && !window.confirm(t('reset_confirm'))) return;
      ui.text.value = trimDraft(state.round.starting_draft);
      onInput();
      ui.text.focus();
    });

    if (!/^[A-Z0-9]{4,16}$/.test(code)) {
      ui.loading.hidden = true;
      ui.closedTitle.textContent = t('closed_title');
      ui.closedText.textContent = t('bad_link');
      ui.closed.hidden = false;
      return;
    }
    request('GET', '/round').then(function (answer) {
      if (answer.ok && answer.data && typeof answer.data === 'object') showRound(answer.data);
      else { ui.loading.hidden = true; showClosed(true); }
    }, function () {
      ui.loading.hidden = true;
      showClosed(true);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
