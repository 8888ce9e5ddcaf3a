"""The page audit's figures (core/audit): statistics against hand-computed values, the 0-denominator
rule, the minimum n, the JSON shape, percentiles and groups as properties, pool = one process,
cancel. The CLI's tests are in tests/core/cli/test_audit_cli.py."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from resonanz.core.analysis.validation import stats
from resonanz.core.audit import figures
from resonanz.core.audit.audit import AuditCancelled, run_audit
from resonanz.core.audit.model import PostRecord

# ------------------------------------------------------------------ a table of 8, by hand
COMMENTS = [1, 2, 2, 4, 5, 6, 7, 9]  # per 10 reactions: 0.1, 0.2, 0.2 (a tie), 0.4 … 0.9
SHARES = [0, 1, 2, 3, 4, 5, 6, 7]


def test_ranks_and_percentiles_with_ties() -> None:
    rates = [c / 10 for c in COMMENTS]
    assert stats.ranks(rates) == [1, 2.5, 2.5, 4, 5, 6, 7, 8]
    # 100 * (rank - 1) / (n - 1)
    assert stats.percentiles(rates) == pytest.approx([0, 150 / 7, 150 / 7, 300 / 7, 400 / 7, 500 / 7, 600 / 7, 100])
    assert stats.percentiles([3.0]) == [50.0]


def test_spearman_with_ties_by_hand() -> None:
    # ranks x: 1..8, y: 1, 2.5, 2.5, 4..8 -> sxy = 41.5, sxx = 42, syy = 41.5
    assert stats.spearman(list(range(1, 9)), COMMENTS) == pytest.approx(math.sqrt(41.5 / 42))


def test_groups_are_the_top_and_bottom_fifth() -> None:
    groups = figures.groups_within([s / 10 for s in SHARES], ["all"] * 8)
    # percentiles 0, 14.3, 28.6, 42.9, 57.1, 71.4, 85.7, 100
    assert groups == ["dead_end", "dead_end", None, None, None, None, "travelled", "travelled"]


def test_effect_by_hand_and_the_minimum_n(monkeypatch: pytest.MonkeyPatch) -> None:
    rates = {"comments_per_reaction": [c / 10 for c in COMMENTS]}
    pcts = {k: figures.percentiles_within(v, ["all"] * 8) for k, v in rates.items()}
    features = {"dialogue": list(range(1, 9))}
    (few,) = figures.effects(features, rates, pcts, ["dialogue"], reps=50)
    assert few.status == "not_enough_data" and few.n == 8 and few.low is None  # min_n = 30 in audit.toml
    assert few.to_dict()["enough"] is False
    monkeypatch.setitem(figures.settings()["stats"], "min_n", 5)
    (eff,) = figures.effects(features, rates, pcts, ["dialogue"], reps=200)
    assert eff.status == "ok" and eff.n == 8 and eff.method == "bootstrap"
    assert eff.rho == pytest.approx(math.sqrt(41.5 / 42))
    assert eff.low <= eff.rho <= eff.high


def test_ratio_of_medians() -> None:
    assert stats.median_ratio([0.9, 1.8, 2.7], [0.5, 1.0, 1.5]) == pytest.approx(1.8)
    assert math.isnan(stats.median_ratio([1.0], [0.0, 0.0]))


def test_fieller_interval_narrows_with_n() -> None:
    lo1, hi1 = stats.fieller_interval(0.3, 100)
    lo2, hi2 = stats.fieller_interval(0.3, 10_000)
    assert lo1 < lo2 < 0.3 < hi2 < hi1


# ------------------------------------------------------------------ rates
def test_zero_or_missing_denominator_is_kept_but_has_no_rate() -> None:
    counts = [{"comments": 3, "reactions": 0}, {"comments": 3}, {"comments": 3, "reactions": 6}, {"reactions": 4}]
    rates = figures.rates_of(counts)
    assert rates["comments_per_reaction"] == [None, None, 0.5, None]
    assert "shares_per_reaction" not in rates  # no post has shares
    pct = figures.percentiles_within(rates["comments_per_reaction"], ["all"] * 4)
    assert pct == [None, None, 50.0, None]


def test_periods_split_by_year_only_beyond_a_year() -> None:
    assert figures.periods_of(["2024-01-01", "2024-12-01", None]) == ["all"] * 3
    assert figures.periods_of(["2023-01-01", "2024-12-01T10:00", None]) == ["2023", "2024", figures.UNDATED]


@given(st.lists(st.one_of(st.none(), st.floats(0, 100, allow_nan=False)), max_size=60), st.data())
@hyp_settings(max_examples=150, deadline=None)
def test_percentiles_in_range_and_groups_consistent(values, data) -> None:
    periods = [data.draw(st.sampled_from(["2023", "2024"])) for _ in values]
    pcts = figures.percentiles_within(values, periods)
    for v, p in zip(values, pcts):
        assert (v is None) == (p is None)
        assert p is None or 0.0 <= p <= 100.0
    for period in ("2023", "2024"):
        idx = [i for i, v in enumerate(values) if v is not None and periods[i] == period]
        within = figures.groups_within(values, periods)
        groups = {i: within[i] for i in idx}
        top = [values[i] for i in idx if groups[i] == "travelled"]
        bottom = [values[i] for i in idx if groups[i] == "dead_end"]
        if len(idx) > 1 and top and bottom:
            assert min(top) > max(bottom)  # a travelled post always did better than a dead end
        for i in idx:  # equal values, equal group
            assert all(groups[j] == groups[i] for j in idx if values[j] == values[i])


def test_ties_stay_together_in_their_fifth() -> None:
    periods = ["all"] * 10
    # 5 of 10 posts were never shared: their places reach into the bottom fifth, so all five are dead ends
    shares = [0, 0, 0, 0, 0, 0.1, 0.2, 0.3, 0.5, 0.9]
    assert figures.groups_within(shares, periods) == ["dead_end"] * 5 + [None, None, None, "travelled", "travelled"]
    # nine in ten never shared: they are the dead ends (though their tie reaches the top fifth), the one shared post travelled
    assert figures.groups_within([0.0] * 9 + [0.4], periods) == ["dead_end"] * 9 + ["travelled"]
    # every post did the same: nothing to tell apart
    assert figures.groups_within([0.2] * 10, periods) == [None] * 10
    # no ties: the plain top and bottom fifth
    assert figures.groups_within([float(i) for i in range(10)], periods) == ["dead_end"] * 2 + [None] * 6 + ["travelled"] * 2


# ------------------------------------------------------------------ the whole audit
TEXTS = [
    "Was denken Sie über unseren neuen Plan für die Stadt? Schreiben Sie es uns in die Kommentare.",
    "Wir haben heute viel erreicht und sind stolz auf unser Team und unsere Arbeit im Rathaus.",
    "Teilen Sie diesen Beitrag mit Ihren Freunden, damit alle vom Fest am Samstag erfahren!",
    "What do you think about our new plan for the park? Tell us in the comments below please.",
    "We are proud of our team and the great results we achieved together this year at the centre.",
    "Danke!",
]


def _posts(n: int, dated: bool = True) -> list[PostRecord]:
    out = []
    for i in range(n):
        text = TEXTS[i % len(TEXTS)] + (f" Teil {i}." if i % len(TEXTS) != 5 else "")
        counts = {"comments": (i * 7) % 13, "shares": (i * 5) % 11, "reactions": (i * 3) % 17}
        out.append(PostRecord(i + 2, text, f"2025-{1 + i % 12:02d}-01" if dated else None, counts))
    return out


def test_json_shape() -> None:
    audit = run_audit(_posts(60), platform="facebook", workers=1, reps=30)
    data = json.loads(json.dumps(audit.to_dict(), allow_nan=False))
    assert data["n_posts"] == 60 and data["n_skipped"] == 0
    post = data["posts"][0]
    assert {"row", "date", "text", "scores", "outcomes", "percentiles", "group"} <= set(post)
    assert set(post["scores"]) == {"dialogue", "shareability", "clarity", "platform_fit"}
    assert set(post["outcomes"]) == {"comments_per_reaction", "shares_per_reaction"}
    assert post["group"] in ("travelled", "dead_end", None)
    not_judged = [p for p in data["posts"] if p["text"] == "Danke!"]
    assert not_judged and all(p["scores"]["dialogue"] is None for p in not_judged)
    features = {e["feature"] for e in data["effects"]}
    assert {"dialogue", "shareability", "clarity", "platform_fit", "D2"} <= features
    for e in data["effects"]:
        assert {"feature", "outcome", "rho", "ci90", "n"} <= set(e) and len(e["ci90"]) == 2 and isinstance(e["n"], int)
        assert e["rho"] is None or -1 <= e["rho"] <= 1
    assert set(data["advice"]) == {"dialogue_vs_comments_per_reaction", "shareability_vs_shares_per_reaction"}
    for a in data["advice"].values():
        assert a["verdict"] in ("supports", "contradicts", "unclear", "not_enough_data", "constant")
    rows = {p["row"]: p["group"] for p in data["posts"]}
    assert data["travelled"] and all(rows[r] == "travelled" for r in data["travelled"])
    assert data["dead_ends"] and all(rows[r] == "dead_end" for r in data["dead_ends"])
    # reactions 0 every 17th post: no rate, no percentile, no group, but still a post with scores
    zero = [p for p in data["posts"] if p["counts"]["reactions"] == 0]
    assert zero and all(p["outcomes"]["comments_per_reaction"] is None and p["group"] is None for p in zero)


def test_too_few_posts_say_not_enough_data() -> None:
    audit = run_audit(_posts(12), platform="facebook", workers=1, reps=20)
    assert all(e.status == "not_enough_data" for e in audit.effects)
    assert all(a["verdict"] == "not_enough_data" for a in audit.advice.values())


def test_pool_and_single_process_agree() -> None:
    posts = _posts(620)
    one = run_audit(posts, platform="facebook", workers=1, reps=20).to_dict()
    two = run_audit(posts, platform="facebook", workers=2, reps=20).to_dict()
    assert one == two


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_stops_early(workers: int) -> None:
    posts = _posts(2000, dated=False)
    seen: list[int] = []
    with pytest.raises(AuditCancelled):
        run_audit(posts, platform="facebook", workers=workers, progress=lambda done, total: seen.append(done),
                  cancel=lambda: bool(seen and seen[-1] > 0))
    assert max(seen) < 2000


def test_bad_platform_is_one_line_before_any_work() -> None:
    with pytest.raises(ValueError) as exc:
        run_audit(_posts(3), platform="myspace", workers=1)
    assert "\n" not in str(exc.value)


def test_a_page_never_shared_says_so_instead_of_unclear() -> None:
    """ρ is undefined when no post was ever shared: the advice check says the figure never varies (in the
    text report, the audit report and the JSON), not "no clear result"; and the posts are grouped by
    comments instead of by shares, which would leave both lists empty."""
    from resonanz.core.audit.render import render_text
    from resonanz.core.reports.audit_report import audit_report_of
    from resonanz.core.reports.markdown import to_markdown

    posts = [PostRecord(p.row, p.text, p.date, {**p.counts, "shares": 0}) for p in _posts(60)]
    audit = run_audit(posts, platform="facebook", workers=1, reps=30)
    advice = audit.to_dict()["advice"]
    assert advice["shareability_vs_shares_per_reaction"]["verdict"] == "constant"
    assert advice["dialogue_vs_comments_per_reaction"]["verdict"] != "constant"
    assert audit.main_outcome == "comments_per_reaction"  # nothing to rank by shares: travelled and dead ends by comments
    assert audit.to_dict()["travelled"] and audit.to_dict()["dead_ends"]
    assert "the same for every post on this page (for example, no post was shared)" in render_text(audit, "en")
    assert "bei allen Beiträgen dieser Seite gleich" in render_text(audit, "de")
    report = to_markdown(audit_report_of(json.loads(json.dumps(audit.to_dict())), "en"))
    assert "Shareability and shares per reaction: the same for every post on this page" in report


@pytest.mark.parametrize(
    "feature,ratio,lang,expected",
    [
        ("D2", 1.8, "en", "get 1.8× as many comments per reaction"),
        ("D2", 1.8, "de", "1,8× so viele Kommentare je Reaktion"),
        ("dialogue", 0.5, "en", "get 0.5× as many comments per reaction as the bottom half"),
        # the median post with the signal had none: no "0.0× as many", the line gives rho instead
        ("D2", 0.0, "en", "and comments per reaction: ρ = -0.40 (90% interval -0.60 to -0.20, n = 80)"),
        ("D2", 0.04, "de", "und Kommentare je Reaktion: ρ = -0,40 (90 %-Intervall -0,60 bis -0,20, n = 80)"),
        ("dialogue", 0.01, "en", "and comments per reaction: ρ = -0.40"),
        ("D2", None, "en", "and comments per reaction: ρ = -0.40"),
    ],
)
def test_plain_line_says_as_many_only_where_the_ratio_reads_as_one(feature: str, ratio: float | None, lang: str, expected: str) -> None:
    eff = figures.Effect(feature, "comments_per_reaction", -0.4, -0.6, -0.2, 80, "ok", "bootstrap", ratio, 20)
    line = figures.plain_line(eff, lang)
    assert expected in line and "0.0×" not in line and "0,0×" not in line
