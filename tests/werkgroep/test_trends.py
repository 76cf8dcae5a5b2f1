"""Trends across repeated polls: a question's result over three rounds, the small-cell rules
of the single tables carried into the trend (with an attacker who tries to compute a hidden
cell back from the series plus the totals), and the note on a changed make-up."""

import itertools
from datetime import date

import pytest
from django.urls import reverse

from tests.werkgroep.factories import add_votes, make_poll, wijken
from tests.werkgroep.reporting_data import at
from werkgroep import evidence, trends
from werkgroep import results as poll_results
from werkgroep.periods import Period

pytestmark = pytest.mark.django_db

# Round → wijk → (Ja, Een beetje, Nee) for "Weet u waar u hulp kunt vragen?"
ROUNDS = {
    1: {"Centrum": (6, 5, 9), "Noord": (7, 6, 7), "Oost": (5, 8, 7)},
    2: {"Centrum": (3, 9, 8), "Noord": (8, 6, 6), "Oost": (7, 7, 6)},  # Centrum Ja = 3: hidden
    3: {"Centrum": (10, 6, 4), "Noord": (9, 6, 5), "Oost": (8, 7, 5)},
}


def _rows(poll, counts: dict) -> list[dict]:
    q1 = poll.questions.get(order=1)
    q3 = poll.questions.get(order=3)
    choices = list(q1.choices.order_by("order"))
    scale = q3.choices.order_by("order").first()
    places = {w.name: w for w in wijken(3)}
    rows = []
    for name, per_choice in counts.items():
        for choice, n in zip(choices, per_choice, strict=True):
            rows += [
                {"wijk": places[name], "choices": {q1.pk: [choice.pk], q3.pk: [scale.pk]}}
                for _ in range(n)
            ]
    return rows


@pytest.fixture
def series():
    polls = []
    for i, month in enumerate([(2026, 1), (2026, 3), (2026, 5)], 1):
        poll = make_poll(
            title=f"Hulp vinden {i}",
            opens_at=at(*month, 1),
            closes_at=at(*month, 14),
            repeat_of=polls[-1] if polls else None,
        )
        add_votes(poll, _rows(poll, ROUNDS[i]))
        polls.append(poll)
    return polls


def test_a_question_has_its_result_over_three_repeated_polls(series):
    (found,) = trends.repeated_series()
    assert found.root_id == series[0].pk
    assert [r.id for r in found.rounds] == [p.pk for p in series]
    result = trends.trend(root_id=series[0].pk)
    question = result.questions[0]
    assert question.text == "Weet u waar u hulp kunt vragen?"
    assert question.totals == [60, 60, 60]
    ja, beetje, nee = question.choices
    assert ja.counts == [18, 18, 27]
    assert ja.shares == [30.0, 30.0, 45.0]
    assert nee.counts == [23, 20, 14]
    assert [r.label for r in result.rounds] == ["01-01-2026", "01-03-2026", "01-05-2026"]


def test_a_concept_repeat_is_no_round_and_no_citable_answer_until_it_is_published(series):
    # The studio's "repeat" makes a linked concept first; nobody has seen or answered it.
    concept = make_poll(
        title="Hulp vinden 4",
        opens_at=at(2026, 7, 1),
        closes_at=at(2026, 7, 14),
        repeat_of=series[-1],
        published_at=None,
    )
    (found,) = trends.repeated_series()
    assert [r.id for r in found.rounds] == [p.pk for p in series]
    assert trends.trend(root_id=series[0].pk).questions[0].totals == [60, 60, 60]
    concept_choices = set(
        concept.questions.values_list("choices__pk", flat=True).exclude(choices__pk=None)
    )
    cited = {choice_id for choice_id, _label in evidence.answer_options()}
    assert cited and not cited & concept_choices
    trend_choices = {int(key.split(":")[1]) for key, _label in evidence.trend_options()}
    assert trend_choices and not trend_choices & concept_choices


def test_a_published_repeat_of_a_concept_starts_its_own_series():
    concept = make_poll(title="Eerste opzet", opens_at=at(2026, 1, 1), published_at=None)
    first = make_poll(
        title="Hulp vinden", opens_at=at(2026, 2, 1), closes_at=at(2026, 2, 14), repeat_of=concept
    )
    second = make_poll(
        title="Hulp vinden 2", opens_at=at(2026, 4, 1), closes_at=at(2026, 4, 14), repeat_of=first
    )
    (found,) = trends.repeated_series()
    assert found.root_id == first.pk and found.title == "Hulp vinden"
    assert [r.id for r in found.rounds] == [first.pk, second.pk]


def test_a_period_keeps_only_the_rounds_in_it(series):
    spring = Period(start=date(2026, 2, 1), end=date(2026, 6, 30))
    result = trends.trend(root_id=series[0].pk, period=spring)
    assert [r.poll_id for r in result.rounds] == [series[1].pk, series[2].pk]
    only_one = Period(start=date(2026, 4, 1), end=date(2026, 6, 30))
    assert trends.trend(root_id=series[0].pk, period=only_one) is None


def test_a_group_trend_shows_exactly_what_each_rounds_table_shows(series):
    result = trends.trend(root_id=series[0].pk, dimension="wijk")
    question = result.questions[0]
    centrum = next(g for g in question.groups if g.label == "Centrum")
    assert centrum.cells[0][1].count == "<5"  # Ja in round 2
    assert centrum.cells[0][1].share is None
    for round_index, poll in enumerate(series):
        results = poll_results.results_page(poll_id=poll.pk, dimension="wijk")
        table = results.questions[0].breakdown
        for row_index, label in enumerate(table.row_labels):
            group = next(g for g in question.groups if g.label == label)
            assert group.totals[round_index] == table.row_totals[row_index].display
            for ci in range(3):
                cell = group.cells[ci][round_index]
                assert cell.count == table.cells[row_index][ci].display
                if cell.share is not None:  # a share only beside a shown count and total
                    assert table.cells[row_index][ci].shown
                    assert table.row_totals[row_index].shown


def _feasible_values(shown_rows, column_totals) -> dict[tuple[int, int], set[int]]:
    """The attacker: every table of whole numbers that fits what is shown (numbers, "<5" =
    0..4, "×" = 5 or more, row totals = row sums, column totals = the public overall result);
    returns the values each hidden cell takes over all of them."""
    hidden = [
        (i, j)
        for i, row in enumerate(shown_rows)
        for j, value in enumerate(row["cells"])
        if not isinstance(value, int)
    ]
    grand = sum(column_totals)

    def options(value):
        return range(5) if value == "<5" else range(5, grand + 1)

    found: dict[tuple[int, int], set[int]] = {cell: set() for cell in hidden}

    def column_fills(j: int):
        """Values for column j's hidden cells that add up to its public total."""
        cells = [(i, jj) for i, jj in hidden if jj == j]
        rest = column_totals[j] - sum(
            row["cells"][j] for row in shown_rows if isinstance(row["cells"][j], int)
        )

        def fill(k: int, left: int):
            if k == len(cells):
                if left == 0:
                    yield ()
                return
            i, _ = cells[k]
            for value in options(shown_rows[i]["cells"][j]):
                if value > left:
                    break
                for tail in fill(k + 1, left - value):
                    yield (value, *tail)

        return [dict(zip(cells, values, strict=True)) for values in fill(0, rest)]

    per_column = [column_fills(j) for j in range(len(column_totals))]
    for combination in itertools.product(*per_column):
        values = {cell: v for part in combination for cell, v in part.items()}
        fits = True
        for i, row in enumerate(shown_rows):
            total = sum(values.get((i, j), v) for j, v in enumerate(row["cells"]))
            shown_total = row["total"]
            fits &= (
                total == shown_total
                if isinstance(shown_total, int)
                else total in options(shown_total)
            )
        if fits:
            for cell, value in values.items():
                found[cell].add(value)
    return found


def test_an_attacker_cannot_compute_the_hidden_cell_from_the_series_and_the_totals(series):
    result = trends.trend(root_id=series[0].pk, dimension="wijk")
    question = result.questions[0]
    for r in range(3):
        # What the trend page publishes for this round: per group the shown counts and
        # totals, and the overall counts per choice (the public result).
        shown_rows = [
            {
                "cells": [
                    int(g.cells[ci][r].count) if g.cells[ci][r].shown else g.cells[ci][r].count
                    for ci in range(3)
                ],
                "total": int(g.totals[r]) if g.totals[r].isdigit() else g.totals[r],
            }
            for g in question.groups
        ]
        column_totals = [c.counts[r] for c in question.choices]
        for cell, values in _feasible_values(shown_rows, column_totals).items():
            assert len(values) > 1, (r, cell, values)
    # and the hidden cell of round 2 really is hidden
    centrum = next(g for g in question.groups if g.label == "Centrum")
    assert not centrum.cells[0][1].shown


def test_a_changed_make_up_between_rounds_gets_a_note(series):
    assert trends.trend(root_id=series[0].pk).notes == []
    later = make_poll(
        title="Hulp vinden 4",
        opens_at=at(2026, 7, 1),
        closes_at=at(2026, 7, 14),
        repeat_of=series[2],
    )
    add_votes(later, _rows(later, {"Centrum": (20, 10, 10), "Noord": (3, 3, 2), "Oost": (2, 3, 2)}))
    notes = [n.text for n in trends.trend(root_id=series[0].pk).notes]
    assert notes == [
        "De groep die antwoordde was in 01-07-2026 anders samengesteld dan in 01-05-2026 "
        "(wijk: 20 procentpunten of meer verschoven). Vergelijk de uitkomsten daarom voorzichtig."
    ]


def test_the_trend_pages_show_a_chart_with_its_table(client, werkgroep_user, series):
    client.force_login(werkgroep_user)
    listing = client.get(reverse("werkgroep:trends")).content.decode()
    assert "Hulp vinden 1" in listing
    page = client.get(
        reverse("werkgroep:trend", args=[series[0].pk]), {"uitsplitsing": "wijk"}
    ).content.decode()
    assert '<svg class="wg-svgchart"' in page
    assert "Weet u waar u hulp kunt vragen?" in page
    assert "&lt;5" in page


def test_the_trend_page_queries_stay_flat_in_the_number_of_votes(
    client, werkgroep_user, series, django_assert_max_num_queries
):
    client.force_login(werkgroep_user)
    url = reverse("werkgroep:trend", args=[series[0].pk])
    with django_assert_max_num_queries(200) as before:
        client.get(url, {"uitsplitsing": "wijk"})
    for poll in series:
        add_votes(poll, _rows(poll, ROUNDS[1]))
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url, {"uitsplitsing": "wijk"})


def test_an_unknown_series_is_not_found(client, werkgroep_user, series):
    client.force_login(werkgroep_user)
    assert client.get(reverse("werkgroep:trend", args=[series[0].pk + 99])).status_code == 404


def test_the_attacker_does_compute_a_cell_that_only_primary_suppression_hides():
    # Round 2 with only "<5" marks: Centrum's total minus its shown cells gives Ja = 3.
    shown_rows = [
        {"cells": ["<5", 9, 8], "total": 20},
        {"cells": [8, 6, 6], "total": 20},
        {"cells": [7, 7, 6], "total": 20},
    ]
    assert _feasible_values(shown_rows, [18, 22, 20]) == {(0, 0): {3}}
