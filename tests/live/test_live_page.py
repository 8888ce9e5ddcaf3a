"""The participant page of a live round (resources/live) in a real browser against the real server.

`resonanz round serve` runs as a child process (tests/live/conftest.py); Debian's chromium opens the
page like a participant's phone or laptop would. The contract is docs/LIVE_ROUNDS.md.

With RESONANZ_SCREENSHOTS=1, `test_phone_screenshot` also saves docs/screenshots/live_participant_de.png.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
from importlib import resources
from pathlib import Path

from resonanz.core.live.limits import load_limits
from resonanz.core.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
EVIL_NAME = '<img src=x onerror="window.__pwned=3">'  # a name may have at most 60 characters
GOOD_DE = ("Ab 1. März arbeitet das ganze Team von Kodewerk vier Tage pro Woche, bei vollem Gehalt. "
           "Was würden Sie mit einem freien Freitag anfangen? Und wer es schon ausprobiert hat: "
           "Was hat bei Ihnen funktioniert, was nicht? Schreiben Sie es uns in die Kommentare, wir antworten allen.")
OTHER_DE = ("Vier Tage arbeiten, fünf Tage bezahlt: Ab März probieren wir das bei Kodewerk aus. "
            "Welche Frage sollten wir uns vorher unbedingt stellen? Wir sind gespannt auf Ihre Erfahrungen.")
HEX32 = re.compile(r"[0-9a-f]{32}")
CLOCK = re.compile(r"\d{1,2}:\d{2}")


def port_is_closed(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        return sock.connect_ex((host, port)) != 0


def http_get(served, path: str):
    conn = http.client.HTTPConnection(served.host, served.port, timeout=15)
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def meter(page, dim: str) -> int | None:
    """The number a score card shows, or None while there is none."""
    node = page.query_selector(f'#meters [data-dim="{dim}"] .meter-value')
    return int(node.inner_text()) if node else None


def wait_scores_differ(page, dim: str, before: int | None) -> int:
    page.wait_for_function(
        """([dim, before]) => {
            const n = document.querySelector(`#meters [data-dim="${dim}"] .meter-value`);
            return n && n.textContent !== String(before);
        }""",
        arg=[dim, before], timeout=15000,
    )
    return meter(page, dim)


def submit(page):
    """Click the submit button; the /submit response."""
    with page.expect_response(lambda r: r.url.endswith("/submit") and r.request.method == "POST", timeout=15000) as info:
        page.click("#submit")
    return info.value


def attempts(served) -> list:
    store = Store(served.db, readonly=True)
    try:
        return store.session_attempts(served.session_id)
    finally:
        store.close()


def no_csp_violations(page, watch) -> None:
    assert page.evaluate("window.__cspViolations") == [], "the page broke its own Content-Security-Policy"
    assert watch.csp_messages() == []


# ------------------------------------------------------------------------------------ plain HTTP


def test_page_files_are_served_as_written_with_the_strict_csp(live_round):
    status, headers, _ = http_get(live_round, f"/j/{live_round.code}")
    assert status == 308 and headers["location"] == f"/j/{live_round.code}/"  # so page.js and page.css resolve
    for path, name, media in ((f"/j/{live_round.code}/", "page.html", "text/html"),
                              (f"/j/{live_round.code}/page.js", "page.js", "text/javascript"),
                              (f"/j/{live_round.code}/page.css", "page.css", "text/css")):
        status, headers, body = http_get(live_round, path)
        assert status == 200, path
        assert body == resources.files("resonanz.resources.live").joinpath(name).read_bytes()
        assert headers["content-type"].startswith(media)
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "default-src 'none'" in headers["content-security-policy"]
    html = resources.files("resonanz.resources.live").joinpath("page.html").read_text(encoding="utf-8")
    assert "<script>" not in html and " style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers"
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


def test_wrong_join_code_gets_403(live_round, browser):
    wrong = "22222Z" if live_round.code != "22222Z" else "33333Z"
    for path in (f"/j/{wrong}", f"/j/{wrong}/", f"/j/{wrong}/page.js", f"/api/{wrong}/round"):
        status, _headers, body = http_get(live_round, path)
        assert status == 403, path
        assert "error" in json.loads(body)
    context = browser.new_context(locale="de-DE")
    try:
        response = context.new_page().goto(f"{live_round.origin}/j/{wrong}")
        assert response.status == 403
    finally:
        context.close()


# ------------------------------------------------------------------------------------ in the browser


def test_two_participants_see_live_scores_submit_and_resubmit(live_round, participant):
    de, de_watch = participant(live_round.url, "de-DE")
    en, en_watch = participant(live_round.url, "en-US")
    posts: list = []
    for page in (de, en):
        page.on("request", lambda r, page=page: posts.append((page, r)) if r.method == "POST" else None)

    # the language follows navigator.languages, and the page says so
    assert de.evaluate("document.documentElement.lang") == "de"
    assert en.evaluate("document.documentElement.lang") == "en"
    assert de.inner_text("#submit") == "Abgeben" and en.inner_text("#submit") == "Submit"
    assert de.inner_text("label[for=name]") == "Ihr Name oder Pseudonym"
    assert en.inner_text("label[for=text]") == "Your text"
    assert de.inner_text("#title") == en.inner_text("#title") == "Vom Monolog zum Gespräch"

    # the starting draft is there and scored at once; the four scores in the page's language
    assert de.input_value("#text").startswith("Wir freuen uns, Ihnen mitteilen zu können")
    de.wait_for_selector('#meters [data-dim="dialogue"]')
    en.wait_for_selector('#meters [data-dim="dialogue"]')
    labels = "ns => ns.map(n => n.textContent)"
    assert de.eval_on_selector_all("#meters .meter-label", labels) == ["Dialog", "Weitergeben", "Klarheit", "Plattform"]
    assert en.eval_on_selector_all("#meters .meter-label", labels) == ["Dialogue", "Shareability", "Clarity", "Platform fit"]
    assert de.query_selector_all("#findings .finding"), "the starting draft has findings"
    assert de.inner_text("#counter").endswith("/ 5000 Zeichen")

    # typing changes the scores
    before = meter(de, "dialogue")
    de.fill("#text", GOOD_DE)
    assert wait_scores_differ(de, "dialogue", before) > before
    assert de.inner_text("#counter") == f"{len(GOOD_DE)} / 5000 Zeichen"
    en.fill("#text", OTHER_DE)
    wait_scores_differ(en, "dialogue", meter(en, "dialogue"))

    # too little text: no scores, a friendly hint
    de.fill("#text", "Hallo")
    de.wait_for_selector("#hint:not([hidden])")
    assert "Wörter" in de.inner_text("#hint")
    assert de.query_selector_all("#meters .meter") == []
    # too much text: the counter says by how much, nothing is sent, the page says why
    de.fill("#text", "Wort " * 1001)
    de.wait_for_selector("#counter.over")
    assert de.inner_text("#counter") == "5005 / 5000 Zeichen – bitte um 5 kürzen"
    de.wait_for_function("() => document.getElementById('hint').textContent.includes('zu lang')")
    de.fill("#text", GOOD_DE)
    de.wait_for_selector('#meters [data-dim="dialogue"]')

    # submitting: 201, a confirmation with the time, the attempt in the database
    de.fill("#name", "Mira Öztürk")
    en.fill("#name", "Sam")
    first = submit(de)
    assert first.status == 201
    answer = first.json()
    de.wait_for_selector(".status-ok")
    assert "Abgegeben um" in de.inner_text("#status") and CLOCK.search(de.inner_text("#status"))
    assert submit(en).status == 201
    en.wait_for_selector(".status-ok")
    assert "Submitted at" in en.inner_text("#status")

    stored = {a.participant: a for a in attempts(live_round)}
    assert {"Mira Öztürk", "Sam"} <= set(stored)
    assert stored["Mira Öztürk"].draft_id == answer["attempt"]
    assert len(stored["Mira Öztürk"].history) == 1
    live_round.wait_for_line(f"ATTEMPT {answer['attempt']}")

    # revising: the page says the text changed, and submitting again adds a revision to the same attempt
    de.fill("#text", GOOD_DE + " Wir freuen uns auf Ihre Geschichten.")
    de.wait_for_selector(".status-changed")
    assert de.inner_text("#submit") == "Erneut abgeben"
    second = submit(de)
    assert second.status == 201
    assert second.json()["attempt"] == answer["attempt"] and second.json()["revision"] != answer["revision"]
    de.wait_for_selector(".status-ok")
    stored = {a.participant: a for a in attempts(live_round)}
    assert stored["Mira Öztürk"].draft_id == answer["attempt"] and len(stored["Mira Öztürk"].history) == 2

    report = subprocess.run(
        [sys.executable, "-m", "resonanz", "report", "session", str(live_round.session_id), "--format", "md",
         "--db", str(live_round.db)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, env={**os.environ, "PYTHONUTF8": "1"},
    )
    assert report.returncode == 0, report.stderr
    assert "Mira Öztürk" in report.stdout and "Sam" in report.stdout

    # every POST: JSON and the page's own 32-hex-digit id, one id per browser
    ids: dict = {}
    for page, request in posts:
        assert request.headers.get("content-type", "").startswith("application/json"), request.url
        assert HEX32.fullmatch(request.headers.get("x-participant", "")), request.url
        ids.setdefault(page, set()).add(request.headers["x-participant"])
    assert len(ids) == 2 and all(len(found) == 1 for found in ids.values())
    assert ids[de] != ids[en]

    for page, watch in ((de, de_watch), (en, en_watch)):
        no_csp_violations(page, watch)
        assert watch.problems() == []


def test_name_and_text_stay_text_and_errors_are_shown(live_round, participant):
    page, watch = participant(live_round.url, "de-DE")
    other, other_watch = participant(live_round.url, "en-US")
    page.fill("#text", EVIL)

    # a 400 (a name of nothing but an invisible character): the page's own line for its code, in German
    page.fill("#name", "\u200b")
    refused = submit(page)
    assert refused.status == 400 and refused.json()["code"] == "name_empty"
    page.wait_for_selector(".status-error")
    assert page.inner_text("#status") == "Nicht abgegeben: Bitte geben Sie einen Namen oder ein Pseudonym an."

    # markup as the name and the text: stored and shown as typed, never run
    page.fill("#name", EVIL_NAME)
    assert submit(page).status == 201
    page.wait_for_selector(".status-ok")
    other.fill("#text", EVIL + " Und was meinen Sie dazu?")
    other.fill("#name", EVIL_NAME)
    taken = submit(other)
    assert taken.status == 201 and taken.json()["name"] == f"{EVIL_NAME} (2)"
    other.wait_for_selector(".status-ok")
    assert f"“{EVIL_NAME} (2)”" in other.inner_text("#status")  # the server's answer, shown literally

    page.reload()
    page.wait_for_selector("#round:not([hidden])")
    assert page.input_value("#name") == EVIL_NAME and page.input_value("#text") == EVIL  # kept on this device
    assert "Abgegeben um" in page.inner_text("#status")  # and so is the time of the submission
    for p in (page, other):
        assert p.evaluate("window.__pwned") is None
        assert p.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert p.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))") == ["page.js"]
    stored = {a.participant for a in attempts(live_round)}
    assert {EVIL_NAME, f"{EVIL_NAME} (2)"} <= stored

    for p, w in ((page, watch), (other, other_watch)):
        no_csp_violations(p, w)
        assert w.problems("status of 400") == []  # the refused submission, logged by the browser


def test_the_longest_text_in_emoji_is_taken(live_round, participant):
    """max_chars four-byte emoji, and a name of max_name_chars emoji (two UTF-16 units each, so the field's
    maxlength must not count units): the counter is not over, and the body the browser sends (UTF-8, over
    4 bytes a character) is analysed and stored, not refused as too large."""
    limits = load_limits()
    page, watch = participant(live_round.url, "en-US")
    text = "\U0001F600" * limits.max_chars
    name = "\U0001F44D" * limits.max_name_chars
    page.fill("#name", name)
    assert page.input_value("#name") == name
    with page.expect_response(lambda r: r.url.endswith("/analyze") and json.loads(r.request.post_data)["text"] == text,
                              timeout=15000) as analysed:
        page.fill("#text", text)
    assert analysed.value.status == 200
    assert page.inner_text("#counter") == f"{limits.max_chars} / {limits.max_chars} characters"
    taken = submit(page)
    assert len(taken.request.post_data_buffer) > limits.max_chars * 4
    assert taken.status == 201
    assert taken.json()["name"] == name
    with Store(live_round.db, readonly=True) as store:
        assert store.get_draft(taken.json()["attempt"]).text == text
    no_csp_violations(page, watch)
    assert watch.problems() == []


def test_a_name_over_the_limit_is_refused_on_the_page(live_round, participant):
    """A name longer than the round allows (in characters as the server counts them) gets the page's own
    line at once, and nothing is sent."""
    limits = load_limits()
    page, watch = participant(live_round.url, "de-DE")
    sent: list = []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/submit") else None)
    page.fill("#text", "Was meinen Sie: Wie kommen Sie morgens zur Arbeit?")
    page.fill("#name", "n" * (limits.max_name_chars + 1))
    page.click("#submit")
    page.wait_for_selector(".status-error")
    assert page.inner_text("#status") == "Der Name ist zu lang. Bitte kürzen Sie ihn."
    page.fill("#name", "n" * limits.max_name_chars)
    assert submit(page).status == 201
    assert len(sent) == 1
    no_csp_violations(page, watch)
    assert watch.problems() == []


REFUSALS = {  # what the page says for a code the server sends, per page language
    "de": {"prefix": "Nicht abgegeben: ", "no_scores": "Keine Bewertung: ",
           "text_too_long": "Der Text ist länger, als die Runde erlaubt. Bitte kürzen Sie ihn.",
           "rate_limited": re.compile(r"Zu viele Anfragen von diesem Gerät\. Bitte warten Sie einen Moment \((\d+) s\) "
                                      r"und versuchen Sie es dann noch einmal\.")},
    "en": {"prefix": "Not submitted: ", "no_scores": "No scores: ",
           "text_too_long": "The text is longer than this round allows. Please shorten it.",
           "rate_limited": re.compile(r"Too many requests from this device\. Please wait a moment \((\d+) s\) and try again\.")},
}


def test_refusals_are_shown_in_the_pages_language(live_round, participant):
    """The server's `code` becomes the page's own line (German on a de-DE page, English on en-US); a code the
    page does not know shows the server's English `error` line."""
    limits = load_limits()
    for locale in ("de-DE", "en-US"):
        says = REFUSALS[locale[:2]]
        page, watch = participant(live_round.url, locale)

        # a page that believes the round takes longer texts than it does (as a page left open from another
        # round might): its text gets past the page's own counter, and the server refuses it with text_too_long
        def lenient(route):
            answer = route.fetch()
            route.fulfill(response=answer, json={**answer.json(), "max_chars": limits.max_chars + 50})

        page.route("**/api/*/round", lenient)
        page.reload()
        page.wait_for_selector("#round:not([hidden])")
        page.fill("#name", "Mira")
        too_long = GOOD_DE + " " + "a" * (limits.max_chars - len(GOOD_DE))
        with page.expect_response(lambda r: r.url.endswith("/analyze") and json.loads(r.request.post_data)["text"] == too_long,
                                  timeout=15000) as analysed:
            page.fill("#text", too_long)
        assert analysed.value.status == 400 and analysed.value.json()["code"] == "text_too_long"
        page.wait_for_function("line => document.getElementById('hint').textContent === line",
                               arg=says["no_scores"] + says["text_too_long"], timeout=5000)
        assert page.is_visible("#hint") and not page.query_selector_all("#meters .meter")
        refused = submit(page)
        assert refused.status == 400 and refused.json()["code"] == "text_too_long"
        page.wait_for_selector(".status-error")
        assert page.inner_text("#status") == says["prefix"] + says["text_too_long"]

        # submitting more often than the submit burst: the rate limit, with the seconds from Retry-After
        page.fill("#text", GOOD_DE)
        statuses = []
        for _ in range(limits.submit_burst + 3):
            answer = submit(page)
            statuses.append(answer.status)
            if answer.status == 429:
                break
            page.wait_for_selector(".status-ok")
        assert statuses[-1] == 429 and answer.json()["code"] == "rate_limited", statuses
        page.wait_for_selector(".status-error")
        shown = page.inner_text("#status")
        assert shown.startswith(says["prefix"]) and says["rate_limited"].fullmatch(shown[len(says["prefix"]):]), shown
        assert int(says["rate_limited"].fullmatch(shown[len(says["prefix"]):]).group(1)) == int(answer.headers["retry-after"])

        # a code this page does not know: the server's own line
        page.route("**/api/*/submit", lambda route: route.fulfill(
            status=400, content_type="application/json", json={"error": "a line from a newer server", "code": "something_new"}))
        submit(page)
        page.wait_for_function("() => document.getElementById('status').textContent.includes('newer server')")
        assert page.inner_text("#status") == says["prefix"] + "a line from a newer server"
        no_csp_violations(page, watch)
        assert watch.problems("status of 400", "status of 429") == []


def test_reply_round_shows_the_comment_and_one_reply_score(start_round, participant):
    served = start_round("en-reply-01")
    page, watch = participant(served.url, "en-GB")
    round_ = json.loads(http_get(served, f"/api/{served.code}/round")[2])
    assert round_["kind"] == "reply"
    assert page.is_visible("#comment-box")
    assert page.inner_text("#comment") == round_["comment"].strip()
    assert page.text_content("#eyebrow") == "Exercise · reply on Instagram"
    page.fill("#text", "Priya, that is lovely to hear: the kids after work instead of rushing in at ten to five. "
                       "The late Thursdays were Tom's idea at the front desk, and I will pass your words on to him. "
                       "What do your kids head for first? Anna")
    page.wait_for_selector('#meters [data-dim="reply"]')
    assert page.eval_on_selector_all("#meters .meter-label", "ns => ns.map(n => n.textContent)") == ["Reply"]
    no_csp_violations(page, watch)
    assert watch.problems() == []


def test_sigterm_closes_the_round_and_the_page_says_so(start_round, participant):
    served = start_round()
    page, watch = participant(served.url, "de-DE")
    page.wait_for_selector("#meters .meter")
    served.stop()  # SIGTERM: CLOSED is printed and the port is free (asserted in stop)
    assert port_is_closed(served.host, served.port)
    page.fill("#text", GOOD_DE)
    page.wait_for_selector("#closed:not([hidden])", timeout=10000)
    assert "Die Runde ist beendet" in page.inner_text("#closed")
    page.fill("#name", "Mira")
    page.click("#submit")
    page.wait_for_selector(".status-error")
    no_csp_violations(page, watch)
    assert watch.problems("ERR_CONNECTION_REFUSED", "Failed to fetch") == []


def test_phone_layout_and_screenshot(live_round, participant):
    """A phone (390x844 CSS px at 2x): nothing sticks out sideways, big tap targets; saved with RESONANZ_SCREENSHOTS=1."""
    page, watch = participant(live_round.url, "de-DE", viewport={"width": 390, "height": 844}, device_scale_factor=2,
                              is_mobile=True, has_touch=True)
    page.fill("#name", "Jonas")
    page.fill("#text", GOOD_DE)
    page.wait_for_selector('#meters [data-dim="dialogue"]')
    assert submit(page).status == 201
    page.wait_for_selector(".status-ok")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page is wider than the phone"
    for selector in ("#submit", "#name", "#text"):
        assert page.query_selector(selector).bounding_box()["height"] >= 44, f"{selector} is too small to tap"
    no_csp_violations(page, watch)
    assert watch.problems() == []
    if os.environ.get("RESONANZ_SCREENSHOTS") == "1":
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.evaluate("window.scrollTo(0, document.getElementById('text-label').getBoundingClientRect().top + window.scrollY - 64)")
        page.wait_for_timeout(600)  # the score bars' transition
        target = ROOT / "docs" / "screenshots" / "live_participant_de.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000


def test_typing_is_debounced_with_one_analysis_in_flight(live_round, participant):
    page, watch = participant(live_round.url, "de-DE")
    page.wait_for_selector("#meters .meter")
    page.wait_for_timeout(600)
    sent, open_now, most = [], [0], [0]

    def started(request):
        if request.url.endswith("/analyze"):
            sent.append(request)
            open_now[0] += 1
            most[0] = max(most[0], open_now[0])

    def ended(request):
        if request.url.endswith("/analyze"):
            open_now[0] -= 1

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    page.click("#text")
    page.keyboard.press("End")
    for word in " Was meinen Sie dazu? Schreiben Sie uns, wir lesen alles und antworten gern.".split(" "):
        page.keyboard.insert_text(word + " ")
        page.wait_for_timeout(120)  # faster than the 400 ms pause the page waits for
    page.wait_for_timeout(1500)
    assert 1 <= len(sent) <= 2, f"{len(sent)} analyses for one burst of typing"
    assert most[0] == 1
    assert json.loads(sent[-1].post_data)["text"] == page.input_value("#text")
    assert json.loads(sent[-1].post_data)["language"] == "auto"
    assert watch.problems() == []
